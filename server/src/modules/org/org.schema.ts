import { ROLES, SCOPE_LEVELS } from '@common/roles';
import { z } from 'zod';

export const scopeSchema = z.strictObject({
  level: z.enum(SCOPE_LEVELS),
  regionId: z.string().min(1).nullish(),
  unitId: z.string().min(1).nullish(),
});

const username = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{2,31}$/, 'must be 3-32 lowercase letters, digits, _ . -');
const password = z.string().min(8, 'must be at least 8 characters').max(200);
const phone = z.string().regex(/^[0-9+\- ]{5,20}$/, 'must be a phone number');

export const createUserBody = z.strictObject({
  username,
  displayName: z.string().min(1).max(64),
  password,
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  unitId: z.string().min(1).nullish(),
  scope: scopeSchema,
  phone: phone.nullish(),
  inspectorGrids: z.array(z.string().length(15)).max(10_000).optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  displayName: z.string().min(1).max(64).optional(),
  password: password.optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  unitId: z.string().min(1).nullish(),
  scope: scopeSchema.optional(),
  phone: phone.nullish(),
  active: z.boolean().optional(),
  inspectorGrids: z.array(z.string().length(15)).max(10_000).optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const listUsersQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  unitId: z.string().min(1).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const UNIT_KINDS = ['bureau', 'centre', 'handling_unit', 'street_office'] as const;
const majorCode = z.string().regex(/^\d{2}$/, 'must be a 2-digit major class code');

export const createUnitBody = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{2,32}$/, 'must be 2-32 letters, digits, _ or -'),
  name: z.string().min(1).max(100),
  nameEn: z.string().max(100).nullish(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.string().min(1).nullish(),
  regionId: z.string().min(1).nullish(),
  matterMajors: z.array(majorCode).max(20).default([]),
  phone: phone.nullish(),
});
export type CreateUnitBody = z.infer<typeof createUnitBody>;

export const updateUnitBody = createUnitBody
  .omit({ code: true })
  .partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export type UpdateUnitBody = z.infer<typeof updateUnitBody>;

export const listUnitsQuery = z.strictObject({ kind: z.enum(UNIT_KINDS).optional() });
export const idParams = z.strictObject({ id: z.string().min(1).max(64) });
