import type { PeriodKind, PeriodQuery } from '../../../api/evaluation.api';

/** Period kinds offered on the evaluation page, in menu order. */
export const PERIOD_KINDS: readonly PeriodKind[] = [
  'day',
  'week',
  'month',
  'quarter',
  'year',
  'custom',
];

/**
 * The period the page shows: a kind and a date inside it (the server finds the week, month,
 * quarter or year that holds the date), or a custom range of dates, inclusive. Dates are the
 * city's local dates, 'YYYY-MM-DD'.
 */
export interface PeriodSelection {
  kind: PeriodKind;
  date: string;
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(s: string | null | undefined): s is string {
  if (!s || !DATE.test(s)) {
    return false;
  }
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The date `n` months later, on the same day or the month's last one (Jan 31 + 1 → Feb 28). */
function addMonths(date: string, n: number): string {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return first.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The selection kept in the page's URL (`period`, `date`, `from`, `to`), with defaults for
 * what is missing or malformed: this month, and for a custom period the 30 days up to today.
 */
export function readPeriod(get: (name: string) => string | null, today: string): PeriodSelection {
  const k = get('period');
  const kind = (PERIOD_KINDS as readonly string[]).includes(k ?? '') ? (k as PeriodKind) : 'month';
  const date = get('date');
  let from = get('from');
  let to = get('to');
  if (!isDate(from) || !isDate(to) || from > to) {
    from = addDays(today, -29);
    to = today;
  }
  return { kind, date: isDate(date) ? date : today, from, to };
}

/** The query parameters the evaluation API takes for a selection. */
export function periodQuery(p: PeriodSelection): PeriodQuery {
  return p.kind === 'custom'
    ? { period: 'custom', from: p.from, to: p.to }
    : { period: p.kind, date: p.date };
}

/** The selection `n` periods later (earlier when negative); a custom range moves by its length. */
export function stepPeriod(p: PeriodSelection, n: number): PeriodSelection {
  switch (p.kind) {
    case 'day':
      return { ...p, date: addDays(p.date, n) };
    case 'week':
      return { ...p, date: addDays(p.date, 7 * n) };
    case 'month':
      return { ...p, date: addMonths(p.date, n) };
    case 'quarter':
      return { ...p, date: addMonths(p.date, 3 * n) };
    case 'year':
      return { ...p, date: addMonths(p.date, 12 * n) };
    case 'custom': {
      const len = daysBetween(p.from, p.to) + 1;
      return { ...p, from: addDays(p.from, len * n), to: addDays(p.to, len * n) };
    }
  }
}

/** The month ('YYYY-MM') before the one holding `date`: the last complete month. */
export function previousMonth(date: string): string {
  return addMonths(`${date.slice(0, 7)}-01`, -1).slice(0, 7);
}
