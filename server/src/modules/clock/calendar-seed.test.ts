import { describe, expect, it } from 'vitest';
import type { SpecialDay } from './calendar.types';
import {
  CHINA_SPECIAL_DAYS_2025,
  CHINA_SPECIAL_DAYS_2026,
  CHINA_WORKING_CALENDAR,
} from './calendar-seed';
import { validateCalendar } from './working-calendar';

const datesOf = (days: readonly SpecialDay[], kind: SpecialDay['kind'], name?: string): string[] =>
  days.filter((d) => d.kind === kind && (name === undefined || d.name === name)).map((d) => d.date);

/** Weekday by the built-in Date, independent of the module's own arithmetic. */
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('official schedule seed', () => {
  it('has the 2025 days off and make-up days of the notice', () => {
    expect(datesOf(CHINA_SPECIAL_DAYS_2025, 'holiday')).toHaveLength(28);
    expect(datesOf(CHINA_SPECIAL_DAYS_2025, 'workday')).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect(datesOf(CHINA_SPECIAL_DAYS_2025, 'holiday', '春节')).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ]);
    expect(datesOf(CHINA_SPECIAL_DAYS_2025, 'holiday', '端午节')).toEqual([
      '2025-05-31',
      '2025-06-01',
      '2025-06-02',
    ]);
  });

  it('has the 2026 days off and make-up days of the notice', () => {
    expect(datesOf(CHINA_SPECIAL_DAYS_2026, 'holiday')).toHaveLength(33);
    expect(datesOf(CHINA_SPECIAL_DAYS_2026, 'workday')).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(datesOf(CHINA_SPECIAL_DAYS_2026, 'holiday', '春节')).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(datesOf(CHINA_SPECIAL_DAYS_2026, 'holiday', '中秋节')).toEqual([
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
    ]);
    expect(datesOf(CHINA_SPECIAL_DAYS_2026, 'holiday', '国庆节')).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
  });

  it('puts every make-up working day on a weekend', () => {
    const makeUp = datesOf(CHINA_WORKING_CALENDAR.specialDays, 'workday');
    expect(makeUp).toHaveLength(11);
    for (const date of makeUp) {
      expect([0, 6]).toContain(weekday(date));
    }
  });

  it('names every day with a festival of the notices', () => {
    const names = new Set(CHINA_WORKING_CALENDAR.specialDays.map((d) => d.name));
    expect([...names].sort()).toEqual(
      ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '国庆节、中秋节'].sort(),
    );
  });

  it('is a valid calendar with one entry per date', () => {
    expect(validateCalendar(CHINA_WORKING_CALENDAR)).toEqual([]);
    expect(CHINA_WORKING_CALENDAR.officialYears).toEqual([2025, 2026]);
    expect(CHINA_WORKING_CALENDAR.timeZone).toBe('Asia/Shanghai');
    expect(CHINA_WORKING_CALENDAR.periods).toEqual([
      { start: 510, end: 720 },
      { start: 810, end: 1050 },
    ]);
  });
});
