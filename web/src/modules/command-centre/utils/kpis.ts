import type {
  IndicatorRow,
  TrendDimension,
  TrendsView,
  EvaluationSubject,
} from '../../../api/evaluation.api';
import type { User } from '../../../api/types';

/** The area a command-centre user watches, as the evaluation API names it. */
export interface WatchedArea {
  /** Indicator subject whose rows cover the area (summed). */
  subject: Extract<EvaluationSubject, 'district' | 'street'>;
  /** Trend dimension of the area, with its key (none for the whole city). */
  dimension: Extract<TrendDimension, 'city' | 'district' | 'street'>;
  key?: string;
}

/** City-scope users watch the city; district and street users their own region. */
export function watchedArea(scope: User['scope'] | undefined): WatchedArea {
  if (scope?.level === 'district' && scope.regionId) {
    return { subject: 'district', dimension: 'district', key: scope.regionId };
  }
  if (scope?.level === 'street' && scope.regionId) {
    return { subject: 'street', dimension: 'street', key: scope.regionId };
  }
  return { subject: 'district', dimension: 'city' };
}

/** A rate with what it is made of; null value when nothing counts yet. */
export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
}

export function rate(numerator: number, denominator: number): Rate {
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator };
}

/** Counts summed over indicator rows (every district of the city, or the one region). */
export function sumCounts(
  rows: readonly IndicatorRow[],
  names: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (const row of rows) {
    for (const n of names) {
      out[n] = (out[n] ?? 0) + (row.counts[n] ?? 0);
    }
  }
  return out;
}

/**
 * The two rates of the command centre, with the evaluation module's definitions (area
 * indicators): closure rate = closed / valid; on-time handling rate = handled on time / handled.
 */
export function areaRates(rows: readonly IndicatorRow[]): { closure: Rate; onTime: Rate } {
  const c = sumCounts(rows, ['closed', 'valid', 'handled_on_time', 'handled']);
  return {
    closure: rate(c.closed ?? 0, c.valid ?? 0),
    onTime: rate(c.handled_on_time ?? 0, c.handled ?? 0),
  };
}

/** One series over the trend's periods: the sum of every row (the area may have several). */
export function totalSeries(view: TrendsView | undefined): number[] {
  if (!view) {
    return [];
  }
  return view.periods.map((_, i) => view.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
}

/** "82.5%" (one decimal, no trailing .0), or "—" when there is nothing to count. */
export function percent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) {
    return '—';
  }
  const p = Math.round(value * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}
