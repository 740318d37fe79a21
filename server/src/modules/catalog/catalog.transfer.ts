/**
 * Export and import of the catalog's configuration as one JSON document (catalog.schema.ts
 * `catalogDocument`). Import validates the whole document against the store first and writes
 * nothing when any item is bad; every bad item is reported with its path.
 */
import type { AreaClass } from '@common/roles';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { appError } from '../../lib/app-error';
import type { FieldIssue } from '../../lib/errors';
import { uuidv7 } from '../../lib/ids';
import { catalogRepository as repo } from './catalog.repository';
import {
  catalogDocument,
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type CatalogDocument,
} from './catalog.schema';
import { conditionRows, defaultConditionsFor, stageLimitRow } from './catalog.seed';
import type {
  CatalogEntryRow,
  ConditionTimeLimitRow,
  RegistrationConditionRow,
} from './catalog.table';
import type { AreaLimits, CatalogKind, LegacyKind } from './catalog.types';
import { localCodeProblem } from './local-codes';
import { parseCatalogCode } from './legacy-code';

type Q = Kysely<Database>;
const AREAS: readonly AreaClass[] = ['A', 'B', 'C'];

/** What an import did (or, with dryRun, would do), per section. */
export interface ImportSection {
  created: string[];
  updated: string[];
  unchanged: number;
}
export interface ImportReport {
  dryRun: boolean;
  extensions: ImportSection;
  conditions: ImportSection;
  stageLimits: ImportSection;
  legacyOverrides: ImportSection;
}

export function limitsOfRows(rows: readonly ConditionTimeLimitRow[]): Partial<AreaLimits> {
  const out: Partial<AreaLimits> = {};
  for (const r of rows) {
    out[r.area_class] = { amount: r.amount, unit: r.unit };
  }
  return out;
}

function groupLimits(rows: readonly ConditionTimeLimitRow[]): Map<string, ConditionTimeLimitRow[]> {
  const m = new Map<string, ConditionTimeLimitRow[]>();
  for (const r of rows) {
    m.set(r.condition_id, [...(m.get(r.condition_id) ?? []), r]);
  }
  return m;
}

const overrideKind = (k: LegacyKind): CatalogKind => (k === 'event' ? 'matter' : 'component');
const section = (): ImportSection => ({ created: [], updated: [], unchanged: 0 });

/** The catalog's configuration as a document. */
export async function exportCatalog(db: Q, nowMs: number): Promise<CatalogDocument> {
  const local = [
    ...(await repo.listEntries(db, { kind: 'component', standard: false })),
    ...(await repo.listEntries(db, { kind: 'matter', standard: false })),
  ];
  const conditions = await repo.listConditions(db);
  const limits = groupLimits(await repo.allLimits(db));
  const stage = await repo.listStageLimits(db);
  const overrides = await repo.listOverrides(db);
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    extensions: local.map((e) => ({
      kind: e.kind,
      code: e.code,
      majorName: e.major_name,
      name: e.name,
      nameEn: e.name_en,
      componentCode: e.component_code,
      active: e.active === 1,
    })),
    conditions: conditions.map((c) => ({
      id: c.id,
      matterCode: c.matter_code,
      seq: c.seq,
      name: c.name,
      closureCondition: c.closure_condition,
      photoRequired: c.photo_required === 1,
      urgent: c.urgent === 1,
      active: c.active === 1,
      limits: limitsOfRows(limits.get(c.id) ?? []) as AreaLimits,
    })),
    stageLimits: stage.map((s) => ({
      stage: s.stage,
      urgency: s.urgency,
      areaClass: s.area_class,
      amount: s.amount,
      unit: s.unit,
    })),
    legacyOverrides: overrides.map((o) => ({
      legacyCode: o.legacy_code,
      legacyKind: o.legacy_kind,
      kind: o.kind,
      code: o.code,
      note: o.note,
    })),
  };
}

function sameLimits(a: Partial<AreaLimits>, b: AreaLimits): boolean {
  return AREAS.every((k) => a[k]?.amount === b[k].amount && a[k]?.unit === b[k].unit);
}

