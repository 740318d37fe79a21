import {
  CASE_ACTIONS,
  CASE_SOURCES,
  CASE_STATES,
  DISPOSAL_MODES,
  SELECTABLE_VOID_REASONS,
} from '@common/workflow';
import { z } from 'zod';
import { toNotBeforeFrom } from '../../lib/instant-range';

const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const attachmentIds = z.array(z.string().min(1).max(64)).max(20);

export const createCaseBody = z.strictObject({
  source: z.enum(CASE_SOURCES),
  /** Current 5-digit or legacy 4-digit (0110 / 01-10) matter code. */
  matterCode: z.string().min(4).max(8).optional(),
  /** For a legacy code: which legacy table it comes from (default event). */
  legacyKind: z.enum(['event', 'component']).optional(),
  conditionId: z.string().min(1).max(64).optional(),
  description: z.string().trim().min(2).max(2000),
  address: z.string().max(200).optional(),
  lng,
  lat,
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  urgency: z.enum(['normal', 'urgent']).default('normal'),
  reporter: z
    .strictObject({
      name: z.string().max(50).optional(),
      phone: z
        .string()
        .regex(/^[0-9+\- ]{5,20}$/, 'must be a phone number')
        .optional(),
      anonymous: z.boolean().default(false),
    })
    .optional(),
  attachmentIds: attachmentIds.optional(),
  /** The channel's own order number: a retry with the same number returns the same case. */
  externalId: z.string().min(1).max(64).optional(),
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

export const actionBody = z.strictObject({
  action: z.enum(CASE_ACTIONS),
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(2000).optional(),
  note: z.string().max(2000).optional(),
  attachmentIds: attachmentIds.optional(),
  /** New deadline (request/approve extension), ISO 8601 with offset. */
  deadline: z.iso.datetime({ offset: true }).optional(),
  targetUnitId: z.string().min(1).max(64).optional(),
  matterCode: z.string().min(4).max(8).optional(),
  legacyKind: z.enum(['event', 'component']).optional(),
  conditionId: z.string().min(1).max(64).optional(),
  parentCaseId: z.string().min(1).max(64).optional(),
  disposalMode: z.enum(DISPOSAL_MODES).optional(),
  verifyResult: z.boolean().optional(),
  description: z.string().trim().min(1).max(2000).optional(),
  voidReason: z.enum(SELECTABLE_VOID_REASONS).optional(),
  /**
   * The rule or document a return request rests on (退单依据, e.g. a responsibility list);
   * required for hotline cases (first-receiver responsible), recorded with the event.
   */
  basis: z.string().trim().min(1).max(500).optional(),
});
export type ActionBody = z.infer<typeof actionBody>;

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

/** The case list's filters and paging, unrefined (the export builds on it). */
export const listCasesFields = z.strictObject({
  state: csv(CASE_STATES).optional(),
  matter: z
    .string()
    .regex(/^\d{2}(\d{3})?$/, 'must be a 2-digit major or 5-digit matter code')
    .optional(),
  regionId: z.string().min(1).optional(),
  grid: z.string().length(15).optional(),
  unitId: z.string().min(1).optional(),
  source: z.enum(CASE_SOURCES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().max(100).optional(),
  parent: z.string().min(1).optional(),
  /** Only the verify/check tasks of my grids (inspectors). */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(['created_at', 'updated_at', 'stage_deadline_at', 'number']).default('created_at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const listCasesQuery = listCasesFields.superRefine(toNotBeforeFrom);
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const caseIdParams = z.strictObject({ id: z.string().min(1).max(64) });
