/**
 * The stored working time of the calendar (app_setting 'clock.calendar'): the city's time zone
 * and the working periods of a working day, in minutes from local midnight.
 */
import type { WorkingPeriod } from './calendar.types';

export interface WorkingTime {
  timeZone: string;
  periods: readonly WorkingPeriod[];
}

/** JSON text of a working time, as stored. */
export function serializeWorkingTime(w: WorkingTime): string {
  return JSON.stringify({
    timeZone: w.timeZone,
    periods: w.periods.map((p) => ({ start: p.start, end: p.end })),
  });
}

/** The working time of stored JSON text; null when the text is not one (a hand-edited row). */
export function parseWorkingTime(text: string): WorkingTime | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const { timeZone, periods } = value as { timeZone?: unknown; periods?: unknown };
  if (typeof timeZone !== 'string' || !Array.isArray(periods)) {
    return null;
  }
  const out: WorkingPeriod[] = [];
  for (const p of periods as unknown[]) {
    const { start, end } = (p ?? {}) as { start?: unknown; end?: unknown };
    if (typeof start !== 'number' || typeof end !== 'number') {
      return null;
    }
    out.push({ start, end });
  }
  return { timeZone, periods: out };
}
