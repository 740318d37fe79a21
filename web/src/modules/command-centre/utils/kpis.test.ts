import { describe, expect, it } from 'vitest';
import type { IndicatorRow, TrendsView } from '../../../api/evaluation.api';
import { areaRates, percent, totalSeries, watchedArea } from './kpis';

const row = (counts: Record<string, number>): IndicatorRow => ({
  key: 'k',
  name: 'n',
  counts,
  rates: {},
  scores: {},
  volume: 0,
  activity: 0,
  composite: null,
  grade: null,
});

describe(watchedArea.name, () => {
  it('watches the city, or the district or street of the scope', () => {
    expect(watchedArea({ level: 'city', regionId: null, unitId: null })).toEqual({
      subject: 'district',
      dimension: 'city',
    });
    expect(watchedArea({ level: 'street', regionId: 's1', unitId: null })).toEqual({
      subject: 'street',
      dimension: 'street',
      key: 's1',
    });
    expect(watchedArea({ level: 'district', regionId: 'd1', unitId: null }).key).toBe('d1');
  });
});

describe(areaRates.name, () => {
  it('sums the counts of every district before dividing', () => {
    const r = areaRates([
      row({ closed: 3, valid: 4, handled_on_time: 2, handled: 4 }),
      row({ closed: 1, valid: 4, handled_on_time: 2, handled: 2 }),
    ]);
    expect(r.closure).toEqual({ value: 0.5, numerator: 4, denominator: 8 });
    expect(r.onTime.value).toBeCloseTo(4 / 6);
  });

  it('has no rate without items', () => {
    expect(areaRates([]).closure.value).toBeNull();
  });
});

describe(totalSeries.name, () => {
  it('adds the rows period by period', () => {
    const view = {
      periods: [{}, {}, {}],
      series: [{ values: [1, 2, 3] }, { values: [0, null, 4] }],
    } as unknown as TrendsView;
    expect(totalSeries(view)).toEqual([1, 2, 7]);
  });
});

describe(percent.name, () => {
  it('shows one decimal when needed', () => {
    expect(percent(0.825)).toBe('82.5%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });
});
