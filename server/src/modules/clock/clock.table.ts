import type { Insertable, Selectable } from 'kysely';
import type { SpecialDayKind } from '@common/clock';

/** One special day of the working calendar: an official day off or a make-up workday. */
export interface CalendarDayTable {
  /** Local date 'YYYY-MM-DD' (primary key: at most one entry per date). */
  date: string;
  kind: SpecialDayKind;
  /** Festival the day belongs to, e.g. '春节'. */
  name: string;
  /** Where the day came from: 'official-2026' (seed), 'admin' (API), 'import' (document/CSV). */
  source: string;
}

/** One year of the calendar; `official` = 1 when that year's official schedule is entered. */
export interface CalendarYearTable {
  year: number;
  official: number;
  note: string | null;
  updated_at: number;
}

export interface ClockTables {
  calendar_day: CalendarDayTable;
  calendar_year: CalendarYearTable;
}

export type CalendarDayRow = Selectable<CalendarDayTable>;
export type NewCalendarDayRow = Insertable<CalendarDayTable>;
export type CalendarYearRow = Selectable<CalendarYearTable>;
export type NewCalendarYearRow = Insertable<CalendarYearTable>;
