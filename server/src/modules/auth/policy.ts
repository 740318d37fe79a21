import type { Role } from '@common/roles';
import type { Actor, ResourcePlace } from './actor';

/** Things a user may ask to do outside the case workflow (the workflow has its own table). */
export type Permission =
  | 'catalog.read'
  | 'catalog.admin'
  | 'space.read'
  | 'space.admin'
  | 'org.read'
  | 'org.admin'
  | 'routing.read'
  | 'routing.admin'
  | 'clock.read'
  | 'clock.admin'
  | 'open311.admin'
  | 'evaluation.read'
  | 'evaluation.admin';

const STAFF: readonly Role[] = [
  'inspector',
  'intake_clerk',
  'shift_leader',
  'dispatcher',
  'unit_staff',
  'unit_leader',
  'street_chief',
  'bureau_leader',
  'admin',
];

/** Which roles hold each permission. Data, not code paths, so the table can be reviewed whole. */
export const PERMISSION_ROLES: Record<Permission, readonly Role[]> = {
  'catalog.read': STAFF,
  'catalog.admin': ['admin'],
  'space.read': STAFF,
  'space.admin': ['admin'],
  'org.read': STAFF,
  'org.admin': ['admin'],
  'routing.read': ['dispatcher', 'shift_leader', 'bureau_leader', 'admin'],
  'routing.admin': ['admin'],
  'clock.read': STAFF,
  'clock.admin': ['admin'],
  'open311.admin': ['admin'],
  'evaluation.read': [
    'bureau_leader',
    'shift_leader',
    'street_chief',
    'unit_leader',
    'dispatcher',
    'admin',
  ],
  'evaluation.admin': ['admin'],
};

/** True when one of the actor's roles holds the permission. Pure. */
export function hasPermission(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  const allowed = PERMISSION_ROLES[permission];
  return actor.roles.some((r) => allowed.includes(r));
}

/**
 * True when a resource lies inside the actor's jurisdiction. Pure.
 * city scope: everything of the city (a null region means the whole deployment);
 * district/street scope: resources in that region; unit scope: resources of that unit.
 */
export function inScope(actor: Pick<Actor, 'scope'>, place: ResourcePlace): boolean {
  const { level, regionId, unitId } = actor.scope;
  switch (level) {
    case 'city':
      return regionId === null || place.cityId == null || place.cityId === regionId;
    case 'district':
      return place.districtId === regionId;
    case 'street':
      return place.streetId === regionId;
    case 'unit':
      return place.unitId != null && place.unitId === unitId;
  }
}

/** Permission and jurisdiction together: the one question routes ask. Pure. */
export function can(actor: Actor, permission: Permission, place?: ResourcePlace): boolean {
  return hasPermission(actor, permission) && (place === undefined || inScope(actor, place));
}
