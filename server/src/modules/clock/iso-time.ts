/**
 * ISO 8601 date-times of the working clock's API: instants shown with the city's UTC offset
 * (`2026-02-13T16:00:00+08:00`) and read with any offset, or in the city's zone without one.
 * Pure: the time zone is always passed in.
 */
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  formatIsoDate,
  fromWallMs,
  parseIsoDate,
  toWallMs,
} from './local-time';

/**
 * Extended ISO 8601 date-time: date, 'T' (or a space), hh:mm, optional :ss and fraction,
 * optional offset (Z, ±hh:mm, ±hhmm or ±hh).
 */
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Largest UTC offset accepted in a date-time (time zones stay within ±14 h). */
const MAX_OFFSET_MS = 18 * HOUR_MS;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function offsetMsOf(text: string): number | null {
  if (text.toUpperCase() === 'Z') {
    return 0;
  }
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (minutes > 59) {
    return null;
  }
  const ms = (hours * 60 + minutes) * MINUTE_MS;
  return ms > MAX_OFFSET_MS ? null : sign * ms;
}

/**
 * Epoch ms of an ISO 8601 date-time, or null when `text` is not one (or names a date or time
 * that does not exist, such as 2026-02-30 or 25:00). With an offset or Z the instant is exact;
 * without one the wall time is read in `timeZone` (a time skipped by a DST change moves
 * forward, a repeated one takes the earlier instant). 24:00 means the end of the day.
 */
export function parseInstant(text: string, timeZone: string): number | null {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m) {
    return null;
  }
  const [, date = '', hh = '', mi = '', ss, fraction, offset] = m;
  let dayNumber: number;
  try {
    dayNumber = parseIsoDate(date);
  } catch {
    return null;
  }
  const hour = Number(hh);
  const minute = Number(mi);
  const second = ss === undefined ? 0 : Number(ss);
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const endOfDay = hour === 24 && minute === 0 && second === 0 && ms === 0;
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) {
    return null;
  }
  const wallMs = dayNumber * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + ms;
  if (offset === undefined) {
    return fromWallMs(timeZone, wallMs);
  }
  const offsetMs = offsetMsOf(offset);
  return offsetMs === null ? null : wallMs - offsetMs;
}

/** True if `text` is an ISO 8601 date-time that parseInstant accepts (in any zone). */
export function isIsoInstant(text: string): boolean {
  return parseInstant(text, 'UTC') !== null;
}

/**
 * ISO 8601 of an instant with the UTC offset `timeZone` has then, e.g.
 * `2026-02-13T16:00:00+08:00` (milliseconds only when not zero). Zones whose offset then was
 * not a whole number of minutes (local mean time before 1900) are written in UTC with Z.
 */
export function formatInstant(epochMs: number, timeZone: string): string {
  const wall = toWallMs(timeZone, epochMs);
  const offset = wall - epochMs;
  if (offset % MINUTE_MS !== 0) {
    return new Date(epochMs).toISOString();
  }
  const dayNumber = Math.floor(wall / DAY_MS);
  const t = wall - dayNumber * DAY_MS;
  const hour = Math.floor(t / HOUR_MS);
  const minute = Math.floor((t % HOUR_MS) / MINUTE_MS);
  const second = Math.floor((t % MINUTE_MS) / 1000);
  const ms = t % 1000;
  const abs = Math.abs(offset) / MINUTE_MS;
  const sign = offset < 0 ? '-' : '+';
  const fraction = ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`;
  return (
    `${formatIsoDate(dayNumber)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}${fraction}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}

/** 'HH:MM' of a minute from midnight (0–1440; 1440 is '24:00'). */
export function formatMinuteOfDay(minute: number): string {
  return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

/** Minute from midnight of 'HH:MM' (00:00–24:00), or null when malformed. */
export function parseMinuteOfDay(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) {
    return null;
  }
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) > 59 || minutes > 1440 ? null : minutes;
}
