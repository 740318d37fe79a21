import { describe, expect, it } from 'vitest';
import { PeriodError, previousPeriod, resolvePeriod, shiftPeriod, yearAgo, zoned } from './period';

const today = '2026-11-23';
const r = (q: Parameters<typeof resolvePeriod>[0]) => resolvePeriod(q, today);

describe('resolvePeriod', () => {
  it('builds each kind from a date', () => {
    expect(r({ period: 'day', date: '2026-11-23' })).toMatchObject({
      label: '2026-11-23',
      from: '2026-11-23',
      to: '2026-11-23',
      days: 1,
    });
    expect(r({ period: 'week', date: '2026-11-25' })).toMatchObject({
      label: '2026-W48',
      from: '2026-11-23',
      to: '2026-11-29',
      days: 7,
    });
    expect(r({ period: 'week', date: '2026-W48' })).toMatchObject({
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(r({ period: 'month', date: '2026-02' })).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      days: 28,
    });
    expect(r({ period: 'month', date: '2028-02-10' })).toMatchObject({
      label: '2028-02',
      to: '2028-02-29',
    });
    expect(r({ period: 'quarter', date: '2026-Q4' })).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
      days: 92,
    });
    expect(r({ period: 'quarter', date: '2026-05' })).toMatchObject({ label: '2026-Q2' });
    expect(r({ period: 'year', date: '2026' })).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      days: 365,
    });
    expect(r({ from: '2026-11-01', to: '2026-11-15' })).toMatchObject({ kind: 'custom', days: 15 });
  });

  it('defaults to the month containing today', () => {
    expect(r({})).toMatchObject({ kind: 'month', label: '2026-11' });
    expect(r({ period: 'week' })).toMatchObject({ label: '2026-W48' });
  });

  it('takes the first and last years, and the periods next to them', () => {
    expect(r({ period: 'year', date: '1970' })).toMatchObject({ from: '1970-01-01' });
    const last = r({ period: 'year', date: '2199' });
    expect(last).toMatchObject({ from: '2199-01-01', to: '2199-12-31' });
    expect(zoned(last, 'Asia/Shanghai').endMs).toBe(Date.parse('2200-01-01T00:00:00+08:00'));
    expect(previousPeriod(r({ period: 'year', date: '1970' })).label).toBe('1969');
  });

  it('handles ISO weeks across the year end', () => {
    // 2026-12-31 is a Thursday: week 53 of 2026; 2027-01-01 belongs to it too.
    expect(r({ period: 'week', date: '2027-01-01' })).toMatchObject({
      label: '2026-W53',
      from: '2026-12-28',
      to: '2027-01-03',
    });
    expect(r({ period: 'week', date: '2026-W01' })).toMatchObject({ from: '2025-12-29' });
  });

  it('refuses impossible input with the field', () => {
    const bad: [Parameters<typeof resolvePeriod>[0], string][] = [
      [{ period: 'day', date: '2026-02-30' }, 'date'],
      [{ period: 'month', date: '2026-13' }, 'date'],
      [{ period: 'week', date: '2026-W54' }, 'date'],
      [{ period: 'week', date: '2025-W53' }, 'date'], // 2025 has 52 ISO weeks
      [{ period: 'quarter', date: '2026-Q5' }, 'date'],
      [{ period: 'custom', from: '2026-11-01' }, 'to'],
      [{ from: '2026-11-10', to: '2026-11-01' }, 'to'],
      [{ from: '2025-01-01', to: '2026-01-02' }, 'to'],
      [{ period: 'month', from: '2026-11-01', to: '2026-11-02' }, 'from'],
      // Years outside 1970–2199: nothing to evaluate, and a year 0 or 10000 is no ISO date.
      [{ period: 'year', date: '0000' }, 'date'],
      [{ period: 'year', date: '9999' }, 'date'],
      [{ period: 'day', date: '0100-01-01' }, 'date'],
      [{ period: 'week', date: '1969-W52' }, 'date'],
      [{ period: 'quarter', date: '2200-Q1' }, 'date'],
      [{ from: '0100-01-01', to: '0100-01-02' }, 'from'],
      [{ from: '2199-12-31', to: '2200-01-01' }, 'to'],
    ];
    for (const [q, field] of bad) {
      expect(() => r(q), JSON.stringify(q)).toThrow(PeriodError);
      try {
        r(q);
      } catch (err) {
        expect((err as PeriodError).field).toBe(field);
      }
    }
  });
});

describe('neighbouring periods', () => {
  it('steps back by the period kind', () => {
    expect(previousPeriod(r({ period: 'month', date: '2026-01' })).label).toBe('2025-12');
    expect(previousPeriod(r({ period: 'quarter', date: '2026-Q1' })).label).toBe('2025-Q4');
    expect(previousPeriod(r({ period: 'week', date: '2026-W01' })).label).toBe('2025-W52');
    expect(previousPeriod(r({ period: 'day', date: '2026-03-01' })).label).toBe('2026-02-28');
    expect(previousPeriod(r({ from: '2026-11-10', to: '2026-11-19' }))).toMatchObject({
      from: '2026-10-31',
      to: '2026-11-09',
    });
    expect(shiftPeriod(r({ period: 'month', date: '2026-11' }), 2).label).toBe('2027-01');
  });

  it('finds the same period a year earlier', () => {
    expect(yearAgo(r({ period: 'month', date: '2026-11' })).label).toBe('2025-11');
    expect(yearAgo(r({ period: 'day', date: '2028-02-29' })).label).toBe('2027-02-28');
    expect(yearAgo(r({ period: 'quarter', date: '2026-Q4' })).label).toBe('2025-Q4');
  });
});

describe('zoned', () => {
  it('turns local dates into instants of the time zone', () => {
    const z = zoned(r({ period: 'day', date: '2026-11-23' }), 'Asia/Shanghai');
    expect(new Date(z.startMs).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(new Date(z.endMs).toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('keeps a 25-hour day whole where clocks go back', () => {
    const z = zoned(r({ period: 'day', date: '2026-11-01' }), 'America/New_York');
    expect(z.endMs - z.startMs).toBe(25 * 3_600_000);
  });
});
