/**
 * Evaluation periods: whole local days in the city's time zone. Pure: no "now" (callers pass
 * today's local date) and no I/O.
 *
 * A period is a closed range of local dates [from, to]. Its instants are
 * [start of `from`, start of the day after `to`) in the time zone, so a day that has 23 or 25
 * hours (daylight saving) still counts once.
 */
import { PERIOD_KINDS, type PeriodKind } from '@common/evaluation';
import { fromLocalTime } from '../clock';

export { PERIOD_KINDS, type PeriodKind };

/** The longest period a query may span (a year and a leap day). */
export const MAX_PERIOD_DAYS = 366;

/**
 * The years a period may lie in. Outside them there is nothing to evaluate, and dates stop
 * being four-digit years (a period's neighbours, which trends and comparisons read, too).
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2199;

export interface Period {
  kind: PeriodKind;
  /** '2026-11-23', '2026-W48', '2026-11', '2026-Q4', '2026', '2026-11-01..2026-11-15'. */
  label: string;
  /** First local date, 'YYYY-MM-DD'. */
  from: string;
  /** Last local date (inclusive), 'YYYY-MM-DD'. */
  to: string;
  /** Number of days. */
  days: number;
}

/** A period together with its instants in a time zone. */
export interface ZonedPeriod extends Period {
  /** Epoch ms of the start of `from`. */
  startMs: number;
  /** Epoch ms of the start of the day after `to` (exclusive). */
  endMs: number;
}

/** Why a period could not be built: the query field and a message. */
export class PeriodError extends Error {
  constructor(
    readonly field: 'date' | 'from' | 'to' | 'period',
    message: string,
  ) {
    super(message);
  }
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const YEAR = /^(\d{4})$/;

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date, or null when not a real date. */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) {
    return null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return Math.round(ms / DAY_MS);
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `n` days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  return dateOf(mustDay(date) + n);
}

function mustDay(date: string): number {
  const d = dayNumber(date);
  if (d === null) {
    throw new RangeError(`not a date: ${date}`);
  }
  return d;
}

/** What a date outside FIRST_YEAR–LAST_YEAR is told. */
export const yearsMessage = `must lie in the years ${FIRST_YEAR}–${LAST_YEAR}`;

/** Whether a date-like string ('2026', '2026-11', '2026-W48', …) starts with an allowed year. */
export function inYears(date: string): boolean {
  const y = /^(\d{4})/.exec(date);
  return y === null || (Number(y[1]) >= FIRST_YEAR && Number(y[1]) <= LAST_YEAR);
}

function make(kind: PeriodKind, label: string, from: string, to: string): Period {
  return { kind, label, from, to, days: mustDay(to) - mustDay(from) + 1 };
}

function monthPeriod(year: number, month: number): Period {
  const from = dateOf(Math.round(Date.UTC(year, month - 1, 1) / DAY_MS));
  const to = dateOf(Math.round(Date.UTC(year, month, 1) / DAY_MS) - 1);
  return make('month', `${year}-${String(month).padStart(2, '0')}`, from, to);
}

function quarterPeriod(year: number, q: number): Period {
  const from = dateOf(Math.round(Date.UTC(year, (q - 1) * 3, 1) / DAY_MS));
  const to = dateOf(Math.round(Date.UTC(year, q * 3, 1) / DAY_MS) - 1);
  return make('quarter', `${year}-Q${q}`, from, to);
}

/** ISO 8601 week (Monday to Sunday) containing a day number; label '2026-W48'. */
function weekPeriod(day: number): Period {
  // 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday.
  const weekday = (((day + 3) % 7) + 7) % 7;
  const monday = day - weekday;
  const thursday = monday + 3;
  const isoYear = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Math.round(Date.UTC(isoYear, 0, 1) / DAY_MS);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return make(
    'week',
    `${isoYear}-W${String(week).padStart(2, '0')}`,
    dateOf(monday),
    dateOf(monday + 6),
  );
}

