import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { uuidv7 } from '../../lib/ids';
import { catalogRepository as repo } from './catalog.repository';
import type {
  ConditionTimeLimitRow,
  NewCatalogEntryRow,
  RegistrationConditionRow,
  StageTimeLimitRow,
} from './catalog.table';
import type { StageLimit } from './catalog.types';
import {
  DEFAULT_CONDITIONS,
  DEFAULT_STAGE_LIMITS,
  GENERIC_COMPONENT_CONDITION,
  GENERIC_EVENT_CONDITION,
  type DefaultCondition,
} from './default-limits';
import { loadReferenceCatalog, type ReferenceEntry } from './reference-data';

export interface SeedSummary {
  components: number;
  matters: number;
  /** Matters that got their first conditions in this run (0 on later starts). */
  mattersSeeded: number;
  conditionsCreated: number;
  stageLimitsCreated: number;
  /** Standard entries in the store that the reference tables no longer list (kind:code). */
  staleEntries: string[];
}

const SPECIFIC = new Map(DEFAULT_CONDITIONS.map((d) => [d.code, d.conditions]));

/** The conditions a matter starts with: its specific ones, else the generic one of its kind. */
export function defaultConditionsFor(matter: {
  code: string;
  componentCode: string | null;
}): readonly DefaultCondition[] {
  return (
    SPECIFIC.get(matter.code) ?? [
      matter.componentCode ? GENERIC_COMPONENT_CONDITION : GENERIC_EVENT_CONDITION,
    ]
  );
}

/** Rows of a matter's conditions and limits, seq from `firstSeq`. */
export function conditionRows(
  matterCode: string,
  defs: readonly DefaultCondition[],
  firstSeq = 1,
): { conditions: RegistrationConditionRow[]; limits: ConditionTimeLimitRow[] } {
  const conditions: RegistrationConditionRow[] = [];
  const limits: ConditionTimeLimitRow[] = [];
  defs.forEach((d, i) => {
    const id = uuidv7();
    conditions.push({
      id,
      matter_code: matterCode,
      seq: firstSeq + i,
      name: d.name,
      closure_condition: d.closureCondition,
      photo_required: d.photoRequired === false ? 0 : 1,
      urgent: d.urgent ? 1 : 0,
      active: 1,
    });
    for (const areaClass of ['A', 'B', 'C'] as const) {
      const l = d.limits[areaClass];
      limits.push({ condition_id: id, area_class: areaClass, amount: l.amount, unit: l.unit });
    }
  });
  return { conditions, limits };
}

export function stageLimitRow(l: StageLimit): StageTimeLimitRow {
  return {
    stage: l.stage,
    urgency: l.urgency,
    area_class: l.areaClass,
    amount: l.amount,
    unit: l.unit,
  };
}

function entryRow(e: ReferenceEntry): NewCatalogEntryRow {
  return {
    kind: e.kind,
    code: e.code,
    major_code: e.majorCode,
    major_name: e.majorName,
    name: e.name,
    name_en: e.nameEn,
    component_code: e.componentCode,
    standard: 1,
    active: 1,
  };
}

/**
 * Seeds the reference catalog; idempotent and safe on every start, in one transaction:
 * upserts the 153 components and 250 matters of the shipped GB/T 47678.5 tables (standard=1;
 * an admin's `active` choice is kept), gives every matter without any condition its default
 * conditions and limits (specific ones for common matters, one generic otherwise), and adds
 * missing stage limits. Never changes a condition, limit or stage limit that exists.
 */
export async function seedReferenceCatalog(db: Kysely<Database>): Promise<SeedSummary> {
  const ref = loadReferenceCatalog();
  return db.transaction().execute(async (trx) => {
    await repo.upsertReferenceEntries(trx, [...ref.components, ...ref.matters].map(entryRow));

    const has = await repo.mattersWithConditions(trx);
    const matters = await repo.listEntries(trx, { kind: 'matter' });
    const conditions: RegistrationConditionRow[] = [];
    const limits: ConditionTimeLimitRow[] = [];
    let mattersSeeded = 0;
    for (const m of matters) {
      if (has.has(m.code)) {
        continue;
      }
      const rows = conditionRows(
        m.code,
        defaultConditionsFor({ code: m.code, componentCode: m.component_code }),
      );
      conditions.push(...rows.conditions);
      limits.push(...rows.limits);
      mattersSeeded++;
    }
    await repo.insertConditions(trx, conditions, limits);

    const before = (await repo.listStageLimits(trx)).length;
    await repo.putStageLimits(trx, DEFAULT_STAGE_LIMITS.map(stageLimitRow), 'keep');
    const after = (await repo.listStageLimits(trx)).length;

    const refKeys = new Set([...ref.components, ...ref.matters].map((e) => `${e.kind}:${e.code}`));
    const staleEntries = (await repo.listEntryKeys(trx))
      .filter((e) => e.standard === 1 && !refKeys.has(`${e.kind}:${e.code}`))
      .map((e) => `${e.kind}:${e.code}`);

    return {
      components: ref.components.length,
      matters: ref.matters.length,
      mattersSeeded,
      conditionsCreated: conditions.length,
      stageLimitsCreated: after - before,
      staleEntries,
    };
  });
}
