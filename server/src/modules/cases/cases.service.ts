import type { AreaClass, Role } from '@common/roles';
import type { CaseAction, CaseSource, CaseState } from '@common/workflow';
import { latLngToCell } from 'h3-js';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import type { Database } from '../../db/database';
import { createGroupCommit } from '../../db/group-commit';
import { appError } from '../../lib/app-error';
import { DomainError } from '../../lib/errors';
import { uuidv7 } from '../../lib/ids';
import type { Actor } from '../auth/actor';
import { toLocalTime, type PauseInterval } from '../clock';
import { decide, findTransition, initialState, type TransitionPayload } from '../workflow';
import { stepClock, type CaseClock, type Limit } from './case-clock';
import type { CaseEventChange } from './case-event-hooks';
import { casesRepository as repo, type CaseListFilter } from './cases.repository';
import {
  actingRoleFor,
  actionsFor,
  canReadCase,
  denyCaseAction,
  type CaseFacts,
  type CaseSubject,
} from './cases.policy';
import type {
  CaseActionHook,
  CasePorts,
  LocatedPoint,
  MatterLimit,
  ResolvedMatter,
} from './cases.ports';
import {
  markDeadlines,
  presentCase,
  presentEvent,
  stagePasses,
  withOverdueMarks,
  type CaseView,
} from './cases.presenter';
import type { ActionBody, CreateCaseBody, ListCasesQuery } from './cases.schema';
import {
  CASE_H3_RESOLUTION,
  type CaseRow,
  type CaseUpdate,
  type NewCaseEventRow,
} from './cases.table';
import { eventHash, GENESIS_HASH } from './event-hash';
import { createIntakeProjections } from './intake-projections';
import { queryTokens } from './search-tokens';

/** Who wrote an event: a user in a role, or the platform itself. */
export interface EventActor {
  id: string | null;
  name: string;
  role: Role | 'system' | 'public';
}

const SYSTEM: EventActor = { id: null, name: 'system', role: 'system' };

/** Sources a user of each role may report under. */
const SOURCES_BY_ROLE: Partial<Record<Role, readonly CaseSource[]>> = {
  inspector: ['inspector'],
  intake_clerk: ['hotline', 'public', 'sensor', 'import'],
  shift_leader: ['hotline', 'public', 'sensor', 'import'],
};

export type CasesService = ReturnType<typeof createCasesService>;

const subjectOf = (r: CaseRow): CaseSubject => ({
  state: r.state as CaseState,
  unitId: r.unit_id,
  parentCaseId: r.parent_case_id,
  cityId: r.city_id,
  districtId: r.district_id,
  streetId: r.street_id,
  communityId: r.community_id,
});

const clockOf = (r: CaseRow): CaseClock => ({
  stage: r.stage as CaseClock['stage'],
  stageStartedAt: r.stage_started_at,
  stageDeadlineAt: r.stage_deadline_at,
  stageLimit: r.stage_limit ? (JSON.parse(r.stage_limit) as Limit) : null,
  stageOverdue: r.stage_overdue === 1,
  handleStartedAt: r.handle_started_at,
  handleDeadlineAt: r.handle_deadline_at,
  handleLimit: r.handle_limit ? (JSON.parse(r.handle_limit) as Limit) : null,
  handleOverdue: r.handle_overdue === 1,
  pauses: JSON.parse(r.pauses) as CaseClock['pauses'],
});

const clockColumns = (c: CaseClock) => ({
  stage: c.stage,
  stage_started_at: c.stageStartedAt,
  stage_deadline_at: c.stageDeadlineAt,
  stage_limit: c.stageLimit ? JSON.stringify(c.stageLimit) : null,
  stage_overdue: c.stageOverdue ? 1 : 0,
  handle_started_at: c.handleStartedAt,
  handle_deadline_at: c.handleDeadlineAt,
  handle_limit: c.handleLimit ? JSON.stringify(c.handleLimit) : null,
  handle_overdue: c.handleOverdue ? 1 : 0,
  pauses: JSON.stringify(c.pauses),
});

