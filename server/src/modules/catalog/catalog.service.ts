import type { AreaClass } from '@common/roles';
import type { AppContext } from '../../context';
import { appError } from '../../lib/app-error';
import type { FieldIssue } from '../../lib/errors';
import { uuidv7 } from '../../lib/ids';
import type { Actor } from '../auth/actor';
import { catalogRepository } from './catalog.repository';
import type {
  AreaLimitsBody,
  CreateConditionBody,
  CreateEntryBody,
  ListEntriesQuery,
  PutOverrideBody,
  PutStageLimitsBody,
  UpdateConditionBody,
  UpdateEntryBody,
} from './catalog.schema';
import {
  conditionRows,
  defaultConditionsFor,
  seedReferenceCatalog,
  stageLimitRow,
  type SeedSummary,
} from './catalog.seed';
import type {
  CatalogEntryRow,
  ConditionTimeLimitRow,
  RegistrationConditionRow,
  StageTimeLimitRow,
} from './catalog.table';
import { exportCatalog, importCatalog, limitsOfRows, type ImportReport } from './catalog.transfer';
import {
  STAGES,
  URGENCIES,
  type AreaLimits,
  type CatalogEntry,
  type CatalogKind,
  type HandlingLimit,
  type LegacyKind,
  type LegacyOverride,
  type MappedBy,
  type RegistrationCondition,
  type ResolvedCode,
  type Stage,
  type StageLimit,
  type Urgency,
} from './catalog.types';
import { DEFAULT_STAGE_LIMITS, GENERIC_EVENT_CONDITION } from './default-limits';
import {
  formatLegacyCode,
  legacyKindFor,
  legacyRuleCode,
  mapCode,
  parseCatalogCode,
  type CodeContext,
} from './legacy-code';
import { localCodeProblem } from './local-codes';
import { pinyinInitials } from './pinyin';
import { csvLine } from './reference-data';

const AREAS: readonly AreaClass[] = ['A', 'B', 'C'];

export function entryRowToEntry(row: CatalogEntryRow): CatalogEntry {
  return {
    kind: row.kind,
    code: row.code,
    majorCode: row.major_code,
    majorName: row.major_name,
    name: row.name,
    nameEn: row.name_en,
    componentCode: row.component_code,
    standard: row.standard === 1,
    active: row.active === 1,
  };
}

function conditionRowToCondition(
  row: RegistrationConditionRow,
  limits: readonly ConditionTimeLimitRow[],
): RegistrationCondition {
  const byArea = limitsOfRows(limits);
  const fallback = GENERIC_EVENT_CONDITION.limits;
  return {
    id: row.id,
    matterCode: row.matter_code,
    seq: row.seq,
    name: row.name,
    closureCondition: row.closure_condition,
    photoRequired: row.photo_required === 1,
    urgent: row.urgent === 1,
    active: row.active === 1,
    // Limits are written as a full A/B/C set; the fallback only covers a damaged store.
    limits: { A: byArea.A ?? fallback.A, B: byArea.B ?? fallback.B, C: byArea.C ?? fallback.C },
  };
}

function stageRowToLimit(r: StageTimeLimitRow): StageLimit {
  return {
    stage: r.stage,
    urgency: r.urgency,
    areaClass: r.area_class,
    amount: r.amount,
    unit: r.unit,
  };
}

const stageKey = (s: Stage, u: Urgency, a: AreaClass) => `${s}/${u}/${a}`;
const DEFAULT_STAGE = new Map(
  DEFAULT_STAGE_LIMITS.map((l) => [stageKey(l.stage, l.urgency, l.areaClass), l]),
);

/** The shipped default of a stage limit (every combination has one). */
function defaultStageLimit(stage: Stage, urgency: Urgency, areaClass: AreaClass): StageLimit {
  return DEFAULT_STAGE.get(stageKey(stage, urgency, areaClass))!;
}

