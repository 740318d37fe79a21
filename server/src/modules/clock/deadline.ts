/**
 * Deadlines and elapsed time on the working clock. Pure functions of (calendar, instants).
 *
 * Rules (the contract every caller relies on):
 * 1. Working time accrues only inside the working periods of working days, measured on the
 *    local wall clock of the calendar's time zone. Lunch breaks, nights, weekends and holidays
 *    add nothing; make-up workdays (调休) count like any working day.
 * 2. A deadline is the EARLIEST instant at which the required time has elapsed. Hence:
 *    - a start outside working time effectively begins at the next working period start
 *      (Sat 10:00 + 1 working hour = Mon 09:30);
 *    - a deadline that lands exactly on the end of a period stays there: 11:00 + 1 working
 *      hour = 12:00, not 13:30; 08:30 + 7.5 working hours = 17:30 the same day, not 08:30 the
 *      next working day. A case handled at 12:10 against a 12:00 deadline is overdue.
 *    - an amount of 0 gives the start itself.
 * 3. minute / hour are clock units: plain elapsed time, the calendar is ignored.
 * 4. N working hours = N × 60 minutes of working time.
 * 5. N working days = the same working-time position N working days later. The position of a
 *    start is the working time elapsed on its day up to the start (during lunch: the morning's
 *    length). Tue 10:00 + 1 = Wed 10:00; Fri 16:00 + 1 = Mon 16:00 (or the next working day);
 *    Tue 12:30 + 1 = Wed 12:00 (position 3.5 h, rule 2).
 *    A start at or before the first opening of a working day, at or after its last close, or
 *    on a day off has position 0 of the next working period's day; by rule 2 the deadline is
 *    then the CLOSE of the Nth working day counting that day as the first:
 *    Tue 07:00 + 1 = Tue 17:30; Tue 18:00 + 1 = Wed 17:30; Sat 10:00 + 1 = Mon 17:30.
 *    With equal days this equals N × (working time of a day) working hours. Should the target
 *    day be shorter (weekday overrides), the position is clamped to its close.
 *    Working-day amounts must be whole numbers.
 */
import type { TimeUnit } from '@common/roles';
import { assertUnreachable } from '@server/lib/errors';
import type { WorkingCalendar } from './calendar.types';
import { DAY_MS, HOUR_MS, MINUTE_MS, formatIsoDate, fromWallMs, toWallMs } from './local-time';
import type { PeriodMs } from './working-calendar';
import { periodsOnDayNumber } from './working-calendar';

/** Give up after this many consecutive days without working time (a broken calendar). */
const MAX_DAYS_WITHOUT_WORK = 3660;

function noWorkingTime(fromDay: number): Error {
  return new Error(
    `working calendar has no working time in ${MAX_DAYS_WITHOUT_WORK} days from ${formatIsoDate(fromDay)}`,
  );
}

/** True for the clock units minute and hour, which ignore the calendar. */
export function isClockUnit(unit: TimeUnit): unit is 'minute' | 'hour' {
  return unit === 'minute' || unit === 'hour';
}

function assertAmount(amount: number, what: string): void {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`${what} must be a finite number ≥ 0, got ${amount}`);
  }
}

/**
 * Earliest instant (epoch ms) at which `workMs` of working time has elapsed since `startMs`.
 * Steps period by period and day by day; never minute by minute.
 */
export function addWorkingMs(calendar: WorkingCalendar, startMs: number, workMs: number): number {
  assertAmount(workMs, 'working time');
  if (workMs === 0) {
    return startMs;
  }
  const zone = calendar.timeZone;
  const startWall = toWallMs(zone, startMs);
  let day = Math.floor(startWall / DAY_MS);
  let t = startWall - day * DAY_MS;
  let remaining = workMs;
  let idleDays = 0;
  while (idleDays <= MAX_DAYS_WITHOUT_WORK) {
    const periods = periodsOnDayNumber(calendar, day);
    for (const p of periods) {
      if (p.end <= t) {
        continue;
      }
      const from = Math.max(p.start, t);
      const available = p.end - from;
      if (remaining <= available) {
        return fromWallMs(zone, day * DAY_MS + from + remaining);
      }
      remaining -= available;
    }
    idleDays = periods.length === 0 ? idleDays + 1 : 0;
    day += 1;
    t = 0;
  }
  throw noWorkingTime(day - idleDays);
}

/**
 * Working time (ms) between two instants. Antisymmetric: negative when `toMs` < `fromMs`
 * (e.g. how much working time a case is overdue by).
 */
export function workingMsBetween(calendar: WorkingCalendar, fromMs: number, toMs: number): number {
  if (toMs < fromMs) {
    return -workingMsBetween(calendar, toMs, fromMs);
  }
  const zone = calendar.timeZone;
  const fromWall = toWallMs(zone, fromMs);
  const toWall = toWallMs(zone, toMs);
  const firstDay = Math.floor(fromWall / DAY_MS);
  const lastDay = Math.floor(toWall / DAY_MS);
  let sum = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const lo = day === firstDay ? fromWall - day * DAY_MS : 0;
    const hi = day === lastDay ? toWall - day * DAY_MS : DAY_MS;
    for (const p of periodsOnDayNumber(calendar, day)) {
      const s = Math.max(p.start, lo);
      const e = Math.min(p.end, hi);
      if (e > s) {
        sum += e - s;
      }
    }
  }
  return sum;
}

