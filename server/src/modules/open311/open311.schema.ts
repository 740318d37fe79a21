import { z } from 'zod';

export const keyIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const createKeyBody = z.strictObject({
  /** Who the key is for, e.g. "城市通 App". */
  name: z.string().trim().min(1).max(100),
});
export type CreateKeyBody = z.infer<typeof createKeyBody>;

export const matterCodeParams = z.strictObject({
  matterCode: z.string().regex(/^\d{5}$/, 'must be a 5-digit matter code'),
});

/** An extra free-text attribute a service asks for (besides the registration condition). */
export const serviceAttribute = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be 1-32 lowercase letters, digits or _')
    .refine((c) => c !== 'condition', 'condition is reserved for the registration condition'),
  description: z.string().trim().min(1).max(200),
  required: z.boolean().default(false),
  datatype: z.enum(['string', 'text']).default('string'),
});
export type ServiceAttribute = z.infer<typeof serviceAttribute>;

/** Adds a matter to the public subset or changes it; absent fields keep their value. */
export const putServiceBody = z.strictObject({
  /** Public Chinese name; defaults to the catalog name. */
  name: z.string().trim().min(1).max(100).optional(),
  nameEn: z.string().trim().min(1).max(100).nullish(),
  description: z.string().trim().max(500).optional(),
  /** Open311 group; defaults to the matter's major class name. */
  group: z.string().trim().min(1).max(100).optional(),
  keywords: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
  /** Open311 service_notice. */
  notice: z.string().trim().min(1).max(500).nullish(),
  attributes: z
    .array(serviceAttribute)
    .max(10)
    .refine((a) => new Set(a.map((x) => x.code)).size === a.length, 'attribute codes must differ')
    .optional(),
  enabled: z.boolean().optional(),
  sort: z.number().int().min(0).max(100_000).optional(),
});
export type PutServiceBody = z.infer<typeof putServiceBody>;
