import { SPECIAL_DAY_KINDS, type SpecialDayKind } from '@common/clock';
import type { TimeUnit } from '@common/roles';
import type { AppContext } from '../../context';
import { appError } from '../../lib/app-error';
import type { FieldIssue } from '../../lib/errors';
import type { SpecialDay, WorkingCalendar, WorkingPeriod } from './calendar.types';
import { DEFAULT_WORKING_PERIODS } from './calendar-seed';
import { CALENDAR_SETTING_KEY, clockRepository as repo } from './clock.repository';
import { CALENDAR_FORMAT, type CalendarDocument } from './clock.schema';
import { seedCalendar } from './clock.seed';
import type { CalendarDayRow, CalendarYearRow } from './clock.table';
import { parseCalendarCsv } from './calendar-csv';
import { addTime, isClockUnit, workingMsBetween } from './deadline';
import { formatInstant, formatMinuteOfDay, parseInstant } from './iso-time';
import {
  DAY_MS,
  isValidTimeZone,
  parseIsoDate,
  toWallMs,
  weekdayOfDay,
  yearOfDay,
} from './local-time';
import { missingYears, validateCalendar } from './working-calendar';
import { parseWorkingTime, serializeWorkingTime, type WorkingTime } from './working-time';

/** A special day as the API shows it, with where it came from. */
export interface CalendarDayView extends SpecialDay {
  /** 'official-2026' (shipped seed), 'admin' (entered), 'import' (imported). */
  source: string;
}

/** Working periods ('HH:MM', end may be '24:00') and the time zone they are read in. */
export interface WorkingTimeView {
  timeZone: string;
  periods: { start: string; end: string }[];
}

/** One year of the calendar: its special days and whether they are the official schedule. */
export interface CalendarYearView extends WorkingTimeView {
  year: number;
  /** True when the year is entered at all (false: only the weekly rule applies). */
  entered: boolean;
  /** True when the year's official schedule is entered. */
  official: boolean;
  note: string | null;
  days: CalendarDayView[];
}

export interface CalendarYearSummary {
  year: number;
  official: boolean;
  note: string | null;
  holidays: number;
  workdays: number;
  /** ISO date-time of the last change, null for days without a year row. */
  updatedAt: string | null;
}

/** Something an admin should act on, e.g. next year's official schedule is missing. */
export interface CalendarWarning {
  code: 'CALENDAR_YEAR_MISSING';
  year: number;
  message: string;
}

export interface DeadlinePreview {
  start: string;
  amount: number;
  unit: TimeUnit;
  deadline: string;
  /** Working time between start and deadline (working units only), ms. */
  workingMs?: number;
  /** Years the deadline runs through without an official schedule (its result may change). */
  warnings: CalendarWarning[];
}

/** A year's schedule to store: official flag, note and special days (checked by the service). */
export interface YearScheduleInput {
  official: boolean;
  note?: string | null;
  days: readonly { date: string; kind: string; name: string }[];
}

export interface ImportResult {
  years: CalendarYearSummary[];
}

