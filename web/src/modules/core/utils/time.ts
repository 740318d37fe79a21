import dayjs from 'dayjs';

/** A date-time for tables and panels: 2026-11-21 09:30. Empty for null. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}

/** Whole minutes from now until `iso` (negative once it has passed). */
export function minutesUntil(iso: string, nowMs: number = Date.now()): number {
  return Math.round((Date.parse(iso) - nowMs) / 60_000);
}

/** A duration in minutes as days / hours / minutes, in the language's units. */
export function formatDuration(minutes: number, units: { d: string; h: string; m: string }): string {
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
