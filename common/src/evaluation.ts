/**
 * The evaluation API's shapes (server/src/modules/evaluation, read by the console's evaluation
 * page, the command centre and the public portal): periods, indicator rows, rankings,
 * drill-downs, the 721 ratio and the public board. Names are part of the API: never rename one.
 */

/** Who or what is evaluated. */
export const EVALUATION_SUBJECTS = [
  'unit',
  'inspector',
  'intake_clerk',
  'shift_leader',
  'dispatcher',
  'grid',
  'community',
  'street',
  'district',
] as const;
export type EvaluationSubject = (typeof EVALUATION_SUBJECTS)[number];

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period as the API shows it: whole local days [from, to] of the city's time zone. */
export interface EvaluationPeriod {
  kind: PeriodKind;
  /** '2026-11-23', '2026-W48', '2026-11', '2026-Q4', '2026', or 'from..to'. */
  label: string;
  from: string;
  to: string;
  days: number;
  /** ISO instant of the start of `from` and of the end (exclusive), in the city's zone. */
  start: string;
  end: string;
}

/** A rate: 0–1, or null when the denominator is 0. */
export interface RateValue {
  value: number | null;
  numerator: number;
  denominator: number;
}

/** One evaluated subject: counts behind the figures, rates, scores, composite and grade. */
export interface IndicatorRow {
  key: string;
  name: string;
  counts: Record<string, number>;
  rates: Record<string, RateValue>;
  /** Score (0–100) of every indicator of the subject; null when not applicable. */
  scores: Record<string, number | null>;
  /** The count the volume band scores. */
  volume: number;
  /** The items worked on (ranking eligibility). */
  activity: number;
  composite: number | null;
  grade: string | null;
}

export interface IndicatorsView<Row extends IndicatorRow = IndicatorRow> {
  subject: EvaluationSubject;
  period: EvaluationPeriod;
  /** The composite's components and weights in effect. */
  components: { indicator: string; weight: number }[];
  rows: Row[];
}

/** Who makes the red and yellow lists (settings `rankings`). */
export interface RankingRules {
  top: number;
  bottom: number;
  redMin: number;
  yellowBelow: number;
  minVolume: number;
}

export interface RankedRow {
  rank: number;
  key: string;
  name: string;
  composite: number;
  grade: string | null;
  /** Items worked on in the period. */
  activity: number;
}

export interface RankingsView {
  subject: EvaluationSubject;
  period: EvaluationPeriod;
  rules: RankingRules;
  ranked: RankedRow[];
  /** 红榜: the best, at least redMin. */
  red: RankedRow[];
  /** 黄榜: the worst first, below yellowBelow. */
  yellow: RankedRow[];
}

/** Area dimension kinds, from the top. */
export const AREA_KINDS = ['city', 'district', 'street', 'community', 'grid'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Dimensions a drill-down can open: every subject, the city, matter, source and places. */
export const DRILL_DIMENSIONS = [
  ...EVALUATION_SUBJECTS,
  'city',
  'major',
  'matter',
  'source',
  'h3',
  'grid_matter',
] as const;
export type DrillDimension = (typeof DRILL_DIMENSIONS)[number];

/** One counted item: the case and the event the fact is anchored at. */
export interface DrillItem {
  caseId: string;
  number: string;
  seq: number;
  at: string;
  metric: string;
}

export interface DrillCount {
  metric: string;
  count: number;
  items: DrillItem[];
}

export interface DrillView {
  dimension: DrillDimension;
  key: string;
  indicator: string;
  period: EvaluationPeriod;
  /** count: one count; rate: numerator over denominator; volume: the counts behind a band. */
  kind: 'count' | 'rate' | 'volume';
  count: number;
  items: DrillItem[];
  rate?: number | null;
  numerator?: DrillCount;
  denominator?: DrillCount;
}

/** What the 721 ratio groups disposals by. */
export const RATIO_GROUPS = ['unit', ...AREA_KINDS] as const;
export type RatioGroup = (typeof RATIO_GROUPS)[number];

/** Disposals by mode (the 721 method: service, management, enforcement). */
export interface DisposalSplit {
  service: number;
  management: number;
  enforcement: number;
}

/** Disposals of one unit or area by mode (counts), their total, shares and deviations. */
export interface Ratio721Row extends DisposalSplit {
  key: string;
  name: string;
  total: number;
  /** 0–1 each, null without disposals. */
  shares: { [K in keyof DisposalSplit]: number | null };
  /** Percentage points off the city's target, null without disposals. */
  deviation: { [K in keyof DisposalSplit]: number | null };
}

export interface Ratio721View {
  groupBy: RatioGroup;
  period: EvaluationPeriod;
  /** The city's target, in percent. */
  target: DisposalSplit;
  rows: Ratio721Row[];
  total: Ratio721Row;
}

/** What a city may publish: units and areas, never people. */
export const PUBLIC_BOARD_SUBJECTS = ['unit', 'district', 'street', 'community', 'grid'] as const;
export type PublicBoardSubject = (typeof PUBLIC_BOARD_SUBJECTS)[number];

/** The periods a city may publish, shortest first. */
export const PUBLIC_BOARD_PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export type PublicBoardPeriodKind = (typeof PUBLIC_BOARD_PERIODS)[number];

/** One ranked unit or area of the public board. */
export interface PublicBoardRow {
  rank: number;
  name: string;
  /** 0–100, two decimals. */
  composite: number;
  grade: string | null;
  /** The counts behind the score, when the city shows them (settings showCounts). */
  counts?: Record<string, number>;
}

/** The public performance board (绩效公示): what the city chose to publish. */
export interface PublicBoard {
  subject: PublicBoardSubject;
  period: EvaluationPeriod & { kind: PublicBoardPeriodKind };
  /** Every subject and period kind the city publishes. */
  published: { subjects: PublicBoardSubject[]; periods: PublicBoardPeriodKind[] };
  /** Best first; only subjects with activity in the period are ranked. */
  ranked: PublicBoardRow[];
  /** 红榜 (best), when the city shows the lists. */
  red?: PublicBoardRow[];
  /** 黄榜 (worst), when the city shows the lists. */
  yellow?: PublicBoardRow[];
}