function yearPeriod(year: number): Period {
  return make('year', String(year), `${year}-01-01`, `${year}-12-31`);
}

/**
 * Builds a period from the query: a kind and a date (day '2026-11-23'; week: any date of it or
 * '2026-W48'; month '2026-11' or a date; quarter '2026-Q4', a month or a date; year '2026' or
 * anything inside it), or a custom range of dates (inclusive). Without a date the period
 * containing `today` is meant.
 * @throws PeriodError (field and message) for malformed or impossible input
 */
export function resolvePeriod(
  q: { period?: PeriodKind; date?: string; from?: string; to?: string },
  today: string,
): Period {
  const kind: PeriodKind =
    q.period ?? (q.from !== undefined || q.to !== undefined ? 'custom' : 'month');
  if (kind === 'custom') {
    if (q.from === undefined || q.to === undefined) {
      throw new PeriodError(
        q.from === undefined ? 'from' : 'to',
        'a custom period needs from and to (YYYY-MM-DD)',
      );
    }
    const f = dayNumber(q.from);
    if (f === null) {
      throw new PeriodError('from', 'must be a date YYYY-MM-DD');
    }
    const t = dayNumber(q.to);
    if (t === null) {
      throw new PeriodError('to', 'must be a date YYYY-MM-DD');
    }
    if (t < f) {
      throw new PeriodError('to', 'must not be before from');
    }
    if (t - f + 1 > MAX_PERIOD_DAYS) {
      throw new PeriodError('to', `a period spans at most ${MAX_PERIOD_DAYS} days`);
    }
    if (!inYears(q.from)) {
      throw new PeriodError('from', yearsMessage);
    }
    if (!inYears(q.to)) {
      throw new PeriodError('to', yearsMessage);
    }
    return make('custom', `${q.from}..${q.to}`, q.from, q.to);
  }
  if (q.from !== undefined || q.to !== undefined) {
    throw new PeriodError(
      q.from !== undefined ? 'from' : 'to',
      'from/to go with period=custom only',
    );
  }
  const date = q.date ?? today;
  const bad = (what: string) =>
    new PeriodError('date', `for period=${kind} the date must be ${what}`);
  // Every accepted form starts with the year.
  if (!inYears(date)) {
    throw new PeriodError('date', yearsMessage);
  }
  switch (kind) {
    case 'day': {
      if (dayNumber(date) === null) {
        throw bad('YYYY-MM-DD');
      }
      return make('day', date, date, date);
    }
    case 'week': {
      const w = WEEK.exec(date);
      if (w) {
        const year = Number(w[1]);
        const week = Number(w[2]);
        // The ISO week 1 holds 4 January.
        const start = weekPeriod(Math.round(Date.UTC(year, 0, 4) / DAY_MS));
        const p = weekPeriod(mustDay(start.from) + (week - 1) * 7);
        if (week < 1 || p.label !== `${year}-W${String(week).padStart(2, '0')}`) {
          throw bad('a real ISO week YYYY-Www');
        }
        return p;
      }
      const d = dayNumber(date);
      if (d === null) {
        throw bad('YYYY-MM-DD or YYYY-Www');
      }
      return weekPeriod(d);
    }
    case 'month': {
      const m = MONTH.exec(date) ?? DATE.exec(date);
      if (!m || (DATE.test(date) && dayNumber(date) === null)) {
        throw bad('YYYY-MM or YYYY-MM-DD');
      }
      const month = Number(m[2]);
      if (month < 1 || month > 12) {
        throw bad('YYYY-MM with a month 01–12');
      }
      return monthPeriod(Number(m[1]), month);
    }
    case 'quarter': {
      const qm = QUARTER.exec(date);
      if (qm) {
        return quarterPeriod(Number(qm[1]), Number(qm[2]));
      }
      const m = MONTH.exec(date) ?? DATE.exec(date);
      const month = m ? Number(m[2]) : 0;
      if (!m || month < 1 || month > 12 || (DATE.test(date) && dayNumber(date) === null)) {
        throw bad('YYYY-Qn, YYYY-MM or YYYY-MM-DD');
      }
      return quarterPeriod(Number(m[1]), Math.ceil(month / 3));
    }
    case 'year': {
      const y = YEAR.exec(date) ?? MONTH.exec(date) ?? DATE.exec(date);
      if (!y || (DATE.test(date) && dayNumber(date) === null)) {
        throw bad('YYYY, YYYY-MM or YYYY-MM-DD');
      }
      return yearPeriod(Number(y[1]));
    }
  }
}