/** The working calendar kept in the store, cached as one immutable WorkingCalendar. */
export interface ClockService {
  /** The current calendar: the same object until a change, then a NEW frozen object. */
  calendar(): WorkingCalendar;
  /** Re-reads the calendar from the store (after a change by another process, or a seed). */
  reload(): Promise<WorkingCalendar>;
  /** Deadline (epoch ms) of `amount` `unit`s from `startMs` on the current calendar. */
  deadline(startMs: number, amount: number, unit: TimeUnit): number;
  /** Missing official years at `nowMs` (current year; next year from November). */
  warnings(nowMs: number): CalendarWarning[];
  /** Epoch ms of an ISO 8601 date-time; without an offset read in the calendar's zone. */
  parseInstant(text: string): number | null;
  /** ISO 8601 of an instant with the calendar zone's offset, e.g. 2026-02-13T16:00:00+08:00. */
  formatInstant(epochMs: number): string;
  /**
   * The deadline preview of the API: ISO strings in the calendar's zone.
   * @throws VALIDATION_FAILED (query.start not a date-time)
   */
  preview(start: string, amount: number, unit: TimeUnit): DeadlinePreview;
  /** Working periods and time zone. */
  workingTime(): WorkingTimeView;
  /** One year's special days (default: the current year in the calendar's zone). */
  year(year?: number): CalendarYearView;
  /** Every entered year with counts, and the warnings at `nowMs`. */
  years(nowMs: number): { years: CalendarYearSummary[]; warnings: CalendarWarning[] };
  /**
   * Replaces a year's special days and official flag atomically.
   * @throws CLOCK_SCHEDULE_INVALID (details: body.days.<i>.<field>)
   */
  putYear(year: number, input: YearScheduleInput): Promise<CalendarYearView>;
  /**
   * Deletes a year's special days and row; the year then counts as missing.
   * @throws CLOCK_YEAR_NOT_FOUND
   */
  deleteYear(year: number): Promise<void>;
  /**
   * Sets the working periods (and optionally the time zone).
   * @throws CLOCK_WORKING_TIME_INVALID (details: body.periods.<i>, body.timeZone)
   */
  setPeriods(periods: readonly WorkingPeriod[], timeZone?: string): Promise<WorkingTimeView>;
  /**
   * Sets the time zone the periods and dates are read in.
   * @throws CLOCK_WORKING_TIME_INVALID (details: body.timeZone)
   */
  setTimeZone(timeZone: string): Promise<WorkingTimeView>;
  /** The calendar document of one year, or of every entered year. */
  exportDocument(year?: number): CalendarDocument;
  /**
   * Replaces every year of the document, all or nothing.
   * @throws CLOCK_IMPORT_INVALID (details: body.years.<i>.days.<j>.<field>, every problem)
   */
  importDocument(doc: CalendarDocument): Promise<ImportResult>;
  /**
   * Replaces one year from `date,kind,name` lines, all or nothing.
   * @throws CLOCK_IMPORT_INVALID (details: body.line.<n>[.<field>], every bad line)
   */
  importCsv(text: string, opts?: { year?: number; official?: boolean }): Promise<ImportResult>;
}

interface Snapshot {
  calendar: WorkingCalendar;
  workingTime: WorkingTime;
  years: readonly CalendarYearRow[];
  days: readonly CalendarDayRow[];
}

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const isKind = (kind: string): kind is SpecialDayKind =>
  (SPECIAL_DAY_KINDS as readonly string[]).includes(kind);

const yearOfDate = (date: string): number => Number(date.slice(0, 4));

function missingYearWarning(year: number): CalendarWarning {
  return {
    code: 'CALENDAR_YEAR_MISSING',
    year,
    message:
      `The official holiday schedule of ${year} is not entered: working-day deadlines in ` +
      `${year} only skip weekends. Enter or import it.`,
  };
}

/**
 * Problems of one year's special days: real dates of that year, listed once, known kinds,
 * a name, and make-up workdays on a Saturday or Sunday (a holiday may fall on a weekend).
 * `pathOf(i, field)` names the field of the i-th day.
 */
export function checkYearSchedule(
  year: number,
  days: readonly { date: string; kind: string; name: string }[],
  pathOf: (index: number, field: 'date' | 'kind' | 'name') => string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const firstIndex = new Map<string, number>();
  days.forEach((day, i) => {
    let dayNumber: number | null = null;
    try {
      dayNumber = parseIsoDate(day.date);
    } catch {
      issues.push({ path: pathOf(i, 'date'), message: `not a real YYYY-MM-DD date: ${day.date}` });
    }
    if (dayNumber !== null) {
      const seen = firstIndex.get(day.date);
      if (yearOfDay(dayNumber) !== year) {
        issues.push({ path: pathOf(i, 'date'), message: `${day.date} is not in ${year}` });
      } else if (seen !== undefined) {
        issues.push({
          path: pathOf(i, 'date'),
          message: `${day.date} is listed twice (also at ${pathOf(seen, 'date')})`,
        });
      } else {
        firstIndex.set(day.date, i);
      }
      const weekday = weekdayOfDay(dayNumber);
      if (day.kind === 'workday' && weekday !== 0 && weekday !== 6) {
        issues.push({
          path: pathOf(i, 'kind'),
          message: `a make-up workday must fall on a Saturday or Sunday; ${day.date} is a ${WEEKDAY_NAMES[weekday]}`,
        });
      }
    }
    if (!isKind(day.kind)) {
      issues.push({ path: pathOf(i, 'kind'), message: 'kind must be holiday or workday' });
    }
    const name = day.name.trim();
    if (name === '' || name.length > 50) {
      issues.push({ path: pathOf(i, 'name'), message: 'name is required (at most 50 characters)' });
    }
  });
  return issues;
}

