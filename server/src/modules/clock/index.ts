/**
 * The working clock (工作时钟): pure functions from calendar data and instants (epoch ms) to
 * deadlines, elapsed time and traffic lights. No I/O and no "now": callers pass nowMs.
 */

/** A working calendar as data: time zone, working periods, special days, official years. */
export type { WorkingCalendar } from './calendar.types';
/** A working period in minutes from local midnight, [start, end). */
export type { WorkingPeriod } from './calendar.types';
/** A holiday or make-up workday of the official schedule ('YYYY-MM-DD', kind, festival name). */
export type { SpecialDay } from './calendar.types';
/** 'holiday' (day off) or 'workday' (调休 make-up working day). */
export type { SpecialDayKind } from './calendar.types';
/** Day of the week, 0 = Sunday … 6 = Saturday. */
export type { Weekday } from './calendar.types';
/** Local date ('YYYY-MM-DD') and minute since local midnight (fractional below a minute). */
export type { LocalTime } from './calendar.types';
/** An interval (epoch ms) during which a case was hung; `to` null while still hung. */
export type { PauseInterval } from './calendar.types';
/** Light, used share, used ms and limit ms of a case's time limit. */
export type { TrafficLight } from './calendar.types';
/** 'green' | 'yellow' | 'red'. */
export type { TrafficLightColor } from './calendar.types';
/** Input of trafficLight: start, effective deadline and now (epoch ms), unit, calendar, pauses. */
export type { TrafficLightInput } from './traffic-light';

/** Default calendar: Asia/Shanghai, 08:30–12:00 and 13:30–17:30, official data 2025–2026. */
export { CHINA_WORKING_CALENDAR } from './calendar-seed';
/** Official 2025 holidays and make-up workdays (State Council notice of 2024-11-12). */
export { CHINA_SPECIAL_DAYS_2025 } from './calendar-seed';
/** Official 2026 holidays and make-up workdays (State Council notice of 2025-11-04). */
export { CHINA_SPECIAL_DAYS_2026 } from './calendar-seed';
/** Default working periods, minutes from midnight: 510–720 and 810–1050 (7.5 h a day). */
export { DEFAULT_WORKING_PERIODS } from './calendar-seed';
/** Default IANA time zone: 'Asia/Shanghai'. */
export { DEFAULT_TIME_ZONE } from './calendar-seed';

/** True if a 'YYYY-MM-DD' date is a working day (Mon–Fri unless holiday; make-up days on). */
export { isWorkingDay } from './working-calendar';
/** Working periods of a 'YYYY-MM-DD' date in minutes from midnight; [] on a day off. */
export { workingPeriodsOn } from './working-calendar';
/** Years lacking official data at nowMs: current year if missing, next year from November. */
export { missingYears } from './working-calendar';
/** Month (1–12) from which missingYears reports a missing next year: 11. */
export { DEFAULT_WARN_FROM_MONTH } from './working-calendar';
/** Field issues of a malformed calendar (bad zone, periods, dates, duplicates); [] if sound. */
export { validateCalendar } from './working-calendar';

/** Local date and minute of an epoch-ms instant in an IANA time zone (Intl, DST-aware). */
export { toLocalTime } from './local-time';
/** Epoch ms of a local date and minute in an IANA zone (repeated time → earlier, gap → later). */
export { fromLocalTime } from './local-time';
/** True if the runtime knows the IANA time zone name. */
export { isValidTimeZone } from './local-time';
/** Epoch ms of an ISO 8601 date-time; one without an offset is read in the given zone. */
export { parseInstant } from './iso-time';
/** ISO 8601 of an instant with the zone's offset then, e.g. 2026-02-13T16:00:00+08:00. */
export { formatInstant } from './iso-time';

/** Deadline (epoch ms) of amount × unit from startMs (minute, hour, working_hour, working_day). */
export { addTime } from './deadline';
/** Earliest instant (epoch ms) at which the given working ms have elapsed since startMs. */
export { addWorkingMs } from './deadline';
/** Working ms between two instants; negative when toMs < fromMs. */
export { workingMsBetween } from './deadline';
/** Elapsed ms in the unit's measure: plain ms for minute/hour, working ms otherwise. */
export { elapsedFor } from './deadline';
/** Inverse of elapsedFor: earliest instant (epoch ms) after elapsedMs in the unit's measure. */
export { advanceBy } from './deadline';
/** True for the clock units 'minute' and 'hour' (calendar ignored). */
export { isClockUnit } from './deadline';

/** Effective deadline (epoch ms) when the case was hung (挂账) during the given pauses. */
export { deadlineWithPauses } from './pause';
/** Ms consumed in the unit's measure between two instants, paused time left out. */
export { activeElapsed } from './pause';

/** Traffic light of a limit at nowMs: green < yellowFrom ≤ yellow ≤ deadline < red. */
export { trafficLight } from './traffic-light';
/** Default used share from which the light turns yellow: 0.8. */
export { DEFAULT_YELLOW_FROM } from './traffic-light';
