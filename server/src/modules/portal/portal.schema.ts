import { z } from 'zod';

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, 'must be a phone number');

export const publicReportBody = z.strictObject({
  description: z.string().trim().min(1).max(2000),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** The map's coordinate system: GPS (wgs84) or Chinese web maps (gcj02). */
  crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  address: z.string().trim().max(200).optional(),
  /** A category of GET /api/v1/public/categories (optional: the intake clerk classifies). */
  matterCode: z
    .string()
    .regex(/^\d{5}$/, 'must be a 5-digit category code')
    .optional(),
  /** Ids from POST /api/v1/public/attachments. */
  attachmentIds: z.array(z.string().min(1).max(64)).max(9).optional(),
  contact: z
    .strictObject({ name: z.string().trim().min(1).max(50).optional(), phone: phone.optional() })
    .optional(),
  /** Anonymous: no name or phone is kept with the case. */
  anonymous: z.boolean().default(false),
  /** Honeypot: a field people never see and bots fill in. Must be empty. */
  website: z.string().max(500).optional(),
});
export type PublicReportBody = z.infer<typeof publicReportBody>;

export const trackingParams = z.strictObject({ trackingNumber: z.string().min(1).max(40) });

export { SATISFACTION, type Satisfaction } from '@common/portal';
import { SATISFACTION } from '@common/portal';

export const ratingBody = z.strictObject({
  /** 满意 / 基本满意 / 不满意 */
  satisfaction: z.enum(SATISFACTION),
  comment: z.string().trim().max(500).optional(),
});
export type RatingBody = z.infer<typeof ratingBody>;

export const portalSettings = z.strictObject({
  reportsPerIpPerHour: z.number().int().min(1).max(100_000),
  reportsPerPhonePerDay: z.number().int().min(1).max(100_000),
  uploadsPerIpPerHour: z.number().int().min(1).max(100_000),
  minDescriptionLength: z.number().int().min(1).max(500),
  maxUrls: z.number().int().min(0).max(50),
  duplicateWindowMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
});
export type PortalSettings = z.infer<typeof portalSettings>;

export const putPortalSettingsBody = portalSettings.partial();
export type PutPortalSettingsBody = z.infer<typeof putPortalSettingsBody>;
