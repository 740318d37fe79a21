import { AREA_CLASSES } from '@common/roles';
import { z } from 'zod';

export const routingRuleBody = z.strictObject({
  matterCode: z
    .string()
    .regex(/^\d{5}$/, 'must be a 5-digit matter code')
    .nullish(),
  majorCode: z
    .string()
    .regex(/^\d{2}$/, 'must be a 2-digit major class code')
    .nullish(),
  regionId: z.string().min(1).nullish(),
  areaClass: z.enum(AREA_CLASSES).nullish(),
  unitId: z.string().min(1),
  priority: z.number().int().min(0).max(10_000).default(100),
  note: z.string().max(200).nullish(),
});
export type RoutingRuleBody = z.infer<typeof routingRuleBody>;

export const routingImportBody = z.strictObject({
  format: z.literal('cityloop.routing/v1'),
  replace: z.boolean().default(false),
  rules: z.array(routingRuleBody).max(100_000),
});
export type RoutingImportBody = z.infer<typeof routingImportBody>;

export const proposeQuery = z.strictObject({
  matterCode: z.string().regex(/^\d{5}$/, 'must be a 5-digit matter code'),
  gridCode: z.string().length(15),
});