/** First day ≥ `day` that has working time. */
function workingDayFrom(calendar: WorkingCalendar, day: number): number {
  for (let d = day; d <= day + MAX_DAYS_WITHOUT_WORK; d++) {
    if (periodsOnDayNumber(calendar, d).length > 0) {
      return d;
    }
  }
  throw noWorkingTime(day);
}

/** The `n`th working day after the working day `day` (n = 0: `day` itself). */
function advanceWorkingDays(calendar: WorkingCalendar, day: number, n: number): number {
  let d = day;
  for (let i = 0; i < n; i++) {
    d = workingDayFrom(calendar, d + 1);
  }
  return d;
}

/** Working time of a day's periods up to time-of-day `t` (ms). */
function positionAt(periods: readonly PeriodMs[], t: number): number {
  let position = 0;
  for (const p of periods) {
    if (t <= p.start) {
      break;
    }
    position += Math.min(t, p.end) - p.start;
  }
  return position;
}

/** Earliest time of day (ms) at which `position` (> 0) of working time has elapsed. */
function timeAtPosition(periods: readonly PeriodMs[], position: number): number {
  let left = position;
  let close = 0;
  for (const p of periods) {
    const length = p.end - p.start;
    if (left <= length) {
      return p.start + left;
    }
    left -= length;
    close = p.end;
  }
  return close; // the target day is shorter: clamp to its close
}

function lastClose(periods: readonly PeriodMs[]): number {
  return periods[periods.length - 1]?.end ?? 0;
}

/** Deadline of `days` whole working days from `startMs` (rule 5 above). */
export function addWorkingDays(calendar: WorkingCalendar, startMs: number, days: number): number {
  assertAmount(days, 'working days');
  if (!Number.isInteger(days)) {
    throw new RangeError(`working days must be a whole number, got ${days}`);
  }
  if (days === 0) {
    return startMs;
  }
  const zone = calendar.timeZone;
  const wall = toWallMs(zone, startMs);
  const day = Math.floor(wall / DAY_MS);
  const t = wall - day * DAY_MS;
  const periods = periodsOnDayNumber(calendar, day);
  const open = periods[0]?.start ?? 0;
  const close = lastClose(periods);

  if (periods.length > 0 && t > open && t < close) {
    const target = advanceWorkingDays(calendar, day, days);
    const targetPeriods = periodsOnDayNumber(calendar, target);
    const at = timeAtPosition(targetPeriods, positionAt(periods, t));
    return fromWallMs(zone, target * DAY_MS + at);
  }
  // Out of hours: position 0 of the next working period's day, whose earliest instant is the
  // close of the working day before it. So: the close of the Nth working day counting that
  // day as the first.
  const first = periods.length > 0 && t <= open ? day : workingDayFrom(calendar, day + 1);
  const closing = advanceWorkingDays(calendar, first, days - 1);
  return fromWallMs(zone, closing * DAY_MS + lastClose(periodsOnDayNumber(calendar, closing)));
}

/**
 * Deadline (epoch ms) of a time limit of `amount` `unit`s starting at `startMs`.
 * minute / hour: clock time. working_hour: working time. working_day: whole working days,
 * same working-time position (see the rules at the top of this file).
 */
export function addTime(
  calendar: WorkingCalendar,
  startMs: number,
  amount: number,
  unit: TimeUnit,
): number {
  assertAmount(amount, 'time limit');
  switch (unit) {
    case 'minute':
      return startMs + amount * MINUTE_MS;
    case 'hour':
      return startMs + amount * HOUR_MS;
    case 'working_hour':
      return addWorkingMs(calendar, startMs, amount * HOUR_MS);
    case 'working_day':
      return addWorkingDays(calendar, startMs, amount);
    default:
      return assertUnreachable(unit);
  }
}

/**
 * Elapsed time (ms) between two instants in the measure of `unit`: plain ms for minute / hour,
 * working ms for working_hour / working_day. Negative when `toMs` < `fromMs`.
 */
export function elapsedFor(
  calendar: WorkingCalendar,
  fromMs: number,
  toMs: number,
  unit: TimeUnit,
): number {
  return isClockUnit(unit) ? toMs - fromMs : workingMsBetween(calendar, fromMs, toMs);
}

/**
 * Inverse of elapsedFor: earliest instant at which `elapsedMs` (≥ 0) has elapsed since
 * `startMs` in the measure of `unit`.
 */
export function advanceBy(
  calendar: WorkingCalendar,
  startMs: number,
  elapsedMs: number,
  unit: TimeUnit,
): number {
  assertAmount(elapsedMs, 'elapsed time');
  return isClockUnit(unit) ? startMs + elapsedMs : addWorkingMs(calendar, startMs, elapsedMs);
}