function limitRows(conditionId: string, limits: AreaLimits): ConditionTimeLimitRow[] {
  return AREAS.map((a) => ({
    condition_id: conditionId,
    area_class: a,
    amount: limits[a].amount,
    unit: limits[a].unit,
  }));
}

/** The catalog is city-wide configuration: only a city-level administrator changes it. */
function assertCityAdmin(actor: Actor | null): void {
  if (actor && actor.scope.level !== 'city') {
    throw appError(
      'AUTH_OUT_OF_SCOPE',
      'The catalog is city-wide; only a city-level administrator may change it',
    );
  }
}

/** A catalog entry as the single-entry endpoint returns it. */
export interface CatalogEntryView extends CatalogEntry {
  /** How a legacy code was resolved; null when the current code was given. */
  resolvedFrom: { original: string; mappedBy: Exclude<MappedBy, 'current'> } | null;
}

export type CatalogService = Awaited<ReturnType<typeof createCatalogService>>;

/** Repository functions that write (by name): insert…, update…, upsert…, delete…, replace…, put…. */
const WRITES = /^(insert|update|upsert|delete|replace|put)/;

/** The repository, calling `changed` after each of its writes. */
function dropLookupsOnWrite<R extends Record<string, unknown>>(
  repository: R,
  changed: () => void,
): R {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(repository)) {
    out[name] =
      typeof fn === 'function' && WRITES.test(name)
        ? async (...args: unknown[]) => {
            try {
              return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
            } finally {
              changed();
            }
          }
        : fn;
  }
  return out as R;
}

/**
 * The GB/T 47678.5 code tables (components, matters) with local extensions, legacy code
 * mapping, registration conditions with handling limits per area class, and stage limits.
 */
