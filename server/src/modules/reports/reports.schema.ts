import { z } from 'zod';
import { inYears, yearsMessage } from '../evaluation/period';

export const monthlyReportQuery = z.strictObject({
  /** The month of the report, 'YYYY-MM' (local months of the city's time zone). */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
    .refine(inYears, yearsMessage),
});
export type MonthlyReportQuery = z.infer<typeof monthlyReportQuery>;
