/** Roles of cityloop users (names are part of the API; Chinese names for the UI). */
export const ROLES = [
  'inspector',
  'intake_clerk',
  'shift_leader',
  'dispatcher',
  'unit_staff',
  'unit_leader',
  'street_chief',
  'bureau_leader',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_NAMES_ZH: Record<Role, string> = {
  inspector: '监督员',
  intake_clerk: '受理员',
  shift_leader: '值班长',
  dispatcher: '派遣员',
  unit_staff: '处置单位人员',
  unit_leader: '处置单位领导',
  street_chief: '街长',
  bureau_leader: '局领导',
  admin: '系统管理员',
};

/** Jurisdiction scope levels: a user sees and acts on what lies inside their scope. */
export const SCOPE_LEVELS = ['city', 'district', 'street', 'unit'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** Area classes of grids / evaluation areas, used by time limits: A core, B general, C outlying. */
export const AREA_CLASSES = ['A', 'B', 'C'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];

/** Units of a time limit. */
export const TIME_UNITS = ['minute', 'hour', 'working_hour', 'working_day'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];
