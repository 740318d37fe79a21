import type { TimeUnit } from '@common/roles';
import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from './calendar.types';
import { CHINA_WORKING_CALENDAR } from './calendar-seed';
import { addTime, advanceBy, elapsedFor, workingMsBetween } from './deadline';

const cal = CHINA_WORKING_CALENDAR;
const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

/** Epoch ms as a Shanghai ISO string, so failures read like the expectations. */
const sh = (ms: number): string => {
  const iso = new Date(ms + 8 * HOUR).toISOString();
  return `${ms % 1000 === 0 ? iso.slice(0, 19) : iso.slice(0, 23)}+08:00`;
};

const deadline = (start: string, amount: number, unit: TimeUnit, calendar = cal): string =>
  sh(addTime(calendar, at(start), amount, unit));

// Reference weeks (2026): Mon 03-02 … Fri 03-06 is an ordinary week; Sat 03-07, Sun 03-08.

describe('working hours on an ordinary day', () => {
  it.each([
    ['2026-03-03T11:30:00+08:00', 1, '2026-03-03T14:00:00+08:00', 'lunch break skipped'],
    ['2026-03-03T11:00:00+08:00', 1, '2026-03-03T12:00:00+08:00', 'ends on the morning close'],
    ['2026-03-03T12:30:00+08:00', 1, '2026-03-03T14:30:00+08:00', 'start during lunch'],
    ['2026-03-03T07:00:00+08:00', 1, '2026-03-03T09:30:00+08:00', 'start before opening'],
    ['2026-03-03T18:00:00+08:00', 1, '2026-03-04T09:30:00+08:00', 'start after close'],
    ['2026-03-03T17:00:00+08:00', 1, '2026-03-04T09:00:00+08:00', 'runs over the night'],
    ['2026-03-03T08:30:00+08:00', 4, '2026-03-03T14:00:00+08:00', '4 working hours'],
    ['2026-03-03T10:00:00+08:00', 4, '2026-03-03T15:30:00+08:00', '4 working hours'],
    ['2026-03-03T08:30:00+08:00', 7.5, '2026-03-03T17:30:00+08:00', 'a full day ends at close'],
    ['2026-03-06T16:00:00+08:00', 4, '2026-03-09T11:00:00+08:00', 'over a weekend'],
    ['2026-03-07T10:00:00+08:00', 1, '2026-03-09T09:30:00+08:00', 'start on a Saturday'],
    ['2026-03-03T11:45:00+08:00', 0.5, '2026-03-03T13:45:00+08:00', 'half an hour'],
  ])('%s + %s wh = %s (%s)', (start, hours, expected) => {
    expect(deadline(start, hours, 'working_hour')).toBe(expected);
  });
});

describe('clock units ignore the calendar', () => {
  it('adds plain hours and minutes', () => {
    expect(deadline('2026-03-07T23:00:00+08:00', 2, 'hour')).toBe('2026-03-08T01:00:00+08:00');
    expect(deadline('2026-02-17T10:00:00+08:00', 2, 'hour')).toBe('2026-02-17T12:00:00+08:00');
    expect(deadline('2026-03-03T11:30:00+08:00', 90, 'minute')).toBe('2026-03-03T13:00:00+08:00');
    expect(deadline('2026-03-03T11:30:00+08:00', 30, 'minute')).toBe('2026-03-03T12:00:00+08:00');
  });
});

