/**
 * Types of the working clock. The calendar shapes live in `@common/clock` because the web UI
 * edits calendars and shows traffic lights too; this file re-exports them beside the
 * server-only types so that the module has one place to import types from.
 */
export type {
  SpecialDay,
  SpecialDayKind,
  TrafficLight,
  TrafficLightColor,
  Weekday,
  WorkingCalendar,
  WorkingPeriod,
} from '@common/clock';

/** A local wall-clock time in some time zone. */
export interface LocalTime {
  /** Local calendar date, 'YYYY-MM-DD'. */
  date: string;
  /** Minutes since local midnight, 0 ≤ minute < 1440; fractional below the minute. */
  minute: number;
}

/**
 * One interval during which a case was hung (挂账), in epoch ms. `to` is null while the case is
 * still hung; the pause then lasts until "now".
 */
export interface PauseInterval {
  from: number;
  to: number | null;
}
