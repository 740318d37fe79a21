import { sql, type Kysely } from 'kysely';
import { chunks } from '../../db/chunks';
import { isPostgres } from '../../db/run-sql';
import type { Database } from '../../db/database';
import type { ActorScope } from '../auth/actor';
import { scopeFilter } from '../cases/cases.repository';
import type { CaseStatic, FactEvent } from './facts';
import { settingsRepository } from '../../db/settings.repository';

type Q = Kysely<Database>;

/** One counter change: add `count` (may be negative) to a rollup cell's shard. */
export interface RollupDelta {
  kind: string;
  day: string;
  key: string;
  metric: string;
  shard: number;
  count: number;
}

/** A summed rollup figure. */
export interface RollupSum {
  key: string;
  metric: string;
  count: number;
}

/** Which rollup rows to sum over a period of local days [from, to]. */
export interface RollupFilter {
  kind: string;
  from: string;
  to: string;
  metrics?: readonly string[];
  keys?: readonly string[];
  /** Keys starting with this text (scoped kinds: 'regionId|'; grids: a region code). */
  keyPrefix?: string;
}

/** How to narrow the cases a drill-down derives facts from (always a superset of the answer). */
export interface CandidateFilter {
  startMs: number;
  endMs: number;
  /** report: created in the period; event: any event in the period; actor: an event of that user. */
  anchor: 'report' | 'event' | 'actor';
  actorId?: string;
  scope?: ActorScope;
  /** A case_file column equal to a value (null: IS NULL). */
  column?: {
    name:
      | 'grid_code'
      | 'community_id'
      | 'street_id'
      | 'district_id'
      | 'city_id'
      | 'major_code'
      | 'matter_code'
      | 'source';
    value: string | null;
  };
  gridCodes?: readonly string[];
  h3In?: readonly string[];
  /** Cases of this unit now, or returned at least once (earlier assignments). */
  unitId?: string;
}

