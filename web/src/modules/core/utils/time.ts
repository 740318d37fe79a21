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

/** Whole minutes from now until `iso` (negative once it has passed). */
export function minutesUntil(iso: string, nowMs: number = Date.now()): number {
  return Math.round((Date.parse(iso) - nowMs) / 60_000);
}

/** Whole minutes between two instants. */
export function minutesBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
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
