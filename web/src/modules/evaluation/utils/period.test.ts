import { describe, expect, it } from 'vitest';
import { periodQuery, previousMonth, readPeriod, stepPeriod } from './period';

const params = (q: Record<string, string>) => (name: string) => q[name] ?? null;

describe('period selection', () => {
  it('defaults to the month of today, and a custom range to the last 30 days', () => {
    const p = readPeriod(params({}), '2026-11-21');
    expect(p).toEqual({ kind: 'month', date: '2026-11-21', from: '2026-10-23', to: '2026-11-21' });
    expect(periodQuery(p)).toEqual({ period: 'month', date: '2026-11-21' });
  });

  it('reads the URL and ignores what is malformed', () => {
    expect(
      readPeriod(params({ period: 'quarter', date: '2026-02-30', from: 'x' }), '2026-11-21'),
    ).toMatchObject({ kind: 'quarter', date: '2026-11-21', from: '2026-10-23' });
    expect(readPeriod(params({ period: 'fortnight' }), '2026-11-21').kind).toBe('month');
    // A range that ends before it starts falls back to the default.
    expect(
      readPeriod(params({ period: 'custom', from: '2026-11-10', to: '2026-11-01' }), '2026-11-21'),
    ).toMatchObject({ from: '2026-10-23', to: '2026-11-21' });
    const custom = readPeriod(
      params({ period: 'custom', from: '2026-11-01', to: '2026-11-15' }),
      '2026-11-21',
    );
    expect(periodQuery(custom)).toEqual({ period: 'custom', from: '2026-11-01', to: '2026-11-15' });
  });

  it('steps by whole periods, keeping month ends valid', () => {
    const at = (kind: 'day' | 'week' | 'month' | 'quarter' | 'year', date: string) => ({
      kind,
      date,
      from: '2026-11-01',
      to: '2026-11-15',
    });
    expect(stepPeriod(at('day', '2026-12-31'), 1).date).toBe('2027-01-01');
    expect(stepPeriod(at('week', '2026-11-21'), -1).date).toBe('2026-11-14');
    expect(stepPeriod(at('month', '2026-01-31'), 1).date).toBe('2026-02-28');
    expect(stepPeriod(at('month', '2026-03-31'), -1).date).toBe('2026-02-28');
    expect(stepPeriod(at('quarter', '2026-11-21'), -1).date).toBe('2026-08-21');
    expect(stepPeriod(at('year', '2024-02-29'), 1).date).toBe('2025-02-28');
    // A custom range moves by its own length (15 days).
    expect(
      stepPeriod({ kind: 'custom', date: '2026-11-21', from: '2026-11-01', to: '2026-11-15' }, -1),
    ).toMatchObject({ from: '2026-10-17', to: '2026-10-31' });
  });

  it('knows the last complete month', () => {
    expect(previousMonth('2026-11-21')).toBe('2026-10');
    expect(previousMonth('2026-01-05')).toBe('2025-12');
  });
});
