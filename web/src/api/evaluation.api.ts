import type {
  DrillDimension,
  DrillView,
  EvaluationPeriod,
  EvaluationSubject,
  IndicatorsView,
  PeriodKind,
  RankingRules,
  RankingsView,
  Ratio721View,
  RatioGroup,
} from '@common/evaluation';
import { request, requestJson } from './http';

export type {
  DisposalSplit,
  DrillCount,
  DrillDimension,
  DrillItem,
  DrillView,
  EvaluationPeriod,
  EvaluationSubject,
  IndicatorRow,
  IndicatorsView,
  PeriodKind,
  RankedRow,
  RankingsView,
  RateValue,
  Ratio721Row,
  Ratio721View,
  RatioGroup,
} from '@common/evaluation';

/**
 * The evaluation API as the command centre, the evaluation page and the admin read it
 * (server/src/modules/evaluation: evaluation.schema.ts, evaluation.service.ts).
 */

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
  rankings: RankingRules;
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

export interface DrillQuery extends PeriodQuery {
  /** A count ('handled_on_time', 'disposal.service') or an indicator ('closure_rate', 'volume'). */
  indicator: string;
  dimension: DrillDimension;
  key: string;
  matter?: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  rankings: (subject: EvaluationSubject, period: PeriodQuery, signal?: AbortSignal) =>
    requestJson<RankingsView>('/api/v1/evaluation/rankings', {
      query: { subject, ...period },
      signal,
    }),
  drill: (q: DrillQuery, signal?: AbortSignal) =>
    requestJson<DrillView>('/api/v1/evaluation/drill', { query: { ...q }, signal }),
  ratio721: (groupBy: RatioGroup, period: PeriodQuery, signal?: AbortSignal) =>
    requestJson<Ratio721View>('/api/v1/evaluation/ratio721', {
      query: { groupBy, ...period },
      signal,
    }),
  /** The monthly evaluation report (月度综合评价报告) of a month 'YYYY-MM', as a file. */
  monthlyReport: async (month: string, format: 'xlsx' | 'pdf'): Promise<Blob> => {
    const res = await request(`/api/v1/reports/monthly.${format}`, {
      query: { month },
      headers: { accept: format === 'xlsx' ? XLSX_TYPE : 'application/pdf' },
    });
    return res.blob();
  },
  settings: (signal?: AbortSignal) =>
    requestJson<EvaluationSettings>('/api/v1/evaluation/settings', { signal }),
  putSettings: (settings: EvaluationSettings) =>
    requestJson<EvaluationSettings>('/api/v1/evaluation/settings', {
      method: 'PUT',
      json: settings,
    }),
};
