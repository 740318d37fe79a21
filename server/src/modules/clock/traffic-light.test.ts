import { describe, expect, it } from 'vitest';
import type { TrafficLightInput } from './traffic-light';
import { CHINA_WORKING_CALENDAR } from './calendar-seed';
import { deadlineWithPauses } from './pause';
import { trafficLight } from './traffic-light';

const cal = CHINA_WORKING_CALENDAR;
const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

// Tue 08:30 + 4 working hours = 14:00 (limit 240 working minutes).
const fourHours = (
  now: string,
  extra: Partial<TrafficLightInput> = {},
): ReturnType<typeof trafficLight> =>
  trafficLight({
    startMs: at('2026-03-03T08:30:00+08:00'),
    deadlineMs: at('2026-03-03T14:00:00+08:00'),
    nowMs: at(now),
    unit: 'working_hour',
    calendar: cal,
    ...extra,
  });

describe('trafficLight', () => {
  it('is green at 79 % (189.6 of 240 min: 11:39:36)', () => {
    expect(fourHours('2026-03-03T11:39:36+08:00')).toEqual({
      light: 'green',
      usedRatio: 0.79,
      usedMs: 189.6 * 60_000,
      limitMs: 4 * HOUR,
    });
  });

  it('turns yellow at exactly 80 % (192 min: 11:42)', () => {
    expect(fourHours('2026-03-03T11:42:00+08:00')).toMatchObject({
      light: 'yellow',
      usedRatio: 0.8,
    });
    expect(fourHours('2026-03-03T11:41:59+08:00').light).toBe('green');
  });

  it('does not count the lunch break as used', () => {
    // 13:00: 210 of 240 minutes, the same as at 12:00.
    expect(fourHours('2026-03-03T13:00:00+08:00')).toMatchObject({
      light: 'yellow',
      usedRatio: 0.875,
    });
  });

  it('is yellow at 100 %, on the deadline itself', () => {
    expect(fourHours('2026-03-03T14:00:00+08:00')).toMatchObject({ light: 'yellow', usedRatio: 1 });
  });

  it('is red once overdue', () => {
    expect(fourHours('2026-03-03T14:30:00+08:00')).toMatchObject({
      light: 'red',
      usedRatio: 1.125,
    });
    expect(fourHours('2026-03-03T14:00:01+08:00').light).toBe('red');
  });

  it('is red after a deadline at close even though no working time passed since', () => {
    expect(
      trafficLight({
        startMs: at('2026-03-03T08:30:00+08:00'),
        deadlineMs: at('2026-03-03T17:30:00+08:00'),
        nowMs: at('2026-03-03T18:00:00+08:00'),
        unit: 'working_day',
        calendar: cal,
      }),
    ).toMatchObject({ light: 'red', usedRatio: 1 });
  });

  it('takes the yellow threshold as a parameter', () => {
    expect(fourHours('2026-03-03T11:42:00+08:00', { yellowFrom: 0.9 }).light).toBe('green');
    expect(fourHours('2026-03-03T11:39:36+08:00', { yellowFrom: 0.75 }).light).toBe('yellow');
  });

  it('uses clock time for hour limits', () => {
    // 10:00 + 2 h = 12:00; at 11:36, 96 of 120 minutes.
    expect(
      trafficLight({
        startMs: at('2026-03-07T10:00:00+08:00'),
        deadlineMs: at('2026-03-07T12:00:00+08:00'),
        nowMs: at('2026-03-07T11:36:00+08:00'),
        unit: 'hour',
        calendar: cal,
      }),
    ).toMatchObject({ light: 'yellow', usedRatio: 0.8 });
  });

  it('stops using the limit while hung', () => {
    // Hung since 10:00 (1.5 h used); now 11:00; effective deadline 15:00.
    const startMs = at('2026-03-03T08:30:00+08:00');
    const nowMs = at('2026-03-03T11:00:00+08:00');
    const pauses = [{ from: at('2026-03-03T10:00:00+08:00'), to: null }];
    const deadlineMs = deadlineWithPauses(cal, startMs, 4, 'working_hour', pauses, nowMs);
    expect(deadlineMs).toBe(at('2026-03-03T15:00:00+08:00'));
    expect(
      trafficLight({ startMs, deadlineMs, nowMs, unit: 'working_hour', calendar: cal, pauses }),
    ).toEqual({ light: 'green', usedRatio: 0.375, usedMs: 1.5 * HOUR, limitMs: 4 * HOUR });
  });

  it('treats a zero limit as used up', () => {
    const t = at('2026-03-03T10:00:00+08:00');
    expect(
      trafficLight({ startMs: t, deadlineMs: t, nowMs: t, unit: 'minute', calendar: cal }),
    ).toEqual({ light: 'yellow', usedRatio: 1, usedMs: 0, limitMs: 0 });
  });
});
