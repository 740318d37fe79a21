import { AREA_CLASSES, TIME_UNITS } from '@common/roles';
import { z } from 'zod';
import { CATALOG_KINDS, LEGACY_KINDS, STAGES, URGENCIES } from './catalog.types';

/** `true` / `false` in a query string. */
const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

const currentCode = z.string().regex(/^\d{5}$/, 'must be a 5-digit code like 06010');
const legacyCode = z
  .string()
  .regex(/^\d{2}-?\d{2}$/, 'must be a legacy 4-digit code like 0110 or 01-10');
/** A code as a user types it: current or legacy; checked by the catalog. */
const anyCode = z.string().trim().min(1).max(16);

export const listEntriesQuery = z.strictObject({
  major: z
    .string()
    .regex(/^\d{2}$/, 'must be a 2-digit major class code')
    .optional(),
  q: z.string().trim().min(1).max(50).optional(),
  active: boolParam.optional(),
  standard: boolParam.optional(),
});
export type ListEntriesQuery = z.infer<typeof listEntriesQuery>;

export const anyCodeParams = z.strictObject({ code: anyCode });
export const currentCodeParams = z.strictObject({ code: currentCode });
export const legacyKindQuery = z.strictObject({ legacyKind: z.enum(LEGACY_KINDS).optional() });

export const resolveQuery = z
  .strictObject({
    code: anyCode,
    kind: z.enum(CATALOG_KINDS),
    legacyKind: z.enum(LEGACY_KINDS).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'component' && q.legacyKind === 'event') {
      ctx.addIssue({
        code: 'custom',
        path: ['legacyKind'],
        message: "a component code comes from the legacy component table: use 'component'",
      });
    }
  });

const entryName = z.string().trim().min(1).max(100);
const entryNameEn = z.string().trim().min(1).max(200).nullish();
const majorName = z.string().trim().min(1).max(50);

export const createMatterBody = z.strictObject({
  code: currentCode,
  name: entryName,
  nameEn: entryNameEn,
  /** Required when the major class is new; otherwise taken from the class's entries. */
  majorName: majorName.optional(),
  /** For a "<component> abnormal" matter: the component type. */
  componentCode: currentCode.nullish(),
});
export type CreateEntryBody = z.infer<typeof createMatterBody>;
export const createComponentBody = createMatterBody.omit({ componentCode: true }).strict();

export const updateMatterBody = z.strictObject({
  name: entryName.optional(),
  nameEn: entryNameEn,
  majorName: majorName.optional(),
  componentCode: currentCode.nullish(),
  active: z.boolean().optional(),
});
export type UpdateEntryBody = z.infer<typeof updateMatterBody>;
export const updateComponentBody = updateMatterBody.omit({ componentCode: true }).strict();

const timeLimit = z.strictObject({
  amount: z.number().int().min(1).max(100_000),
  unit: z.enum(TIME_UNITS),
});
export const areaLimitsBody = z.strictObject({ A: timeLimit, B: timeLimit, C: timeLimit });
export type AreaLimitsBody = z.infer<typeof areaLimitsBody>;

const conditionName = z.string().trim().min(1).max(200);
const closureCondition = z.string().trim().min(1).max(500);
const seq = z.number().int().min(1).max(999);

export const createConditionBody = z.strictObject({
  name: conditionName,
  closureCondition,
  photoRequired: z.boolean().default(true),
  urgent: z.boolean().default(false),
  /** Position among the matter's conditions; next free one when omitted. */
  seq: seq.optional(),
  limits: areaLimitsBody,
});
export type CreateConditionBody = z.infer<typeof createConditionBody>;

export const updateConditionBody = z.strictObject({
  name: conditionName.optional(),
  closureCondition: closureCondition.optional(),
  photoRequired: z.boolean().optional(),
  urgent: z.boolean().optional(),
  active: z.boolean().optional(),
  seq: seq.optional(),
});
export type UpdateConditionBody = z.infer<typeof updateConditionBody>;

export const listConditionsQuery = z.strictObject({
  active: boolParam.optional(),
  legacyKind: z.enum(LEGACY_KINDS).optional(),
});

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