function freezeCalendar(calendar: WorkingCalendar): WorkingCalendar {
  calendar.specialDays.forEach((d) => Object.freeze(d));
  calendar.periods.forEach((p) => Object.freeze(p));
  Object.freeze(calendar.specialDays);
  Object.freeze(calendar.periods);
  Object.freeze(calendar.officialYears);
  return Object.freeze(calendar);
}

/**
 * The working calendar of the city as data in the store (special days per year, working
 * periods, time zone), with admin edits, import/export and the deadline preview. Seeds the
 * shipped official schedules on creation (idempotent, see seedCalendar), then holds the
 * calendar in memory; every change writes, then rebuilds a new calendar object.
 */
export async function createClockService(ctx: AppContext): Promise<ClockService> {
  const db = ctx.store.db;
  const defaults: WorkingTime = { timeZone: ctx.config.timezone, periods: DEFAULT_WORKING_PERIODS };

  async function load(): Promise<Snapshot> {
    const [years, days, setting] = await Promise.all([
      repo.listYears(db),
      repo.listDays(db),
      repo.getSetting(db, CALENDAR_SETTING_KEY),
    ]);
    let workingTime = setting === undefined ? null : parseWorkingTime(setting);
    if (workingTime) {
      const issues = validateCalendar({
        ...workingTime,
        specialDays: [],
        officialYears: [],
      });
      if (issues.length > 0) {
        ctx.log.error({ issues }, 'stored working time is invalid; using the defaults');
        workingTime = null;
      }
    } else if (setting !== undefined) {
      ctx.log.error({ setting }, 'stored working time is unreadable; using the defaults');
    }
    const wt = workingTime ?? defaults;
    const calendar = freezeCalendar({
      timeZone: wt.timeZone,
      periods: wt.periods.map((p) => ({ start: p.start, end: p.end })),
      specialDays: days
        .filter((d) => isKind(d.kind))
        .map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
      officialYears: years.filter((y) => y.official === 1).map((y) => y.year),
    });
    return { calendar, workingTime: wt, years, days };
  }

  await seedCalendar(db, { timeZone: ctx.config.timezone, nowMs: ctx.clock.now() });
  let state = await load();
  // Reloads may overlap; one that started earlier must not replace a later one's result.
  let started = 0;
  let applied = 0;

  async function reload(): Promise<WorkingCalendar> {
    const ticket = ++started;
    const next = await load();
    if (ticket > applied) {
      applied = ticket;
      state = next;
    }
    return state.calendar;
  }

  const zone = (): string => state.calendar.timeZone;
  const fmt = (ms: number): string => formatInstant(ms, zone());

  function workingTimeView(): WorkingTimeView {
    return {
      timeZone: state.workingTime.timeZone,
      periods: state.workingTime.periods.map((p) => ({
        start: formatMinuteOfDay(p.start),
        end: formatMinuteOfDay(p.end),
      })),
    };
  }

  function summaries(): CalendarYearSummary[] {
    const byYear = new Map<number, CalendarYearSummary>();
    for (const y of state.years) {
      byYear.set(y.year, {
        year: y.year,
        official: y.official === 1,
        note: y.note,
        holidays: 0,
        workdays: 0,
        updatedAt: fmt(y.updated_at),
      });
    }
    for (const d of state.days) {
      const year = yearOfDate(d.date);
      let s = byYear.get(year);
      if (!s) {
        s = { year, official: false, note: null, holidays: 0, workdays: 0, updatedAt: null };
        byYear.set(year, s);
      }
      if (d.kind === 'holiday') {
        s.holidays += 1;
      } else {
        s.workdays += 1;
      }
    }
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  function yearView(year: number): CalendarYearView {
    const row = state.years.find((y) => y.year === year);
    const days = state.days
      .filter((d) => yearOfDate(d.date) === year && isKind(d.kind))
      .map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: d.source }));
    return {
      year,
      entered: row !== undefined || days.length > 0,
      official: row?.official === 1,
      note: row?.note ?? null,
      ...workingTimeView(),
      days,
    };
  }

  /** Writes whole years in one transaction (the input is already checked). */
  async function writeYears(
    entries: readonly { year: number; input: YearScheduleInput }[],
    source: string,
  ): Promise<void> {
    const now = ctx.clock.now();
    await db.transaction().execute(async (trx) => {
      for (const { year, input } of entries) {
        await repo.deleteDaysOfYear(trx, year);
        await repo.upsertYear(trx, {
          year,
          official: input.official ? 1 : 0,
          note: input.note?.trim() || null,
          updated_at: now,
        });
        const rows = input.days
          .map((d) => ({
            date: d.date,
            kind: d.kind as SpecialDayKind,
            name: d.name.trim(),
            source,
          }))
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        await repo.insertDays(trx, rows);
      }
    });
    await reload();
  }

  async function writeWorkingTime(next: WorkingTime): Promise<WorkingTimeView> {
    const issues = validateCalendar({ ...next, specialDays: [], officialYears: [] })
      .filter((i) => i.path.startsWith('periods') || i.path === 'timeZone')
      .map((i) => ({
        ...i,
        path: `body.${i.path.replace(/\[(\d+)\]/g, '.$1')}`,
      }));
    if (issues.length > 0) {
      throw appError(
        'CLOCK_WORKING_TIME_INVALID',
        `The working time is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    await repo.putSetting(db, CALENDAR_SETTING_KEY, serializeWorkingTime(next), ctx.clock.now());
    await reload();
    return workingTimeView();
  }

  const importSummaries = (years: readonly number[]): ImportResult => ({
    years: summaries().filter((s) => years.includes(s.year)),
  });

  return {
    calendar: () => state.calendar,
    reload,

    deadline: (startMs, amount, unit) => addTime(state.calendar, startMs, amount, unit),

    warnings: (nowMs) => missingYears(state.calendar, nowMs).map(missingYearWarning),

    parseInstant: (text) => parseInstant(text, zone()),
    formatInstant: fmt,

    preview(start, amount, unit) {
      const calendar = state.calendar;
      const startMs = parseInstant(start, calendar.timeZone);
      if (startMs === null) {
        throw appError('VALIDATION_FAILED', 'query.start: not an ISO 8601 date-time', [
          { path: 'query.start', message: 'must be an ISO 8601 date-time' },
        ]);
      }
      const deadlineMs = addTime(calendar, startMs, amount, unit);
      const out: DeadlinePreview = {
        start: formatInstant(startMs, calendar.timeZone),
        amount,
        unit,
        deadline: formatInstant(deadlineMs, calendar.timeZone),
        warnings: [],
      };
      if (!isClockUnit(unit)) {
        out.workingMs = workingMsBetween(calendar, startMs, deadlineMs);
        const yearAt = (ms: number) =>
          yearOfDay(Math.floor(toWallMs(calendar.timeZone, ms) / DAY_MS));
        const official = new Set(calendar.officialYears);
        for (let y = yearAt(startMs); y <= yearAt(deadlineMs); y++) {
          if (!official.has(y)) {
            out.warnings.push(missingYearWarning(y));
          }
        }
      }
      return out;
    },

    workingTime: workingTimeView,

    year(year) {
      const y = year ?? yearOfDay(Math.floor(toWallMs(zone(), ctx.clock.now()) / DAY_MS));
      return yearView(y);
    },

    years: (nowMs) => ({
      years: summaries(),
      warnings: missingYears(state.calendar, nowMs).map(missingYearWarning),
    }),

    async putYear(year, input) {
      const issues = checkYearSchedule(year, input.days, (i, f) => `body.days.${i}.${f}`);
      if (issues.length > 0) {
        throw appError(
          'CLOCK_SCHEDULE_INVALID',
          `${issues.length} problems in the schedule of ${year}; nothing was saved`,
          issues,
        );
      }
      await writeYears([{ year, input }], 'admin');
      return yearView(year);
    },

    async deleteYear(year) {
      const found = await db.transaction().execute(async (trx) => {
        const days = await repo.deleteDaysOfYear(trx, year);
        const rows = await repo.deleteYear(trx, year);
        return rows + days > 0;
      });
      if (!found) {
        throw appError('CLOCK_YEAR_NOT_FOUND', `The calendar has no year ${year}`);
      }
      await reload();
    },

    setPeriods: (periods, timeZone) =>
      writeWorkingTime({
        timeZone: timeZone ?? state.workingTime.timeZone,
        periods: periods.map((p) => ({ start: p.start, end: p.end })),
      }),

    setTimeZone: (timeZone) =>
      isValidTimeZone(timeZone)
        ? writeWorkingTime({ ...state.workingTime, timeZone })
        : Promise.reject(
            appError('CLOCK_WORKING_TIME_INVALID', `Unknown IANA time zone: ${timeZone}`, [
              { path: 'body.timeZone', message: `unknown IANA time zone: ${timeZone}` },
            ]),
          ),

    exportDocument(year) {
      const years = summaries()
        .filter((s) => year === undefined || s.year === year)
        .map((s) => {
          const v = yearView(s.year);
          return {
            year: s.year,
            official: s.official,
            note: s.note,
            days: v.days.map(({ date, kind, name }) => ({ date, kind, name })),
          };
        });
      return { format: CALENDAR_FORMAT, years };
    },

    async importDocument(doc) {
      const issues: FieldIssue[] = [];
      const seen = new Map<number, number>();
      doc.years.forEach((y, i) => {
        const first = seen.get(y.year);
        if (first !== undefined) {
          issues.push({
            path: `body.years.${i}.year`,
            message: `${y.year} is listed twice (also at body.years.${first}.year)`,
          });
        }
        seen.set(y.year, first ?? i);
        issues.push(
          ...checkYearSchedule(y.year, y.days, (j, f) => `body.years.${i}.days.${j}.${f}`),
        );
      });
      if (issues.length > 0) {
        throw appError(
          'CLOCK_IMPORT_INVALID',
          `${issues.length} problems in the calendar document; nothing was imported`,
          issues,
        );
      }
      await writeYears(
        doc.years.map((y) => ({ year: y.year, input: y })),
        'import',
      );
      return importSummaries(doc.years.map((y) => y.year));
    },

    async importCsv(text, opts = {}) {
      const parsed = parseCalendarCsv(text);
      const issues: FieldIssue[] = [...parsed.issues];
      const year = opts.year ?? (parsed.days[0] ? yearOfDate(parsed.days[0].date) : undefined);
      if (parsed.days.length === 0 && parsed.issues.length === 0) {
        issues.push({ path: 'body', message: 'no lines to import (expected date,kind,name)' });
      }
      if (year !== undefined && !(year >= 1970 && year <= 9999)) {
        issues.push({ path: 'body.line.1', message: `year out of range: ${year}` });
      } else if (year !== undefined) {
        issues.push(
          ...checkYearSchedule(
            year,
            parsed.days,
            (i, f) => `body.line.${parsed.days[i]?.line ?? 0}.${f}`,
          ),
        );
      }
      if (issues.length > 0 || year === undefined) {
        issues.sort((a, b) => lineOf(a.path) - lineOf(b.path));
        throw appError(
          'CLOCK_IMPORT_INVALID',
          `${issues.length} problems in the CSV; nothing was imported`,
          issues,
        );
      }
      await writeYears(
        [{ year, input: { official: opts.official ?? true, note: null, days: parsed.days } }],
        'import',
      );
      return importSummaries([year]);
    },
  };
}

/** Line number of a `body.line.<n>…` path, for ordering issues; 0 for others. */
function lineOf(path: string): number {
  const m = /^body\.line\.(\d+)/.exec(path);
  return m ? Number(m[1]) : 0;
}