/** The SQL of the evaluation module (rollups, settings, and reads of cases, events and names). */
export const evaluationRepository = {
  /**
   * Adds the deltas to their rollup rows (insert or increment), then deletes rows that fell to
   * zero. Rows are written in a stable order so concurrent writers lock them in the same order.
   */
  async applyDeltas(db: Q, deltas: readonly RollupDelta[]): Promise<void> {
    if (deltas.length === 0) {
      return;
    }
    const sorted = [...deltas].sort((a, b) =>
      a.kind !== b.kind
        ? a.kind < b.kind
          ? -1
          : 1
        : a.day !== b.day
          ? a.day < b.day
            ? -1
            : 1
          : a.key !== b.key
            ? a.key < b.key
              ? -1
              : 1
            : a.metric !== b.metric
              ? a.metric < b.metric
                ? -1
                : 1
              : a.shard - b.shard,
    );
    // One statement whose text never changes, the rows travelling as one JSON parameter
    // (SQLite) or six arrays (PostgreSQL): the rollups of a batch of events are hundreds of
    // rows, which the query builder took longer to build than the store to write.
    if (isPostgres(db)) {
      await sql`insert into eval_rollup (kind, day, key, metric, shard, count)
        select * from unnest(${sorted.map((d) => d.kind)}::text[], ${sorted.map((d) => d.day)}::text[],
          ${sorted.map((d) => d.key)}::text[], ${sorted.map((d) => d.metric)}::text[],
          ${sorted.map((d) => d.shard)}::int[], ${sorted.map((d) => d.count)}::int[])
        on conflict (kind, day, key, metric, shard)
        do update set count = eval_rollup.count + excluded.count`.execute(db);
    } else {
      await sql`insert into eval_rollup (kind, day, key, metric, shard, count)
        select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5
        from json_each(${JSON.stringify(sorted.map((d) => [d.kind, d.day, d.key, d.metric, d.shard, d.count]))})
        where true
        on conflict (kind, day, key, metric, shard)
        do update set count = eval_rollup.count + excluded.count`.execute(db);
    }
    const negative = sorted.filter((d) => d.count < 0);
    for (const part of chunks(negative)) {
      await db
        .deleteFrom('eval_rollup')
        .where('count', '=', 0)
        .where((eb) =>
          eb.or(
            part.map((d) =>
              eb.and([
                eb('kind', '=', d.kind),
                eb('day', '=', d.day),
                eb('key', '=', d.key),
                eb('metric', '=', d.metric),
                eb('shard', '=', d.shard),
              ]),
            ),
          ),
        )
        .execute();
    }
  },

  /** Sums of one dimension kind over a period, by key and metric. */
  async sumRollups(db: Q, f: RollupFilter): Promise<RollupSum[]> {
    if (f.keys && f.keys.length === 0) {
      return [];
    }
    const out: RollupSum[] = [];
    for (const keys of f.keys ? chunks(f.keys, 500) : [undefined]) {
      let q = db
        .selectFrom('eval_rollup')
        .select(['key', 'metric', (eb) => eb.fn.sum<number | string>('count').as('n')])
        .where('kind', '=', f.kind)
        .where('day', '>=', f.from)
        .where('day', '<=', f.to);
      if (f.metrics) {
        q = q.where('metric', 'in', f.metrics.length > 0 ? [...f.metrics] : ['']);
      }
      if (keys) {
        q = q.where('key', 'in', keys);
      }
      if (f.keyPrefix) {
        // LIKE may match more (_ and % in the prefix, SQLite's case folding): filtered below.
        q = q.where('key', 'like', `${f.keyPrefix}%`);
      }
      const rows = await q.groupBy(['key', 'metric']).execute();
      for (const r of rows) {
        if (!f.keyPrefix || r.key.startsWith(f.keyPrefix)) {
          out.push({ key: r.key, metric: r.metric, count: Number(r.n) });
        }
      }
    }
    return out;
  },

  /** Every rollup row of a period, summed over shards (checks and tests). */
  async allRollups(db: Q, from: string, to: string) {
    const rows = await db
      .selectFrom('eval_rollup')
      .select(['kind', 'day', 'key', 'metric', (eb) => eb.fn.sum<number | string>('count').as('n')])
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy(['kind', 'day', 'key', 'metric'])
      .execute();
    return rows.map((r) => ({
      kind: r.kind,
      day: r.day,
      key: r.key,
      metric: r.metric,
      count: Number(r.n),
    }));
  },

  /** Deletes the rollups of local days [from, to]. */
  async deleteDays(db: Q, from: string, to: string): Promise<void> {
    await db.deleteFrom('eval_rollup').where('day', '>=', from).where('day', '<=', to).execute();
  },

  async insertRollups(db: Q, rows: readonly RollupDelta[]): Promise<void> {
    for (const part of chunks(rows)) {
      await db.insertInto('eval_rollup').values(part).execute();
    }
  },

  /**
   * PostgreSQL: blocks concurrent rollup writers (events) until the transaction ends, so a
   * recomputation reads and replaces a consistent state. SQLite has one writer anyway.
   */
  async lockRollups(db: Q, kind: 'sqlite' | 'postgres'): Promise<void> {
    if (kind === 'postgres') {
      await sql`LOCK TABLE eval_rollup IN SHARE ROW EXCLUSIVE MODE`.execute(db);
    }
  },

  /** Ids of the cases with at least one event in [startMs, endMs), in id order. */
  async caseIdsWithEvents(db: Q, startMs: number, endMs: number): Promise<string[]> {
    const rows = await db
      .selectFrom('case_event')
      .select('case_id')
      .distinct()
      .where('at', '>=', startMs)
      .where('at', '<', endMs)
      .orderBy('case_id')
      .execute();
    return rows.map((r) => r.case_id);
  },

  /**
   * Those of `ids` whose report event still waits for the intake projector (its rollups are
   * not yet written; see the cases module's intake projections).
   */
  async pendingReports(db: Q, ids: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks(ids, 500)) {
      const rows = await db
        .selectFrom('case_projection_pending')
        .select('case_id')
        .where('case_id', 'in', part)
        .execute();
      rows.forEach((r) => out.add(r.case_id));
    }
    return out;
  },

  /** Ids of the cases a drill-down must look at (a superset of those it counts). */
  async candidateCaseIds(db: Q, f: CandidateFilter): Promise<string[]> {
    let q = db.selectFrom('case_file').select('case_file.id');
    if (f.anchor === 'report') {
      q = q.where('created_at', '>=', f.startMs).where('created_at', '<', f.endMs);
    } else if (f.anchor === 'actor') {
      q = q.where('case_file.id', 'in', (eb) =>
        eb
          .selectFrom('case_event')
          .select('case_id')
          .where('actor_id', '=', f.actorId ?? '')
          .where('at', '>=', f.startMs)
          .where('at', '<', f.endMs),
      );
    } else {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('case_event')
            .select('case_event.seq')
            .whereRef('case_event.case_id', '=', 'case_file.id')
            .where('case_event.at', '>=', f.startMs)
            .where('case_event.at', '<', f.endMs),
        ),
      );
    }
    if (f.scope) {
      q = q.where(scopeFilter(f.scope));
    }
    if (f.column) {
      q =
        f.column.value === null
          ? q.where(f.column.name, 'is', null)
          : q.where(f.column.name, '=', f.column.value);
    }
    if (f.gridCodes) {
      q = q.where('grid_code', 'in', f.gridCodes.length > 0 ? [...f.gridCodes] : ['']);
    }
    if (f.h3In) {
      q = q.where('h3', 'in', f.h3In.length > 0 ? [...f.h3In] : ['']);
    }
    if (f.unitId) {
      const unitId = f.unitId;
      q = q.where((eb) => eb.or([eb('unit_id', '=', unitId), eb('return_count', '>', 0)]));
    }
    const rows = await q.orderBy('case_file.id').execute();
    return rows.map((r) => r.id);
  },

  /** The never-changing attributes of cases, by id. */
  async caseStatics(db: Q, ids: readonly string[]): Promise<Map<string, CaseStatic>> {
    const out = new Map<string, CaseStatic>();
    for (const part of chunks(ids, 500)) {
      const rows = await db
        .selectFrom('case_file')
        .select([
          'id',
          'number',
          'source',
          'grid_code',
          'community_id',
          'street_id',
          'district_id',
          'city_id',
          'h3',
        ])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) {
        out.set(r.id, {
          id: r.id,
          number: r.number,
          source: r.source,
          gridCode: r.grid_code,
          communityId: r.community_id,
          streetId: r.street_id,
          districtId: r.district_id,
          cityId: r.city_id,
          h3: r.h3,
        });
      }
    }
    return out;
  },

  /** The events of cases, by case id, each list in seq order. */
  async caseEvents(db: Q, ids: readonly string[]): Promise<Map<string, FactEvent[]>> {
    const out = new Map<string, FactEvent[]>();
    for (const part of chunks(ids, 500)) {
      const rows = await db
        .selectFrom('case_event')
        .select([
          'case_id',
          'seq',
          'at',
          'actor_id',
          'actor_role',
          'action',
          'from_state',
          'to_state',
          'payload',
        ])
        .where('case_id', 'in', part)
        .orderBy('case_id')
        .orderBy('seq')
        .execute();
      for (const r of rows) {
        let list = out.get(r.case_id);
        if (!list) {
          list = [];
          out.set(r.case_id, list);
        }
        list.push(toFactEvent(r));
      }
    }
    return out;
  },

  /** Inspector → grid assignments (of the given inspectors, or all). */
  async inspectorGrids(
    db: Q,
    userIds?: readonly string[],
  ): Promise<{ userId: string; gridCode: string }[]> {
    let q = db.selectFrom('inspector_grid').select(['user_id', 'grid_code']);
    if (userIds) {
      q = q.where('user_id', 'in', userIds.length > 0 ? [...userIds] : ['']);
    }
    const rows = await q.orderBy('user_id').orderBy('grid_code').execute();
    return rows.map((r) => ({ userId: r.user_id, gridCode: r.grid_code }));
  },

  /** Display names of users by id. */
  async userNames(db: Q, ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks(ids, 500)) {
      const rows = await db
        .selectFrom('app_user')
        .select(['id', 'display_name'])
        .where('id', 'in', part)
        .execute();
      rows.forEach((r) => out.set(r.id, r.display_name));
    }
    return out;
  },

  /** Names of units by id. */
  async unitNames(db: Q, ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks(ids, 500)) {
      const rows = await db
        .selectFrom('org_unit')
        .select(['id', 'name'])
        .where('id', 'in', part)
        .execute();
      rows.forEach((r) => out.set(r.id, r.name));
    }
    return out;
  },

  getSetting: (db: Q, key: string) => settingsRepository.get(db, key),

  putSetting: (db: Q, key: string, value: string, at: number) =>
    settingsRepository.put(db, key, value, at),
};

/** A stored event row as the fact derivation reads it. */
export function toFactEvent(r: {
  seq: number;
  at: number;
  actor_id: string | null;
  actor_role: string;
  action: string;
  from_state: string | null;
  to_state: string;
  payload: string;
}): FactEvent {
  let payload: Record<string, unknown> = {};
  try {
    const p: unknown = JSON.parse(r.payload);
    if (p && typeof p === 'object' && !Array.isArray(p)) {
      payload = p as Record<string, unknown>;
    }
  } catch {
    // A payload that is not JSON says nothing the evaluation reads.
  }
  return {
    seq: Number(r.seq),
    at: Number(r.at),
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    payload,
  };
}
