import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type SqlBool,
} from 'kysely';
import { chunks } from '../../db/chunks';
import type { Database } from '../../db/database';
import { insertRow, runSql } from '../../db/run-sql';
import type { DbKind } from '../../db/db';
import type { ActorScope } from '../auth/actor';
import type { CaseEventRow, CaseRow, CaseUpdate, NewCaseEventRow, NewCaseRow } from './cases.table';

type Q = Kysely<Database>;

export interface CaseListFilter {
  states?: string[];
  matterCode?: string;
  majorCode?: string;
  regionId?: string;
  regionLevel?: 'district' | 'street' | 'community';
  gridCode?: string;
  unitId?: string;
  source?: string;
  /**
   * Overdue at `now`: the current stage's deadline passed (and the case is not hung), or the
   * stage or the handling was marked overdue. The same rule as the case's view.
   */
  overdue?: { is: boolean; now: number };
  from?: number;
  to?: number;
  tokens?: string[];
  parentCaseId?: string;
  gridCodes?: string[];
  sort: 'created_at' | 'updated_at' | 'stage_deadline_at' | 'number';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** The only SQL of the cases module. */
export const casesRepository = {
  findById(db: Q, id: string): Promise<CaseRow | undefined> {
    return db.selectFrom('case_file').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByNumber(db: Q, number: string): Promise<CaseRow | undefined> {
    return db.selectFrom('case_file').selectAll().where('number', '=', number).executeTakeFirst();
  },

  findByIdempotencyKey(db: Q, key: string): Promise<CaseRow | undefined> {
    return db
      .selectFrom('case_file')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  },

  /** The next number of a local day, atomically (insert-or-increment; SQL text, a hot path). */
  async nextSequence(db: Q, day: string): Promise<number> {
    const [r] = await runSql<{ last: number | string }>(
      db,
      'insert into case_counter (day, last) values (?, 1) on conflict (day) do update set last = case_counter.last + 1 returning last',
      [day],
    );
    return Number(r!.last);
  },

  async insertCase(db: Q, row: NewCaseRow): Promise<void> {
    await insertRow(db, 'case_file', row);
  },

  /** Updates a case only if its version is still `version`; returns whether it did. */
  async updateGuarded(db: Q, id: string, version: number, patch: CaseUpdate): Promise<boolean> {
    const r = await db
      .updateTable('case_file')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /**
   * The handling-stage overdue marks of a batch in one statement whose text never changes:
   * each case (if still at `version`) gets the stage and handling overdue flags, the next
   * version, and, when the mark wrote an event (`hash`), the chain's head, event count and
   * `at`. Returns how many cases were updated (fewer means one changed meanwhile).
   */
  async markOverdueRows(
    db: Q,
    kind: DbKind,
    marks: readonly { id: string; version: number; hash: string | null; at: number | null }[],
  ): Promise<number> {
    if (marks.length === 0) {
      return 0;
    }
    const json = JSON.stringify(
      marks.map((m) => ({ id: m.id, v: m.version, hash: m.hash, at: m.at })),
    );
    const source =
      kind === 'postgres'
        ? sql`jsonb_to_recordset(${json}::jsonb) as m(id text, v integer, hash text, at bigint)`
        : sql`(select value ->> 'id' as id, value ->> 'v' as v,
            value ->> 'hash' as hash, value ->> 'at' as at from json_each(${json})) as m`;
    const r = await sql`update case_file set
        stage_overdue = 1,
        handle_overdue = 1,
        version = case_file.version + 1,
        updated_at = coalesce(m.at, case_file.updated_at),
        event_count = case_file.event_count + case when m.hash is null then 0 else 1 end,
        last_hash = coalesce(m.hash, case_file.last_hash)
      from ${source}
      where case_file.id = m.id and case_file.version = m.v`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  },

  async insertEvent(db: Q, row: NewCaseEventRow): Promise<void> {
    await insertRow(db, 'case_event', row);
  },

  async insertEvents(db: Q, rows: readonly NewCaseEventRow[]): Promise<void> {
    for (const part of chunks(rows)) {
      await db.insertInto('case_event').values(part).execute();
    }
  },

  listEvents(db: Q, caseId: string): Promise<CaseEventRow[]> {
    return db
      .selectFrom('case_event')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
  },

  /**
   * Search tokens of many cases in one statement whose text never changes (the rows travel
   * as one JSON or two array parameters), so a shared commit's tokens cost one call.
   */
  async insertTokens(
    db: Q,
    kind: DbKind,
    rows: readonly { token: string; case_id: string }[],
  ): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    // In key order, each B-tree page is visited once per statement rather than once per row.
    rows = [...rows].sort((a, b) =>
      a.token < b.token ? -1 : a.token > b.token ? 1 : a.case_id < b.case_id ? -1 : 1,
    );
    if (kind === 'postgres') {
      await sql`insert into case_token (token, case_id)
        select * from unnest(${rows.map((r) => r.token)}::text[], ${rows.map((r) => r.case_id)}::text[])
        on conflict do nothing`.execute(db);
      return;
    }
    await sql`insert into case_token (token, case_id)
      select value ->> 0, value ->> 1 from json_each(${JSON.stringify(rows.map((r) => [r.token, r.case_id]))})
      where true on conflict do nothing`.execute(db);
  },

  /** Queues cases for the intake projector (in their intake's transaction). */
  async enqueueProjections(db: Q, caseIds: readonly string[]): Promise<void> {
    for (const part of chunks(caseIds)) {
      await db
        .insertInto('case_projection_pending')
        .values(part.map((case_id) => ({ case_id })))
        .execute();
    }
  },

  /** Whether any case waits for its intake projections. */
  async hasPendingProjections(db: Q): Promise<boolean> {
    const row = await db
      .selectFrom('case_projection_pending')
      .select('case_id')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /**
   * The oldest cases waiting for their intake projections, at most `limit`, taken for this
   * transaction (PostgreSQL: locked, skipping those another server is projecting).
   */
  async takePendingProjections(
    db: Q,
    kind: DbKind,
    pick: { limit: number; only?: readonly string[]; skip?: readonly string[] },
  ): Promise<string[]> {
    let q = db
      .selectFrom('case_projection_pending')
      .select('case_id')
      .orderBy('case_id')
      .limit(pick.limit);
    if (pick.only) {
      q = q.where('case_id', 'in', pick.only.length > 0 ? [...pick.only] : ['']);
    }
    if (pick.skip && pick.skip.length > 0) {
      q = q.where('case_id', 'not in', [...pick.skip]);
    }
    if (kind === 'postgres') {
      q = q.forUpdate().skipLocked();
    }
    return (await q.execute()).map((r) => r.case_id);
  },

  async deletePendingProjections(db: Q, caseIds: readonly string[]): Promise<void> {
    for (const part of chunks(caseIds)) {
      await db.deleteFrom('case_projection_pending').where('case_id', 'in', part).execute();
    }
  },

  /** Cases by id (in no particular order). */
  async findByIds(db: Q, ids: readonly string[]): Promise<CaseRow[]> {
    const out: CaseRow[] = [];
    for (const part of chunks(ids)) {
      out.push(...(await db.selectFrom('case_file').selectAll().where('id', 'in', part).execute()));
    }
    return out;
  },

  /** The report event (the first) of each case. */
  async reportEvents(db: Q, caseIds: readonly string[]): Promise<CaseEventRow[]> {
    const out: CaseEventRow[] = [];
    for (const part of chunks(caseIds)) {
      out.push(
        ...(await db
          .selectFrom('case_event')
          .selectAll()
          .where('case_id', 'in', part)
          .where('seq', '=', 1)
          .execute()),
      );
    }
    return out;
  },

  /**
   * Open cases reported before a case (`before`: its time and number), near it in time and
   * space, for duplicate detection: in the H3 cells around it (the index), inside the box,
   * since `since`; the 50 most recent.
   */
  findNearby(
    db: Q,
    near: {
      cells: readonly string[];
      box: { minLng: number; maxLng: number; minLat: number; maxLat: number };
      since: number;
      before: { at: number; number: string };
      excludeId: string;
    },
  ): Promise<
    { id: string; matter_code: string | null; lng: number; lat: number; created_at: number }[]
  > {
    // Every column read and tested here is in case_nearby_idx: the rows are not visited. The
    // projector runs it for every case, so it is plain SQL text (one per number of cells).
    const cells = near.cells.map(() => '?').join(', ');
    return runSql(
      db,
      `select id, matter_code, lng, lat, created_at from case_file
        where h3 in (${cells}) and created_at >= ?
          and lng >= ? and lng <= ? and lat >= ? and lat <= ?
          and id <> ? and (created_at < ? or (created_at = ? and number < ?))
          and state not in ('refused', 'voided', 'closed')
        order by created_at desc limit 50`,
      [
        ...near.cells,
        near.since,
        near.box.minLng,
        near.box.maxLng,
        near.box.minLat,
        near.box.maxLat,
        near.excludeId,
        near.before.at,
        near.before.at,
        near.before.number,
      ],
    );
  },

  /** Descriptions of cases by id (duplicate detection reads those it has not tokenized yet). */
  async descriptions(
    db: Q,
    ids: readonly string[],
  ): Promise<{ id: string; description: string }[]> {
    const out: { id: string; description: string }[] = [];
    for (const part of chunks(ids)) {
      out.push(
        ...(await db
          .selectFrom('case_file')
          .select(['id', 'description'])
          .where('id', 'in', part)
          .execute()),
      );
    }
    return out;
  },

  async insertDuplicates(
    db: Q,
    rows: { case_id: string; candidate_id: string; score: number; reason: string }[],
  ): Promise<void> {
    for (const part of chunks(rows)) {
      await db.insertInto('case_duplicate').values(part).execute();
    }
  },

  listDuplicates(db: Q, caseId: string) {
    return db
      .selectFrom('case_duplicate')
      .innerJoin('case_file', 'case_file.id', 'case_duplicate.candidate_id')
      .select([
        'case_duplicate.candidate_id',
        'case_duplicate.score',
        'case_duplicate.reason',
        'case_file.number',
        'case_file.state',
      ])
      .where('case_duplicate.case_id', '=', caseId)
      .orderBy('case_duplicate.score', 'desc')
      .execute();
  },

  openChildren(db: Q, parentId: string): Promise<CaseRow[]> {
    return db
      .selectFrom('case_file')
      .selectAll()
      .where('parent_case_id', '=', parentId)
      .where('state', 'not in', ['refused', 'voided', 'closed'])
      .orderBy('created_at')
      .execute();
  },

  /** Cases inside a scope matching the filter; `total` counts all matches. */
  async list(
    db: Q,
    scope: ActorScope,
    f: CaseListFilter,
  ): Promise<{ rows: CaseRow[]; total: number }> {
    let q = db.selectFrom('case_file');
    q = q.where(scopeFilter(scope));
    if (f.states?.length) {
      q = q.where('state', 'in', f.states);
    }
    if (f.matterCode) {
      q = q.where('matter_code', '=', f.matterCode);
    }
    if (f.majorCode) {
      q = q.where('major_code', '=', f.majorCode);
    }
    if (f.regionId && f.regionLevel) {
      const col =
        f.regionLevel === 'district'
          ? 'district_id'
          : f.regionLevel === 'street'
            ? 'street_id'
            : 'community_id';
      q = q.where(col, '=', f.regionId);
    }
    if (f.gridCode) {
      q = q.where('grid_code', '=', f.gridCode);
    }
    if (f.gridCodes) {
      q = q.where('grid_code', 'in', f.gridCodes.length ? f.gridCodes : ['']);
    }
    if (f.unitId) {
      q = q.where('unit_id', '=', f.unitId);
    }
    if (f.source) {
      q = q.where('source', '=', f.source);
    }
    if (f.parentCaseId) {
      q = q.where('parent_case_id', '=', f.parentCaseId);
    }
    if (f.overdue !== undefined) {
      const now = f.overdue.now;
      const overdue = (eb: ExpressionBuilder<Database, 'case_file'>) =>
        eb.or([
          eb('stage_overdue', '=', 1),
          eb('handle_overdue', '=', 1),
          eb.and([
            eb('stage_deadline_at', 'is not', null),
            eb('stage_deadline_at', '<', now),
            eb('state', '!=', 'hung'),
          ]),
        ]);
      q = f.overdue.is ? q.where(overdue) : q.where((eb) => eb.not(overdue(eb)));
    }
    if (f.from !== undefined) {
      q = q.where('created_at', '>=', f.from);
    }
    if (f.to !== undefined) {
      q = q.where('created_at', '<', f.to);
    }
    for (const token of f.tokens ?? []) {
      q = q.where('id', 'in', (eb) =>
        eb.selectFrom('case_token').select('case_id').where('token', '=', token),
      );
    }
    const totalRow = await q
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .orderBy(f.sort, f.order)
      .orderBy('id', f.order)
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { rows, total: Number(totalRow.n) };
  },

  /** The overdue sweep's watermark (see CaseSweepTable); on PostgreSQL locked with `lock`. */
  async sweepWatermark(
    db: Q,
    lock: boolean,
  ): Promise<{ deadline: number; caseId: string; at: number } | null> {
    const q = db
      .selectFrom('case_sweep')
      .select(['deadline_at', 'case_id', 'at'])
      .where('name', '=', 'overdue');
    const r = await (lock ? q.forUpdate() : q).executeTakeFirst();
    return r ? { deadline: Number(r.deadline_at), caseId: r.case_id, at: Number(r.at) } : null;
  },

  async setSweepWatermark(
    db: Q,
    w: { deadline: number; caseId: string },
    at: number,
  ): Promise<void> {
    await db
      .insertInto('case_sweep')
      .values({ name: 'overdue', deadline_at: w.deadline, case_id: w.caseId, at })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({ deadline_at: w.deadline, case_id: w.caseId, at }),
      )
      .execute();
  },

  /**
   * Stage deadlines after the watermark `after` that passed before `now`, in (deadline, id)
   * order, up to `limit`: read from the index alone (case_due_idx holds every column here).
   * Terminal cases and those awaiting closure have no stage deadline and are not in it.
   */
  dueAfter(
    db: Q,
    after: { deadline: number; caseId: string } | null,
    now: number,
    limit: number,
  ): Promise<
    {
      id: string;
      state: string;
      stage: string | null;
      unit_id: string | null;
      stage_deadline_at: number;
    }[]
  > {
    let q = db
      .selectFrom('case_file')
      .select(['stage_deadline_at', 'id', 'state', 'stage', 'unit_id'])
      .where('stage_deadline_at', 'is not', null)
      .where('stage_deadline_at', '<', now);
    if (after) {
      q = q.where(sql<boolean>`(stage_deadline_at, id) > (${after.deadline}, ${after.caseId})`);
    }
    return q
      .orderBy('stage_deadline_at')
      .orderBy('id')
      .limit(limit)
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, stage_deadline_at: Number(r.stage_deadline_at) })));
  },

  /** What the live bus carries of each case of `ids` (the sweep's marks, which read no row). */
  async liveColumns(db: Q, ids: readonly string[]) {
    const out = [];
    for (const part of chunks(ids, 500)) {
      out.push(
        ...(await db
          .selectFrom('case_file')
          .select([
            'id',
            'number',
            'state',
            'unit_id',
            'street_id',
            'district_id',
            'city_id',
            'grid_code',
            'lng',
            'lat',
          ])
          .where('id', 'in', part)
          .execute()),
      );
    }
    return out;
  },

  /** Whole rows of `ids`; on PostgreSQL with `lock` locked for the caller's transaction. */
  rowsForUpdate(db: Q, ids: readonly string[], lock: boolean): Promise<CaseRow[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    const q = db
      .selectFrom('case_file')
      .selectAll()
      .where('id', 'in', [...ids])
      .orderBy('id');
    return (lock ? q.forUpdate() : q).execute();
  },

  /**
   * A case's overdue marks among the given deadlines: point look-ups on the notices' key, which
   * is led by the deadline (a case's marks are found from the deadlines its history names).
   */
  async overdueMarks(
    db: Q,
    caseId: string,
    deadlines: readonly number[],
  ): Promise<{ id: string; stage: string | null; deadline_at: number; at: number }[]> {
    if (deadlines.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom('case_notice')
      .select(['id', 'stage', 'deadline_at', 'at'])
      .where('deadline_at', 'in', [...new Set(deadlines)])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'overdue')
      .execute();
    return rows.map((r) => ({ ...r, deadline_at: Number(r.deadline_at), at: Number(r.at) }));
  },

  /** Inserts notices, skipping those already given; returns the case ids of the new ones. */
  async insertNotices(
    db: Q,
    rows: readonly Insertable<Database['case_notice']>[],
  ): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks(rows)) {
      const r = await db
        .insertInto('case_notice')
        .values(part)
        .onConflict((oc) => oc.doNothing())
        .returning('case_id')
        .execute();
      for (const x of r) {
        out.add(x.case_id);
      }
    }
    return out;
  },

  listNotices(db: Q, filter: { unitId: string; limit: number }) {
    return db
      .selectFrom('case_notice')
      .selectAll()
      .where('unit_id', '=', filter.unitId)
      .orderBy('at', 'desc')
      .limit(filter.limit)
      .execute();
  },

  /** Every case id with its events, for the audit (streamed in pages by id). */
  caseIdsAfter(db: Q, afterId: string, limit: number): Promise<{ id: string }[]> {
    return db
      .selectFrom('case_file')
      .select('id')
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  },
};

/** Jurisdiction as a WHERE clause: every case query of a user goes through this. */
export function scopeFilter(scope: ActorScope) {
  return (eb: ExpressionBuilder<Database, 'case_file'>): Expression<SqlBool> => {
    switch (scope.level) {
      case 'city':
        return scope.regionId ? eb('city_id', '=', scope.regionId) : eb.lit(true);
      case 'district':
        return eb('district_id', '=', scope.regionId ?? '');
      case 'street':
        return eb('street_id', '=', scope.regionId ?? '');
      case 'unit':
        return eb('unit_id', '=', scope.unitId ?? '');
    }
  };
}