const stageLimitItem = z.strictObject({
  stage: z.enum(STAGES),
  urgency: z.enum(URGENCIES),
  areaClass: z.enum(AREA_CLASSES),
  amount: z.number().int().min(1).max(100_000),
  unit: z.enum(TIME_UNITS),
});

/** Issues for repeated keys in a list, at `<index>.<field>` of the later item. */
function uniqueBy<T>(key: (item: T) => string, field: string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = key(item);
      const first = seen.get(k);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, field],
          message: `${what} ${k} repeats item ${first}`,
        });
      } else {
        seen.set(k, i);
      }
    });
  };
}

export const putStageLimitsBody = z.strictObject({
  items: z
    .array(stageLimitItem)
    .min(1)
    .max(STAGES.length * URGENCIES.length * AREA_CLASSES.length)
    .superRefine(
      uniqueBy((l) => `${l.stage}/${l.urgency}/${l.areaClass}`, 'areaClass', 'stage limit'),
    ),
});
export type PutStageLimitsBody = z.infer<typeof putStageLimitsBody>;

export const overrideParams = z.strictObject({
  legacyKind: z.enum(LEGACY_KINDS),
  legacyCode,
});
export const putOverrideBody = z.strictObject({
  /** The current code: a matter for a legacy event code, a component for a component code. */
  code: currentCode,
  note: z.string().trim().max(500).nullish(),
});
export type PutOverrideBody = z.infer<typeof putOverrideBody>;

// --- the import / export document

export const DOCUMENT_FORMAT = 'cityloop-catalog';
export const DOCUMENT_VERSION = 1;

const extensionItem = z.strictObject({
  kind: z.enum(CATALOG_KINDS),
  code: currentCode,
  majorName,
  name: entryName,
  nameEn: entryNameEn,
  componentCode: currentCode.nullish(),
  active: z.boolean().default(true),
});

const conditionItem = z.strictObject({
  /** Kept when the condition is new and the id is free; matching is by matterCode + seq. */
  id: z.string().min(1).max(64).optional(),
  matterCode: currentCode,
  seq,
  name: conditionName,
  closureCondition,
  photoRequired: z.boolean(),
  urgent: z.boolean(),
  active: z.boolean(),
  limits: areaLimitsBody,
});

const overrideItem = z.strictObject({
  legacyCode,
  legacyKind: z.enum(LEGACY_KINDS),
  /** Implied by legacyKind (event → matter, component → component); checked when present. */
  kind: z.enum(CATALOG_KINDS).optional(),
  code: currentCode,
  note: z.string().trim().max(500).nullish(),
});

/**
 * The catalog's configuration as one document: local extensions, registration conditions with
 * their limits, stage limits and legacy overrides. Import adds and updates by key (kind+code,
 * matterCode+seq, stage+urgency+areaClass, legacyKind+legacyCode) and never deletes.
 */
export const catalogDocument = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(DOCUMENT_VERSION),
  exportedAt: z.string().max(40).optional(),
  extensions: z
    .array(extensionItem)
    .max(10_000)
    .default([])
    .superRefine(uniqueBy((e) => `${e.kind}:${e.code}`, 'code', 'entry')),
  conditions: z
    .array(conditionItem)
    .max(50_000)
    .default([])
    .superRefine(uniqueBy((c) => `${c.matterCode}#${c.seq}`, 'seq', 'condition')),
  stageLimits: z
    .array(stageLimitItem)
    .max(STAGES.length * URGENCIES.length * AREA_CLASSES.length)
    .default([])
    .superRefine(
      uniqueBy((l) => `${l.stage}/${l.urgency}/${l.areaClass}`, 'areaClass', 'stage limit'),
    ),
  legacyOverrides: z
    .array(overrideItem)
    .max(10_000)
    .default([])
    .superRefine(
      uniqueBy((o) => `${o.legacyKind}:${o.legacyCode.replace('-', '')}`, 'legacyCode', 'override'),
    ),
});
export type CatalogDocument = z.infer<typeof catalogDocument>;
export type CatalogDocumentInput = z.input<typeof catalogDocument>;

export const importQuery = z.strictObject({ dryRun: boolParam.optional() });