/** Strips undefined and empty values so the stored payload says only what was given. */
function compactPayload(p: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(p).filter(
      ([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

/**
 * Cases: intake, commands through the workflow table, queries within the caller's
 * jurisdiction, the hash-chained event log, and the overdue sweep.
 */
export function createCasesService(ctx: AppContext, ports: CasePorts) {
  const db = ctx.store.db;
  const now = () => ctx.clock.now();
  /** Overlay hooks of `act` (see CaseActionHook), registered at wiring time. */
  const hooks: CaseActionHook[] = [];
  /**
   * What intake leaves for later: search tokens, duplicate candidates and the rollups of the
   * report event, written in batches behind the intake (reads that need them catch up first).
   */
  const projections = createIntakeProjections({
    db,
    kind: ctx.store.kind,
    onEvent: ports.onEvent,
    log: ctx.log,
  });
  /**
   * Intake's transaction: concurrent intakes share a commit (group commit, each in its own
   * savepoint): same rows, events and rules, and each answer still waits for its commit. The
   * cases of a shared commit join the projections' queue in one statement. On PostgreSQL this
   * also means one WAL flush per batch, and one transaction at a time on the day's counter row.
   */
  const groupCommit = createGroupCommit<string>(db, {
    flush: async (trx, caseIds) => {
      await repo.enqueueProjections(trx, caseIds);
    },
  });
  const intakeTransaction = async <T>(
    work: (trx: Kysely<Database>, enqueue: (caseId: string) => void) => Promise<T>,
  ): Promise<T> => {
    const out = await groupCommit.run(work);
    projections.notify();
    return out;
  };

  async function facts(actor: Actor, row: CaseRow, known?: readonly string[]): Promise<CaseFacts> {
    const inspectors = known ?? (await ports.inspectorsOfGrid(row.grid_code));
    return {
      gridHasInspectors: inspectors.length > 0,
      assignedToGrid: inspectors.includes(actor.userId),
    };
  }

  /** The case, or CASE_NOT_FOUND when it does not exist or lies outside the jurisdiction. */
  async function findVisible(actor: Actor, id: string, q: Kysely<Database> = db): Promise<CaseRow> {
    const row = await repo.findById(q, id);
    if (!row || !canReadCase(actor, subjectOf(row))) {
      throw appError('CASE_NOT_FOUND', `No case ${id}`);
    }
    return row;
  }

  /** The case as the actor sees it; `inspectors` of its grid when the caller knows them. */
  async function view(
    actor: Actor | null,
    row: CaseRow,
    inspectors?: readonly string[],
  ): Promise<CaseView> {
    const available = actor
      ? actionsFor(actor, subjectOf(row), await facts(actor, row, inspectors))
      : [];
    return presentCase(row, {
      actor,
      availableActions: available,
      calendar: ports.calendar(),
      now: now(),
    });
  }

  /**
   * The next event of a case and the projection update that goes with it (state, version,
   * event count and the hash chain's head), built, not written.
   */
  function nextEvent(
    row: CaseRow,
    e: {
      actor: EventActor;
      action: string;
      to: string;
      payload: Record<string, unknown>;
      attachmentIds: string[];
    },
    patch: CaseUpdate,
    at: number,
  ): { event: NewCaseEventRow; update: CaseUpdate } {
    const base = {
      id: uuidv7(at),
      case_id: row.id,
      seq: row.event_count + 1,
      at,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      actor_role: e.actor.role,
      action: e.action,
      from_state: row.state,
      to_state: e.to,
      payload: JSON.stringify(withStageDeadline(e.payload, row, e.to)),
      attachment_ids: JSON.stringify(e.attachmentIds),
      prev_hash: row.last_hash,
    };
    const event = { ...base, hash: eventHash(base) };
    // `state` only when it changes: SQLite rewrites the entries of every index on a column
    // the UPDATE sets, changed or not (three indexes hold the state).
    const update: CaseUpdate = {
      ...patch,
      ...(e.to !== row.state ? { state: e.to } : {}),
      version: row.version + 1,
      updated_at: at,
      event_count: row.event_count + 1,
      last_hash: event.hash,
    };
    return { event, update };
  }

  const versionConflict = (row: CaseRow) =>
    appError(
      'CASE_VERSION_CONFLICT',
      'The case was changed by someone else; reload it and try again',
      {
        version: row.version,
      },
    );

  /** Appends one event and applies the projection patch, guarded by the version, in `trx`. */
  async function appendEvent(
    trx: Kysely<Database>,
    row: CaseRow,
    e: Parameters<typeof nextEvent>[1],
    patch: CaseUpdate,
  ): Promise<NewCaseEventRow> {
    const { event, update } = nextEvent(row, e, patch, now());
    // Update first: on PostgreSQL the guarded UPDATE takes the row lock, so a concurrent
    // command waits, then finds the version moved and gets a clean 409.
    if (!(await repo.updateGuarded(trx, row.id, row.version, update))) {
      throw versionConflict(row);
    }
    await repo.insertEvent(trx, event);
    await ports.onEvent(trx, [{ before: row, event, after: { ...row, ...update } }]);
    return event;
  }

  /** On PostgreSQL the sweep locks the watermark and the rows it writes. */
  const lockRows = ctx.store.kind === 'postgres';

  /** The overdue notice (the mark) of a case's current stage deadline. */
  const overdueNotice = (
    c: Pick<CaseRow, 'id' | 'stage' | 'unit_id' | 'stage_deadline_at'>,
    at: number,
  ) => ({
    id: uuidv7(at),
    case_id: c.id,
    kind: 'overdue' as const,
    stage: c.stage,
    unit_id: c.stage === 'handle' || c.stage === 'acknowledge' ? c.unit_id : null,
    deadline_at: c.stage_deadline_at,
    at,
    read_at: null,
    note: null,
  });

  /** True when a case's current stage deadline has passed and its clock runs. */
  const passed = (
    c: Pick<CaseRow, 'state' | 'stage' | 'stage_deadline_at'>,
    at: number,
  ): c is typeof c & { stage_deadline_at: number } =>
    c.stage !== null &&
    c.stage_deadline_at !== null &&
    c.stage_deadline_at < at &&
    c.state !== 'hung';

  /**
   * Marks the handling stage of `rows` (read in the caller's transaction, locked on
   * PostgreSQL) whose deadline passed: the notice, the stage and handling flags, and one
   * hash-chained `overdue` event each (evaluation and closure read them), then one call of the
   * event hooks. A deadline noticed before only gets its flags back. Returns the events.
   */
  async function markHandling(
    trx: Kysely<Database>,
    rows: readonly CaseRow[],
    at: number,
  ): Promise<CaseEventChange[]> {
    const due = rows.filter((r) => r.stage === 'handle' && passed(r, at));
    const noticed = await repo.insertNotices(
      trx,
      due.map((r) => overdueNotice(r, at)),
    );
    const changes: CaseEventChange[] = [];
    const marks: Parameters<typeof repo.markOverdueRows>[2][number][] = [];
    for (const row of due) {
      if (!noticed.has(row.id)) {
        if (row.stage_overdue === 0 || row.handle_overdue === 0) {
          marks.push({ id: row.id, version: row.version, hash: null, at: null });
        }
        continue;
      }
      const { event, update } = nextEvent(
        row,
        {
          actor: SYSTEM,
          action: 'overdue',
          to: row.state,
          payload: { stage: row.stage, deadline: new Date(row.stage_deadline_at!).toISOString() },
          attachmentIds: [],
        },
        { stage_overdue: 1, handle_overdue: 1 },
        at,
      );
      marks.push({ id: row.id, version: row.version, hash: event.hash, at });
      changes.push({ before: row, event, after: { ...row, ...update } });
    }
    // The rows were read (and on PostgreSQL locked) in this transaction: none can have moved.
    if ((await repo.markOverdueRows(trx, ctx.store.kind, marks)) !== marks.length) {
      throw appError('CASE_VERSION_CONFLICT', 'A case changed while it was marked overdue');
    }
    await repo.insertEvents(
      trx,
      changes.map((c) => c.event),
    );
    await ports.onEvent(trx, changes);
    return changes;
  }

  /**
   * After a command, in its transaction: a case left with a stage deadline that has already
   * passed (an extension granted short, a resume of a case hung after its deadline, a
   * handling stage entered after the handling deadline) is marked now, because the sweep's
   * watermark may be past that deadline. A no-op when the mark exists. True when the case row
   * may have changed.
   */
  async function markIfPassed(trx: Kysely<Database>, row: CaseRow, at: number): Promise<boolean> {
    if (!passed(row, at)) {
      return false;
    }
    if (row.stage === 'handle') {
      await markHandling(trx, [row], at);
      return true;
    }
    await repo.insertNotices(trx, [overdueNotice(row, at)]);
    return false;
  }

  /**
   * Where the sweep starts: after the watermark, or from the first deadline when the clock
   * reads earlier than the sweep that set it (a clock set back: tests, the demo's history, a
   * host clock stepped back), since deadlines set since then may lie below it. The notices
   * keep a second mark out.
   */
  const watermark = <W extends { at: number }>(w: W | null, at: number): W | null =>
    w && w.at <= at ? w : null;

  /**
   * One batch of the overdue sweep, in one transaction (docs/OVERDUE-MARKS.md): the stage
   * deadlines after the watermark that passed before `at` (up to `limit`, read from the index
   * alone) get their mark, and the watermark moves past them.
   * - Any stage but handling: the mark is its notice alone, one row appended in deadline
   *   order. The case row is not touched: its overdue flag is derived when read (the deadline
   *   passed and the case is not hung) and its timeline shows the notice as an `overdue` entry.
   * - Handling (what evaluation and closure read): `markHandling`, as every mark was before.
   * Hung cases are passed over (their clock stands still; resuming sets a new deadline, and a
   * command that leaves a passed deadline marks it itself, see `markIfPassed`).
   */
  async function sweepBatch(
    limit: number,
    at: number,
  ): Promise<{ events: CaseEventChange[]; notices: string[]; scanned: number }> {
    return db.transaction().execute(async (trx) => {
      const due = await dueDeadlines(trx, at, limit, lockRows);
      if (due.length === 0) {
        return { events: [], notices: [], scanned: 0 };
      }
      const marked = await markDue(trx, due, at);
      const last = due[due.length - 1]!;
      await repo.setSweepWatermark(trx, { deadline: last.stage_deadline_at, caseId: last.id }, at);
      return { ...marked, scanned: due.length };
    });
  }

  /** The passed deadlines after the watermark, up to `limit` (its row locked with `lock`). */
  async function dueDeadlines(q: Kysely<Database>, at: number, limit: number, lock: boolean) {
    return repo.dueAfter(q, watermark(await repo.sweepWatermark(q, lock), at), at, limit);
  }

  /** Marks `due` in `trx`: a notice for a stage other than handling, `markHandling` for it. */
  async function markDue(
    trx: Kysely<Database>,
    due: Awaited<ReturnType<typeof dueDeadlines>>,
    at: number,
  ): Promise<{ events: CaseEventChange[]; notices: string[] }> {
    const open = due.filter((d) => passed(d, at));
    const noticed = await repo.insertNotices(
      trx,
      open.filter((d) => d.stage !== 'handle').map((d) => overdueNotice(d, at)),
    );
    const handling = open.filter((d) => d.stage === 'handle').map((d) => d.id);
    const events = await markHandling(trx, await repo.rowsForUpdate(trx, handling, lockRows), at);
    return { events, notices: [...noticed] };
  }

  /**
   * `sweepBatch` one case per transaction, after the batch failed. The watermark moves past
   * the cases marked and stops before the first that failed, so the next sweep tries it again
   * (logged each time; those after it are marked once, their notices keep a second mark out).
   */
  async function sweepOneByOne(limit: number, at: number) {
    const due = await dueDeadlines(db, at, limit, false);
    const out = {
      events: [] as CaseEventChange[],
      notices: [] as string[],
      scanned: due.length,
      failed: 0,
    };
    let reached: (typeof due)[number] | null = null;
    for (const d of due) {
      try {
        const r = await db.transaction().execute((trx) => markDue(trx, [d], at));
        out.events.push(...r.events);
        out.notices.push(...r.notices);
        if (out.failed === 0) {
          reached = d;
        }
      } catch (err) {
        out.failed++;
        ctx.log.warn({ err, caseId: d.id }, 'overdue sweep: case skipped');
      }
    }
    if (reached) {
      await repo.setSweepWatermark(
        db,
        { deadline: reached.stage_deadline_at, caseId: reached.id },
        at,
      );
    }
    return out;
  }

  /** Pushes a case event (or an overdue mark: `seq` null) to the live consoles. */
  function publish(
    row: Pick<
      CaseRow,
      'id' | 'number' | 'street_id' | 'district_id' | 'city_id' | 'grid_code' | 'lng' | 'lat'
    >,
    e: Pick<NewCaseEventRow, 'action' | 'from_state' | 'to_state' | 'at' | 'actor_role'> & {
      seq: number | null;
    },
    unitId: string | null,
  ) {
    ports.publish({
      caseId: row.id,
      number: row.number,
      seq: e.seq,
      action: e.action,
      fromState: e.from_state ?? null,
      toState: e.to_state,
      at: e.at,
      actorRole: e.actor_role,
      streetId: row.street_id,
      districtId: row.district_id,
      cityId: row.city_id,
      unitId,
      gridCode: row.grid_code,
      lng: row.lng,
      lat: row.lat,
    });
  }

  function localDay(ms: number): string {
    return toLocalTime(ports.calendar().timeZone, ms).date.replaceAll('-', '');
  }

  /**
   * The checks of intake, before anything is written: the actor's role may report from the
   * source, the place lies in a grid and in the actor's jurisdiction, the matter code
   * resolves, the attachments are usable.
   */
  async function prepareIntake(
    actor: Actor | null,
    body: CreateCaseBody,
  ): Promise<{
    role: Role | 'public';
    lng: number;
    lat: number;
    place: LocatedPoint;
    matter: ResolvedMatter | null;
    limit: MatterLimit | null;
    attachmentIds: string[];
  }> {
    let role: Role | 'public' = 'public';
    if (actor) {
      const r = actor.roles.find((x) => SOURCES_BY_ROLE[x]?.includes(body.source));
      if (!r) {
        throw appError(
          'CASE_SOURCE_FORBIDDEN',
          `Your roles may not report cases from source ${body.source}`,
          [{ path: 'body.source', message: 'not allowed for your role' }],
        );
      }
      role = r;
    }
    const [lng, lat] =
      body.crs === 'gcj02' ? ports.gcj02ToWgs84(body.lng, body.lat) : [body.lng, body.lat];
    const place = ports.locate(lng, lat);
    if (!place) {
      throw appError(
        'CASE_LOCATION_OUTSIDE_GRIDS',
        'The location lies outside every unit grid of the city',
        [
          { path: 'body.lng', message: 'outside every unit grid' },
          { path: 'body.lat', message: 'outside every unit grid' },
        ],
      );
    }
    if (
      actor &&
      !canReadCase(actor, {
        ...place,
        state: 'reported',
        unitId: null,
        parentCaseId: null,
        communityId: place.communityId,
      })
    ) {
      throw appError('AUTH_OUT_OF_SCOPE', 'The location lies outside your jurisdiction');
    }
    const matter = body.matterCode
      ? await ports.resolveMatter(body.matterCode, body.legacyKind)
      : null;
    const limit = matter
      ? await ports.handleLimit(matter.code, body.conditionId ?? null, place.areaClass)
      : null;
    const attachmentIds = [...new Set(body.attachmentIds ?? [])];
    await ports.assertAttachments(attachmentIds, actor);
    return { role, lng, lat, place, matter, limit, attachmentIds };
  }

  /**
   * Intake from any channel: validates the place and matter, resolves the grid and region
   * chain, starts the right state and stage clock, records the first event, and finds
   * duplicate candidates. An idempotency key that was seen before returns that case.
   * @throws CASE_LOCATION_OUTSIDE_GRIDS, CASE_SOURCE_FORBIDDEN, CATALOG_CODE_*, ATTACHMENT_NOT_FOUND
   */
  async function intake(
    actor: Actor | null,
    body: CreateCaseBody,
    opts: {
      idempotencyKey?: string;
      reporterActor?: EventActor;
      /**
       * Runs in the intake transaction once the case row is written (an overlay's own row,
       * e.g. the hotline order): it commits or rolls back with the case. Use only `trx`.
       */
      inTransaction?: (trx: Kysely<Database>, row: CaseRow) => Promise<void>;
    } = {},
  ): Promise<{ view: CaseView; created: boolean; row: CaseRow }> {
    const key =
      opts.idempotencyKey ?? (body.externalId ? `${body.source}:${body.externalId}` : undefined);
    if (key) {
      const existing = await repo.findByIdempotencyKey(db, key);
      if (existing) {
        return { view: await view(actor, existing), created: false, row: existing };
      }
    }
    const { role, lng, lat, place, matter, limit, attachmentIds } = await prepareIntake(
      actor,
      body,
    );

    const inspectors = await ports.inspectorsOfGrid(place.gridCode);
    const state = initialState(body.source, { gridHasInspector: inspectors.length > 0 });
    const at = now();
    const urgency = body.urgency === 'urgent' || limit?.urgent ? 'urgent' : 'normal';
    const clock = stepClock(
      {
        stage: null,
        stageStartedAt: null,
        stageDeadlineAt: null,
        stageLimit: null,
        stageOverdue: false,
        handleStartedAt: null,
        handleDeadlineAt: null,
        handleLimit: null,
        handleOverdue: false,
        pauses: [],
      },
      {
        from: 'reported',
        to: state,
        action: 'report',
        now: at,
        calendar: ports.calendar(),
        stageLimit: (stage) => ports.stageLimit(stage, urgency, place.areaClass),
        handleLimit: null,
      },
    );
    const id = uuidv7(at);
    const actorE: EventActor =
      opts.reporterActor ??
      (actor
        ? { id: actor.userId, name: actor.displayName, role }
        : { id: null, name: 'public', role: 'public' });
    const anonymous = body.reporter?.anonymous ?? false;
    const payload = compactPayload({
      source: body.source,
      matterCode: matter?.code,
      originalCode: matter?.original ?? undefined,
      description: body.description,
      address: body.address,
      lng,
      lat,
      gridCode: place.gridCode,
      urgency,
      anonymous: anonymous || undefined,
    });

    try {
      const { row, event } = await intakeTransaction(async (trx, enqueue) => {
        const seq = await repo.nextSequence(trx, localDay(at));
        const number = `${localDay(at)}${String(seq).padStart(5, '0')}`;
        const base = {
          id: uuidv7(at),
          case_id: id,
          seq: 1,
          at,
          actor_id: actorE.id,
          actor_name: actorE.name,
          actor_role: actorE.role,
          action: 'report',
          from_state: null,
          to_state: state,
          payload: JSON.stringify(payload),
          attachment_ids: JSON.stringify(attachmentIds),
          prev_hash: GENESIS_HASH,
        };
        const event: NewCaseEventRow = { ...base, hash: eventHash(base) };
        // The row exactly as stored (every column given), so it need not be read back.
        const created: CaseRow = {
          id,
          number,
          source: body.source,
          idempotency_key: key ?? null,
          state,
          version: 1,
          matter_code: matter?.code ?? null,
          matter_original_code: matter?.original ?? null,
          major_code: matter ? matter.code.slice(0, 2) : null,
          condition_id: limit?.conditionId ?? body.conditionId ?? null,
          urgency,
          description: body.description,
          address: body.address ?? null,
          lng,
          lat,
          h3: latLngToCell(lat, lng, CASE_H3_RESOLUTION),
          grid_code: place.gridCode,
          community_id: place.communityId,
          street_id: place.streetId,
          district_id: place.districtId,
          city_id: place.cityId,
          area_class: place.areaClass,
          reporter_name: body.reporter?.name ?? null,
          reporter_phone: body.reporter?.phone ?? null,
          anonymous: anonymous ? 1 : 0,
          reported_by: actor?.userId ?? null,
          unit_id: null,
          proposed_unit_id: null,
          routing_reason: null,
          ...clockColumns(clock),
          handle_limit: limit ? JSON.stringify({ amount: limit.amount, unit: limit.unit }) : null,
          pauses: '[]',
          rework_count: 0,
          return_count: 0,
          extension_count: 0,
          hang_count: 0,
          supervise_count: 0,
          remind_count: 0,
          parent_case_id: null,
          disposal_mode: null,
          void_reason: null,
          created_at: at,
          updated_at: at,
          registered_at: null,
          dispatched_at: null,
          handled_at: null,
          closed_at: null,
          close_kind: null,
          event_count: 1,
          last_hash: event.hash,
        };
        await repo.insertCase(trx, created);
        await repo.insertEvent(trx, event);
        await ports.bindAttachments(trx, attachmentIds, id, 'report');
        enqueue(id);
        await opts.inTransaction?.(trx, created);
        return { row: created, event };
      });
      publish(row, event, null);
      return { view: await view(actor, row, inspectors), created: true, row };
    } catch (err) {
      // A concurrent retry with the same key won the race: answer with its case.
      if (key && !(err instanceof DomainError)) {
        const existing = await repo.findByIdempotencyKey(db, key);
        if (existing) {
          return { view: await view(actor, existing), created: false, row: existing };
        }
      }
      throw err;
    }
  }

  /**
   * Runs a workflow action on a case: policy, transition table, payload checks, clock, one
   * event and the projection in one transaction guarded by the version.
   * @throws CASE_NOT_FOUND, CASE_VERSION_CONFLICT (409), CASE_ACTION_NOT_ALLOWED (422),
   *   CASE_ROLE_FORBIDDEN (403), CASE_REQUIREMENT_MISSING (422), CASE_UNIT_INVALID,
   *   CASE_DEADLINE_INVALID, CASE_PARENT_INVALID, CASE_MERGED
   */
  async function act(actor: Actor, id: string, body: ActionBody): Promise<CaseView> {
    const at = now();
    // Resolve inputs that need I/O before the transaction (catalog, attachments).
    const matter = body.matterCode
      ? await ports.resolveMatter(body.matterCode, body.legacyKind)
      : null;
    const attachmentIds = [...new Set(body.attachmentIds ?? [])];
    await ports.assertAttachments(attachmentIds, actor);
    if (body.targetUnitId && !(await ports.unitExists(body.targetUnitId))) {
      throw appError('CASE_UNIT_INVALID', `No handling unit ${body.targetUnitId}`, [
        { path: 'body.targetUnitId', message: 'unknown unit' },
      ]);
    }
    const deadline = body.deadline ? Date.parse(body.deadline) : undefined;
    if (deadline !== undefined && deadline <= at) {
      throw appError('CASE_DEADLINE_INVALID', 'The new deadline must lie in the future', [
        { path: 'body.deadline', message: 'must be in the future' },
      ]);
    }

    const pre = await findVisible(actor, id);
    const preFacts = await facts(actor, pre);
    // Catalog look-ups read the store: do them before the transaction (on SQLite the
    // transaction holds the only connection). The version check below makes them safe.
    const areaClass = pre.area_class as AreaClass;
    const newLimit = matter
      ? await ports.handleLimit(matter.code, body.conditionId ?? null, areaClass)
      : null;
    const conditionId = body.conditionId ?? newLimit?.conditionId;
    const photoLimit = pre.matter_code
      ? await ports.handleLimit(pre.matter_code, pre.condition_id, areaClass)
      : null;
    const { row, event, children } = await db.transaction().execute(async (trx) => {
      const row = await findVisible(actor, id, trx);
      if (row.version !== body.version || row.version !== pre.version) {
        throw appError(
          'CASE_VERSION_CONFLICT',
          `The case is at version ${row.version}, not ${body.version}; reload it`,
          {
            version: row.version,
          },
        );
      }
      const state = row.state as CaseState;
      const subject = subjectOf(row);
      const role = actingRoleFor(actor, subject, body.action, preFacts);
      if (!role) {
        // Say why: not possible in this state (422), not for your roles (403), or the policy.
        const rule = findTransition(state, body.action);
        if (!rule) {
          throw appError(
            'CASE_ACTION_NOT_ALLOWED',
            `A case in state ${state} cannot be ${body.action}`,
            { state, action: body.action },
          );
        }
        const tableRole = actor.roles.find((r) => (rule.roles as readonly Role[]).includes(r));
        const denial = tableRole
          ? denyCaseAction(actor, subject, body.action, tableRole, preFacts)
          : null;
        throw appError(
          denial?.code ?? 'CASE_ROLE_FORBIDDEN',
          denial?.message ?? `Your roles may not ${body.action} a case in state ${state}`,
          {
            state,
            action: body.action,
          },
        );
      }

      const payload: TransitionPayload = {
        reason: body.reason,
        note: body.note,
        attachmentIds,
        deadline,
        targetUnitId: body.targetUnitId,
        matterCode: matter?.code,
        conditionCode: conditionId,
        parentCaseId: body.parentCaseId,
        disposalMode: body.disposalMode,
        verifyResult: body.verifyResult,
        description: body.description,
        voidReason: body.voidReason,
      };
      const d = decide({
        state,
        action: body.action,
        role,
        payload,
        photoRequired: photoLimit?.photoRequired ?? true,
      });
      if (!d.ok) {
        if (d.code === 'WORKFLOW_REQUIREMENT_MISSING') {
          throw appError(
            'CASE_REQUIREMENT_MISSING',
            d.message,
            (d.missing ?? []).map((m) => ({
              path: `body.${requirementField(m)}`,
              message: 'required',
            })),
          );
        }
        throw appError(
          d.code === 'WORKFLOW_ROLE_FORBIDDEN' ? 'CASE_ROLE_FORBIDDEN' : 'CASE_ACTION_NOT_ALLOWED',
          d.message,
          { state, action: body.action },
        );
      }
      const fx = d.effects;
      if (body.action === 'reopen' && row.unit_id === null) {
        throw appError(
          'CASE_ACTION_NOT_ALLOWED',
          'A case closed without a handling unit cannot be reopened',
          { state, action: body.action },
        );
      }
      const hookContext = { trx, actor, role, row, body, to: d.to, at };
      for (const hook of hooks) {
        await hook.before?.(hookContext);
      }
      const patch: CaseUpdate = {};

      if (fx.linksParent) {
        const parent = body.parentCaseId ? await repo.findById(trx, body.parentCaseId) : undefined;
        if (
          !parent ||
          parent.id === row.id ||
          parent.parent_case_id ||
          ['refused', 'voided'].includes(parent.state) ||
          !canReadCase(actor, subjectOf(parent))
        ) {
          throw appError(
            'CASE_PARENT_INVALID',
            'The parent case must be another open case you can see, itself not merged',
            [{ path: 'body.parentCaseId', message: 'invalid parent' }],
          );
        }
        patch.parent_case_id = parent.id;
      }
      let handleLimit: Limit | null = row.handle_limit
        ? (JSON.parse(row.handle_limit) as Limit)
        : null;
      if (fx.setsMatter && matter) {
        const lim = newLimit;
        patch.matter_code = matter.code;
        patch.matter_original_code = matter.original;
        patch.major_code = matter.code.slice(0, 2);
        patch.condition_id = lim?.conditionId ?? conditionId ?? null;
        handleLimit = lim ? { amount: lim.amount, unit: lim.unit } : null;
        patch.handle_limit = handleLimit ? JSON.stringify(handleLimit) : null;
        if (lim?.urgent) {
          patch.urgency = 'urgent';
        }
        patch.registered_at = at;
        const proposal = ports.proposeUnit({
          matterCode: matter.code,
          communityId: row.community_id,
          streetId: row.street_id,
          districtId: row.district_id,
          areaClass: row.area_class,
        });
        patch.proposed_unit_id = proposal?.unitId ?? null;
        patch.routing_reason = proposal
          ? JSON.stringify({ ruleId: proposal.ruleId, matched: proposal.matched })
          : JSON.stringify({ ruleId: null, matched: [] });
      }
      if (fx.assignsUnit) {
        patch.unit_id = body.targetUnitId;
        patch.dispatched_at = at;
      }
      if (fx.clearsUnit) {
        patch.unit_id = null;
        patch.return_count = row.return_count + 1;
      }
      if (fx.reworkIncrement) {
        patch.rework_count = row.rework_count + 1;
      }
      if (body.action === 'approve_extension') {
        patch.extension_count = row.extension_count + 1;
      }
      if (fx.pausesClock) {
        patch.hang_count = row.hang_count + 1;
      }
      if (body.action === 'supervise') {
        patch.supervise_count = row.supervise_count + 1;
      }
      if (body.action === 'remind') {
        patch.remind_count = row.remind_count + 1;
      }
      if (body.action === 'feedback') {
        patch.disposal_mode = body.disposalMode ?? null;
        patch.handled_at = at;
        if (row.handle_deadline_at !== null && at > row.handle_deadline_at) {
          patch.handle_overdue = 1;
        }
      }
      if (fx.voidReason) {
        patch.void_reason = fx.voidReason;
      }

      const clock = stepClock(
        { ...clockOf(row), handleLimit: handleLimit ?? clockOf(row).handleLimit },
        {
          from: state,
          to: d.to,
          action: body.action,
          now: at,
          calendar: ports.calendar(),
          stageLimit: (stage) =>
            ports.stageLimit(stage, patch.urgency ?? row.urgency, row.area_class as AreaClass),
          handleLimit,
          grantedDeadline: fx.setsDeadline ? deadline : undefined,
        },
      );
      const lateFeedback = patch.handle_overdue === 1;
      Object.assign(patch, clockColumns(clock));
      if (lateFeedback) {
        patch.handle_overdue = 1;
      }
      if (body.action === 'reopen') {
        // A new round: the closure and the last feedback belong to the earlier one.
        patch.closed_at = null;
        patch.close_kind = null;
        patch.handled_at = null;
      }
      if (d.to === 'closed') {
        patch.closed_at = at;
        patch.close_kind =
          row.handle_overdue === 1 || patch.handle_overdue === 1 ? 'overdue' : 'on_time';
      }
      if (['supervise', 'remind'].includes(body.action)) {
        await repo.insertNotices(trx, [
          {
            id: uuidv7(at),
            case_id: row.id,
            kind: body.action as 'supervise' | 'remind',
            stage: row.stage,
            unit_id: row.unit_id,
            deadline_at: null,
            at,
            read_at: null,
            note: body.reason ?? body.note ?? null,
          },
        ]);
      }

      const eventPayload = compactPayload({
        reason: body.reason,
        basis: body.basis,
        note: body.note,
        deadline: body.deadline,
        targetUnitId: body.targetUnitId,
        proposedUnitId: body.action === 'dispatch' ? row.proposed_unit_id : undefined,
        override:
          body.action === 'dispatch' &&
          row.proposed_unit_id !== null &&
          body.targetUnitId !== row.proposed_unit_id
            ? true
            : undefined,
        matterCode: matter?.code,
        originalCode: matter?.original ?? undefined,
        conditionId: fx.setsMatter ? patch.condition_id : undefined,
        routing:
          fx.setsMatter && patch.routing_reason ? JSON.parse(patch.routing_reason) : undefined,
        proposedUnit: fx.setsMatter ? patch.proposed_unit_id : undefined,
        parentCaseId: body.parentCaseId,
        disposalMode: body.disposalMode,
        verifyResult: body.verifyResult,
        description: body.description,
        voidReason: fx.voidReason ?? undefined,
        reworkCount: fx.reworkIncrement ? patch.rework_count : undefined,
        handleDeadline:
          clock.handleDeadlineAt !== row.handle_deadline_at && clock.handleDeadlineAt !== null
            ? new Date(clock.handleDeadlineAt).toISOString()
            : undefined,
      });
      const event = await appendEvent(
        trx,
        row,
        {
          actor: { id: actor.userId, name: actor.displayName, role },
          action: body.action,
          to: d.to,
          payload: eventPayload,
          attachmentIds,
        },
        patch,
      );
      if (attachmentIds.length > 0) {
        await ports.bindAttachments(trx, attachmentIds, row.id, attachmentKind(body.action));
      }
      const children = d.to === 'closed' ? await closeChildren(trx, row.id, at) : [];
      let after = (await repo.findById(trx, row.id))!;
      if (await markIfPassed(trx, after, at)) {
        after = (await repo.findById(trx, row.id))!;
      }
      for (const hook of hooks) {
        await hook.after?.({ ...hookContext, after, event });
      }
      return { row: after, event, children };
    });
    publish(row, event, row.unit_id);
    for (const c of children) {
      publish(c.row, c.event, c.row.unit_id);
    }
    return view(actor, row);
  }

  /** Closes every open child of a parent, one event each, in the parent's transaction. */
  async function closeChildren(
    trx: Kysely<Database>,
    parentId: string,
    at: number,
  ): Promise<{ row: CaseRow; event: NewCaseEventRow }[]> {
    const out: { row: CaseRow; event: NewCaseEventRow }[] = [];
    for (const child of await repo.openChildren(trx, parentId)) {
      const event = await appendEvent(
        trx,
        child,
        {
          actor: SYSTEM,
          action: 'close',
          to: 'closed',
          payload: { reason: 'parent_closed', parentCaseId: parentId },
          attachmentIds: [],
        },
        {
          closed_at: at,
          close_kind: 'merged',
          stage: null,
          stage_deadline_at: null,
          stage_started_at: null,
          stage_limit: null,
          stage_overdue: 0,
        },
      );
      out.push({ row: child, event });
    }
    return out;
  }

  return {
    intake,
    act,

    /** Registers an overlay's action hook (see CaseActionHook); services.ts wires them. */
    addActionHook(hook: CaseActionHook): void {
      hooks.push(hook);
    },

    /**
     * The intake projections (search tokens, duplicate candidates, the report events'
     * rollups): `catchUp` before reading them; `start`/`stop` the background runs.
     */
    projections,

    /**
     * The checks of intake without writing anything (dry runs of bulk imports).
     * @throws as intake: CASE_SOURCE_FORBIDDEN, CASE_LOCATION_OUTSIDE_GRIDS, AUTH_OUT_OF_SCOPE,
     *   CATALOG_CODE_*, ATTACHMENT_NOT_FOUND
     */
    async checkIntake(
      actor: Actor | null,
      body: CreateCaseBody,
    ): Promise<{ place: LocatedPoint; matter: ResolvedMatter | null }> {
      const { place, matter } = await prepareIntake(actor, body);
      return { place, matter };
    },

    /** The case an intake idempotency key created, if any (imports report duplicates). */
    async findByIdempotencyKey(key: string): Promise<{ id: string; number: string } | null> {
      const row = await repo.findByIdempotencyKey(db, key);
      return row ? { id: row.id, number: row.number } : null;
    },

    /** @throws CASE_NOT_FOUND */
    async get(actor: Actor, id: string): Promise<CaseView> {
      const row = await findVisible(actor, id);
      const v = await view(actor, row);
      await projections.catchUp();
      v.duplicates = (await repo.listDuplicates(db, id)).map((d) => ({
        caseId: d.candidate_id,
        number: d.number,
        state: d.state as CaseState,
        score: d.score,
        reason: JSON.parse(d.reason) as unknown,
      }));
      return v;
    },

    /**
     * The timeline of a case (its events with the overdue marks merged in) and the stages it
     * went through, each with the time it used as its limit counts.
     * @throws CASE_NOT_FOUND
     */
    async history(actor: Actor, id: string) {
      const row = await findVisible(actor, id);
      const events = (await repo.listEvents(db, id)).map(presentEvent);
      const deadlines = markDeadlines(events, row.stage_deadline_at);
      const items = withOverdueMarks(events, await repo.overdueMarks(db, id, deadlines));
      const parse = (json: string | null) => (json ? (JSON.parse(json) as Limit) : null);
      const urgency = row.urgency === 'urgent' ? 'urgent' : 'normal';
      const stages = stagePasses(items, {
        calendar: ports.calendar(),
        now: now(),
        pauses: JSON.parse(row.pauses) as PauseInterval[],
        limitOf: (stage, current) =>
          current
            ? parse(row.stage_limit)
            : stage === 'handle'
              ? parse(row.handle_limit)
              : ports.stageLimit(stage, urgency, row.area_class as AreaClass),
      });
      return { items, stages };
    },

    /** A page of cases within the caller's jurisdiction. */
    async list(actor: Actor, q: ListCasesQuery) {
      if (q.q) {
        await projections.catchUp();
      }
      const filter: CaseListFilter = {
        states: q.state,
        matterCode: q.matter?.length === 5 ? q.matter : undefined,
        majorCode: q.matter?.length === 2 ? q.matter : undefined,
        gridCode: q.grid,
        unitId: q.unitId,
        source: q.source,
        overdue: q.overdue === undefined ? undefined : { is: q.overdue, now: now() },
        from: q.from ? Date.parse(q.from) : undefined,
        to: q.to ? Date.parse(q.to) : undefined,
        parentCaseId: q.parent,
        tokens: q.q ? queryTokens(q.q) : undefined,
        sort: q.sort,
        order: q.order,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      };
      if (q.regionId) {
        const level = ports.regionLevel(q.regionId);
        if (!level || level === 'city') {
          if (!level) {
            throw appError('VALIDATION_FAILED', `No region ${q.regionId}`, [
              { path: 'query.regionId', message: 'unknown region' },
            ]);
          }
        } else {
          filter.regionId = q.regionId;
          filter.regionLevel = level;
        }
      }
      if (q.mine) {
        filter.gridCodes = await ports.gridsOfInspector(actor.userId);
        filter.states = filter.states ?? ['verifying', 'checking'];
      }
      const { rows, total } = await repo.list(db, actor.scope, filter);
      const cal = ports.calendar();
      const t = now();
      return {
        items: rows.map((r) =>
          presentCase(r, { actor, availableActions: undefined, calendar: cal, now: t }),
        ),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },

    /**
     * One batch of the overdue sweep (see `sweepBatch`): marks each open case whose current
     * stage passed its deadline, once per deadline, and tells the live consoles. `marked`
     * counts the marks, `events` those that wrote a chained event (handling). The caller
     * repeats while `more`.
     */
    async sweepOverdue(opts: {
      limit: number;
    }): Promise<{ marked: number; events: number; failed: number; more: boolean }> {
      const at = now();
      let r: Awaited<ReturnType<typeof sweepOneByOne>>;
      try {
        r = { ...(await sweepBatch(opts.limit, at)), failed: 0 };
      } catch (err) {
        // One bad case must not hold up the others: mark them one by one.
        ctx.log.warn({ err }, 'overdue sweep: batch failed, marking one by one');
        r = await sweepOneByOne(opts.limit, at);
      }
      for (const c of r.events) {
        publish(c.after, c.event, c.after.unit_id);
      }
      // The marks read no case row; the live feed's columns are read only when someone listens.
      for (const c of ports.heard() ? await repo.liveColumns(db, r.notices) : []) {
        const mark = { seq: null, action: 'overdue', at, actor_role: 'system' };
        publish(c, { ...mark, from_state: c.state, to_state: c.state }, c.unit_id);
      }
      return {
        marked: r.events.length + r.notices.length,
        events: r.events.length,
        failed: r.failed,
        more: r.failed === 0 && r.scanned === opts.limit,
      };
    },

    /**
     * A unit's notices (overdue, remind, supervise), newest first; a case's are in its timeline
     * (`events`: remind and supervise are events, overdue marks are merged in).
     */
    notices: (filter: { unitId: string; limit: number }) => repo.listNotices(db, filter),
  };
}

/**
 * The event payload plus `stageDeadline`: the deadline (ISO) of the stage the case was in when
 * the event moved it on, so the log itself says whether each step came in time (evaluation
 * reads it; stage limits and the calendar may change later). Only for state changes.
 */
function withStageDeadline(
  payload: Record<string, unknown>,
  row: CaseRow,
  to: string,
): Record<string, unknown> {
  if (to === row.state || row.stage_deadline_at === null || 'stageDeadline' in payload) {
    return payload;
  }
  return { ...payload, stageDeadline: new Date(row.stage_deadline_at).toISOString() };
}

function requirementField(key: string): string {
  const map: Record<string, string> = {
    photo: 'attachmentIds',
    deadline: 'deadline',
    targetUnit: 'targetUnitId',
    matter: 'matterCode',
    condition: 'conditionId',
    parentCase: 'parentCaseId',
  };
  return map[key] ?? key;
}

function attachmentKind(action: CaseAction): string {
  switch (action) {
    case 'feedback':
      return 'feedback';
    case 'check_pass':
    case 'check_fail':
      return 'check';
    case 'verify':
      return 'verify';
    default:
      return 'other';
  }
}
