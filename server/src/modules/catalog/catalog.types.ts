import type { AreaClass, TimeUnit } from '@common/roles';

/** The two code tables of GB/T 47678.5: components (部件) and matters (事项). */
export const CATALOG_KINDS = ['component', 'matter'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/**
 * Which legacy (GB/T 30428.2-2013 / CJ/T 214-2007) table a 4-digit code comes from: the event
 * table (事件) or the component table (部件).
 */
export const LEGACY_KINDS = ['event', 'component'] as const;
export type LegacyKind = (typeof LEGACY_KINDS)[number];

/** How a code was turned into a current one. */
export const MAPPED_BY = ['current', 'rule', 'override'] as const;
export type MappedBy = (typeof MAPPED_BY)[number];

/** Stages with a city-wide time limit (the handling stage has per-condition limits). */
export const STAGES = ['verify', 'register', 'dispatch', 'acknowledge', 'check'] as const;
export type Stage = (typeof STAGES)[number];

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** One entry of the code tables, standard or local. */
export interface CatalogEntry {
  kind: CatalogKind;
  code: string;
  majorCode: string;
  majorName: string;
  name: string;
  nameEn: string | null;
  /** For a "<component> abnormal" matter: the component type it concerns. */
  componentCode: string | null;
  /** True for codes of the standard, false for local extensions. */
  standard: boolean;
  active: boolean;
}

/** A code resolved to a current catalog code; `original` is the code as given. */
export interface ResolvedCode {
  kind: CatalogKind;
  code: string;
  original: string;
  mappedBy: MappedBy;
}

/** A time limit: an amount of a unit. */
export interface TimeLimit {
  amount: number;
  unit: TimeUnit;
}

/** The handling time limit of a condition for each area class. */
export type AreaLimits = Record<AreaClass, TimeLimit>;

/** A registration condition (立案条件) with its closure condition (结案条件) and limits. */
export interface RegistrationCondition {
  id: string;
  matterCode: string;
  seq: number;
  name: string;
  closureCondition: string;
  photoRequired: boolean;
  urgent: boolean;
  active: boolean;
  limits: AreaLimits;
}

/** What the case workflow needs to set a handling deadline. */
export interface HandlingLimit {
  conditionId: string;
  conditionName: string;
  matterCode: string;
  amount: number;
  unit: TimeUnit;
  photoRequired: boolean;
  urgent: boolean;
  closureCondition: string;
}

/** A city-wide limit of one stage, urgency and area class. */
export interface StageLimit {
  stage: Stage;
  urgency: Urgency;
  areaClass: AreaClass;
  amount: number;
  unit: TimeUnit;
}

/** An explicit legacy → current mapping that wins over the rule. */
export interface LegacyOverride {
  legacyCode: string;
  legacyKind: LegacyKind;
  kind: CatalogKind;
  code: string;
  note: string | null;
}