describe('working days on ordinary weeks', () => {
  it.each([
    ['2026-03-03T10:00:00+08:00', 1, '2026-03-04T10:00:00+08:00', 'same position next day'],
    ['2026-03-06T16:00:00+08:00', 1, '2026-03-09T16:00:00+08:00', 'Friday to Monday'],
    ['2026-03-03T07:00:00+08:00', 1, '2026-03-03T17:30:00+08:00', 'before opening: same close'],
    ['2026-03-03T08:30:00+08:00', 1, '2026-03-03T17:30:00+08:00', 'at opening: same close'],
    ['2026-03-03T17:30:00+08:00', 1, '2026-03-04T17:30:00+08:00', 'at close: next close'],
    ['2026-03-03T18:00:00+08:00', 1, '2026-03-04T17:30:00+08:00', 'after close: next close'],
    ['2026-03-03T12:30:00+08:00', 1, '2026-03-04T12:00:00+08:00', 'lunch: morning close'],
    ['2026-03-07T10:00:00+08:00', 1, '2026-03-09T17:30:00+08:00', 'Saturday start'],
    ['2026-03-07T10:00:00+08:00', 2, '2026-03-10T17:30:00+08:00', 'Saturday start, 2 days'],
  ])('%s + %s wd = %s (%s)', (start, days, expected) => {
    expect(deadline(start, days, 'working_day')).toBe(expected);
  });
});

describe('2026 Spring Festival (off Feb 15–23, make-up Sat Feb 14 and Sat Feb 28)', () => {
  it.each([
    ['2026-02-13T10:00:00+08:00', 1, 'working_day', '2026-02-14T10:00:00+08:00'],
    ['2026-02-13T10:00:00+08:00', 2, 'working_day', '2026-02-24T10:00:00+08:00'],
    ['2026-02-14T15:00:00+08:00', 4, 'working_hour', '2026-02-24T10:00:00+08:00'],
    ['2026-02-18T10:00:00+08:00', 1, 'working_hour', '2026-02-24T09:30:00+08:00'],
    ['2026-02-18T10:00:00+08:00', 1, 'working_day', '2026-02-24T17:30:00+08:00'],
    ['2026-02-27T16:00:00+08:00', 1, 'working_day', '2026-02-28T16:00:00+08:00'],
    ['2026-02-27T16:00:00+08:00', 2, 'working_day', '2026-03-02T16:00:00+08:00'],
    ['2026-02-28T07:00:00+08:00', 1, 'working_hour', '2026-02-28T09:30:00+08:00'],
    ['2026-03-01T10:00:00+08:00', 1, 'working_hour', '2026-03-02T09:30:00+08:00'],
    ['2026-02-07T10:00:00+08:00', 1, 'working_hour', '2026-02-09T09:30:00+08:00'],
    // Feb 10,11,12,13,14(Sat),24,25,26,27,28(Sat), Mar 2,3,4,5,6.
    ['2026-02-09T10:00:00+08:00', 15, 'working_day', '2026-03-06T10:00:00+08:00'],
  ] as const)('%s + %s %s = %s', (start, amount, unit, expected) => {
    expect(deadline(start, amount, unit)).toBe(expected);
  });
});

describe('2026 National Day week (off Sep 25–27 and Oct 1–7, make-up Sun Sep 20, Sat Oct 10)', () => {
  it.each([
    ['2026-09-30T10:00:00+08:00', 1, 'working_day', '2026-10-08T10:00:00+08:00'],
    ['2026-09-30T10:00:00+08:00', 3, 'working_day', '2026-10-10T10:00:00+08:00'],
    ['2026-09-30T10:00:00+08:00', 4, 'working_day', '2026-10-12T10:00:00+08:00'],
    ['2026-09-24T15:00:00+08:00', 4, 'working_hour', '2026-09-28T10:00:00+08:00'],
    ['2026-09-19T10:00:00+08:00', 1, 'working_hour', '2026-09-20T09:30:00+08:00'],
    ['2026-09-20T10:00:00+08:00', 1, 'working_day', '2026-09-21T10:00:00+08:00'],
    ['2026-09-18T10:00:00+08:00', 5, 'working_day', '2026-09-24T10:00:00+08:00'],
    ['2026-10-03T10:00:00+08:00', 1, 'working_day', '2026-10-08T17:30:00+08:00'],
    ['2026-10-01T10:00:00+08:00', 2, 'working_day', '2026-10-09T17:30:00+08:00'],
    // Sep 20,21,22,23,24,28,29,30, Oct 8,9,10(Sat),12,13,14,15.
    ['2026-09-18T10:00:00+08:00', 15, 'working_day', '2026-10-15T10:00:00+08:00'],
  ] as const)('%s + %s %s = %s', (start, amount, unit, expected) => {
    expect(deadline(start, amount, unit)).toBe(expected);
  });
});

