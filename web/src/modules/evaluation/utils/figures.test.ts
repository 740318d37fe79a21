import { describe, expect, it } from 'vitest';
import { formatRate, rateColumns } from './figures';

describe('figures', () => {
  it('formats rates, with a dash when there is nothing to divide', () => {
    expect(formatRate({ value: 0.875, numerator: 7, denominator: 8 })).toBe('87.5%');
    expect(formatRate({ value: 1, numerator: 3, denominator: 3 })).toBe('100.0%');
    expect(formatRate({ value: null, numerator: 0, denominator: 0 })).toBe('—');
    expect(formatRate(2 / 3)).toBe('66.7%');
  });

  it('shows the composite’s indicators first, then every other rate the rows carry', () => {
    const rate = { value: 0.5, numerator: 1, denominator: 2 };
    const cols = rateColumns({
      components: [
        { indicator: 'handling_on_time_rate', weight: 3 },
        { indicator: 'volume', weight: 1 },
        { indicator: 'rework_rate', weight: 1 },
      ],
      rows: [
        {
          key: 'u1',
          name: '环卫所',
          counts: {},
          rates: { rework_rate: rate, handling_rate: rate, handling_on_time_rate: rate },
          scores: {},
          volume: 2,
          activity: 2,
          composite: 50,
          grade: 'E',
        },
      ],
    });
    expect(cols).toEqual(['handling_on_time_rate', 'rework_rate', 'handling_rate']);
  });
});