export async function createCatalogService(ctx: AppContext) {
  const db = ctx.store.db;

  /**
   * The look-ups intake makes for every case (a code → its current code, a matter → its
   * handling limit), kept in memory on SQLite, where the store belongs to this one process.
   * Only answers are kept, never errors, and every write of this service (a repository write,
   * a seed, an import) drops them all. PostgreSQL may be shared by several nodes: it is read
   * every time.
   */
  const lookups = ctx.store.kind === 'sqlite' ? new Map<string, unknown>() : null;
  async function remembered<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!lookups) {
      return load();
    }
    if (lookups.has(key)) {
      return lookups.get(key) as T;
    }
    // Frozen: every caller gets the same object.
    const value = Object.freeze(await load());
    lookups.set(key, value);
    return value;
  }
  const repo = dropLookupsOnWrite(catalogRepository, () => lookups?.clear());

  /** Stage limits in memory, for the synchronous lookup; refreshed on every write here. */
  let stageSnapshot = new Map<string, StageLimit>();
  async function reloadStageLimits(): Promise<void> {
    const rows = await repo.listStageLimits(db);
    stageSnapshot = new Map(
      rows.map((r) => [stageKey(r.stage, r.urgency, r.area_class), stageRowToLimit(r)]),
    );
  }
  await reloadStageLimits();

  /**
   * A current or legacy code → a current code of the catalog (domain.md §4).
   * @throws CATALOG_CODE_INVALID, CATALOG_CODE_UNMAPPABLE, CATALOG_ENTRY_NOT_FOUND
   */
  async function resolveCode(
    input: string,
    opts: { kind: CatalogKind; legacyKind?: LegacyKind; path?: string },
  ): Promise<ResolvedCode> {
    // The path only names the field in an error, and errors are not remembered.
    return remembered(`code|${opts.kind}|${opts.legacyKind ?? ''}|${input}`, () =>
      resolveCodeFromStore(input, opts),
    );
  }

  /** timeLimitFor, from the store. */
  async function timeLimitFromStore(q: {
    matterCode: string;
    conditionId?: string | null;
    areaClass: AreaClass;
  }): Promise<HandlingLimit> {
    const matter = await resolveCode(q.matterCode, { kind: 'matter', path: 'matterCode' });
    const row = q.conditionId
      ? await repo.findCondition(db, q.conditionId)
      : await repo.firstActiveCondition(db, matter.code);
    if (!row || row.matter_code !== matter.code) {
      throw appError(
        'CATALOG_CONDITION_NOT_FOUND',
        q.conditionId
          ? `Matter ${matter.code} has no registration condition ${q.conditionId}`
          : `Matter ${matter.code} has no active registration condition`,
        [{ path: q.conditionId ? 'conditionId' : 'matterCode', message: 'no such condition' }],
      );
    }
    const limit = await repo.findLimit(db, row.id, q.areaClass);
    if (!limit) {
      ctx.log.warn(
        { conditionId: row.id, areaClass: q.areaClass },
        'condition without a limit for the area class; using the generic default',
      );
    }
    const { amount, unit } = limit ?? GENERIC_EVENT_CONDITION.limits[q.areaClass];
    return {
      conditionId: row.id,
      conditionName: row.name,
      matterCode: matter.code,
      amount,
      unit,
      photoRequired: row.photo_required === 1,
      urgent: row.urgent === 1,
      closureCondition: row.closure_condition,
    };
  }

  async function resolveCodeFromStore(
    input: string,
    opts: { kind: CatalogKind; legacyKind?: LegacyKind; path?: string },
  ): Promise<ResolvedCode> {
    const codeCtx: CodeContext = opts;
    const parsed = parseCatalogCode(input);
    const keys: { kind: CatalogKind; code: string }[] = [];
    let override: { kind: CatalogKind; code: string } | undefined;
    if (parsed?.form === 'current') {
      keys.push({ kind: opts.kind, code: parsed.code });
    } else if (parsed && !(opts.kind === 'component' && opts.legacyKind === 'event')) {
      const legacyKind = legacyKindFor(codeCtx);
      const row = await repo.findOverride(db, parsed.code, legacyKind);
      override = row ? { kind: row.kind, code: row.code } : undefined;
      const target = override?.code ?? legacyRuleCode(parsed, legacyKind);
      if (target !== null) {
        keys.push({ kind: opts.kind, code: target });
      }
    }
    const found = new Set((await repo.findEntries(db, keys)).map((e) => `${e.kind}:${e.code}`));
    return mapCode(input, codeCtx, {
      override: () => override,
      has: (kind, code) => found.has(`${kind}:${code}`),
    });
  }

  async function getEntryRow(kind: CatalogKind, code: string): Promise<CatalogEntryRow> {
    const row = await repo.findEntry(db, kind, code);
    if (!row) {
      throw appError('CATALOG_ENTRY_NOT_FOUND', `No ${kind} ${code} in the catalog`);
    }
    return row;
  }

  async function conditionsOf(rows: RegistrationConditionRow[]): Promise<RegistrationCondition[]> {
    const limits = await repo.limitsOf(
      db,
      rows.map((r) => r.id),
    );
    const byId = new Map<string, ConditionTimeLimitRow[]>();
    for (const l of limits) {
      byId.set(l.condition_id, [...(byId.get(l.condition_id) ?? []), l]);
    }
    return rows.map((r) => conditionRowToCondition(r, byId.get(r.id) ?? []));
  }

  async function getCondition(id: string): Promise<RegistrationCondition> {
    const row = await repo.findCondition(db, id);
    if (!row) {
      throw appError('CATALOG_CONDITION_NOT_FOUND', `No registration condition ${id}`);
    }
    return (await conditionsOf([row]))[0]!;
  }

  /** Refuses to leave an active matter's last active condition inactive or deleted. */
  async function assertNotLast(row: RegistrationConditionRow, what: string): Promise<void> {
    if (row.active === 1 && (await repo.countActiveConditions(db, row.matter_code, row.id)) === 0) {
      throw appError(
        'CATALOG_CONDITION_LAST',
        `Condition ${row.seq} is the last active condition of matter ${row.matter_code}; ${what} would leave the matter without a time limit`,
      );
    }
  }

  async function listStageLimits(): Promise<StageLimit[]> {
    const rows = new Map(
      (await repo.listStageLimits(db)).map((r) => [
        stageKey(r.stage, r.urgency, r.area_class),
        stageRowToLimit(r),
      ]),
    );
    const out: StageLimit[] = [];
    for (const s of STAGES) {
      for (const u of URGENCIES) {
        for (const a of AREAS) {
          out.push(rows.get(stageKey(s, u, a)) ?? defaultStageLimit(s, u, a));
        }
      }
    }
    return out;
  }

  function overrideRowToOverride(r: {
    legacy_code: string;
    legacy_kind: LegacyKind;
    kind: CatalogKind;
    code: string;
    note: string | null;
  }): LegacyOverride {
    return {
      legacyCode: r.legacy_code,
      legacyKind: r.legacy_kind,
      kind: r.kind,
      code: r.code,
      note: r.note,
    };
  }

  return {
    resolveCode,

    /** Seeds the reference tables, default conditions and stage limits; idempotent. */
    async seedReference(): Promise<SeedSummary> {
      const summary = await seedReferenceCatalog(db);
      lookups?.clear();
      await reloadStageLimits();
      return summary;
    },

    /** Re-reads what the service keeps in memory (stage limits), e.g. after a direct seed. */
    reload: reloadStageLimits,

    /**
     * Entries of one table, filtered. `q` matches the code, a legacy code that resolves to the
     * entry, a substring of the Chinese or English name, or the name's pinyin initials.
     */
    async listEntries(kind: CatalogKind, f: ListEntriesQuery): Promise<CatalogEntry[]> {
      const rows = await repo.listEntries(db, {
        kind,
        major: f.major,
        active: f.active,
        standard: f.standard,
      });
      if (!f.q) {
        return rows.map(entryRowToEntry);
      }
      const q = f.q.trim();
      const lower = q.toLowerCase();
      let legacyTarget: string | undefined;
      if (parseCatalogCode(q)?.form === 'legacy') {
        legacyTarget = await resolveCode(q, { kind }).then(
          (r) => r.code,
          () => undefined,
        );
      }
      const initials = /^[a-z]+$/.test(lower);
      return rows
        .filter(
          (r) =>
            r.code.includes(q) ||
            r.code === legacyTarget ||
            r.name.includes(q) ||
            (r.name_en?.toLowerCase().includes(lower) ?? false) ||
            (initials && pinyinInitials(r.name).includes(lower)),
        )
        .map(entryRowToEntry);
    },

    /**
     * One entry by a current or legacy code.
     * @throws CATALOG_CODE_INVALID, CATALOG_CODE_UNMAPPABLE, CATALOG_ENTRY_NOT_FOUND
     */
    async getEntry(
      kind: CatalogKind,
      code: string,
      opts: { legacyKind?: LegacyKind; path?: string } = {},
    ): Promise<CatalogEntryView> {
      const r = await resolveCode(code, { kind, ...opts });
      const entry = entryRowToEntry(await getEntryRow(kind, r.code));
      return {
        ...entry,
        resolvedFrom:
          r.mappedBy === 'current' ? null : { original: r.original, mappedBy: r.mappedBy },
      };
    },

    /**
     * Creates a local extension (standard = false). A new matter gets the generic
     * registration condition so it is usable at once.
     * @throws CATALOG_ENTRY_EXISTS, CATALOG_CODE_RESERVED, CATALOG_ENTRY_INVALID,
     *   CATALOG_ENTRY_NOT_FOUND (componentCode), AUTH_OUT_OF_SCOPE
     */
    async createEntry(
      actor: Actor | null,
      kind: CatalogKind,
      body: CreateEntryBody,
    ): Promise<CatalogEntry> {
      assertCityAdmin(actor);
      if (await repo.findEntry(db, kind, body.code)) {
        throw appError('CATALOG_ENTRY_EXISTS', `The catalog already has ${kind} ${body.code}`, [
          { path: 'body.code', message: 'taken' },
        ]);
      }
      const problem = localCodeProblem(body.code, await repo.standardMajors(db, kind));
      if (problem) {
        throw appError('CATALOG_CODE_RESERVED', `${body.code}: ${problem}`, [
          { path: 'body.code', message: problem },
        ]);
      }
      const major = body.code.slice(0, 2);
      const majorName = body.majorName ?? (await repo.majorName(db, kind, major));
      if (!majorName) {
        throw appError('CATALOG_ENTRY_INVALID', `Major class ${major} is new: name it`, [
          { path: 'body.majorName', message: 'required for a new major class' },
        ]);
      }
      const componentCode = kind === 'matter' ? (body.componentCode ?? null) : null;
      if (componentCode && !(await repo.findEntry(db, 'component', componentCode))) {
        throw appError('CATALOG_ENTRY_NOT_FOUND', `No component ${componentCode}`, [
          { path: 'body.componentCode', message: 'unknown component' },
        ]);
      }
      await db.transaction().execute(async (trx) => {
        await repo.insertEntry(trx, {
          kind,
          code: body.code,
          major_code: major,
          major_name: majorName,
          name: body.name,
          name_en: body.nameEn ?? null,
          component_code: componentCode,
          standard: 0,
          active: 1,
        });
        if (kind === 'matter') {
          const rows = conditionRows(
            body.code,
            defaultConditionsFor({ code: body.code, componentCode }),
          );
          await repo.insertConditions(trx, rows.conditions, rows.limits);
        }
      });
      return entryRowToEntry(await getEntryRow(kind, body.code));
    },

    /**
     * Changes an entry. Standard entries keep their code, names and links: only `active` and
     * the English name change; local entries change freely.
     * @throws CATALOG_ENTRY_NOT_FOUND, CATALOG_ENTRY_STANDARD, AUTH_OUT_OF_SCOPE
     */
    async updateEntry(
      actor: Actor | null,
      kind: CatalogKind,
      code: string,
      body: UpdateEntryBody,
    ): Promise<CatalogEntry> {
      assertCityAdmin(actor);
      const row = await getEntryRow(kind, code);
      if (row.standard === 1) {
        const locked = (['name', 'majorName', 'componentCode'] as const).filter(
          (k) => body[k] !== undefined,
        );
        if (locked.length > 0) {
          throw appError(
            'CATALOG_ENTRY_STANDARD',
            `${kind} ${code} is a standard entry: only active and nameEn may change`,
            locked.map((k): FieldIssue => ({
              path: `body.${k}`,
              message: 'fixed by the standard',
            })),
          );
        }
      }
      if (body.componentCode && !(await repo.findEntry(db, 'component', body.componentCode))) {
        throw appError('CATALOG_ENTRY_NOT_FOUND', `No component ${body.componentCode}`, [
          { path: 'body.componentCode', message: 'unknown component' },
        ]);
      }
      const patch: Parameters<typeof repo.updateEntry>[3] = {};
      if (body.name !== undefined) {
        patch.name = body.name;
      }
      if (body.nameEn !== undefined) {
        patch.name_en = body.nameEn;
      }
      if (body.majorName !== undefined) {
        patch.major_name = body.majorName;
      }
      if (body.componentCode !== undefined && kind === 'matter') {
        patch.component_code = body.componentCode;
      }
      if (body.active !== undefined) {
        patch.active = body.active ? 1 : 0;
      }
      await repo.updateEntry(db, kind, code, patch);
      return entryRowToEntry(await getEntryRow(kind, code));
    },

    // --- registration conditions

    /**
     * The registration conditions of a matter (current or legacy code), by seq.
     * @throws CATALOG_CODE_INVALID, CATALOG_CODE_UNMAPPABLE, CATALOG_ENTRY_NOT_FOUND
     */
    async listConditions(
      matterCode: string,
      opts: { active?: boolean; legacyKind?: LegacyKind } = {},
    ): Promise<{ matterCode: string; items: RegistrationCondition[] }> {
      const r = await resolveCode(matterCode, {
        kind: 'matter',
        legacyKind: opts.legacyKind,
        path: 'params.code',
      });
      let rows = await repo.listConditions(db, r.code);
      if (opts.active !== undefined) {
        rows = rows.filter((c) => (c.active === 1) === opts.active);
      }
      return { matterCode: r.code, items: await conditionsOf(rows) };
    },

    /** @throws CATALOG_CONDITION_NOT_FOUND */
    getCondition,

    /**
     * Adds a registration condition with its limits to a matter.
     * @throws CATALOG_ENTRY_NOT_FOUND, CATALOG_CODE_INVALID, CATALOG_CODE_UNMAPPABLE,
     *   CATALOG_CONDITION_SEQ_TAKEN, AUTH_OUT_OF_SCOPE
     */
    async createCondition(
      actor: Actor | null,
      matterCode: string,
      body: CreateConditionBody,
    ): Promise<RegistrationCondition> {
      assertCityAdmin(actor);
      const matter = await resolveCode(matterCode, { kind: 'matter', path: 'params.code' });
      const seq = body.seq ?? (await repo.maxSeq(db, matter.code)) + 1;
      if (await repo.findConditionBySeq(db, matter.code, seq)) {
        throw appError(
          'CATALOG_CONDITION_SEQ_TAKEN',
          `Matter ${matter.code} already has a condition ${seq}`,
          [{ path: 'body.seq', message: 'taken' }],
        );
      }
      const id = uuidv7(ctx.clock.now());
      await db.transaction().execute((trx) =>
        repo.insertConditions(
          trx,
          [
            {
              id,
              matter_code: matter.code,
              seq,
              name: body.name,
              closure_condition: body.closureCondition,
              photo_required: body.photoRequired ? 1 : 0,
              urgent: body.urgent ? 1 : 0,
              active: 1,
            },
          ],
          limitRows(id, body.limits),
        ),
      );
      return getCondition(id);
    },

    /**
     * Changes a condition (not its limits: see setConditionLimits).
     * @throws CATALOG_CONDITION_NOT_FOUND, CATALOG_CONDITION_SEQ_TAKEN, CATALOG_CONDITION_LAST,
     *   AUTH_OUT_OF_SCOPE
     */
    async updateCondition(
      actor: Actor | null,
      id: string,
      body: UpdateConditionBody,
    ): Promise<RegistrationCondition> {
      assertCityAdmin(actor);
      const row = await repo.findCondition(db, id);
      if (!row) {
        throw appError('CATALOG_CONDITION_NOT_FOUND', `No registration condition ${id}`);
      }
      if (body.seq !== undefined && body.seq !== row.seq) {
        if (await repo.findConditionBySeq(db, row.matter_code, body.seq)) {
          throw appError(
            'CATALOG_CONDITION_SEQ_TAKEN',
            `Matter ${row.matter_code} already has a condition ${body.seq}`,
            [{ path: 'body.seq', message: 'taken' }],
          );
        }
      }
      if (body.active === false) {
        await assertNotLast(row, 'deactivating it');
      }
      const patch: Parameters<typeof repo.updateCondition>[2] = {};
      if (body.name !== undefined) {
        patch.name = body.name;
      }
      if (body.closureCondition !== undefined) {
        patch.closure_condition = body.closureCondition;
      }
      if (body.photoRequired !== undefined) {
        patch.photo_required = body.photoRequired ? 1 : 0;
      }
      if (body.urgent !== undefined) {
        patch.urgent = body.urgent ? 1 : 0;
      }
      if (body.active !== undefined) {
        patch.active = body.active ? 1 : 0;
      }
      if (body.seq !== undefined) {
        patch.seq = body.seq;
      }
      await repo.updateCondition(db, id, patch);
      return getCondition(id);
    },

    /**
     * Deletes a condition and its limits. Cases keep the limit they were registered with;
     * to retire a condition that cases name, prefer `active: false`.
     * @throws CATALOG_CONDITION_NOT_FOUND, CATALOG_CONDITION_LAST, AUTH_OUT_OF_SCOPE
     */
    async deleteCondition(actor: Actor | null, id: string): Promise<void> {
      assertCityAdmin(actor);
      const row = await repo.findCondition(db, id);
      if (!row) {
        throw appError('CATALOG_CONDITION_NOT_FOUND', `No registration condition ${id}`);
      }
      await assertNotLast(row, 'deleting it');
      await db.transaction().execute((trx) => repo.deleteCondition(trx, id));
    },

    /**
     * Replaces the A/B/C handling limits of a condition.
     * @throws CATALOG_CONDITION_NOT_FOUND, AUTH_OUT_OF_SCOPE
     */
    async setConditionLimits(
      actor: Actor | null,
      id: string,
      limits: AreaLimitsBody,
    ): Promise<RegistrationCondition> {
      assertCityAdmin(actor);
      if (!(await repo.findCondition(db, id))) {
        throw appError('CATALOG_CONDITION_NOT_FOUND', `No registration condition ${id}`);
      }
      await db.transaction().execute((trx) => repo.replaceLimits(trx, id, limitRows(id, limits)));
      return getCondition(id);
    },

    /**
     * The handling limit of a matter in an area class: of the given condition, or else of the
     * matter's first active condition (lowest seq). The matter code may be legacy.
     * @throws CATALOG_CODE_INVALID, CATALOG_CODE_UNMAPPABLE, CATALOG_ENTRY_NOT_FOUND,
     *   CATALOG_CONDITION_NOT_FOUND (unknown condition, one of another matter, or no active one)
     */
    async timeLimitFor(q: {
      matterCode: string;
      conditionId?: string | null;
      areaClass: AreaClass;
    }): Promise<HandlingLimit> {
      return remembered(`limit|${q.matterCode}|${q.conditionId ?? ''}|${q.areaClass}`, () =>
        timeLimitFromStore(q),
      );
    },

    // --- stage limits

    /** The city-wide limit of a stage; the shipped default when none is configured. */
    async stageLimitFor(q: {
      stage: Stage;
      urgency: Urgency;
      areaClass: AreaClass;
    }): Promise<StageLimit> {
      const row = await repo.findStageLimit(db, q.stage, q.urgency, q.areaClass);
      return row ? stageRowToLimit(row) : defaultStageLimit(q.stage, q.urgency, q.areaClass);
    },

    /**
     * Synchronous stageLimitFor from memory (loaded at start, refreshed by this service's
     * writes; another process's edits show after `reload()`).
     */
    stageLimitCached(q: { stage: Stage; urgency: Urgency; areaClass: AreaClass }): StageLimit {
      return (
        stageSnapshot.get(stageKey(q.stage, q.urgency, q.areaClass)) ??
        defaultStageLimit(q.stage, q.urgency, q.areaClass)
      );
    },

    /** All 30 stage limits (stage × urgency × area class), configured or default. */
    listStageLimits,

    /** Sets the given stage limits (others unchanged). @throws AUTH_OUT_OF_SCOPE */
    async putStageLimits(actor: Actor | null, body: PutStageLimitsBody): Promise<StageLimit[]> {
      assertCityAdmin(actor);
      await repo.putStageLimits(db, body.items.map(stageLimitRow), 'replace');
      await reloadStageLimits();
      return listStageLimits();
    },

    // --- legacy overrides

    async listOverrides(): Promise<LegacyOverride[]> {
      return (await repo.listOverrides(db)).map(overrideRowToOverride);
    },

    /**
     * Maps a legacy code explicitly (wins over the rule): an event code to a matter, a
     * component code to a component.
     * @throws CATALOG_CODE_INVALID, CATALOG_ENTRY_NOT_FOUND, AUTH_OUT_OF_SCOPE
     */
    async putOverride(
      actor: Actor | null,
      legacyKind: LegacyKind,
      legacyCode: string,
      body: PutOverrideBody,
    ): Promise<LegacyOverride> {
      assertCityAdmin(actor);
      const p = parseCatalogCode(legacyCode);
      if (p?.form !== 'legacy') {
        throw appError('CATALOG_CODE_INVALID', `"${legacyCode}" is not a legacy code`, [
          { path: 'params.legacyCode', message: 'major and minor must be 01–99' },
        ]);
      }
      const kind: CatalogKind = legacyKind === 'event' ? 'matter' : 'component';
      if (!(await repo.findEntry(db, kind, body.code))) {
        throw appError('CATALOG_ENTRY_NOT_FOUND', `No ${kind} ${body.code}`, [
          { path: 'body.code', message: `unknown ${kind}` },
        ]);
      }
      const row = {
        legacy_code: p.code,
        legacy_kind: legacyKind,
        kind,
        code: body.code,
        note: body.note ?? null,
      };
      await repo.upsertOverride(db, row);
      return overrideRowToOverride(row);
    },

    /** @throws CATALOG_CODE_INVALID, CATALOG_OVERRIDE_NOT_FOUND, AUTH_OUT_OF_SCOPE */
    async deleteOverride(
      actor: Actor | null,
      legacyKind: LegacyKind,
      legacyCode: string,
    ): Promise<void> {
      assertCityAdmin(actor);
      const p = parseCatalogCode(legacyCode);
      if (p?.form !== 'legacy') {
        throw appError('CATALOG_CODE_INVALID', `"${legacyCode}" is not a legacy code`, [
          { path: 'params.legacyCode', message: 'major and minor must be 01–99' },
        ]);
      }
      if (!(await repo.deleteOverride(db, p.code, legacyKind))) {
        throw appError(
          'CATALOG_OVERRIDE_NOT_FOUND',
          `No override of legacy ${legacyKind} code ${formatLegacyCode(p.code)}`,
        );
      }
    },

    // --- import / export

    /** The configuration document (format cityloop-catalog, version 1). */
    exportDocument: () => exportCatalog(db, ctx.clock.now()),

    /**
     * Validates a whole document, then writes it unless dryRun; reports created / updated /
     * unchanged keys per section.
     * @throws CATALOG_IMPORT_INVALID (every bad item with its path), AUTH_OUT_OF_SCOPE
     */
    async importDocument(
      actor: Actor | null,
      doc: unknown,
      opts: { dryRun: boolean },
    ): Promise<ImportReport> {
      assertCityAdmin(actor);
      const report = await importCatalog(db, doc, opts);
      lookups?.clear();
      if (!opts.dryRun) {
        await reloadStageLimits();
      }
      return report;
    },

    /** Registration conditions and their limits as CSV (UTF-8 with BOM, for spreadsheets). */
    async conditionsCsv(): Promise<string> {
      const matters = new Map(
        (await repo.listEntries(db, { kind: 'matter' })).map((m) => [m.code, m.name]),
      );
      const rows = await conditionsOf(await repo.listConditions(db));
      const lines = [
        csvLine([
          'matter_code',
          'matter_name',
          'seq',
          'condition',
          'closure_condition',
          'photo_required',
          'urgent',
          'active',
          'a_amount',
          'a_unit',
          'b_amount',
          'b_unit',
          'c_amount',
          'c_unit',
          'condition_id',
        ]),
        ...rows.map((c) =>
          csvLine([
            c.matterCode,
            matters.get(c.matterCode) ?? '',
            c.seq,
            c.name,
            c.closureCondition,
            c.photoRequired ? 1 : 0,
            c.urgent ? 1 : 0,
            c.active ? 1 : 0,
            c.limits.A.amount,
            c.limits.A.unit,
            c.limits.B.amount,
            c.limits.B.unit,
            c.limits.C.amount,
            c.limits.C.unit,
            c.id,
          ]),
        ),
      ];
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    },
  };
}
