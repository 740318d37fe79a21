import dayjs from 'dayjs';

/**
 * The city's time zone (from the server's console config). Times are shown in it whatever the
 * browser's zone, so a deadline reads the same on every screen; until it is known, the
 * browser's zone is used.
 */
let displayTimeZone: string | undefined;
let formatter: Intl.DateTimeFormat | null = null;

export function setDisplayTimeZone(timeZone: string | undefined): void {
  try {
    formatter = timeZone
      ? new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
        })
      : null;
    displayTimeZone = timeZone;
  } catch {
    formatter = null;
    displayTimeZone = undefined;
  }
}

export function getDisplayTimeZone(): string | undefined {
  return displayTimeZone;
}

/** A date-time for tables and panels, in the city's zone: 2026-11-21 09:30. Empty for null. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  if (!formatter) {
    return dayjs(iso).format('YYYY-MM-DD HH:mm');
  }
  const p = Object.fromEntries(
    formatter.formatToParts(new Date(iso)).map((x) => [x.type, x.value]),
  ) as Record<string, string>;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Offset of the city's zone from UTC at an instant, in ms (wall time − UTC). */
function zoneOffsetMs(zone: Intl.DateTimeFormat, ms: number): number {
  const p = Object.fromEntries(
    zone.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second);
  return wall - (ms - (ms % 1000));
}

/**
 * The instant of a wall-clock time in the city's zone, as ISO-8601 (UTC): what a date or time
 * picked in the console means, whatever the browser's zone. `date` is 'YYYY-MM-DD', `time`
 * 'HH:mm' or 'HH:mm:ss.SSS'. Before the city's zone is known, the browser's zone is used.
 */
export function cityInstant(date: string, time = '00:00'): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [hms = '0:0:0', frac = '0'] = time.split('.');
  const [h = 0, mi = 0, sec = 0] = hms.split(':').map(Number);
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  if (!formatter) {
    return new Date(y, mo - 1, d, h, mi, sec, ms).toISOString();
  }
  const guess = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  // Twice: the offset at the answer may differ from the offset at the guess (DST changes).
  const first = guess - zoneOffsetMs(formatter, guess);
  return new Date(guess - zoneOffsetMs(formatter, first)).toISOString();
}

/** The city's date ('YYYY-MM-DD') and time ('HH:mm') of an instant. */
export function cityWallTime(iso: string): { date: string; time: string } {
  const [date = '', time = ''] = formatTime(iso).split(' ');
  return { date, time };
}

/** Whole minutes from now until `iso` (negative once it has passed). */
export function minutesUntil(iso: string, nowMs: number = Date.now()): number {
  return Math.round((Date.parse(iso) - nowMs) / 60_000);
}

/** A duration in minutes as days / hours / minutes, in the language's units. */
export function formatDuration(
  minutes: number,
  units: { d: string; h: string; m: string },
): string {
  const m = Math.abs(minutes);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const mm = m % 60;
  if (d > 0) {
    return `${d}${units.d}${h > 0 ? ` ${h}${units.h}` : ''}`;
  }
  if (h > 0) {
    return `${h}${units.h}${mm > 0 ? ` ${mm}${units.m}` : ''}`;
  }
  return `${mm}${units.m}`;
}
