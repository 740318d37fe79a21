import { SPECIAL_DAY_KINDS } from '@common/clock';
import { TIME_UNITS } from '@common/roles';
import { z } from 'zod';
import type { WorkingPeriod } from './calendar.types';
import { isIsoInstant, parseMinuteOfDay } from './iso-time';

/** Format tag of calendar documents (export, import). */
export const CALENDAR_FORMAT = 'cityloop.calendar/v1';

/** Largest deadline amount the preview computes (100 000 working days is centuries). */
export const MAX_PREVIEW_AMOUNT = 100_000;

const year = z.coerce
  .number()
  .int('must be a whole year')
  .min(1970, 'must be 1970 or later')
  .max(9999, 'must be 9999 or earlier');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date');
const hhmm = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:MM between 00:00 and 24:00');

export const specialDayBody = z.strictObject({
  date: isoDate,
  kind: z.enum(SPECIAL_DAY_KINDS),
  name: z.string().trim().min(1, 'is required').max(50),
});

export const yearScheduleBody = z.strictObject({
  /** True: this is the official schedule of the year (stops the missing-year warning). */
  official: z.boolean(),
  note: z.string().max(200).nullish(),
  days: z.array(specialDayBody).max(366),
});
export type YearScheduleBody = z.infer<typeof yearScheduleBody>;

export const yearParams = z.strictObject({ year });
export const calendarQuery = z.strictObject({ year: year.optional() });

export const calendarDocument = z.strictObject({
  format: z.literal(CALENDAR_FORMAT),
  years: z
    .array(yearScheduleBody.extend({ year: z.number().int().min(1970).max(9999) }))
    .min(1)
    .max(100),
});
export type CalendarDocument = z.infer<typeof calendarDocument>;

/**
 * Body of an import: a calendar document (JSON), or CSV text (text/csv or text/plain) whose
 * lines the clock service checks. A document's problems name their fields (a z.union would
 * report one problem at `body`).
 */
export const importBody = z
  .unknown()
  .superRefine((value, ctx) => {
    if (typeof value === 'string') {
      return;
    }
    const parsed = calendarDocument.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      }
    }
  })
  .meta({
    description:
      'application/json: a calendar document { format, years: [{ year, official, note, days }] }; ' +
      'text/csv: date,kind,name lines of one year',
  });

export const importQuery = z.strictObject({
  /** CSV only: the year the lines belong to (default: the year of the first date). */
  year: year.optional(),
  /** CSV only: whether the lines are the year's official schedule (default true). */
  official: z.enum(['true', 'false']).optional(),
});

export const workingTimeBody = z.strictObject({
  periods: z
    .array(z.strictObject({ start: hhmm, end: hhmm }))
    .min(1)
    .max(12),
  timeZone: z.string().min(1).max(64).optional(),
});
export type WorkingTimeBody = z.infer<typeof workingTimeBody>;

/** Working periods of a body ('HH:MM' already checked by the schema) in minutes. */
export function toWorkingPeriods(periods: WorkingTimeBody['periods']): WorkingPeriod[] {
  return periods.map((p) => ({
    start: parseMinuteOfDay(p.start) ?? Number.NaN,
    end: parseMinuteOfDay(p.end) ?? Number.NaN,
  }));
}

export const deadlineQuery = z.strictObject({
  start: z
    .string()
    .max(64)
    .refine(isIsoInstant, 'must be an ISO 8601 date-time such as 2026-02-13T16:00:00+08:00'),
  amount: z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number ≥ 0')
    .refine(
      (v) => !/^\d+$/.test(v) || Number(v) <= MAX_PREVIEW_AMOUNT,
      `must be at most ${MAX_PREVIEW_AMOUNT}`,
    ),
  unit: z.enum(TIME_UNITS),
});
