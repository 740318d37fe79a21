/**
 * Local (wall-clock) time in an IANA time zone, computed with Intl only, and plain date
 * arithmetic on 'YYYY-MM-DD' strings. Pure: no "now".
 *
 * Two representations are used inside the clock module:
 * - a *day number*: days since 1970-01-01 in the proleptic Gregorian calendar (no time zone);
 * - a *wall ms*: local wall time read as if it were UTC, i.e. dayNumber × DAY_MS + ms of the day.
 *   Wall ms are what the working periods are expressed in; they are converted to and from epoch
 *   ms only at the edges.
 */
import type { LocalTime, Weekday } from './calendar.types';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Gregorian date of a day number (Howard Hinnant's civil_from_days). */
function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number of a 'YYYY-MM-DD' date; throws RangeError if the string is not a real date. */
export function parseIsoDate(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) {
    throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const dayNumber = daysFromCivil(year, month, day);
  const back = civilFromDays(dayNumber);
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new RangeError(`no such date: ${date}`);
  }
  return dayNumber;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(dayNumber: number): Weekday {
  return (((dayNumber % 7) + 11) % 7) as Weekday;
}

/** Calendar year of a day number. */
export function yearOfDay(dayNumber: number): number {
  return civilFromDays(dayNumber).year;
}

/** Month (1–12) of a day number. */
export function monthOfDay(dayNumber: number): number {
  return civilFromDays(dayNumber).month;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown time zone.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True if `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset from UTC (ms) at an instant, read from Intl (whole seconds, as time zones are). */
function intlOffsetMs(timeZone: string, epochMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  const wallSeconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
  return wallSeconds * 1000 - Math.floor(epochMs / 1000) * 1000;
}

// Intl is the slow part of every deadline, so offsets are memoised per UTC hour: an hour whose
// first and last second have the same offset has it throughout (no zone changes its offset
// twice within an hour). Hours containing a transition are never cached. Bounded in size.
const OFFSET_CACHE_LIMIT = 100_000;
const offsetCache = new Map<string, Map<number, number>>();

/** Offset of local time from UTC at an instant, in ms (+8 h for Asia/Shanghai). */
export function utcOffsetMs(timeZone: string, epochMs: number): number {
  const hourIndex = Math.floor(epochMs / HOUR_MS);
  let zoneCache = offsetCache.get(timeZone);
  const cached = zoneCache?.get(hourIndex);
  if (cached !== undefined) {
    return cached;
  }
  const first = intlOffsetMs(timeZone, hourIndex * HOUR_MS);
  const last = intlOffsetMs(timeZone, hourIndex * HOUR_MS + HOUR_MS - 1000);
  if (first !== last) {
    return intlOffsetMs(timeZone, epochMs);
  }
  if (!zoneCache || zoneCache.size >= OFFSET_CACHE_LIMIT) {
    zoneCache = new Map();
    offsetCache.set(timeZone, zoneCache);
  }
  zoneCache.set(hourIndex, first);
  return first;
}

/** Wall ms (local time read as UTC) of an instant. */
export function toWallMs(timeZone: string, epochMs: number): number {
  return epochMs + utcOffsetMs(timeZone, epochMs);
}

/**
 * Instant of a local wall time. Disambiguation as Temporal's 'compatible': a wall time that
 * occurs twice (clocks set back) gives the earlier instant; a wall time that does not exist
 * (clocks set forward) is moved forward by the length of the gap (02:30 → 03:30).
 */
export function fromWallMs(timeZone: string, wallMs: number): number {
  // The instant lies within ±14 h of the wall time, so offsets a day either side bracket any
  // transition that concerns it.
  const before = utcOffsetMs(timeZone, wallMs - DAY_MS);
  const after = utcOffsetMs(timeZone, wallMs + DAY_MS);
  const withBefore = wallMs - before;
  if (before === after) {
    const actual = utcOffsetMs(timeZone, withBefore);
    // Two transitions within two days (never seen in practice): trust the offset found there.
    return actual === before ? withBefore : wallMs - actual;
  }
  const withAfter = wallMs - after;
  const beforeFits = utcOffsetMs(timeZone, withBefore) === before;
  const afterFits = utcOffsetMs(timeZone, withAfter) === after;
  if (beforeFits && afterFits) {
    return Math.min(withBefore, withAfter);
  }
  if (afterFits) {
    return withAfter;
  }
  // Either only the old offset fits, or neither does (a gap): the old offset moves the wall
  // time forward by the gap.
  return withBefore;
}

/** Local date and minute of an instant in `timeZone`. */
export function toLocalTime(timeZone: string, epochMs: number): LocalTime {
  const wall = toWallMs(timeZone, epochMs);
  const dayNumber = Math.floor(wall / DAY_MS);
  return { date: formatIsoDate(dayNumber), minute: (wall - dayNumber * DAY_MS) / MINUTE_MS };
}

/**
 * Instant of a local date and minute in `timeZone` (see fromWallMs for times that occur twice
 * or never). `minute` may be fractional and may be 1440 (midnight ending the day).
 */
export function fromLocalTime(timeZone: string, date: string, minute: number): number {
  if (!Number.isFinite(minute) || minute < 0 || minute > 1440) {
    throw new RangeError(`minute out of range 0–1440: ${minute}`);
  }
  return fromWallMs(timeZone, parseIsoDate(date) * DAY_MS + minute * MINUTE_MS);
}