/**
 * Imports a document: validates it whole, then (unless dryRun) writes it in one transaction.
 * Adds and updates by key; never deletes. A new local matter without conditions in the
 * document gets the generic one, so every matter stays usable.
 *
 * @throws CATALOG_IMPORT_INVALID with every problem as `{ path, message }` (paths from `body`)
 */
export async function importCatalog(
  db: Q,
  input: unknown,
  opts: { dryRun: boolean },
): Promise<ImportReport> {
  const parsed = catalogDocument.safeParse(input);
  if (!parsed.success) {
    throw appError(
      'CATALOG_IMPORT_INVALID',
      `The document has ${parsed.error.issues.length} problem(s); nothing was imported`,
      parsed.error.issues.map((i) => ({
        path: ['body', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    );
  }
  const doc = parsed.data;
  const issues: FieldIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path: `body.${path}`, message });

  // --- what the store holds
  const entries = await repo.listEntryKeys(db);
  const entryByKey = new Map(entries.map((e) => [`${e.kind}:${e.code}`, e]));
  const standardMajors: Record<CatalogKind, Set<string>> = {
    component: new Set(),
    matter: new Set(),
  };
  for (const e of entries) {
    if (e.standard === 1) {
      standardMajors[e.kind].add(e.major_code);
    }
  }
  const localRows = new Map<string, CatalogEntryRow>();
  for (const kind of ['component', 'matter'] as const) {
    for (const r of await repo.listEntries(db, { kind, standard: false })) {
      localRows.set(`${kind}:${r.code}`, r);
    }
  }
  const conditions = await repo.listConditions(db);
  const condByKey = new Map(conditions.map((c) => [`${c.matter_code}#${c.seq}`, c]));
  const condById = new Map(conditions.map((c) => [c.id, c]));
  const limitsById = groupLimits(await repo.allLimits(db));
  const stageRows = new Map(
    (await repo.listStageLimits(db)).map((s) => [`${s.stage}/${s.urgency}/${s.area_class}`, s]),
  );
  const overrideRows = new Map(
    (await repo.listOverrides(db)).map((o) => [`${o.legacy_kind}:${o.legacy_code}`, o]),
  );

  // --- extensions
  const docExt = new Set(doc.extensions.map((e) => `${e.kind}:${e.code}`));
  const exists = (kind: CatalogKind, code: string) =>
    entryByKey.has(`${kind}:${code}`) || docExt.has(`${kind}:${code}`);
  doc.extensions.forEach((e, i) => {
    const at = `extensions.${i}`;
    const current = entryByKey.get(`${e.kind}:${e.code}`);
    if (current?.standard === 1) {
      issue(`${at}.code`, `${e.code} is a standard ${e.kind}; a local extension cannot replace it`);
    } else {
      const problem = localCodeProblem(e.code, standardMajors[e.kind]);
      if (problem) {
        issue(`${at}.code`, problem);
      }
    }
    if (e.componentCode) {
      if (e.kind === 'component') {
        issue(`${at}.componentCode`, 'only a matter names a component');
      } else if (!exists('component', e.componentCode)) {
        issue(`${at}.componentCode`, `unknown component ${e.componentCode}`);
      }
    }
  });

  // --- conditions
  const activeAfter = new Map<string, { active: number; firstIndex: number }>();
  const docIds = new Map<string, number>();
  doc.conditions.forEach((c, i) => {
    const at = `conditions.${i}`;
    if (c.id) {
      const first = docIds.get(c.id);
      if (first !== undefined) {
        issue(`${at}.id`, `id ${c.id} repeats item ${first}`);
      }
      docIds.set(c.id, first ?? i);
    }
    if (!exists('matter', c.matterCode)) {
      issue(`${at}.matterCode`, `unknown matter ${c.matterCode}`);
    }
    const byId = c.id ? condById.get(c.id) : undefined;
    if (byId && (byId.matter_code !== c.matterCode || byId.seq !== c.seq)) {
      issue(
        `${at}.id`,
        `id ${c.id} belongs to condition ${byId.seq} of matter ${byId.matter_code}; matching is by matterCode and seq`,
      );
    }
    if (!activeAfter.has(c.matterCode)) {
      activeAfter.set(c.matterCode, { active: 0, firstIndex: i });
    }
  });
  // Every matter the document touches keeps at least one active condition.
  const docCond = new Map(doc.conditions.map((c) => [`${c.matterCode}#${c.seq}`, c]));
  for (const [matter, info] of activeAfter) {
    const stored = conditions.filter((c) => c.matter_code === matter);
    const storedActive = stored.filter((c) => {
      const replaced = docCond.get(`${c.matter_code}#${c.seq}`);
      return replaced ? replaced.active : c.active === 1;
    }).length;
    const added = doc.conditions.filter(
      (c) => c.matterCode === matter && c.active && !condByKey.has(`${matter}#${c.seq}`),
    ).length;
    info.active = storedActive + added;
    if (info.active === 0) {
      issue(
        `conditions.${info.firstIndex}.active`,
        `matter ${matter} would have no active registration condition`,
      );
    }
  }

  // --- legacy overrides
  doc.legacyOverrides.forEach((o, i) => {
    const at = `legacyOverrides.${i}`;
    const p = parseCatalogCode(o.legacyCode);
    if (p?.form !== 'legacy') {
      issue(`${at}.legacyCode`, 'must be a legacy code like 0110 or 01-10 (major and minor 01–99)');
    }
    const kind = overrideKind(o.legacyKind);
    if (o.kind !== undefined && o.kind !== kind) {
      issue(`${at}.kind`, `a legacy ${o.legacyKind} code maps to a ${kind}`);
    } else if (!exists(kind, o.code)) {
      issue(`${at}.code`, `unknown ${kind} ${o.code}`);
    }
  });

  if (issues.length > 0) {
    throw appError(
      'CATALOG_IMPORT_INVALID',
      `The document has ${issues.length} problem(s); nothing was imported`,
      issues,
    );
  }

  // --- plan
  const report: ImportReport = {
    dryRun: opts.dryRun,
    extensions: section(),
    conditions: section(),
    stageLimits: section(),
    legacyOverrides: section(),
  };
  const extCreate: CatalogDocument['extensions'] = [];
  const extUpdate: CatalogDocument['extensions'] = [];
  for (const e of doc.extensions) {
    const key = `${e.kind}:${e.code}`;
    const row = localRows.get(key);
    if (!row) {
      extCreate.push(e);
      report.extensions.created.push(key);
    } else if (
      row.name !== e.name ||
      row.name_en !== (e.nameEn ?? null) ||
      row.major_name !== e.majorName ||
      row.component_code !== (e.componentCode ?? null) ||
      row.active !== (e.active ? 1 : 0)
    ) {
      extUpdate.push(e);
      report.extensions.updated.push(key);
    } else {
      report.extensions.unchanged++;
    }
  }

  const condCreate: CatalogDocument['conditions'] = [];
  const condUpdate: { id: string; c: CatalogDocument['conditions'][number] }[] = [];
  for (const c of doc.conditions) {
    const key = `${c.matterCode}#${c.seq}`;
    const row = condByKey.get(key);
    if (!row) {
      condCreate.push(c);
      report.conditions.created.push(key);
    } else if (
      row.name !== c.name ||
      row.closure_condition !== c.closureCondition ||
      row.photo_required !== (c.photoRequired ? 1 : 0) ||
      row.urgent !== (c.urgent ? 1 : 0) ||
      row.active !== (c.active ? 1 : 0) ||
      !sameLimits(limitsOfRows(limitsById.get(row.id) ?? []), c.limits)
    ) {
      condUpdate.push({ id: row.id, c });
      report.conditions.updated.push(key);
    } else {
      report.conditions.unchanged++;
    }
  }

  const stagePut: CatalogDocument['stageLimits'] = [];
  for (const s of doc.stageLimits) {
    const key = `${s.stage}/${s.urgency}/${s.areaClass}`;
    const row = stageRows.get(key);
    if (row && row.amount === s.amount && row.unit === s.unit) {
      report.stageLimits.unchanged++;
    } else {
      stagePut.push(s);
      (row ? report.stageLimits.updated : report.stageLimits.created).push(key);
    }
  }

  const overridePut: CatalogDocument['legacyOverrides'] = [];
  for (const o of doc.legacyOverrides) {
    const legacyCode = o.legacyCode.replace('-', '');
    const key = `${o.legacyKind}:${legacyCode}`;
    const row = overrideRows.get(key);
    if (row && row.code === o.code && row.note === (o.note ?? null)) {
      report.legacyOverrides.unchanged++;
    } else {
      overridePut.push({ ...o, legacyCode });
      (row ? report.legacyOverrides.updated : report.legacyOverrides.created).push(key);
    }
  }

  if (opts.dryRun) {
    return report;
  }

  // --- write
  await db.transaction().execute(async (trx) => {
    for (const e of extCreate) {
      await repo.insertEntry(trx, {
        kind: e.kind,
        code: e.code,
        major_code: e.code.slice(0, 2),
        major_name: e.majorName,
        name: e.name,
        name_en: e.nameEn ?? null,
        component_code: e.kind === 'matter' ? (e.componentCode ?? null) : null,
        standard: 0,
        active: e.active ? 1 : 0,
      });
    }
    for (const e of extUpdate) {
      await repo.updateEntry(trx, e.kind, e.code, {
        major_name: e.majorName,
        name: e.name,
        name_en: e.nameEn ?? null,
        component_code: e.kind === 'matter' ? (e.componentCode ?? null) : null,
        active: e.active ? 1 : 0,
      });
    }

    const newRows: RegistrationConditionRow[] = [];
    const newLimits: ConditionTimeLimitRow[] = [];
    for (const c of condCreate) {
      const id = c.id && !condById.has(c.id) ? c.id : uuidv7();
      newRows.push({
        id,
        matter_code: c.matterCode,
        seq: c.seq,
        name: c.name,
        closure_condition: c.closureCondition,
        photo_required: c.photoRequired ? 1 : 0,
        urgent: c.urgent ? 1 : 0,
        active: c.active ? 1 : 0,
      });
      for (const a of AREAS) {
        newLimits.push({ condition_id: id, area_class: a, ...c.limits[a] });
      }
    }
    // New local matters the document gives no condition get the generic one.
    const withConditions = new Set([
      ...conditions.map((c) => c.matter_code),
      ...doc.conditions.map((c) => c.matterCode),
    ]);
    for (const e of extCreate) {
      if (e.kind === 'matter' && !withConditions.has(e.code)) {
        const rows = conditionRows(
          e.code,
          defaultConditionsFor({ code: e.code, componentCode: e.componentCode ?? null }),
        );
        newRows.push(...rows.conditions);
        newLimits.push(...rows.limits);
      }
    }
    await repo.insertConditions(trx, newRows, newLimits);
    for (const { id, c } of condUpdate) {
      await repo.updateCondition(trx, id, {
        name: c.name,
        closure_condition: c.closureCondition,
        photo_required: c.photoRequired ? 1 : 0,
        urgent: c.urgent ? 1 : 0,
        active: c.active ? 1 : 0,
      });
      await repo.replaceLimits(
        trx,
        id,
        AREAS.map((a) => ({ condition_id: id, area_class: a, ...c.limits[a] })),
      );
    }

    await repo.putStageLimits(trx, stagePut.map(stageLimitRow), 'replace');
    for (const o of overridePut) {
      await repo.upsertOverride(trx, {
        legacy_code: o.legacyCode,
        legacy_kind: o.legacyKind,
        kind: overrideKind(o.legacyKind),
        code: o.code,
        note: o.note ?? null,
      });
    }
  });
  return report;
}
