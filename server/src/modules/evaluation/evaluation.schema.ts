import {
  DRILL_DIMENSIONS,
  PUBLIC_BOARD_PERIODS,
  PUBLIC_BOARD_SUBJECTS,
  RATIO_GROUPS,
  type DrillDimension,
  type RatioGroup,
} from '@common/evaluation';
import { z } from 'zod';
import { AREA_KINDS, PERSON_ROLES } from './facts';
import { SUBJECTS } from './indicators';
import { PERIOD_KINDS } from './period';

export { DRILL_DIMENSIONS, type DrillDimension };

/** Dimensions a trend can follow. */
export const TREND_DIMENSIONS = [
  ...AREA_KINDS,
  'unit',
  ...PERSON_ROLES,
  'major',
  'matter',
  'source',
] as const;
export type TrendDimension = (typeof TREND_DIMENSIONS)[number];

export { RATIO_GROUPS, type RatioGroup };

const periodFields = {
  /** day | week | month | quarter | year | custom (default month, or custom with from/to). */
  period: z.enum(PERIOD_KINDS).optional(),
  /** 2026-11-23, 2026-W48, 2026-11, 2026-Q4, 2026 (default: the period containing today). */
  date: z.string().min(4).max(10).optional(),
  /** First and last local date of a custom period, inclusive. */
  from: z.string().min(10).max(10).optional(),
  to: z.string().min(10).max(10).optional(),
};
export type PeriodQuery = {
  period?: (typeof PERIOD_KINDS)[number];
  date?: string;
  from?: string;
  to?: string;
};

const matter = z
  .string()
  .regex(/^\d{2}(\d{3})?$/, 'must be a 2-digit major or 5-digit matter code');

export const indicatorsQuery = z.strictObject({ subject: z.enum(SUBJECTS), ...periodFields });
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;

export const rankingsQuery = z.strictObject({
  subject: z.enum(SUBJECTS),
  ...periodFields,
  top: z.coerce.number().int().min(0).max(100).optional(),
  bottom: z.coerce.number().int().min(0).max(100).optional(),
});
export type RankingsQuery = z.infer<typeof rankingsQuery>;

export const drillQuery = z.strictObject({
  /** A count ('handled_on_time', 'unit.handled', 'disposal.service') or an indicator ('closure_rate', 'volume'). */
  indicator: z.string().min(1).max(64),
  dimension: z.enum(DRILL_DIMENSIONS),
  /** The cell: unit/user/region id, grid code, matter code, source, H3 cell (res 7–9), 'grid|matter'. */
  key: z.string().min(1).max(100),
  /** For dimension=h3: only cases of this matter major or matter. */
  matter: matter.optional(),
  ...periodFields,
});
export type DrillQuery = z.infer<typeof drillQuery>;

export const hotspotsQuery = z.strictObject({
  res: z.coerce.number().int().min(7).max(9).default(8),
  matter: matter.optional(),
  top: z.coerce.number().int().min(1).max(500).optional(),
  ...periodFields,
});
export type HotspotsQuery = z.infer<typeof hotspotsQuery>;

export const trendsQuery = z.strictObject({
  dimension: z.enum(TREND_DIMENSIONS),
  /** A count of the dimension ('reported', 'handled'), or for subjects an indicator or 'composite'. */
  metric: z.string().min(1).max(64).optional(),
  /** Only this key (otherwise the top keys by the latest period). */
  key: z.string().min(1).max(100).optional(),
  /** How many periods, ending with the one asked for. */
  count: z.coerce.number().int().min(2).max(24).default(6),
  top: z.coerce.number().int().min(1).max(200).default(20),
  ...periodFields,
});
export type TrendsQuery = z.infer<typeof trendsQuery>;

export const ratio721Query = z.strictObject({
  groupBy: z.enum(RATIO_GROUPS).default('unit'),
  ...periodFields,
});
export type Ratio721Query = z.infer<typeof ratio721Query>;

export const publicBoardQuery = z.strictObject({
  subject: z.enum(PUBLIC_BOARD_SUBJECTS).optional(),
  period: z.enum(PUBLIC_BOARD_PERIODS).optional(),
  date: z.string().min(4).max(10).optional(),
});
export type PublicBoardQuery = z.infer<typeof publicBoardQuery>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const rollupRangeBody = z.strictObject({ from: isoDate, to: isoDate });
export const rollupRangeQuery = rollupRangeBody;
export type RollupRange = z.infer<typeof rollupRangeBody>;