/**
 * The period just before: the previous day, week, month, quarter or year; for a custom range
 * the same number of days right before it.
 */
export function previousPeriod(p: Period): Period {
  return shiftPeriod(p, -1);
}

/** The same period a year earlier (a custom range: the same dates a year earlier). */
export function yearAgo(p: Period): Period {
  switch (p.kind) {
    case 'day': {
      const d = addYearsToDate(p.from, -1);
      return make('day', d, d, d);
    }
    case 'week':
      return weekPeriod(mustDay(p.from) - 364);
    case 'month':
      return monthPeriod(Number(p.from.slice(0, 4)) - 1, Number(p.from.slice(5, 7)));
    case 'quarter':
      return quarterPeriod(
        Number(p.from.slice(0, 4)) - 1,
        Math.ceil(Number(p.from.slice(5, 7)) / 3),
      );
    case 'year':
      return yearPeriod(Number(p.from.slice(0, 4)) - 1);
    case 'custom': {
      const from = addYearsToDate(p.from, -1);
      const to = addYearsToDate(p.to, -1);
      return make('custom', `${from}..${to}`, from, to);
    }
  }
}

function addYearsToDate(date: string, n: number): string {
  const y = Number(date.slice(0, 4)) + n;
  const md = date.slice(5);
  // 29 February of a year without one becomes 28 February.
  return dayNumber(`${y}-${md}`) === null ? `${y}-02-28` : `${y}-${md}`;
}

/** The period `n` steps before (n < 0) or after (n > 0) `p`, of the same kind and length. */
export function shiftPeriod(p: Period, n: number): Period {
  const from = mustDay(p.from);
  switch (p.kind) {
    case 'day':
      return make('day', dateOf(from + n), dateOf(from + n), dateOf(from + n));
    case 'week':
      return weekPeriod(from + 7 * n);
    case 'month': {
      const idx = Number(p.from.slice(0, 4)) * 12 + Number(p.from.slice(5, 7)) - 1 + n;
      return monthPeriod(Math.floor(idx / 12), (idx % 12) + 1);
    }
    case 'quarter': {
      const idx =
        Number(p.from.slice(0, 4)) * 4 + Math.ceil(Number(p.from.slice(5, 7)) / 3) - 1 + n;
      return quarterPeriod(Math.floor(idx / 4), (idx % 4) + 1);
    }
    case 'year':
      return yearPeriod(Number(p.from.slice(0, 4)) + n);
    case 'custom': {
      const f = from + p.days * n;
      return make(
        'custom',
        `${dateOf(f)}..${dateOf(f + p.days - 1)}`,
        dateOf(f),
        dateOf(f + p.days - 1),
      );
    }
  }
}

/** The period with its instants in a time zone. */
export function zoned(p: Period, timeZone: string): ZonedPeriod {
  return {
    ...p,
    startMs: fromLocalTime(timeZone, p.from, 0),
    endMs: fromLocalTime(timeZone, addDays(p.to, 1), 0),
  };
}

/** Every date of a period, in order. */
export function datesOf(p: Pick<Period, 'from' | 'to'>): string[] {
  const out: string[] = [];
  for (let d = mustDay(p.from), end = mustDay(p.to); d <= end; d++) {
    out.push(dateOf(d));
  }
  return out;
}
