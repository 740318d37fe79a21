import { sql, type Kysely } from 'kysely';
import { chunks } from '../../db/chunks';
import type { Database } from '../../db/database';
import type {
  CatalogEntryRow,
  ConditionTimeLimitRow,
  LegacyCodeOverrideTable,
  NewCatalogEntryRow,
  RegistrationConditionRow,
  StageTimeLimitRow,
} from './catalog.table';
import type { CatalogKind, LegacyKind } from './catalog.types';

type Q = Kysely<Database>;

export interface EntryFilter {
  kind: CatalogKind;
  major?: string;
  active?: boolean;
  standard?: boolean;
}

export type OverrideRow = LegacyCodeOverrideTable;

/** The only SQL of the catalog module. Returns rows or undefined; never throws "not found". */
export const catalogRepository = {
  // --- entries

  /**
   * Inserts the standard's entries, or refreshes them from the reference tables: code, names
   * and component link follow the file; `active` (an admin's choice) is kept, and so is an
   * English name the file does not give.
   */
  async upsertReferenceEntries(db: Q, rows: readonly NewCatalogEntryRow[]): Promise<void> {
    for (const part of chunks(rows)) {
      await db
        .insertInto('catalog_entry')
        .values(part)
        .onConflict((oc) =>
          oc.columns(['kind', 'code']).doUpdateSet((eb) => ({
            major_code: eb.ref('excluded.major_code'),
            major_name: eb.ref('excluded.major_name'),
            name: eb.ref('excluded.name'),
            name_en: sql<string | null>`coalesce(excluded.name_en, catalog_entry.name_en)`,
            component_code: eb.ref('excluded.component_code'),
            standard: eb.ref('excluded.standard'),
          })),
        )
        .execute();
    }
  },

  listEntries(db: Q, f: EntryFilter): Promise<CatalogEntryRow[]> {
    let q = db.selectFrom('catalog_entry').selectAll().where('kind', '=', f.kind);
    if (f.major !== undefined) {
      q = q.where('major_code', '=', f.major);
    }
    if (f.active !== undefined) {
      q = q.where('active', '=', f.active ? 1 : 0);
    }
    if (f.standard !== undefined) {
      q = q.where('standard', '=', f.standard ? 1 : 0);
    }
    return q.orderBy('code').execute();
  },

  /** Every entry key, for checks over the whole catalog (import validation, seeding). */
  listEntryKeys(db: Q) {
    return db
      .selectFrom('catalog_entry')
      .select(['kind', 'code', 'major_code', 'major_name', 'standard'])
      .execute();
  },

  findEntry(db: Q, kind: CatalogKind, code: string): Promise<CatalogEntryRow | undefined> {
    return db
      .selectFrom('catalog_entry')
      .selectAll()
      .where('kind', '=', kind)
      .where('code', '=', code)
      .executeTakeFirst();
  },

  /** The entries among the given keys that exist. */
  findEntries(db: Q, keys: readonly { kind: CatalogKind; code: string }[]) {
    if (keys.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('catalog_entry')
      .select(['kind', 'code'])
      .where((eb) =>
        eb.or(keys.map((k) => eb.and([eb('kind', '=', k.kind), eb('code', '=', k.code)]))),
      )
      .execute();
  },

  /** The name of a major class as its entries of that kind give it, if any entry exists. */
  async majorName(db: Q, kind: CatalogKind, major: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('catalog_entry')
      .select('major_name')
      .where('kind', '=', kind)
      .where('major_code', '=', major)
      .orderBy('standard', 'desc')
      .orderBy('code')
      .executeTakeFirst();
    return row?.major_name;
  },

  /** Major classes in which the standard defines codes of a kind. */
  async standardMajors(db: Q, kind: CatalogKind): Promise<Set<string>> {
    const rows = await db
      .selectFrom('catalog_entry')
      .select('major_code')
      .distinct()
      .where('kind', '=', kind)
      .where('standard', '=', 1)
      .execute();
    return new Set(rows.map((r) => r.major_code));
  },

  async insertEntry(db: Q, row: NewCatalogEntryRow): Promise<void> {
    await db.insertInto('catalog_entry').values(row).execute();
  },

  async updateEntry(
    db: Q,
    kind: CatalogKind,
    code: string,
    patch: Partial<NewCatalogEntryRow>,
  ): Promise<void> {
    if (Object.keys(patch).length === 0) {
      return;
    }
    await db
      .updateTable('catalog_entry')
      .set(patch)
      .where('kind', '=', kind)
      .where('code', '=', code)
      .execute();
  },

  // --- legacy overrides

  findOverride(
    db: Q,
    legacyCode: string,
    legacyKind: LegacyKind,
  ): Promise<OverrideRow | undefined> {
    return db
      .selectFrom('legacy_code_override')
      .selectAll()
      .where('legacy_code', '=', legacyCode)
      .where('legacy_kind', '=', legacyKind)
      .executeTakeFirst();
  },

  listOverrides(db: Q): Promise<OverrideRow[]> {
    return db
      .selectFrom('legacy_code_override')
      .selectAll()
      .orderBy('legacy_kind')
      .orderBy('legacy_code')
      .execute();
  },

  async upsertOverride(db: Q, row: OverrideRow): Promise<void> {
    await db
      .insertInto('legacy_code_override')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['legacy_code', 'legacy_kind'])
          .doUpdateSet({ kind: row.kind, code: row.code, note: row.note }),
      )
      .execute();
  },

  /** Deletes an override; returns false when there was none. */
  async deleteOverride(db: Q, legacyCode: string, legacyKind: LegacyKind): Promise<boolean> {
    const r = await db
      .deleteFrom('legacy_code_override')
      .where('legacy_code', '=', legacyCode)
      .where('legacy_kind', '=', legacyKind)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  // --- registration conditions and their limits

  listConditions(db: Q, matterCode?: string): Promise<RegistrationConditionRow[]> {
    let q = db.selectFrom('registration_condition').selectAll();
    if (matterCode !== undefined) {
      q = q.where('matter_code', '=', matterCode);
    }
    return q.orderBy('matter_code').orderBy('seq').execute();
  },

  findCondition(db: Q, id: string): Promise<RegistrationConditionRow | undefined> {
    return db
      .selectFrom('registration_condition')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  },

  findConditionBySeq(
    db: Q,
    matterCode: string,
    seq: number,
  ): Promise<RegistrationConditionRow | undefined> {
    return db
      .selectFrom('registration_condition')
      .selectAll()
      .where('matter_code', '=', matterCode)
      .where('seq', '=', seq)
      .executeTakeFirst();
  },

  /** The active condition of lowest seq of a matter. */
  firstActiveCondition(db: Q, matterCode: string): Promise<RegistrationConditionRow | undefined> {
    return db
      .selectFrom('registration_condition')
      .selectAll()
      .where('matter_code', '=', matterCode)
      .where('active', '=', 1)
      .orderBy('seq')
      .executeTakeFirst();
  },

  async maxSeq(db: Q, matterCode: string): Promise<number> {
    const row = await db
      .selectFrom('registration_condition')
      .select((eb) => eb.fn.max('seq').as('max'))
      .where('matter_code', '=', matterCode)
      .executeTakeFirst();
    return Number(row?.max ?? 0);
  },

  async countActiveConditions(db: Q, matterCode: string, exceptId?: string): Promise<number> {
    let q = db
      .selectFrom('registration_condition')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('matter_code', '=', matterCode)
      .where('active', '=', 1);
    if (exceptId !== undefined) {
      q = q.where('id', '!=', exceptId);
    }
    const row = await q.executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  /** Codes of the matters that have at least one condition. */
  async mattersWithConditions(db: Q): Promise<Set<string>> {
    const rows = await db
      .selectFrom('registration_condition')
      .select('matter_code')
      .distinct()
      .execute();
    return new Set(rows.map((r) => r.matter_code));
  },

  async insertConditions(
    db: Q,
    rows: readonly RegistrationConditionRow[],
    limits: readonly ConditionTimeLimitRow[],
  ): Promise<void> {
    for (const part of chunks(rows)) {
      await db.insertInto('registration_condition').values(part).execute();
    }
    for (const part of chunks(limits)) {
      await db.insertInto('condition_time_limit').values(part).execute();
    }
  },

  async updateCondition(
    db: Q,
    id: string,
    patch: Partial<Omit<RegistrationConditionRow, 'id'>>,
  ): Promise<void> {
    if (Object.keys(patch).length === 0) {
      return;
    }
    await db.updateTable('registration_condition').set(patch).where('id', '=', id).execute();
  },

  async deleteCondition(db: Q, id: string): Promise<void> {
    await db.deleteFrom('condition_time_limit').where('condition_id', '=', id).execute();
    await db.deleteFrom('registration_condition').where('id', '=', id).execute();
  },

  limitsOf(db: Q, conditionIds: readonly string[]): Promise<ConditionTimeLimitRow[]> {
    if (conditionIds.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('condition_time_limit')
      .selectAll()
      .where('condition_id', 'in', conditionIds)
      .execute();
  },

  allLimits(db: Q): Promise<ConditionTimeLimitRow[]> {
    return db.selectFrom('condition_time_limit').selectAll().execute();
  },

  findLimit(db: Q, conditionId: string, areaClass: ConditionTimeLimitRow['area_class']) {
    return db
      .selectFrom('condition_time_limit')
      .selectAll()
      .where('condition_id', '=', conditionId)
      .where('area_class', '=', areaClass)
      .executeTakeFirst();
  },

  /** Replaces every limit of a condition. */
  async replaceLimits(
    db: Q,
    conditionId: string,
    rows: readonly ConditionTimeLimitRow[],
  ): Promise<void> {
    await db.deleteFrom('condition_time_limit').where('condition_id', '=', conditionId).execute();
    if (rows.length > 0) {
      await db.insertInto('condition_time_limit').values(rows).execute();
    }
  },

  // --- stage limits

  listStageLimits(db: Q): Promise<StageTimeLimitRow[]> {
    return db.selectFrom('stage_time_limit').selectAll().execute();
  },

  findStageLimit(
    db: Q,
    stage: StageTimeLimitRow['stage'],
    urgency: StageTimeLimitRow['urgency'],
    areaClass: StageTimeLimitRow['area_class'],
  ): Promise<StageTimeLimitRow | undefined> {
    return db
      .selectFrom('stage_time_limit')
      .selectAll()
      .where('stage', '=', stage)
      .where('urgency', '=', urgency)
      .where('area_class', '=', areaClass)
      .executeTakeFirst();
  },

  /** Inserts stage limits; `keep` leaves existing ones alone, otherwise they are replaced. */
  async putStageLimits(
    db: Q,
    rows: readonly StageTimeLimitRow[],
    mode: 'keep' | 'replace',
  ): Promise<void> {
    for (const part of chunks(rows)) {
      await db
        .insertInto('stage_time_limit')
        .values(part)
        .onConflict((oc) => {
          const cols = oc.columns(['stage', 'urgency', 'area_class']);
          return mode === 'keep'
            ? cols.doNothing()
            : cols.doUpdateSet((eb) => ({
                amount: eb.ref('excluded.amount'),
                unit: eb.ref('excluded.unit'),
              }));
        })
        .execute();
    }
  },
};
