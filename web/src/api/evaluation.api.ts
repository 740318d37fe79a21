import { requestJson } from './http';

/**
 * The evaluation API as the command centre and the admin read it
 * (server/src/modules/evaluation: evaluation.schema.ts, evaluation.service.ts).
 */

export type EvaluationSubject =
  | 'unit'
  | 'inspector'
  | 'intake_clerk'
  | 'shift_leader'
  | 'dispatcher'
  | 'grid'
  | 'community'
  | 'street'
  | 'district';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'custom';

/** Dimensions a trend can follow. */
export type TrendDimension =
  | 'city'
  | 'district'
  | 'street'
  | 'community'
  | 'grid'
  | 'unit'
  | 'inspector'
  | 'intake_clerk'
  | 'shift_leader'
  | 'dispatcher'
  | 'major'
  | 'matter'
  | 'source';

export interface PeriodQuery {
  period?: PeriodKind;
  /** 2026-11-23, 2026-W48, 2026-11, 2026-Q4, 2026. */
  date?: string;
  from?: string;
  to?: string;
}

export interface EvaluationPeriod {
  kind: PeriodKind;
  label: string;
  from: string;
  to: string;
  days: number;
  start: string;
  end: string;
}

export interface RateValue {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface IndicatorRow {
  key: string;
  name: string;
  counts: Record<string, number>;
  rates: Record<string, RateValue>;
  scores: Record<string, number | null>;
  volume: number;
  activity: number;
  composite: number | null;
  grade: string | null;
}

export interface IndicatorsView {
  subject: EvaluationSubject;
  period: EvaluationPeriod;
  components: { indicator: string; weight: number }[];
  rows: IndicatorRow[];
}

export interface TrendSeries {
  key: string;
  name: string;
  values: (number | null)[];
  change: { previous: number | null; abs: number | null; pct: number | null };
  yearAgo: { value: number | null; abs: number | null; pct: number | null };
}

export interface TrendsView {
  dimension: TrendDimension;
  metric: string;
  periods: EvaluationPeriod[];
  yearAgo: EvaluationPeriod;
  series: TrendSeries[];
}

export interface HotspotCell {
  cell: string;
  res: number;
  count: number;
  share: number;
  previous: number;
  change: { abs: number; pct: number | null };
  center: { lng: number; lat: number };
  /** The cell's outline as a closed GeoJSON ring, [lng, lat] pairs. */
  boundary: [number, number][];
}

export interface HotspotsView {
  period: EvaluationPeriod;
  previousPeriod: EvaluationPeriod;
  res: number;
  matter: string | null;
  total: number;
  cells: HotspotCell[];
  grids: { gridCode: string; count: number }[];
  repeats: { gridCode: string; matterCode: string; count: number }[];
  repeatMin: number;
}

export interface TrendsQuery extends PeriodQuery {
  dimension: TrendDimension;
  metric?: string;
  key?: string;
  count?: number;
  top?: number;
}

export interface HotspotsQuery extends PeriodQuery {
  res?: 7 | 8 | 9;
  matter?: string;
  top?: number;
}

export interface WeightedComponent {
  indicator: string;
  weight: number;
}

/** The city's evaluation settings (evaluation.settings.ts); PUT replaces the whole document. */
export interface EvaluationSettings {
  grades: { A: number; B: number; C: number; D: number };
  composites: Record<EvaluationSubject, WeightedComponent[]>;
  bands: Record<EvaluationSubject, { min: number; score: number }[]>;
  bandBasisDays: number;
  rankings: { top: number; bottom: number; redMin: number; yellowBelow: number; minVolume: number };
  ratio721: { service: number; management: number; enforcement: number };
  hotspots: { top: number; repeatMin: number };
  publicBoard: {
    enabled: boolean;
    subjects: string[];
    periods: string[];
    completedOnly: boolean;
    showCounts: boolean;
    showLists: boolean;
  };
}

export const evaluationApi = {
  indicators: (subject: EvaluationSubject, period: PeriodQuery, signal?: AbortSignal) =>
    requestJson<IndicatorsView>('/api/v1/evaluation/indicators', {
      query: { subject, ...period },
      signal,
    }),
  trends: (q: TrendsQuery, signal?: AbortSignal) =>
    requestJson<TrendsView>('/api/v1/evaluation/trends', { query: { ...q }, signal }),
  hotspots: (q: HotspotsQuery, signal?: AbortSignal) =>
    requestJson<HotspotsView>('/api/v1/evaluation/hotspots', { query: { ...q }, signal }),
  settings: (signal?: AbortSignal) =>
    requestJson<EvaluationSettings>('/api/v1/evaluation/settings', { signal }),
  putSettings: (settings: EvaluationSettings) =>
    requestJson<EvaluationSettings>('/api/v1/evaluation/settings', {
      method: 'PUT',
      json: settings,
    }),
};
