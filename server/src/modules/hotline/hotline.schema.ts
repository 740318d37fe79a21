import { HOTLINE_REQUEST_TYPES, HOTLINE_SATISFACTION } from '@common/hotline';
import { z } from 'zod';
import { toNotBeforeFrom } from '../../lib/instant-range';
import { RATE_METRICS } from './hotline-rates';

const isoInstant = z.iso.datetime({ offset: true });

/** A hotline work order as the hotline system sends it (and as an import row becomes). */
export const hotlineOrderBody = z.strictObject({
  /** The hotline's order number (工单编号): retries with the same number return the same case. */
  orderNo: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/, 'letters, digits and _ . - / only'),
  requestType: z.enum(HOTLINE_REQUEST_TYPES),
  callerName: z.string().trim().min(1).max(50).optional(),
  callerPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 \-()]{4,24}$/, 'must be a phone number')
    .optional(),
  /** The caller asked for confidentiality: only the hotline desk sees the caller. */
  confidential: z.boolean().default(false),
  /** The citizen's words as recorded (诉求内容). */
  originalText: z.string().trim().min(2).max(4000),
  address: z.string().trim().max(200).optional(),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  /** Current 5-digit or legacy 4-digit (0110 / 01-10) matter code (事项编码). */
  matterCode: z.string().trim().min(4).max(8).optional(),
  legacyKind: z.enum(['event', 'component']).optional(),
  urgency: z.enum(['normal', 'urgent']).default('normal'),
  /** The hotline's own deadline (办理时限), ISO 8601 with offset. */
  hotlineDeadline: isoInstant.optional(),
  /** When the hotline received the call, ISO 8601 with offset (default: now). */
  receivedAt: isoInstant.optional(),
});
export type HotlineOrderBody = z.infer<typeof hotlineOrderBody>;

export const caseIdParams = z.strictObject({ caseId: z.string().min(1).max(64) });

export const replyBody = z.strictObject({
  /** The reply to the citizen (答复内容). */
  text: z.string().trim().min(2).max(4000),
});
export type ReplyBody = z.infer<typeof replyBody>;

export const reviewBody = z
  .strictObject({
    decision: z.enum(['accept', 'redo']),
    /** Why the reply must be redone (required for redo), or a note on acceptance. */
    reason: z.string().trim().min(1).max(2000).optional(),
    /** The case version the reviewer saw (redo runs a workflow action); default: current. */
    version: z.number().int().min(1).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'redo' && !b.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required for redo' });
    }
  });
export type ReviewBody = z.infer<typeof reviewBody>;

export const callbackBody = z
  .strictObject({
    /** Was the caller reached? */
    contacted: z.boolean(),
    /** Is the problem solved, in the caller's words? (required when contacted) */
    solved: z.boolean().optional(),
    satisfaction: z.enum(HOTLINE_SATISFACTION).optional(),
    note: z.string().trim().max(2000).optional(),
    /** The dissatisfaction is the handling unit's doing (it may reopen the order). */
    causedByUnit: z.boolean().default(false),
    /** False: the desk rules the callback out of the rates (e.g. a malicious caller). */
    valid: z.boolean().default(true),
  })
  .superRefine((b, ctx) => {
    if (b.contacted) {
      if (b.solved === undefined) {
        ctx.addIssue({ code: 'custom', path: ['solved'], message: 'required when contacted' });
      }
      if (b.satisfaction === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['satisfaction'],
          message: 'required when contacted',
        });
      }
    } else {
      for (const k of ['solved', 'satisfaction'] as const) {
        if (b[k] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: 'only when the caller was contacted',
          });
        }
      }
    }
    if (b.causedByUnit && b.satisfaction !== 'unsatisfied') {
      ctx.addIssue({
        code: 'custom',
        path: ['causedByUnit'],
        message: 'only for an unsatisfied caller',
      });
    }
  });
export type CallbackBody = z.infer<typeof callbackBody>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listOrdersQuery = z
  .strictObject({
    orderNo: z.string().trim().min(1).max(64).optional(),
    requestType: z.enum(HOTLINE_REQUEST_TYPES).optional(),
    /** Only orders flagged as repeat complaints. */
    repeat: flag.optional(),
    unitId: z.string().min(1).max(64).optional(),
    /** Orders received (taken in) from / before these instants. */
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .superRefine(toNotBeforeFrom);
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

export const ratesQuery = z
  .strictObject({
    groupBy: z.enum(['unit', 'street']).default('unit'),
    /** Orders taken in from / before these instants (ISO 8601 with offset). */
    from: isoInstant.optional(),
    to: isoInstant.optional(),
  })
  .superRefine(toNotBeforeFrom);
export type RatesQuery = z.infer<typeof ratesQuery>;

export const rateCasesQuery = z
  .strictObject({
    unitId: z.string().min(1).max(64).optional(),
    streetId: z.string().min(1).max(64).optional(),
    metric: z.enum(RATE_METRICS),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.unitId === undefined) === (q.streetId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'give either unitId or streetId' });
    }
    toNotBeforeFrom(q, ctx);
  });
export type RateCasesQuery = z.infer<typeof rateCasesQuery>;

const weight = z.number().min(0).max(100);

export const settingsBody = z.strictObject({
  /** Composite weights of the three rates, adding up to 100 (default 10/50/40). */
  weights: z
    .strictObject({ response: weight, resolution: weight, satisfaction: weight })
    .refine((w) => Math.abs(w.response + w.resolution + w.satisfaction - 100) < 1e-9, {
      message: 'must add up to 100',
    }),
  /** Repeat-complaint rules. */
  repeat: z.strictObject({
    /** Same caller phone within this many days (default 30). */
    phoneWindowDays: z.number().int().min(1).max(365),
    /** Same place and matter within this many days (default 7)… */
    placeWindowDays: z.number().int().min(1).max(365),
    /** …and within this many metres (default 100). */
    placeRadiusMeters: z.number().int().min(10).max(1000),
  }),
});
export type HotlineSettings = z.infer<typeof settingsBody>;
