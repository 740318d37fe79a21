import type { Role, ScopeLevel } from '@common/roles';

/** The signed-in user as the rest of the server sees them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  scope: ActorScope;
}

export interface ActorScope {
  level: ScopeLevel;
  /** The region of a city/district/street scope. */
  regionId: string | null;
  /** The unit of a unit scope. */
  unitId: string | null;
}

/**
 * Where a resource lies: its region chain and, for cases, its handling unit.
 * A jurisdiction check compares the actor's scope against this.
 */
export interface ResourcePlace {
  cityId?: string | null;
  districtId?: string | null;
  streetId?: string | null;
  communityId?: string | null;
  unitId?: string | null;
}
