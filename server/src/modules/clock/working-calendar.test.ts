import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from './calendar.types';
import { CHINA_WORKING_CALENDAR } from './calendar-seed';
import { isWorkingDay, missingYears, validateCalendar, workingPeriodsOn } from './working-calendar';

const cal = CHINA_WORKING_CALENDAR;
const at = (iso: string): number => Date.parse(iso);

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', true, 'Friday before the Spring Festival'],
    ['2026-02-14', true, 'make-up Saturday'],
    ['2026-02-15', false, 'Spring Festival, Sunday'],
    ['2026-02-18', false, 'Spring Festival, Wednesday'],
    ['2026-02-23', false, 'Spring Festival, last day, Monday'],
    ['2026-02-24', true, 'first Tuesday back'],
    ['2026-02-28', true, 'make-up Saturday'],
    ['2026-03-01', false, 'ordinary Sunday'],
    ['2026-02-07', false, 'ordinary Saturday'],
    ['2026-09-20', true, 'make-up Sunday for National Day'],
    ['2026-09-25', false, 'Mid-Autumn Festival, Friday'],
    ['2026-10-07', false, 'National Day, Wednesday'],
    ['2026-10-08', true, 'Thursday after National Day'],
    ['2026-10-10', true, 'make-up Saturday'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2025-10-08', false, 'last day of National Day 2025'],
    ['2025-10-11', true, 'make-up Saturday 2025'],
    ['2027-01-01', true, 'no data for 2027: weekly rule only'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(isWorkingDay(cal, date)).toBe(expected);
  });

  it('rejects a date that does not exist', () => {
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(RangeError);
  });
});

describe('workingPeriodsOn', () => {
  it('gives the default periods on a working day and none on a day off', () => {
    expect(workingPeriodsOn(cal, '2026-02-14')).toEqual([
      { start: 510, end: 720 },
      { start: 810, end: 1050 },
    ]);
    expect(workingPeriodsOn(cal, '2026-02-16')).toEqual([]);
  });

  it('applies a weekday override', () => {
    const shortFridays: WorkingCalendar = {
      ...cal,
      weekdayPeriods: { 5: [{ start: 510, end: 720 }] },
    };
    expect(workingPeriodsOn(shortFridays, '2026-03-06')).toEqual([{ start: 510, end: 720 }]);
    expect(workingPeriodsOn(shortFridays, '2026-03-05')).toHaveLength(2);
  });
});

describe('missingYears', () => {
  it('warns from November when next year has no data', () => {
    expect(missingYears(cal, at('2026-11-21T10:00:00+08:00'))).toEqual([2027]);
  });

  it('is silent before November', () => {
    expect(missingYears(cal, at('2026-10-31T23:59:00+08:00'))).toEqual([]);
  });

  it('uses the calendar time zone for the month', () => {
    // 16:00 UTC on Oct 31 is already Nov 1 in Shanghai.
    expect(missingYears(cal, at('2026-10-31T16:00:00Z'))).toEqual([2027]);
  });

  it('always warns when the current year has no data', () => {
    expect(missingYears(cal, at('2027-01-05T09:00:00+08:00'))).toEqual([2027]);
    expect(missingYears(cal, at('2027-12-01T09:00:00+08:00'))).toEqual([2027, 2028]);
  });

  it('is silent once next year is entered, and the warning month is configurable', () => {
    const with2027: WorkingCalendar = { ...cal, officialYears: [2025, 2026, 2027] };
    expect(missingYears(with2027, at('2026-11-21T10:00:00+08:00'))).toEqual([]);
    expect(missingYears(cal, at('2026-11-21T10:00:00+08:00'), { warnFromMonth: 12 })).toEqual([]);
    expect(missingYears(cal, at('2026-10-02T10:00:00+08:00'), { warnFromMonth: 10 })).toEqual([
      2027,
    ]);
  });
});

describe('validateCalendar', () => {
  it('reports each problem with its path', () => {
    const broken: WorkingCalendar = {
      timeZone: 'Asia/Nowhere',
      periods: [
        { start: 780, end: 1050 },
        { start: 510, end: 720 },
      ],
      weekdayPeriods: { 5: [{ start: 600, end: 500 }] },
      specialDays: [
        { date: '2026-02-30', kind: 'holiday', name: '春节' },
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-01', kind: 'workday', name: '' },
      ],
      officialYears: [2026.5],
    };
    expect(validateCalendar(broken).map((i) => i.path)).toEqual([
      'timeZone',
      'periods[1]',
      'weekdayPeriods.5[0]',
      'specialDays[0].date',
      'specialDays[2].date',
      'specialDays[2].name',
      'officialYears[0]',
    ]);
  });

  it('requires at least one period', () => {
    expect(validateCalendar({ ...cal, periods: [] })).toEqual([
      { path: 'periods', message: 'a working day needs at least one working period' },
    ]);
  });
});
