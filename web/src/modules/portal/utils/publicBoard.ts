import type {
  PublicBoardPeriod,
  PublicBoardPeriodKind,
  PublicBoardRow,
  PublicBoardSubject,
} from '../../../api/public-board.api';
import type { Locale } from '../../i18n/utils/messages';

/**
 * The public board's pure rules: which subjects and periods to offer, stepping between
 * periods, the period's title and the score as shown.
 */

const DAY_MS = 86_400_000;

/** The local date `n` days after a YYYY-MM-DD date (n may be negative). */
export function addDays(date: string, n: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The board to ask for after a step: a date inside the period, or null for the latest one. */
export interface BoardStep {
  date: string | null;
}

/**
 * The period before (-1) or after (+1) the one shown, as the date to ask the server for: the
 * day before its first day, or the day after its last. Forward stops at `latest`, the period
 * the server answers without a date (the latest published one: with the default
 * completedOnly, the last one that has ended); reaching it asks without a date again.
 * @returns null when there is no such step (already at the latest)
 */
export function stepBoard(
  shown: Pick<PublicBoardPeriod, 'kind' | 'from' | 'to'>,
  direction: -1 | 1,
  latest: Pick<PublicBoardPeriod, 'kind' | 'from' | 'to'> | undefined,
): BoardStep | null {
  if (direction < 0) {
    return { date: addDays(shown.from, -1) };
  }
  if (latest && latest.kind === shown.kind) {
    if (shown.to >= latest.to) {
      return null;
    }
    const next = addDays(shown.to, 1);
    return { date: next >= latest.from ? null : next };
  }
  return { date: addDays(shown.to, 1) };
}

/**
 * The choices to offer, in the usual order: those the city publishes (the server lists them
 * with every board), and always the one being shown.
 */
export function offeredChoices<T extends string>(
  order: readonly T[],
  shown: T,
  published: readonly string[],
): T[] {
  return order.filter((c) => c === shown || published.includes(c));
}

/** The title of a period: a message key and its placeholders, or a text already made. */
export type PeriodTitle =
  | { key: 'board.title.week'; vars: { year: number; week: number } }
  | { key: 'board.title.quarter'; vars: { year: number; quarter: number } }
  | { key: 'board.title.year'; vars: { year: number } }
  | { key: null; text: string };

/**
 * The title of a period from its label ('2026-W09', '2026-03', '2026-Q1', '2026'): a month is
 * named by the language itself (2026年3月, March 2026).
 */
export function periodTitle(
  p: Pick<PublicBoardPeriod, 'kind' | 'label' | 'from'>,
  locale: Locale,
): PeriodTitle {
  const nums = (p.label.match(/\d+/g) ?? []).map(Number);
  const year = nums[0] ?? Number(p.from.slice(0, 4));
  const n = nums[1] ?? 0;
  switch (p.kind) {
    case 'week':
      return { key: 'board.title.week', vars: { year, week: n } };
    case 'month':
      return {
        key: null,
        text: new Intl.DateTimeFormat(locale, {
          year: 'numeric',
          month: 'long',
          timeZone: 'UTC',
        }).format(Date.UTC(year, n - 1, 1)),
      };
    case 'quarter':
      return { key: 'board.title.quarter', vars: { year, quarter: n } };
    case 'year':
      return { key: 'board.title.year', vars: { year } };
  }
}

/** True while the period has not ended (a city that publishes the running period). */
export function isPeriodOpen(p: Pick<PublicBoardPeriod, 'end'>, nowMs: number): boolean {
  const end = Date.parse(p.end);
  return Number.isFinite(end) && nowMs < end;
}

/** A count shown on the board: its name in the answer. */
export type BoardCount =
  'reported' | 'closed' | 'closed_on_time' | 'to_handle' | 'handled' | 'handled_on_time';

/**
 * The counts worth a column, per subject (when the city shows counts): for areas, the
 * problems reported there and those closed (on time); for units, the cases they had to handle
 * and those handled (on time).
 */
const COUNTS: Readonly<Record<PublicBoardSubject, readonly BoardCount[]>> = {
  unit: ['to_handle', 'handled', 'handled_on_time'],
  district: ['reported', 'closed', 'closed_on_time'],
  street: ['reported', 'closed', 'closed_on_time'],
  community: ['reported', 'closed', 'closed_on_time'],
  grid: ['reported', 'closed', 'closed_on_time'],
};

/** The count columns of a board: none when no row carries counts. */
export function countColumns(
  subject: PublicBoardSubject,
  rows: readonly PublicBoardRow[],
): BoardCount[] {
  if (!rows.some((r) => r.counts)) {
    return [];
  }
  return COUNTS[subject].filter((c) => rows.some((r) => r.counts?.[c] !== undefined));
}

/** The rows whose name contains the text (case and surrounding spaces ignored). */
export function filterRows<R extends Pick<PublicBoardRow, 'name'>>(
  rows: readonly R[],
  text: string,
): R[] {
  const q = text.trim().toLowerCase();
  return q ? rows.filter((r) => r.name.toLowerCase().includes(q)) : [...rows];
}

/** The key of a board in a cache of answers. */
export function boardKey(
  subject: PublicBoardSubject,
  kind: PublicBoardPeriodKind,
  date: string | null,
): string {
  return `${subject}|${kind}|${date ?? ''}`;
}
