/**
 * Questions about a working calendar: is a date a working day, what are its working periods,
 * which coming years lack official data, is the calendar well formed. Pure functions of data.
 */
import type { FieldIssue } from '@server/lib/errors';
import { SPECIAL_DAY_KINDS } from '@common/clock';
import type { SpecialDayKind, Weekday, WorkingCalendar, WorkingPeriod } from './calendar.types';
import {
  DAY_MS,
  MINUTE_MS,
  isValidTimeZone,
  monthOfDay,
  parseIsoDate,
  toWallMs,
  weekdayOfDay,
  yearOfDay,
} from './local-time';

/** A working period in ms of the local day: [start, end). */
export interface PeriodMs {
  start: number;
  end: number;
}

interface CalendarIndex {
  special: ReadonlyMap<number, SpecialDayKind>;
  /** Periods of a working day, by weekday (0 = Sunday). */
  periodsByWeekday: readonly (readonly PeriodMs[])[];
}

const NO_PERIODS: readonly PeriodMs[] = [];

// Calendars are immutable data; index each object once. A WeakMap keeps this invisible and
// lets a replaced calendar be collected.
const indexes = new WeakMap<WorkingCalendar, CalendarIndex>();

function toPeriodsMs(periods: readonly WorkingPeriod[]): readonly PeriodMs[] {
  return periods
    .map((p) => ({ start: p.start * MINUTE_MS, end: p.end * MINUTE_MS }))
    .sort((a, b) => a.start - b.start);
}

function indexOf(calendar: WorkingCalendar): CalendarIndex {
  let index = indexes.get(calendar);
  if (!index) {
    const special = new Map<number, SpecialDayKind>();
    for (const day of calendar.specialDays) {
      special.set(parseIsoDate(day.date), day.kind);
    }
    const defaults = toPeriodsMs(calendar.periods);
    const periodsByWeekday: (readonly PeriodMs[])[] = [];
    for (let wd = 0; wd < 7; wd++) {
      const override = calendar.weekdayPeriods?.[wd as Weekday];
      periodsByWeekday.push(override ? toPeriodsMs(override) : defaults);
    }
    index = { special, periodsByWeekday };
    indexes.set(calendar, index);
  }
  return index;
}

/** Working-day rule on a day number: holiday off, make-up workday on, else Mon–Fri. */
export function isWorkingDayNumber(calendar: WorkingCalendar, dayNumber: number): boolean {
  const kind = indexOf(calendar).special.get(dayNumber);
  if (kind === 'holiday') {
    return false;
  }
  if (kind === 'workday') {
    return true;
  }
  const weekday = weekdayOfDay(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

/** Working periods (ms of the local day) of a day number; empty on a day off. */
export function periodsOnDayNumber(
  calendar: WorkingCalendar,
  dayNumber: number,
): readonly PeriodMs[] {
  if (!isWorkingDayNumber(calendar, dayNumber)) {
    return NO_PERIODS;
  }
  return indexOf(calendar).periodsByWeekday[weekdayOfDay(dayNumber)] ?? NO_PERIODS;
}

/**
 * True if `date` ('YYYY-MM-DD') is a working day: a listed holiday is off, a listed make-up
 * workday is on, otherwise Monday–Friday are on and Saturday–Sunday off.
 */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  return isWorkingDayNumber(calendar, parseIsoDate(date));
}

/** Working periods of `date` in minutes from local midnight; empty on a day off. */
export function workingPeriodsOn(calendar: WorkingCalendar, date: string): WorkingPeriod[] {
  return periodsOnDayNumber(calendar, parseIsoDate(date)).map((p) => ({
    start: p.start / MINUTE_MS,
    end: p.end / MINUTE_MS,
  }));
}

/** From this month on (November) the platform warns that next year's schedule is missing. */
export const DEFAULT_WARN_FROM_MONTH = 11;

/**
 * Years without official data that the platform should warn about at `nowMs`: the current
 * year (local to the calendar) if it has none, and, from `warnFromMonth` on (default 11,
 * November), the next year if it has none. Ascending; empty when nothing is missing.
 */
export function missingYears(
  calendar: WorkingCalendar,
  nowMs: number,
  options: { warnFromMonth?: number } = {},
): number[] {
  const warnFromMonth = options.warnFromMonth ?? DEFAULT_WARN_FROM_MONTH;
  const today = Math.floor(toWallMs(calendar.timeZone, nowMs) / DAY_MS);
  const year = yearOfDay(today);
  const known = new Set(calendar.officialYears);
  const missing: number[] = [];
  if (!known.has(year)) {
    missing.push(year);
  }
  if (monthOfDay(today) >= warnFromMonth && !known.has(year + 1)) {
    missing.push(year + 1);
  }
  return missing;
}

function checkPeriods(periods: readonly WorkingPeriod[], path: string, issues: FieldIssue[]): void {
  if (periods.length === 0) {
    issues.push({ path, message: 'a working day needs at least one working period' });
  }
  let previousEnd = -1;
  periods.forEach((p, i) => {
    const at = `${path}[${i}]`;
    if (!Number.isInteger(p.start) || !Number.isInteger(p.end)) {
      issues.push({ path: at, message: 'start and end must be whole minutes' });
    }
    if (!(p.start >= 0 && p.end <= 1440 && p.start < p.end)) {
      issues.push({ path: at, message: 'need 0 ≤ start < end ≤ 1440 (minutes from midnight)' });
    }
    if (p.start < previousEnd) {
      issues.push({ path: at, message: 'periods must be sorted and must not overlap' });
    }
    previousEnd = p.end;
  });
}

/** Problems that make a calendar unusable, as field issues; empty when it is well formed. */
export function validateCalendar(calendar: WorkingCalendar): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isValidTimeZone(calendar.timeZone)) {
    issues.push({ path: 'timeZone', message: `unknown IANA time zone: ${calendar.timeZone}` });
  }
  checkPeriods(calendar.periods, 'periods', issues);
  for (const [key, periods] of Object.entries(calendar.weekdayPeriods ?? {})) {
    if (!/^[0-6]$/.test(key)) {
      issues.push({ path: `weekdayPeriods.${key}`, message: 'weekday must be 0 (Sunday) … 6' });
    } else if (periods) {
      checkPeriods(periods, `weekdayPeriods.${key}`, issues);
    }
  }
  const seen = new Set<string>();
  calendar.specialDays.forEach((day, i) => {
    const at = `specialDays[${i}]`;
    try {
      parseIsoDate(day.date);
    } catch {
      issues.push({ path: `${at}.date`, message: `not a YYYY-MM-DD date: ${day.date}` });
    }
    if (seen.has(day.date)) {
      issues.push({ path: `${at}.date`, message: `date listed twice: ${day.date}` });
    }
    seen.add(day.date);
    if (!(SPECIAL_DAY_KINDS as readonly string[]).includes(day.kind)) {
      issues.push({ path: `${at}.kind`, message: 'kind must be holiday or workday' });
    }
    if (day.name.trim() === '') {
      issues.push({ path: `${at}.name`, message: 'name is required' });
    }
  });
  calendar.officialYears.forEach((year, i) => {
    if (!Number.isInteger(year) || year < 1970 || year > 9999) {
      issues.push({ path: `officialYears[${i}]`, message: `not a year: ${year}` });
    }
  });
  return issues;
}
