import type { Insertable, Selectable } from 'kysely';

/** A department of the bureau, a centre, a street office, or a handling unit (处置单位). */
export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  kind: 'bureau' | 'centre' | 'handling_unit' | 'street_office';
  parent_id: string | null;
  /** The region the unit serves (its jurisdiction for unit-scoped users). */
  region_id: string | null;
  /** JSON array of matter major codes the unit handles, e.g. ["06","09"]. */
  matter_majors: string;
  phone: string | null;
  active: number;
  created_at: number;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  unit_id: string | null;
  scope_level: 'city' | 'district' | 'street' | 'unit';
  /** The region of a city/district/street scope. */
  scope_region_id: string | null;
  /** The unit of a unit scope. */
  scope_unit_id: string | null;
  phone: string | null;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

/** An inspector's assignment to a unit grid. */
export interface InspectorGridTable {
  user_id: string;
  grid_code: string;
}

/** A login session. Only the SHA-256 of the token is stored. */
export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  ip: string | null;
  user_agent: string | null;
}

/** A failed login, kept for the rate limit window. key = 'user:<name>' or 'ip:<addr>'. */
export interface LoginFailureTable {
  key: string;
  at: number;
}

export interface OrgTables {
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  inspector_grid: InspectorGridTable;
  user_session: UserSessionTable;
  login_failure: LoginFailureTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnitRow = Insertable<OrgUnitTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUserRow = Insertable<AppUserTable>;
