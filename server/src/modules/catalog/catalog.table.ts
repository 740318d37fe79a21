import type { Insertable, Selectable } from 'kysely';

/** One row of the GB/T 47678.5 code tables (or a local extension). Key: (kind, code). */
export interface CatalogEntryTable {
  kind: 'component' | 'matter';
  code: string;
  major_code: string;
  major_name: string;
  name: string;
  name_en: string | null;
  /** For a "<component> abnormal" matter: the component type it concerns. */
  component_code: string | null;
  /** 1 for codes from the standard, 0 for local extensions (minor 98/99 "other" etc.). */
  standard: number;
  active: number;
}

/** An explicit legacy → current mapping that overrides the rule of domain.md §4. */
export interface LegacyCodeOverrideTable {
  legacy_code: string;
  /** 'event' or 'component': which legacy table the 4-digit code comes from. */
  legacy_kind: 'event' | 'component';
  kind: 'component' | 'matter';
  code: string;
  note: string | null;
}

/** 立案条件 of a matter, with its 结案条件 (closure condition). */
export interface RegistrationConditionTable {
  id: string;
  matter_code: string;
  seq: number;
  name: string;
  closure_condition: string;
  /** 1 when the closure condition asks for a photo at feedback and check. */
  photo_required: number;
  urgent: number;
  active: number;
}

/** The handling time limit of a registration condition, per area class. */
export interface ConditionTimeLimitTable {
  condition_id: string;
  area_class: 'A' | 'B' | 'C';
  amount: number;
  unit: 'minute' | 'hour' | 'working_hour' | 'working_day';
}

/** City-wide limits of the other stages (verify, register, dispatch, acknowledge, check). */
export interface StageTimeLimitTable {
  stage: 'verify' | 'register' | 'dispatch' | 'acknowledge' | 'check';
  urgency: 'normal' | 'urgent';
  area_class: 'A' | 'B' | 'C';
  amount: number;
  unit: 'minute' | 'hour' | 'working_hour' | 'working_day';
}

export interface CatalogTables {
  catalog_entry: CatalogEntryTable;
  legacy_code_override: LegacyCodeOverrideTable;
  registration_condition: RegistrationConditionTable;
  condition_time_limit: ConditionTimeLimitTable;
  stage_time_limit: StageTimeLimitTable;
}

export type CatalogEntryRow = Selectable<CatalogEntryTable>;
export type NewCatalogEntryRow = Insertable<CatalogEntryTable>;
export type RegistrationConditionRow = Selectable<RegistrationConditionTable>;
export type ConditionTimeLimitRow = Selectable<ConditionTimeLimitTable>;
export type StageTimeLimitRow = Selectable<StageTimeLimitTable>;
