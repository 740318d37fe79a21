/**
 * Hung cases (挂账): the clock stops while a case is hung and resumes where it stopped, so the
 * deadline moves later by the time spent hung, measured in the limit's own measure: working
 * time for working_hour / working_day (a pause over a weekend adds only the working time inside
 * it), clock time for minute / hour.
 *
 * Precisely: the effective deadline is the earliest instant at which the limit has been
 * consumed, where time inside a pause is not consumed. Consequences: a pause that begins at
 * or after the deadline changes nothing (the clock had already run out); pauses before the
 * start, overlapping pauses and open pauses (still hung, counted until "now") are handled.
 * After a pause a working_day limit continues as working time, not as day positions.
 */
import type { TimeUnit } from '@common/roles';
import type { PauseInterval, WorkingCalendar } from './calendar.types';
import { addTime, advanceBy, elapsedFor } from './deadline';

/** A closed interval of epoch ms, from < to. */
interface Span {
  from: number;
  to: number;
}

/**
 * Pauses as closed spans: open ones end at `nowMs` (or at their start if that is later),
 * sorted, overlapping or touching ones merged, empty ones dropped.
 * Throws RangeError for a pause that ends before it starts.
 */
export function normalizePauses(pauses: readonly PauseInterval[], nowMs: number): Span[] {
  const spans: Span[] = [];
  for (const p of pauses) {
    if (p.to !== null && p.to < p.from) {
      throw new RangeError(`pause ends before it starts: ${p.from} → ${p.to}`);
    }
    const to = p.to ?? Math.max(p.from, nowMs);
    if (to > p.from) {
      spans.push({ from: p.from, to });
    }
  }
  spans.sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) {
      last.to = Math.max(last.to, s.to);
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}

/**
 * Time consumed on the clock between `fromMs` and `toMs` (ms in the measure of `unit`), not
 * counting time inside pauses. 0 when `toMs` ≤ `fromMs`.
 */
export function activeElapsed(
  calendar: WorkingCalendar,
  fromMs: number,
  toMs: number,
  unit: TimeUnit,
  pauses: readonly PauseInterval[],
  nowMs: number,
): number {
  if (toMs <= fromMs) {
    return 0;
  }
  let total = elapsedFor(calendar, fromMs, toMs, unit);
  for (const p of normalizePauses(pauses, nowMs)) {
    const from = Math.max(p.from, fromMs);
    const to = Math.min(p.to, toMs);
    if (to > from) {
      total -= elapsedFor(calendar, from, to, unit);
    }
  }
  return total;
}

/**
 * Effective deadline (epoch ms) of a limit of `amount` `unit`s from `startMs` when the case
 * was hung during `pauses`; an open pause lasts until `nowMs`. Without pauses that matter this
 * is exactly addTime(calendar, startMs, amount, unit).
 */
export function deadlineWithPauses(
  calendar: WorkingCalendar,
  startMs: number,
  amount: number,
  unit: TimeUnit,
  pauses: readonly PauseInterval[],
  nowMs: number,
): number {
  const base = addTime(calendar, startMs, amount, unit);
  if (base === startMs) {
    return base; // a zero limit is used up at the start, hung or not
  }
  const spans = normalizePauses(pauses, nowMs).filter((s) => s.to > startMs);
  if (!spans.some((s) => s.from < base)) {
    return base;
  }
  let remaining = elapsedFor(calendar, startMs, base, unit);
  let cursor = startMs;
  for (const s of spans) {
    if (s.from > cursor) {
      const available = elapsedFor(calendar, cursor, s.from, unit);
      if (remaining <= available) {
        return advanceBy(calendar, cursor, remaining, unit);
      }
      remaining -= available;
    }
    cursor = Math.max(cursor, s.to);
  }
  return advanceBy(calendar, cursor, remaining, unit);
}
