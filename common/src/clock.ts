/**
 * Shapes of the working clock shared by the server's clock module and the web UI: the working
 * calendar as data (an admin enters or imports next year's official schedule without a release)
 * and the traffic light shown on every open case.
 *
 * Names are part of the API: they are stored and sent over HTTP. Never rename one.
 */

/** Kind of a special day: an official day off, or a make-up working day (调休上班). */
export const SPECIAL_DAY_KINDS = ['holiday', 'workday'] as const;
export type SpecialDayKind = (typeof SPECIAL_DAY_KINDS)[number];

/** One day that departs from the weekly rule (Mon–Fri work, Sat–Sun off). */
export interface SpecialDay {
  /** Local calendar date, 'YYYY-MM-DD'. */
  date: string;
  kind: SpecialDayKind;
  /** Festival the day belongs to, as in the official notice, e.g. '春节'. */
  name: string;
}

/**
 * One working period of a day, in minutes from local midnight: [start, end).
 * 08:30–12:00 is { start: 510, end: 720 }. `end` may be 1440 (midnight at the end of the day).
 */
export interface WorkingPeriod {
  start: number;
  end: number;
}

/** Day of the week as in JavaScript: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A working calendar as data. The clock runs only inside `periods` of working days. A working
 * day is Mon–Fri unless listed as a holiday, or Sat/Sun listed as a make-up workday.
 * Treat a calendar object as immutable: the clock caches an index per object.
 */
export interface WorkingCalendar {
  /** IANA time zone the periods and dates are expressed in, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** Working periods of every working day, sorted and not overlapping. */
  periods: readonly WorkingPeriod[];
  /** Optional periods for particular weekdays, replacing `periods` on working days of that weekday. */
  weekdayPeriods?: Partial<Record<Weekday, readonly WorkingPeriod[]>>;
  /** Official holidays and make-up workdays. At most one entry per date. */
  specialDays: readonly SpecialDay[];
  /** Years whose official schedule has been entered (the platform warns about missing ones). */
  officialYears: readonly number[];
}

/** Colours of the time-limit traffic light (红黄绿灯). */
export const TRAFFIC_LIGHTS = ['green', 'yellow', 'red'] as const;
export type TrafficLightColor = (typeof TRAFFIC_LIGHTS)[number];

export const TRAFFIC_LIGHT_NAMES_ZH: Record<TrafficLightColor, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
};

/** State of a case's time limit at one instant. */
export interface TrafficLight {
  light: TrafficLightColor;
  /** Share of the limit used, 0 at the start, 1 at the deadline; may exceed 1 when overdue. */
  usedRatio: number;
  /** Limit used so far, in ms of the limit's measure (working ms for working units). */
  usedMs: number;
  /** The whole limit, in ms of the same measure (paused time excluded). */
  limitMs: number;
}
