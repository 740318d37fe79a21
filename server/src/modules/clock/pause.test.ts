import type { TimeUnit } from '@common/roles';
import { describe, expect, it } from 'vitest';
import type { PauseInterval } from './calendar.types';
import { CHINA_WORKING_CALENDAR } from './calendar-seed';
import { addTime } from './deadline';
import { activeElapsed, deadlineWithPauses, normalizePauses } from './pause';

const cal = CHINA_WORKING_CALENDAR;
const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const sh = (ms: number): string => {
  const iso = new Date(ms + 8 * HOUR).toISOString();
  return `${ms % 1000 === 0 ? iso.slice(0, 19) : iso.slice(0, 23)}+08:00`;
};
const pause = (from: string, to: string | null): PauseInterval => ({
  from: at(from),
  to: to === null ? null : at(to),
});

const effective = (
  start: string,
  amount: number,
  unit: TimeUnit,
  pauses: PauseInterval[],
  now: string,
): string => sh(deadlineWithPauses(cal, at(start), amount, unit, pauses, at(now)));

describe('deadlineWithPauses', () => {
  it('adds only the working time inside a pause over a weekend', () => {
    // Thu 09:00 + 2 wd = Mon 09:00. Hung Fri 16:00 → Mon 10:00: 1.5 h Fri + 1.5 h Mon.
    // Used before: Thu 7 h + Fri 6 h = 13 h of 15 h; 2 h left from Mon 10:00.
    expect(
      effective(
        '2026-03-05T09:00:00+08:00',
        2,
        'working_day',
        [pause('2026-03-06T16:00:00+08:00', '2026-03-09T10:00:00+08:00')],
        '2026-03-10T09:00:00+08:00',
      ),
    ).toBe('2026-03-09T12:00:00+08:00');
  });

  it('adds the whole clock time of the pause for clock units', () => {
    // Fri 15:00 + 2 h = 17:00; hung 16:00 → Mon 10:00 with 1 h left.
    expect(
      effective(
        '2026-03-06T15:00:00+08:00',
        2,
        'hour',
        [pause('2026-03-06T16:00:00+08:00', '2026-03-09T10:00:00+08:00')],
        '2026-03-10T09:00:00+08:00',
      ),
    ).toBe('2026-03-09T11:00:00+08:00');
  });

  it('skips the Spring Festival inside a long pause', () => {
    // Thu Feb 12 09:00 + 2 wd (15 h). Used before the pause: Thu 7 h + Fri 6 h = 13 h.
    // Hung Fri Feb 13 16:00 → Wed Feb 25 10:00; 2 h left → Wed 12:00.
    expect(
      effective(
        '2026-02-12T09:00:00+08:00',
        2,
        'working_day',
        [pause('2026-02-13T16:00:00+08:00', '2026-02-25T10:00:00+08:00')],
        '2026-02-26T09:00:00+08:00',
      ),
    ).toBe('2026-02-25T12:00:00+08:00');
  });

  it('keeps an open pause running until now', () => {
    // Tue 08:30 + 4 wh = 14:00. Hung since 10:00 (1.5 h used), now 11:00: 2.5 h left from
    // 11:00 = 11:00–12:00 and 13:30–15:00.
    expect(
      effective(
        '2026-03-03T08:30:00+08:00',
        4,
        'working_hour',
        [pause('2026-03-03T10:00:00+08:00', null)],
        '2026-03-03T11:00:00+08:00',
      ),
    ).toBe('2026-03-03T15:00:00+08:00');
  });

  it('merges overlapping pauses', () => {
    // Paused 10:00–11:00 in all (1 h): 14:00 → 15:00.
    expect(
      effective(
        '2026-03-03T08:30:00+08:00',
        4,
        'working_hour',
        [
          pause('2026-03-03T10:15:00+08:00', '2026-03-03T11:00:00+08:00'),
          pause('2026-03-03T10:00:00+08:00', '2026-03-03T10:30:00+08:00'),
        ],
        '2026-03-04T09:00:00+08:00',
      ),
    ).toBe('2026-03-03T15:00:00+08:00');
  });

  it('ignores pauses at or after the deadline, before the start, and in lunch', () => {
    const base = '2026-03-03T14:00:00+08:00';
    for (const p of [
      pause('2026-03-03T14:00:00+08:00', '2026-03-03T16:00:00+08:00'),
      pause('2026-03-03T15:00:00+08:00', '2026-03-04T10:00:00+08:00'),
      pause('2026-03-02T10:00:00+08:00', '2026-03-02T16:00:00+08:00'),
      pause('2026-03-03T12:00:00+08:00', '2026-03-03T13:30:00+08:00'),
    ]) {
      expect(
        effective('2026-03-03T08:30:00+08:00', 4, 'working_hour', [p], '2026-03-05T09:00:00+08:00'),
      ).toBe(base);
    }
  });

  it('starts the clock at the end of a pause that covers the start', () => {
    expect(
      effective(
        '2026-03-03T10:00:00+08:00',
        1,
        'working_hour',
        [pause('2026-03-03T09:00:00+08:00', '2026-03-03T11:00:00+08:00')],
        '2026-03-03T11:30:00+08:00',
      ),
    ).toBe('2026-03-03T12:00:00+08:00');
  });

  it('equals addTime without pauses', () => {
    const start = at('2026-02-13T10:00:00+08:00');
    expect(deadlineWithPauses(cal, start, 2, 'working_day', [], start)).toBe(
      addTime(cal, start, 2, 'working_day'),
    );
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() =>
      normalizePauses([pause('2026-03-03T11:00:00+08:00', '2026-03-03T10:00:00+08:00')], 0),
    ).toThrow(RangeError);
  });
});

describe('activeElapsed', () => {
  it('leaves paused working time out', () => {
    // 7.5 h that day minus the paused 10:00–12:00 and 13:30–14:00.
    expect(
      activeElapsed(
        cal,
        at('2026-03-03T08:30:00+08:00'),
        at('2026-03-03T17:30:00+08:00'),
        'working_hour',
        [pause('2026-03-03T10:00:00+08:00', '2026-03-03T14:00:00+08:00')],
        at('2026-03-04T09:00:00+08:00'),
      ),
    ).toBe(5 * HOUR);
  });
});
