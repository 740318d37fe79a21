/**
 * The time-limit traffic light (红黄绿灯) of a case: green while less than `yellowFrom` (default
 * 80 %) of the limit is used, yellow from there up to the deadline, red once overdue.
 */
import type { TimeUnit } from '@common/roles';
import type { PauseInterval, TrafficLight, WorkingCalendar } from './calendar.types';
import { activeElapsed } from './pause';

/** Default share of the limit from which the light turns yellow (configuration may override). */
export const DEFAULT_YELLOW_FROM = 0.8;

export interface TrafficLightInput {
  /** When the limit started (epoch ms). */
  startMs: number;
  /** The effective deadline (epoch ms): after extensions and pauses, e.g. from deadlineWithPauses. */
  deadlineMs: number;
  nowMs: number;
  unit: TimeUnit;
  calendar: WorkingCalendar;
  /** Intervals the case was hung; their time is not "used". */
  pauses?: readonly PauseInterval[];
  /** Used share from which the light is yellow; default DEFAULT_YELLOW_FROM (0.8). */
  yellowFrom?: number;
}

/**
 * Light and used share of a limit at `nowMs`. usedRatio = used / limit, both measured in the
 * unit's measure (working time for working units) with paused time left out. Red exactly when
 * nowMs > deadlineMs, even if no working time has passed since (e.g. 18:00 after a 17:30
 * deadline). Yellow when usedRatio ≥ yellowFrom. A zero limit counts as fully used (ratio 1).
 */
export function trafficLight(input: TrafficLightInput): TrafficLight {
  const { startMs, deadlineMs, nowMs, unit, calendar } = input;
  const pauses = input.pauses ?? [];
  const yellowFrom = input.yellowFrom ?? DEFAULT_YELLOW_FROM;
  const limitMs = activeElapsed(calendar, startMs, deadlineMs, unit, pauses, nowMs);
  const usedMs = activeElapsed(calendar, startMs, nowMs, unit, pauses, nowMs);
  const usedRatio = limitMs > 0 ? usedMs / limitMs : 1;
  const light = nowMs > deadlineMs ? 'red' : usedRatio >= yellowFrom ? 'yellow' : 'green';
  return { light, usedRatio, usedMs, limitMs };
}