describe('amounts', () => {
  it('gives the start itself for a zero amount', () => {
    expect(deadline('2026-03-07T10:00:00+08:00', 0, 'working_hour')).toBe(
      '2026-03-07T10:00:00+08:00',
    );
    expect(deadline('2026-03-07T10:00:00+08:00', 0, 'working_day')).toBe(
      '2026-03-07T10:00:00+08:00',
    );
  });

  it('rejects negative, non-finite and fractional working-day amounts', () => {
    const start = at('2026-03-03T10:00:00+08:00');
    expect(() => addTime(cal, start, -1, 'hour')).toThrow(RangeError);
    expect(() => addTime(cal, start, Number.NaN, 'working_hour')).toThrow(RangeError);
    expect(() => addTime(cal, start, Number.POSITIVE_INFINITY, 'minute')).toThrow(RangeError);
    expect(() => addTime(cal, start, 1.5, 'working_day')).toThrow(RangeError);
  });

  it('fails instead of looping on a calendar without working days', () => {
    const never: WorkingCalendar = {
      ...cal,
      specialDays: [],
      weekdayPeriods: { 1: [], 2: [], 3: [], 4: [], 5: [] },
    };
    expect(() => addTime(never, at('2026-03-03T10:00:00+08:00'), 1, 'working_hour')).toThrow(
      /no working time/,
    );
    expect(() => addTime(never, at('2026-03-03T10:00:00+08:00'), 1, 'working_day')).toThrow(
      /no working time/,
    );
  });
});

describe('shorter days (weekday override)', () => {
  const shortFridays: WorkingCalendar = {
    ...cal,
    weekdayPeriods: { 5: [{ start: 510, end: 720 }] },
  };

  it('clamps a working-day position to the close of a shorter day', () => {
    // Thu 16:00 is position 6 h; Friday has only 3.5 h.
    expect(deadline('2026-03-05T16:00:00+08:00', 1, 'working_day', shortFridays)).toBe(
      '2026-03-06T12:00:00+08:00',
    );
    expect(deadline('2026-03-05T10:00:00+08:00', 1, 'working_day', shortFridays)).toBe(
      '2026-03-06T10:00:00+08:00',
    );
  });

  it('counts only the shorter day in working hours', () => {
    // Thu 16:00–17:30 1.5 h, Fri 08:30–12:00 3.5 h, Mon 08:30–09:30 1 h.
    expect(deadline('2026-03-05T16:00:00+08:00', 6, 'working_hour', shortFridays)).toBe(
      '2026-03-09T09:30:00+08:00',
    );
  });
});

describe('workingMsBetween', () => {
  const between = (from: string, to: string): number => workingMsBetween(cal, at(from), at(to));

  it.each([
    ['2026-03-03T08:00:00+08:00', '2026-03-03T18:00:00+08:00', 7.5, 'a whole day'],
    ['2026-03-03T10:00:00+08:00', '2026-03-03T14:00:00+08:00', 2.5, 'across lunch'],
    ['2026-03-03T12:10:00+08:00', '2026-03-03T13:20:00+08:00', 0, 'inside lunch'],
    ['2026-03-02T00:00:00+08:00', '2026-03-09T00:00:00+08:00', 37.5, 'an ordinary week'],
    ['2026-02-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00', 120, 'February 2026: 16 days'],
    ['2026-02-13T17:00:00+08:00', '2026-02-24T09:00:00+08:00', 8.5, 'Spring Festival'],
    ['2026-09-24T17:00:00+08:00', '2026-09-28T09:00:00+08:00', 1, 'Mid-Autumn'],
    ['2026-09-30T12:00:00+08:00', '2026-10-08T09:30:00+08:00', 5, 'National Day'],
  ])('%s → %s = %s h (%s)', (from, to, hours) => {
    expect(between(from, to)).toBe(hours * HOUR);
  });

  it('is antisymmetric and zero for an empty interval', () => {
    expect(between('2026-03-03T14:00:00+08:00', '2026-03-03T10:00:00+08:00')).toBe(-2.5 * HOUR);
    expect(between('2026-03-03T10:00:00+08:00', '2026-03-03T10:00:00+08:00')).toBe(0);
  });
});

