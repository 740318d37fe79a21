import type { IndicatorsView, RateValue } from '../../../api/evaluation.api';

/** A rate as a percentage with one decimal ('87.5%'), or '—' when it has no denominator. */
export function formatRate(rate: RateValue | number | null | undefined): string {
  const v = typeof rate === 'object' && rate !== null ? rate.value : rate;
  return v === null || v === undefined ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
}

/**
 * The rate indicators a table shows for a subject, in order: those of the composite first (as
 * weighted), then the others the rows carry, so that nothing the server computed is hidden.
 */
export function rateColumns(view: Pick<IndicatorsView, 'components' | 'rows'>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (k: string) => {
    if (k !== 'volume' && !seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  };
  for (const c of view.components) {
    if (view.rows.length === 0 || view.rows.some((r) => k(r.rates, c.indicator))) {
      add(c.indicator);
    }
  }
  for (const r of view.rows) {
    Object.keys(r.rates).forEach(add);
  }
  return out;
}

const k = (o: object, key: string) => Object.hasOwn(o, key);
