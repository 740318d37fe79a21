/**
 * China's official holiday schedules (放假调休安排) as data, and the default working calendar.
 * Sources: State Council General Office notices of 2024-11-12 (for 2025) and 2025-11-04 (for
 * 2026). Every listed day off is stored as a holiday, including those that fall on a weekend
 * anyway. Later years are entered or imported by an admin; this file is only the seed.
 */
import type { SpecialDay, SpecialDayKind, WorkingCalendar, WorkingPeriod } from './calendar.types';
import { formatIsoDate, parseIsoDate } from './local-time';

/** Time zone of the default calendar. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Default working periods: 08:30–12:00 and 13:30–17:30 (7.5 working hours a day). */
export const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = [
  { start: 8 * 60 + 30, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 17 * 60 + 30 },
];

/** One line of an official notice: a festival's days off, or its make-up working days. */
type ScheduleLine = readonly [name: string, kind: SpecialDayKind, from: string, to?: string];

function expand(lines: readonly ScheduleLine[]): SpecialDay[] {
  const days: SpecialDay[] = [];
  for (const [name, kind, from, to] of lines) {
    const last = parseIsoDate(to ?? from);
    for (let d = parseIsoDate(from); d <= last; d++) {
      days.push({ date: formatIsoDate(d), kind, name });
    }
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** 2025 (notice of 2024-11-12): 28 days off, 5 make-up working days. */
export const CHINA_SPECIAL_DAYS_2025: readonly SpecialDay[] = expand([
  ['元旦', 'holiday', '2025-01-01'],
  ['春节', 'holiday', '2025-01-28', '2025-02-04'],
  ['春节', 'workday', '2025-01-26'],
  ['春节', 'workday', '2025-02-08'],
  ['清明节', 'holiday', '2025-04-04', '2025-04-06'],
  ['劳动节', 'holiday', '2025-05-01', '2025-05-05'],
  ['劳动节', 'workday', '2025-04-27'],
  ['端午节', 'holiday', '2025-05-31', '2025-06-02'],
  // In 2025 National Day and Mid-Autumn Festival (Oct 6) share one holiday.
  ['国庆节、中秋节', 'holiday', '2025-10-01', '2025-10-08'],
  ['国庆节、中秋节', 'workday', '2025-09-28'],
  ['国庆节、中秋节', 'workday', '2025-10-11'],
]);

/** 2026 (notice of 2025-11-04): 33 days off, 6 make-up working days. */
export const CHINA_SPECIAL_DAYS_2026: readonly SpecialDay[] = expand([
  ['元旦', 'holiday', '2026-01-01', '2026-01-03'],
  ['元旦', 'workday', '2026-01-04'],
  ['春节', 'holiday', '2026-02-15', '2026-02-23'],
  ['春节', 'workday', '2026-02-14'],
  ['春节', 'workday', '2026-02-28'],
  ['清明节', 'holiday', '2026-04-04', '2026-04-06'],
  ['劳动节', 'holiday', '2026-05-01', '2026-05-05'],
  ['劳动节', 'workday', '2026-05-09'],
  ['端午节', 'holiday', '2026-06-19', '2026-06-21'],
  ['中秋节', 'holiday', '2026-09-25', '2026-09-27'],
  ['国庆节', 'holiday', '2026-10-01', '2026-10-07'],
  // The notice lists both make-up days under National Day.
  ['国庆节', 'workday', '2026-09-20'],
  ['国庆节', 'workday', '2026-10-10'],
]);

/** The default calendar: Asia/Shanghai, default periods, official data for 2025 and 2026. */
export const CHINA_WORKING_CALENDAR: WorkingCalendar = {
  timeZone: DEFAULT_TIME_ZONE,
  periods: DEFAULT_WORKING_PERIODS,
  specialDays: [...CHINA_SPECIAL_DAYS_2025, ...CHINA_SPECIAL_DAYS_2026],
  officialYears: [2025, 2026],
};