describe('elapsedFor and advanceBy', () => {
  const from = at('2026-03-06T16:00:00+08:00');
  const to = at('2026-03-09T10:00:00+08:00');

  it('measures clock units in plain ms and working units in working ms', () => {
    expect(elapsedFor(cal, from, to, 'hour')).toBe(66 * HOUR);
    expect(elapsedFor(cal, from, to, 'minute')).toBe(66 * HOUR);
    expect(elapsedFor(cal, from, to, 'working_hour')).toBe(3 * HOUR);
    expect(elapsedFor(cal, from, to, 'working_day')).toBe(3 * HOUR);
  });

  it('inverts elapsedFor', () => {
    expect(sh(advanceBy(cal, from, 3 * HOUR, 'working_hour'))).toBe('2026-03-09T10:00:00+08:00');
    expect(sh(advanceBy(cal, from, 3 * HOUR, 'hour'))).toBe('2026-03-06T19:00:00+08:00');
  });
});

describe('consistency over a sweep of starts (default calendar)', () => {
  // Every 37 minutes from Feb 10 to Mar 3, 2026 (covers the Spring Festival and make-up days).
  const starts: number[] = [];
  for (
    let t = at('2026-02-10T00:00:00+08:00');
    t < at('2026-03-03T00:00:00+08:00');
    t += 37 * 60_000
  ) {
    starts.push(t);
  }

  it('N working hours are exactly N hours of working time, reached at the earliest instant', () => {
    for (const start of starts) {
      for (const hours of [0.25, 1, 4, 7.5, 20]) {
        const end = addTime(cal, start, hours, 'working_hour');
        expect(workingMsBetween(cal, start, end)).toBe(hours * HOUR);
        expect(workingMsBetween(cal, start, end - 1)).toBeLessThan(hours * HOUR);
      }
    }
  });

  it('N working days equal N × 7.5 working hours when all days have the same periods', () => {
    for (const start of starts) {
      for (const days of [1, 2, 5]) {
        expect(sh(addTime(cal, start, days, 'working_day'))).toBe(
          sh(addTime(cal, start, days * 7.5, 'working_hour')),
        );
      }
    }
  });
});

describe('a calendar in Europe/Berlin across the DST change of 2026-03-29', () => {
  const berlin: WorkingCalendar = { ...cal, timeZone: 'Europe/Berlin', specialDays: [] };

  it('keeps working periods on the local wall clock', () => {
    expect(addTime(berlin, at('2026-03-27T16:00:00+01:00'), 1, 'working_day')).toBe(
      at('2026-03-30T16:00:00+02:00'),
    );
    expect(addTime(berlin, at('2026-03-27T17:00:00+01:00'), 1.5, 'working_hour')).toBe(
      at('2026-03-30T09:30:00+02:00'),
    );
    expect(
      workingMsBetween(berlin, at('2026-03-27T17:00:00+01:00'), at('2026-03-30T09:30:00+02:00')),
    ).toBe(1.5 * HOUR);
  });

  it('adds clock hours as elapsed time', () => {
    // 23:00 → 00:00 → 01:00 → (02:00 is skipped) 03:00 → 04:00.
    expect(addTime(berlin, at('2026-03-28T23:00:00+01:00'), 4, 'hour')).toBe(
      at('2026-03-29T04:00:00+02:00'),
    );
  });
});
