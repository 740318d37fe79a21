/**
 * The bulk case generator: millions of cases with realistic closed-loop histories, written
 * straight into a SQLite store (multi-row inserts in large transactions, synchronous=OFF for
 * the load only), with their evaluation rollups derived by the evaluation module's own
 * `deriveFacts`, the function its event hook and its recompute use.
 *
 * Each case gets a history the workflow table allows (report, verify, register, dispatch,
 * acknowledge, side paths, feedback, check, close, self-handling, refusals and voids), with the
 * `stageDeadline` payloads the cases service writes, so on-time facts follow from the events.
 * The case row is the projection of those events, as the cases service would leave it.
 * Simplifications, none of which the measured queries read: deadlines are in clock time (not
 * on the working calendar), one unit staff account acts for every unit, there are no
 * attachments, search tokens, duplicates or hotline orders.
 */
import type { Role } from '@common/roles';
import { DISPOSAL_MODES } from '@common/workflow';
import { latLngToCell } from 'h3-js';
import type { Position } from '../../server/src/modules/space/geometry';
import SQLite from 'better-sqlite3';
import { uuidv7 } from '../../server/src/lib/ids';
import { stageOf, type ClockStage } from '../../server/src/modules/cases/case-clock';
import { eventHash, GENESIS_HASH } from '../../server/src/modules/cases/event-hash';
import type { CaseRow } from '../../server/src/modules/cases/cases.table';
import {
  deriveFacts,
  type CaseStatic,
  type FactEvent,
} from '../../server/src/modules/evaluation/facts';
import type { DemoCity } from '../../server/src/modules/demo/demo-city';
import { mulberry32 } from '../../server/src/modules/demo/prng';
import type { Services } from '../../server/src/services';
import { MATTERS } from './city-traffic';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
const TZ_OFFSET = 8 * HOUR;

/** Local date (Asia/Shanghai) of an instant: what the rollups key days by. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + TZ_OFFSET).toISOString().slice(0, 10);
}

/** Epoch ms of local midnight (Asia/Shanghai) of a 'YYYY-MM-DD' date. */
export function shanghaiMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

const CASE_COLUMNS = [
  'id', 'number', 'source', 'idempotency_key', 'state', 'version', 'matter_code',
  'matter_original_code', 'major_code', 'condition_id', 'urgency', 'description', 'address',
  'lng', 'lat', 'h3', 'grid_code', 'community_id', 'street_id', 'district_id', 'city_id',
  'area_class', 'reporter_name', 'reporter_phone', 'anonymous', 'reported_by', 'unit_id',
  'proposed_unit_id', 'routing_reason', 'stage', 'stage_started_at', 'stage_deadline_at',
  'stage_limit', 'stage_overdue', 'handle_started_at', 'handle_deadline_at', 'handle_limit',
  'pauses', 'handle_overdue', 'rework_count', 'return_count', 'extension_count', 'hang_count',
  'supervise_count', 'remind_count', 'parent_case_id', 'disposal_mode', 'void_reason',
  'created_at', 'updated_at', 'registered_at', 'dispatched_at', 'handled_at', 'closed_at',
  'close_kind', 'event_count', 'last_hash',
] as const satisfies readonly (keyof CaseRow)[]; // prettier-ignore

const EVENT_COLUMNS = [
  'id', 'case_id', 'seq', 'at', 'actor_id', 'actor_name', 'actor_role', 'action', 'from_state',
  'to_state', 'payload', 'attachment_ids', 'prev_hash', 'hash',
] as const; // prettier-ignore

/** Stage limits in clock minutes (the shipped defaults are of this order). */
const STAGE_LIMIT_MIN: Record<Exclude<ClockStage, 'handle'>, number> = {
  verify: 60,
  register: 30,
  dispatch: 30,
  acknowledge: 60,
  check: 60,
};
/** Handling limits by matter major class, clock hours. */
const HANDLE_LIMIT_H: Record<string, number> = { '01': 24, '06': 4, '07': 8, '09': 2 };

interface Actor {
  id: string | null;
  name: string;
  role: Role | 'system' | 'public';
}

interface GridInfo {
  code: string;
  areaClass: string;
  communityId: string;
  streetId: string;
  districtId: string;
  cityId: string;
  /** A few points inside the grid with their H3 cell. */
  points: { lng: number; lat: number; h3: string }[];
}

/** What the generator draws from: the store's grids, units, routing, people and catalog. */
export interface BulkWorld {
  grids: GridInfo[];
  inspectorOfStreet: Map<string, Actor>;
  clerk: Actor;
  leader: Actor;
  dispatcher: Actor;
  unitStaff: Actor;
  /** matter code → first active registration condition id. */
  conditions: Map<string, string>;
  /** (matter, street) → proposed unit id. */
  unitFor(matter: string, g: GridInfo): string;
  /** Another handling unit (for returns). */
  otherUnit(unitId: string): string;
}

/** Reads the world of a bootstrapped demo store from its services. */
export async function loadWorld(services: Services, city: DemoCity): Promise<BulkWorld> {
  const db = services.ctx.store.db;
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name'])
    .execute();
  const byName = new Map(users.map((u) => [u.username, u]));
  const actor = (username: string, role: Actor['role']): Actor => {
    const u = byName.get(username);
    if (!u) {
      throw new Error(`bench store: no demo account ${username}`);
    }
    return { id: u.id, name: u.display_name, role };
  };
  const assignments = await db
    .selectFrom('inspector_grid')
    .select(['user_id', 'grid_code'])
    .execute();
  const inspectorOfGrid = new Map(assignments.map((a) => [a.grid_code, a.user_id]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const grids: GridInfo[] = [];
  const inspectorOfStreet = new Map<string, Actor>();
  for (const g of city.grids) {
    const ring = g.geometry.coordinates[0]!;
    const points: GridInfo['points'] = [];
    for (const [u, v] of [
      [0.3, 0.3],
      [0.7, 0.3],
      [0.5, 0.5],
      [0.3, 0.7],
      [0.7, 0.7],
    ] as const) {
      const [a, b, c, d] = ring as [Position, Position, Position, Position];
      const lng = (1 - u) * (1 - v) * a[0] + u * (1 - v) * b[0] + u * v * c[0] + (1 - u) * v * d[0];
      const lat = (1 - u) * (1 - v) * a[1] + u * (1 - v) * b[1] + u * v * c[1] + (1 - u) * v * d[1];
      points.push({
        lng: Math.round(lng * 1e7) / 1e7,
        lat: Math.round(lat * 1e7) / 1e7,
        h3: latLngToCell(lat, lng, 9),
      });
    }
    const hit = services.space.locate(points[2]!.lng, points[2]!.lat);
    if (
      !hit ||
      hit.grid.code !== g.code ||
      !hit.community ||
      !hit.street ||
      !hit.district ||
      !hit.city
    ) {
      throw new Error(`bench store: grid ${g.code} is not where the demo city put it`);
    }
    const info: GridInfo = {
      code: g.code,
      areaClass: hit.grid.areaClass,
      communityId: hit.community.id,
      streetId: hit.street.id,
      districtId: hit.district.id,
      cityId: hit.city.id,
      points,
    };
    grids.push(info);
    const inspectorId = inspectorOfGrid.get(g.code);
    if (inspectorId && !inspectorOfStreet.has(info.streetId)) {
      const u = userById.get(inspectorId)!;
      inspectorOfStreet.set(info.streetId, { id: u.id, name: u.display_name, role: 'inspector' });
    }
  }
  const conditions = new Map<string, string>();
  for (const m of ALL_MATTERS) {
    const c = await db
      .selectFrom('registration_condition')
      .select('id')
      .where('matter_code', '=', m)
      .where('active', '=', 1)
      .orderBy('seq')
      .executeTakeFirst();
    if (!c) {
      throw new Error(`bench store: matter ${m} has no registration condition`);
    }
    conditions.set(m, c.id);
  }
  const units = await db
    .selectFrom('org_unit')
    .select('id')
    .where('kind', '=', 'handling_unit')
    .orderBy('code')
    .execute();
  const unitCache = new Map<string, string>();
  return {
    grids,
    inspectorOfStreet,
    clerk: actor('clerk', 'intake_clerk'),
    leader: actor('leader', 'shift_leader'),
    dispatcher: actor('dispatcher', 'dispatcher'),
    unitStaff: actor('unit', 'unit_staff'),
    conditions,
    unitFor(matter, g) {
      const k = `${matter}|${g.streetId}`;
      let u = unitCache.get(k);
      if (!u) {
        const p = services.routing.propose({
          matterCode: matter,
          communityId: g.communityId,
          streetId: g.streetId,
          districtId: g.districtId,
          areaClass: g.areaClass,
        });
        u = p?.unitId ?? units[0]!.id;
        unitCache.set(k, u);
      }
      return u;
    },
    otherUnit(unitId) {
      const i = units.findIndex((u) => u.id === unitId);
      return units[(i + 1) % units.length]!.id;
    },
  };
}

const ALL_MATTERS = MATTERS.map((m) => m.code);

/** States the overdue sweep leaves alone (cases.repository findNewlyOverdue). */
const SWEEP_SKIPS: ReadonlySet<string> = new Set([
  'hung',
  'refused',
  'voided',
  'closed',
  'handled',
]);

/** How the generated cases stand. */
export type BulkShape =
  /** Histories spread over a period, cut at `now`: most closed, the recent ones open. */
  | { kind: 'history'; from: number; to: number }
  /**
   * Every case open at `now`, in a stage whose deadline lies ahead (the rest), passed and not
   * yet marked (`newlyOverdue`), or passed and already marked overdue (`marked`).
   */
  | { kind: 'open'; newlyOverdue: number; marked: number };

export interface BulkSpec {
  cases: number;
  now: number;
  shape: BulkShape;
  seed: number;
  /** Write the event log (case_event) as well; without it only cases and rollups are written. */
  events: boolean;
  /**
   * Write each generated case this many times (distinct ids and numbers, the same history):
   * the rollups count every copy. Makes 10 M cases affordable; only without events.
   */
  copies?: number;
  log?: (msg: string) => void;
}

export interface BulkReport {
  cases: number;
  events: number;
  rollupRows: number;
  notices: number;
  openCases: number;
  /** Cases drawn on their own (histories cut at now) rather than from a template. */
  slowCases: number;
  ms: number;
  /** Days the rollups cover, first and last. */
  days: { from: string; to: string } | null;
}

interface GenCase {
  row: CaseRow;
  events: { e: FactEvent; actorName: string }[];
  notices: { stage: string; unitId: string | null; deadline: number; at: number }[];
}

/** One case's history and projection. */
class CaseBuilder {
  readonly events: { e: FactEvent; actorName: string }[] = [];
  state = '';
  at: number;
  stage: ClockStage | null = null;
  stageStartedAt: number | null = null;
  stageDeadlineAt: number | null = null;
  stageLimitMin: number | null = null;
  stageOverdue = false;
  handleLimitH: number;
  handleStartedAt: number | null = null;
  handleDeadlineAt: number | null = null;
  handleOverdue = false;
  pauses: { from: number; to: number | null }[] = [];
  unitId: string | null = null;
  counters = { rework: 0, return: 0, extension: 0, hang: 0 };
  registeredAt: number | null = null;
  dispatchedAt: number | null = null;
  handledAt: number | null = null;
  closedAt: number | null = null;
  closeKind: string | null = null;
  disposalMode: string | null = null;
  voidReason: string | null = null;
  /** Events after this instant are not written (the case stays open there). */
  readonly until: number;
  cut = false;
  /** Overdue notices the sweep wrote. */
  readonly notices: { stage: string; unitId: string | null; deadline: number; at: number }[] = [];

  constructor(t0: number, until: number, handleLimitH: number) {
    this.at = t0;
    this.until = until;
    this.handleLimitH = handleLimitH;
  }

  /**
   * The overdue sweep's mark, as it would have come (30 s after the deadline) before anything
   * that happens at `t`: an 'overdue' event and a notice, once per stage and deadline.
   */
  markOverdueBefore(t: number): void {
    const d = this.stageDeadlineAt;
    if (d === null || this.stageOverdue || t <= d + 30_000 || SWEEP_SKIPS.has(this.state)) {
      return;
    }
    const at = d + 30_000;
    this.events.push({
      e: {
        seq: this.events.length + 1,
        at,
        actorId: null,
        actorRole: 'system',
        action: 'overdue',
        fromState: this.state,
        toState: this.state,
        payload: { stage: this.stage, deadline: new Date(d).toISOString() },
      },
      actorName: 'system',
    });
    this.notices.push({
      stage: this.stage!,
      unitId: this.stage === 'handle' || this.stage === 'acknowledge' ? this.unitId : null,
      deadline: d,
      at,
    });
    this.stageOverdue = true;
    if (this.stage === 'handle') {
      this.handleOverdue = true;
    }
  }

  /** Appends an event `delay` after the last one, unless that lies beyond `until`. */
  emit(
    action: string,
    to: string,
    actor: Actor,
    payload: Record<string, unknown>,
    delay: number,
  ): boolean {
    const t = this.at + Math.round(delay);
    if (this.cut || t > this.until) {
      this.cut = true;
      return false;
    }
    if (this.events.length > 0) {
      this.markOverdueBefore(t);
    }
    this.at = t;
    const at = this.at;
    const from = this.events.length === 0 ? null : this.state;
    const p: Record<string, unknown> = { ...payload };
    if (from !== null && to !== from && this.stageDeadlineAt !== null) {
      p.stageDeadline = new Date(this.stageDeadlineAt).toISOString();
    }
    this.events.push({
      e: {
        seq: this.events.length + 1,
        at,
        actorId: actor.id,
        actorRole: actor.role,
        action,
        fromState: from,
        toState: to,
        payload: p,
      },
      actorName: actor.name,
    });
    // The clock, as stepClock moves it.
    if (action === 'dispatch') {
      this.handleStartedAt = at;
      this.handleDeadlineAt = at + this.handleLimitH * HOUR;
      this.handleOverdue = false;
      this.pauses = [];
    }
    if (action === 'check_fail' || action === 'reopen' || action === 'redo') {
      this.handleStartedAt = at;
      this.handleDeadlineAt = at + this.handleLimitH * HOUR;
      this.pauses = [];
    }
    if (action === 'approve_extension') {
      this.handleDeadlineAt = Date.parse(payload.deadline as string);
    }
    if (action === 'approve_hang') {
      this.pauses.push({ from: at, to: null });
    }
    if (action === 'resume') {
      const open = this.pauses.find((x) => x.to === null);
      if (open) {
        open.to = at;
        if (this.handleDeadlineAt !== null) {
          this.handleDeadlineAt += at - open.from;
        }
      }
    }
    const stage = stageOf(to as Parameters<typeof stageOf>[0]);
    if (stage === 'handle') {
      this.stage = 'handle';
      this.stageStartedAt = this.handleStartedAt;
      this.stageDeadlineAt = this.handleDeadlineAt;
      this.stageLimitMin = this.handleLimitH * 60;
      this.stageOverdue = this.handleOverdue;
    } else if (stage === null) {
      this.stage = null;
      this.stageStartedAt = null;
      this.stageDeadlineAt = null;
      this.stageLimitMin = null;
      this.stageOverdue = false;
    } else if (stage !== this.stage || from !== to) {
      this.stage = stage;
      this.stageStartedAt = at;
      this.stageLimitMin = STAGE_LIMIT_MIN[stage];
      this.stageDeadlineAt = at + this.stageLimitMin * MIN;
      this.stageOverdue = false;
    }
    this.state = to;
    return true;
  }

  /** Delay before the next step: inside the stage's limit with probability `onTime`. */
  delay(r: () => number, onTime: number): number {
    const limit = this.stageDeadlineAt !== null ? this.stageDeadlineAt - this.at : 2 * HOUR;
    const span = Math.max(limit, 5 * MIN);
    return r() < onTime
      ? Math.round((0.05 + 0.9 * r()) * span)
      : Math.round((1.05 + 1.5 * r()) * span);
  }
}

// ---------------------------------------------------------------------------------------------
// Templates: sampled cases with placeholders where the place and the people go

/** Placeholders, as they appear in template strings: \uE000NAME\uE001. */
const PH = (name: string) => `\uE000${name}\uE001`;
const PH_RE = /"?\uE000(\w+)\uE001"?/g;
/** Placeholders whose values are per-case indices used in rollup keys. */
const KEY_PLACEHOLDERS = ['G', 'C', 'S', 'D', 'Y', 'H', 'I', 'U', 'U2'] as const;
type KeyPlaceholder = (typeof KEY_PLACEHOLDERS)[number];
const PH_INDEX = new Map<string, number>(KEY_PLACEHOLDERS.map((p, i) => [p, i]));

/** A pattern of rollup cells: kind, metric and a key with placeholders. */
interface Pattern {
  kind: string;
  metric: string;
  /** Literal key parts and placeholder indices, alternating as they come. */
  parts: (string | number)[];
  uses: number[];
  cells: Map<number, number>;
}

interface Template {
  row: CaseRow;
  events: { e: FactEvent; actorName: string; payloadJson: string }[];
  notices: GenCase['notices'];
  /** Template time of the report and of the last event. */
  reportAt: number;
  lastAt: number;
  matter: string;
  /** Facts: offset of the anchor from the report, and the cells they count in. */
  facts: { offset: number; patterns: Pattern[] }[];
  /** Template instants in payloads (time placeholders T0, T1, …). */
  times: number[];
}

/** The cells of the rollups: interned (kind, key, metric), with per-day counts. */
class CellTable {
  readonly ids = new Map<string, number>();
  readonly kinds: string[] = [];
  readonly keys: string[] = [];
  readonly metrics: string[] = [];
  readonly patterns = new Map<string, Pattern>();

  id(kind: string, key: string, metric: string): number {
    const k = `${kind}\u0001${key}\u0001${metric}`;
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.kinds.length;
      this.ids.set(k, id);
      this.kinds.push(kind);
      this.keys.push(key);
      this.metrics.push(metric);
    }
    return id;
  }

  pattern(kind: string, key: string, metric: string): Pattern {
    const k = `${kind}\u0001${key}\u0001${metric}`;
    let p = this.patterns.get(k);
    if (!p) {
      const parts: (string | number)[] = [];
      const uses: number[] = [];
      let last = 0;
      for (const m of key.matchAll(/\uE000(\w+)\uE001/g)) {
        const idx = PH_INDEX.get(m[1]!);
        if (idx === undefined) {
          throw new Error(`bulk: placeholder ${m[1]} in a rollup key`);
        }
        parts.push(key.slice(last, m.index));
        parts.push(idx);
        uses.push(idx);
        last = m.index + m[0].length;
      }
      parts.push(key.slice(last));
      p = { kind, metric, parts, uses, cells: new Map() };
      this.patterns.set(k, p);
    }
    return p;
  }

  /** The cell of a pattern for a case's placeholder values. */
  cellOf(p: Pattern, vals: Int32Array, strings: readonly (readonly string[])[]): number {
    let code = 0;
    for (const u of p.uses) {
      code = code * 100_003 + vals[u]!;
    }
    let id = p.cells.get(code);
    if (id === undefined) {
      let key = '';
      for (const part of p.parts) {
        key += typeof part === 'number' ? strings[part]![vals[part]!]! : part;
      }
      id = this.id(p.kind, key, p.metric);
      p.cells.set(code, id);
    }
    return id;
  }
}

/** A world whose grid and people are placeholders (templates are drawn in it). */
function placeholderWorld(w: BulkWorld): BulkWorld {
  const g: GridInfo = {
    code: PH('G'),
    areaClass: 'B',
    communityId: PH('C'),
    streetId: PH('S'),
    districtId: PH('D'),
    cityId: PH('Y'),
    points: [{ lng: 999.125, lat: 99.375, h3: PH('H') }],
  };
  return {
    ...w,
    grids: [g],
    inspectorOfStreet: new Map([[g.streetId, { id: PH('I'), name: PH('IN'), role: 'inspector' }]]),
    unitFor: () => PH('U'),
    otherUnit: () => PH('U2'),
  };
}

/** Draws a template in the placeholder world and compiles its facts. */
function makeTemplate(
  pw: BulkWorld,
  r: () => number,
  spec: BulkSpec,
  tref: number,
  cells: CellTable,
): Template {
  const reportAt = spec.shape.kind === 'history' ? tref - 100 * DAY : 0;
  const g = generateCase(
    pw,
    r,
    { ...spec, now: spec.shape.kind === 'history' ? Infinity : tref },
    PH('N'),
    reportAt,
    new Map(),
  );
  const times: number[] = [];
  const timePh = (iso: string) => {
    times.push(Date.parse(iso));
    return PH(`T${times.length - 1}`);
  };
  const events = g.events.map(({ e, actorName }) => {
    const payload: Record<string, unknown> = { ...e.payload };
    for (const k of ['stageDeadline', 'deadline'] as const) {
      if (typeof payload[k] === 'string') {
        payload[k] = timePh(payload[k]);
      }
    }
    if (payload.lng === 999.125) {
      payload.lng = PH('LNG');
      payload.lat = PH('LAT');
    }
    return { e, actorName, payloadJson: JSON.stringify(payload) };
  });
  const first = g.events[0]!.e.at;
  const facts = new Map<number, Pattern[]>();
  const stat: CaseStatic = {
    id: 'template',
    number: 'template',
    source: g.row.source,
    gridCode: g.row.grid_code,
    communityId: g.row.community_id,
    streetId: g.row.street_id,
    districtId: g.row.district_id,
    cityId: g.row.city_id,
    h3: g.row.h3,
  };
  for (const f of deriveFacts(
    stat,
    g.events.map((x) => x.e),
  )) {
    const list = facts.get(f.at - first) ?? [];
    for (const [kind, key] of f.dims) {
      list.push(cells.pattern(kind, key, f.metric));
    }
    facts.set(f.at - first, list);
  }
  return {
    row: g.row,
    events,
    notices: g.notices,
    reportAt: first,
    lastAt: g.events.at(-1)!.e.at,
    matter: g.row.matter_code!,
    facts: [...facts].map(([offset, patterns]) => ({ offset, patterns })),
    times,
  };
}

/** Per-case values of the placeholders: indices into interned strings. */
class Values {
  readonly strings: string[][] = KEY_PLACEHOLDERS.map(() => []);
  readonly #index: Map<string, number>[] = KEY_PLACEHOLDERS.map(() => new Map<string, number>());

  intern(ph: KeyPlaceholder, value: string): number {
    const i = PH_INDEX.get(ph)!;
    let v = this.#index[i]!.get(value);
    if (v === undefined) {
      v = this.strings[i]!.length;
      this.strings[i]!.push(value);
      this.#index[i]!.set(value, v);
    }
    return v;
  }
}

/**
 * Writes `spec.cases` cases (and their events, rollups, notices and day counters) into the
 * SQLite file. The store must hold the demo city (see openDemoStore); `world` comes from it.
 *
 * Speed: cases are instances of a few thousand templates (drawn by `generateCase` in a world
 * whose place and people are placeholders), each template's facts derived once by the
 * evaluation module's `deriveFacts`; an instance substitutes its grid, point, people and
 * time. A case whose history would run past `now` is drawn on its own (a template cannot
 * say where it is cut). The first cases are checked against `deriveFacts` of their own
 * events, so the rollups are exactly what the module would count.
 */
export function bulkLoad(file: string, world: BulkWorld, spec: BulkSpec): BulkReport {
  const t0 = performance.now();
  const r = mulberry32(spec.seed);
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  // The load phase only: no fsync, a large page cache. The server opens the file normally.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -2097152');
  db.pragma('temp_store = MEMORY');

  // Secondary indexes are dropped for the load and built again at the end (faster than
  // keeping them up to date row by row); the definitions are the migrations' own.
  const indexes = db
    .prepare(
      "select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('case_file', 'case_event', 'case_notice', 'eval_rollup')",
    )
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) {
    db.exec(`drop index "${ix.name}"`);
  }

  const values = (cols: number, rows: number) =>
    Array.from({ length: rows }, () => `(${Array(cols).fill('?').join(',')})`).join(',');
  const ROWS = 200;
  const writer = (table: string, columns: readonly string[], before?: () => void) => {
    let buf: unknown[] = [];
    let n = 0;
    const byRows = new Map<number, SQLite.Statement>();
    const flush = () => {
      if (n > 0) {
        before?.();
        let st = byRows.get(n);
        if (!st) {
          st = db.prepare(
            `insert into ${table} (${columns.join(',')}) values ${values(columns.length, n)}`,
          );
          byRows.set(n, st);
        }
        st.run(buf);
        buf = [];
        n = 0;
      }
    };
    return {
      add(row: unknown[]) {
        for (const v of row) {
          buf.push(v);
        }
        if (++n === ROWS) {
          flush();
        }
      },
      flush,
    };
  };
  const caseW = writer('case_file', CASE_COLUMNS);
  // Rows that reference cases go in after the cases (foreign keys).
  const eventW = writer('case_event', EVENT_COLUMNS, () => caseW.flush());
  const noticeW = writer(
    'case_notice',
    ['id', 'case_id', 'kind', 'stage', 'unit_id', 'deadline_at', 'at', 'read_at', 'note'],
    () => caseW.flush(),
  );
  const rollupW = writer('eval_rollup', ['kind', 'day', 'key', 'metric', 'shard', 'count']);
  const flushAll = () => {
    caseW.flush();
    eventW.flush();
    noticeW.flush();
  };

  const cells = new CellTable();
  const vals = new Values();
  const pw = placeholderWorld(world);
  const tref = spec.shape.kind === 'history' ? 2_000_000_000_000 : spec.now;
  const TEMPLATES = 4096;
  const templates: Template[] = [];
  for (let k = 0; k < TEMPLATES; k++) {
    templates.push(makeTemplate(pw, r, spec, tref, cells));
  }
  // How many days after its report a case's facts may land.
  const spanDays = Math.ceil(Math.max(...templates.map((t) => t.lastAt - t.reportAt)) / DAY) + 2;

  // Per-day counts by cell id (typed arrays: a case adds to a few hundred cells); a day is
  // written once no later case can add to it.
  const dayCells = new Map<number, Int32Array>();
  const dayIndex = (ms: number) => Math.floor((ms + TZ_OFFSET) / DAY);
  let rollupRows = 0;
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  const writeDay = (d: number) => {
    const counts = dayCells.get(d)!;
    dayCells.delete(d);
    const day = new Date(d * DAY).toISOString().slice(0, 10);
    // Days come in order, so each kind's rows go in at the end of its primary-key range.
    const ids: number[] = [];
    for (let id = 0; id < counts.length; id++) {
      if (counts[id] !== 0) {
        ids.push(id);
      }
    }
    for (const id of ids) {
      rollupW.add([cells.kinds[id], day, cells.keys[id], cells.metrics[id], 0, counts[id]]);
    }
    const n = ids.length;
    rollupW.flush();
    rollupRows += n;
    firstDay = firstDay === null || day < firstDay ? day : firstDay;
    lastDay = lastDay === null || day > lastDay ? day : lastDay;
  };
  const count = (d: number, id: number) => {
    let m = dayCells.get(d);
    if (!m || id >= m.length) {
      const grown = new Int32Array(Math.max(1024, cells.kinds.length * 2, id + 1));
      if (m) {
        grown.set(m);
      }
      m = grown;
      dayCells.set(d, m);
    }
    m[id] = m[id]! + copies;
  };
  /** Cells of facts derived the slow way (own events): by their strings. */
  const addFacts = (c: CaseStatic, evs: FactEvent[], into?: Map<string, number>) => {
    for (const f of deriveFacts(c, evs)) {
      const d = dayIndex(f.at);
      for (const [kind, key] of f.dims) {
        const id = cells.id(kind, key, f.metric);
        if (into) {
          const k = `${d}|${id}`;
          into.set(k, (into.get(k) ?? 0) + 1);
        } else {
          count(d, id);
        }
      }
    }
  };

  const counters = new Map<string, number>();
  const copies = spec.copies ?? 1;
  if (copies > 1 && spec.events) {
    throw new Error('bulk: copies of a case come without events');
  }
  let events = 0;
  let notices = 0;
  let openCases = 0;
  let slow = 0;
  const CHECKED = 2_000;
  const begin = db.prepare('begin');
  const commit = db.prepare('commit');
  begin.run();
  let lastLog = performance.now();
  const shape = spec.shape;
  const v = new Int32Array(KEY_PLACEHOLDERS.length);

  for (let i = 0; i < spec.cases; i++) {
    const reportAt =
      shape.kind === 'history'
        ? shape.from + Math.floor(((i + r()) / spec.cases) * (shape.to - shape.from))
        : 0;
    const tpl = templates[Math.floor(r() * TEMPLATES)]!;
    // Open cases: the template's timeline, give or take ten minutes.
    const shift =
      shape.kind === 'history'
        ? reportAt - tpl.reportAt
        : spec.now - tref + Math.round((r() - 0.5) * 20) * MIN;
    // Events of this case; `json` is the payload as stored (parsed only when checked).
    const caseEvents: { e: FactEvent; actorName: string; json?: string }[] = [];
    let row: CaseRow;
    let caseNotices: GenCase['notices'];
    if (shape.kind === 'history' && tpl.lastAt + shift > spec.now) {
      // Near `now`: a case of its own, cut at now.
      const g = generateCase(world, r, spec, String(i), reportAt, counters);
      row = g.row;
      caseNotices = g.notices;
      caseEvents.push(...g.events);
      addFacts(
        staticOf(row),
        g.events.map((x) => x.e),
      );
      slow++;
    } else {
      const g = pick(r, world.grids);
      const p = pick(r, g.points);
      const inspector = world.inspectorOfStreet.get(g.streetId) ?? world.leader;
      const unit = world.unitFor(tpl.matter, g);
      const unit2 = world.otherUnit(unit);
      v[0] = vals.intern('G', g.code);
      v[1] = vals.intern('C', g.communityId);
      v[2] = vals.intern('S', g.streetId);
      v[3] = vals.intern('D', g.districtId);
      v[4] = vals.intern('Y', g.cityId);
      v[5] = vals.intern('H', p.h3);
      v[6] = vals.intern('I', inspector.id ?? '');
      v[7] = vals.intern('U', unit);
      v[8] = vals.intern('U2', unit2);
      const text: Record<string, string> = {
        G: g.code,
        C: g.communityId,
        S: g.streetId,
        D: g.districtId,
        Y: g.cityId,
        H: p.h3,
        I: inspector.id ?? '',
        IN: inspector.name,
        U: unit,
        U2: unit2,
        N: String(i),
        LNG: String(p.lng),
        LAT: String(p.lat),
      };
      const sub = (s: string) =>
        s.includes('\uE000')
          ? s.replace(PH_RE, (m0, name: string) => {
              if (name === 'LNG' || name === 'LAT') {
                return text[name]!;
              }
              const val =
                name[0] === 'T' && /^T\d+$/.test(name)
                  ? new Date(tpl.times[Number(name.slice(1))]! + shift).toISOString()
                  : text[name]!;
              return `${m0[0] === '"' ? '"' : ''}${val}${m0.at(-1) === '"' ? '"' : ''}`;
            })
          : s;
      const subOrNull = (s: string | null) => (s === null ? null : sub(s));
      const at = (t: number | null) => (t === null ? null : t + shift);
      const tr = tpl.row;
      const created = tr.created_at + shift;
      const day = shanghaiDay(created).replaceAll('-', '');
      const seq = (counters.get(day) ?? 0) + 1;
      counters.set(day, seq);
      row = {
        ...tr,
        id: uuidv7(created),
        number: `${day}${String(seq).padStart(5, '0')}`,
        description: sub(tr.description),
        address: subOrNull(tr.address),
        lng: p.lng,
        lat: p.lat,
        h3: p.h3,
        grid_code: g.code,
        community_id: g.communityId,
        street_id: g.streetId,
        district_id: g.districtId,
        city_id: g.cityId,
        area_class: g.areaClass,
        reporter_phone:
          tr.reporter_phone === null ? null : `139${String(i % 1e8).padStart(8, '0')}`,
        reported_by: subOrNull(tr.reported_by),
        unit_id: subOrNull(tr.unit_id),
        proposed_unit_id: subOrNull(tr.proposed_unit_id),
        stage_started_at: at(tr.stage_started_at),
        stage_deadline_at: at(tr.stage_deadline_at),
        handle_started_at: at(tr.handle_started_at),
        handle_deadline_at: at(tr.handle_deadline_at),
        pauses:
          tr.pauses === '[]'
            ? '[]'
            : JSON.stringify(
                (JSON.parse(tr.pauses) as { from: number; to: number | null }[]).map((q) => ({
                  from: q.from + shift,
                  to: q.to === null ? null : q.to + shift,
                })),
              ),
        created_at: created,
        updated_at: tr.updated_at + shift,
        registered_at: at(tr.registered_at),
        dispatched_at: at(tr.dispatched_at),
        handled_at: at(tr.handled_at),
        closed_at: at(tr.closed_at),
      };
      caseNotices = tpl.notices.map((n) => ({
        ...n,
        unitId: n.unitId === null ? null : sub(n.unitId),
        deadline: n.deadline + shift,
        at: n.at + shift,
      }));
      const check = i < CHECKED;
      if (spec.events || check) {
        for (const x of tpl.events) {
          const e = x.e;
          const json = sub(x.payloadJson);
          caseEvents.push({
            e: {
              seq: e.seq,
              at: e.at + shift,
              actorId: e.actorId === null ? null : sub(e.actorId),
              actorRole: e.actorRole,
              action: e.action,
              fromState: e.fromState,
              toState: e.toState,
              payload: check ? (JSON.parse(json) as Record<string, unknown>) : {},
            },
            actorName: sub(x.actorName),
            json,
          });
        }
      }
      for (const f of tpl.facts) {
        const d = dayIndex(created + f.offset);
        for (const p2 of f.patterns) {
          count(d, cells.cellOf(p2, v, vals.strings));
        }
      }
      if (check) {
        // The instance counts exactly what deriveFacts counts for its own events.
        const want = new Map<string, number>();
        addFacts(
          staticOf(row),
          caseEvents.map((x) => x.e),
          want,
        );
        const got = new Map<string, number>();
        for (const f of tpl.facts) {
          const d = dayIndex(created + f.offset);
          for (const p2 of f.patterns) {
            const k = `${d}|${cells.cellOf(p2, v, vals.strings)}`;
            got.set(k, (got.get(k) ?? 0) + 1);
          }
        }
        if (want.size !== got.size || [...want].some(([k, n]) => got.get(k) !== n)) {
          throw new Error(`bulk: case ${i} from a template counts differently from deriveFacts`);
        }
      }
    }
    if (row.state !== 'closed' && row.state !== 'voided' && row.state !== 'refused') {
      openCases++;
    }
    const eventRows: unknown[][] = [];
    if (spec.events) {
      let prev = GENESIS_HASH;
      for (const { e, actorName, json } of caseEvents) {
        const base = {
          id: uuidv7(e.at),
          case_id: row.id,
          seq: e.seq,
          at: e.at,
          actor_id: e.actorId,
          actor_name: actorName,
          actor_role: e.actorRole,
          action: e.action,
          from_state: e.fromState,
          to_state: e.toState,
          payload: json ?? JSON.stringify(e.payload),
          attachment_ids: '[]',
          prev_hash: prev,
        };
        prev = eventHash(base);
        eventRows.push([
          base.id,
          base.case_id,
          base.seq,
          base.at,
          base.actor_id,
          base.actor_name,
          base.actor_role,
          base.action,
          base.from_state,
          base.to_state,
          base.payload,
          base.attachment_ids,
          base.prev_hash,
          prev,
        ]);
      }
      row.last_hash = prev;
    }
    caseW.add(CASE_COLUMNS.map((c) => row[c]));
    for (let k = 1; k < copies; k++) {
      // The same history again under another id and number: it counts once more in the same
      // rollup cells (count() adds `copies`).
      const day = row.number.slice(0, 8);
      const seq = (counters.get(day) ?? 0) + 1;
      counters.set(day, seq);
      const copy: CaseRow = {
        ...row,
        id: uuidv7(row.created_at),
        number: `${day}${String(seq).padStart(5, '0')}`,
      };
      caseW.add(CASE_COLUMNS.map((c) => copy[c]));
    }
    for (const e of eventRows) {
      eventW.add(e);
      events++;
    }
    // Notices belong with the event log (a store without events gets neither).
    for (const n of spec.events ? caseNotices : []) {
      noticeW.add([
        uuidv7(n.at),
        row.id,
        'overdue',
        n.stage,
        n.unitId,
        n.deadline,
        n.at,
        null,
        null,
      ]);
      notices++;
    }
    if (shape.kind === 'history' && i % 2000 === 1999) {
      const done = dayIndex(reportAt) - spanDays - 1;
      for (const d of [...dayCells.keys()]) {
        if (d < done) {
          flushAll();
          writeDay(d);
        }
      }
    }
    if (i % 20_000 === 19_999) {
      flushAll();
      commit.run();
      begin.run();
    }
    if (spec.log && performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      spec.log(
        `    ${((i + 1) * copies).toLocaleString('en-US')} cases (${Math.round((((i + 1) * copies) / (lastLog - t0)) * 1000).toLocaleString('en-US')}/s)`,
      );
    }
  }
  flushAll();
  for (const d of [...dayCells.keys()].sort((a, b) => a - b)) {
    writeDay(d);
  }
  const cnt = db.prepare(
    'insert into case_counter (day, last) values (?, ?) on conflict (day) do update set last = max(last, excluded.last)',
  );
  for (const [day, last] of counters) {
    cnt.run(day, last);
  }
  commit.run();
  const ti = performance.now();
  for (const ix of indexes) {
    db.exec(ix.sql);
  }
  spec.log?.(`    indexes rebuilt in ${((performance.now() - ti) / 1000).toFixed(0)} s`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    cases: spec.cases * copies,
    events,
    rollupRows,
    notices,
    openCases,
    slowCases: slow,
    ms: performance.now() - t0,
    days: firstDay && lastDay ? { from: firstDay, to: lastDay } : null,
  };
}

function staticOf(row: CaseRow): CaseStatic {
  return {
    id: row.id,
    number: row.number,
    source: row.source,
    gridCode: row.grid_code,
    communityId: row.community_id,
    streetId: row.street_id,
    districtId: row.district_id,
    cityId: row.city_id,
    h3: row.h3,
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** One case: where, what, who, and a history the workflow allows, with its projection. */
export function generateCase(
  w: BulkWorld,
  r: () => number,
  spec: BulkSpec,
  tag: string,
  reportAt: number,
  counters: Map<string, number>,
): GenCase {
  const g = pick(r, w.grids);
  const p = pick(r, g.points);
  const m = pick(r, MATTERS);
  const matter = m.code;
  const major = matter.slice(0, 2);
  const x = r();
  const source = x < 0.55 ? 'inspector' : x < 0.83 ? 'hotline' : x < 0.97 ? 'public' : 'sensor';
  const inspector = w.inspectorOfStreet.get(g.streetId) ?? w.leader;
  const unit = w.unitFor(matter, g);
  const handleLimitH = HANDLE_LIMIT_H[major] ?? 8;

  // Open cases: history up to a chosen open state, then shifted so its deadline sits where
  // the shape wants it relative to `now`.
  const shape = spec.shape;
  let target: string | null = null;
  if (shape.kind === 'open') {
    const y = r();
    target =
      y < 0.15
        ? 'verifying'
        : y < 0.25
          ? 'pending_register'
          : y < 0.35
            ? 'registered'
            : y < 0.45
              ? 'dispatched'
              : y < 0.85
                ? 'handling'
                : 'checking';
    if (target === 'verifying' && source !== 'hotline' && source !== 'public') {
      target = 'pending_register';
    }
  }
  const b = new CaseBuilder(
    shape.kind === 'open' ? 0 : reportAt,
    shape.kind === 'open' ? Infinity : spec.now,
    handleLimitH,
  );
  const clerkOrPublic: Actor =
    source === 'public'
      ? { id: null, name: 'public', role: 'public' }
      : source === 'sensor'
        ? { id: null, name: 'system', role: 'system' }
        : w.clerk;
  const reporter = source === 'inspector' ? inspector : clerkOrPublic;
  const description = `${pick(r, m.texts)}（${tag}）`;
  const address = `云溪区${g.code}号网格附近`;
  const initial =
    source === 'inspector' ? 'pending_register' : source === 'sensor' ? 'reported' : 'verifying';
  b.emit(
    'report',
    initial,
    reporter,
    {
      source,
      matterCode: matter,
      description,
      address,
      lng: p.lng,
      lat: p.lat,
      gridCode: g.code,
      urgency: 'normal',
    },
    0,
  );
  const onTime = 0.9;
  const reached = (s: string) => target === s && b.state === s;
  const steps = () => {
    if (reached(initial)) {
      return;
    }
    if (b.state === 'verifying') {
      const valid = target !== null || r() < 0.92;
      b.emit('verify', 'pending_register', inspector, { verifyResult: valid }, b.delay(r, onTime));
      if (!valid) {
        b.emit('void', 'voided', w.leader, { voidReason: 'invalid' }, b.delay(r, onTime));
        b.voidReason = 'invalid';
        return;
      }
      if (reached('pending_register')) {
        return;
      }
    }
    // self-handling by the inspector (inspector reports only)
    if (source === 'inspector' && target === null && r() < 0.05) {
      b.emit(
        'self_handle',
        'self_handled',
        inspector,
        { description: '已现场处置' },
        b.delay(r, onTime),
      );
      b.emit('audit_pass', 'closed', w.leader, {}, b.delay(r, onTime));
      if (b.state === 'closed') {
        b.closedAt = b.at;
        b.closeKind = 'on_time';
      }
      return;
    }
    const d = r();
    if (target === null && d < 0.03) {
      b.emit('refuse', 'refused', w.leader, { reason: '不属于受理范围' }, b.delay(r, onTime));
      return;
    }
    if (target === null && d < 0.06) {
      b.emit('void', 'voided', w.leader, { voidReason: 'duplicate' }, b.delay(r, onTime));
      if (b.state === 'voided') {
        b.voidReason = 'duplicate';
      }
      return;
    }
    const conditionId = w.conditions.get(matter)!;
    if (
      !b.emit(
        'register',
        'registered',
        w.leader,
        {
          matterCode: matter,
          conditionId,
          routing: { ruleId: null, matched: ['major'] },
          proposedUnit: unit,
        },
        b.delay(r, onTime),
      )
    ) {
      return;
    }
    b.registeredAt = b.at;
    if (reached('registered')) {
      return;
    }
    let current = unit;
    const dispatch = (to: string) => {
      if (
        b.emit(
          'dispatch',
          'dispatched',
          w.dispatcher,
          { targetUnitId: to, proposedUnitId: unit },
          b.delay(r, onTime),
        )
      ) {
        b.unitId = to;
        b.dispatchedAt = b.at;
      }
    };
    dispatch(current);
    if (b.cut || reached('dispatched')) {
      return;
    }
    b.emit('acknowledge', 'handling', w.unitStaff, {}, b.delay(r, onTime));
    if (b.cut || reached('handling')) {
      return;
    }
    const side = r();
    if (side < 0.03) {
      b.emit(
        'request_return',
        'return_requested',
        w.unitStaff,
        { reason: '不属于本单位职责' },
        b.delay(r, 1) / 4,
      );
      if (b.emit('approve_return', 'registered', w.dispatcher, {}, 30 * MIN)) {
        b.unitId = null;
        b.counters.return++;
      }
      current = w.otherUnit(current);
      dispatch(current);
      b.emit('acknowledge', 'handling', w.unitStaff, {}, b.delay(r, onTime));
    } else if (side < 0.08) {
      b.emit(
        'request_extension',
        'extension_requested',
        w.unitStaff,
        { reason: '需协调', deadline: new Date(b.at + 48 * HOUR).toISOString() },
        b.delay(r, 1) / 2,
      );
      const granted = new Date(b.at + 48 * HOUR).toISOString();
      if (b.emit('approve_extension', 'handling', w.dispatcher, { deadline: granted }, 20 * MIN)) {
        b.counters.extension++;
      }
    } else if (side < 0.1) {
      b.emit(
        'request_hang',
        'hang_requested',
        w.unitStaff,
        { reason: '需预算' },
        b.delay(r, 1) / 2,
      );
      if (b.emit('approve_hang', 'hung', w.dispatcher, {}, 20 * MIN)) {
        b.counters.hang++;
      }
      b.emit('resume', 'handling', w.unitStaff, {}, 2 * DAY * r() + HOUR);
    }
    for (let round = 0; round < 3; round++) {
      const late = b.delay(r, onTime);
      const mode =
        r() < 0.7 ? DISPOSAL_MODES[0] : r() < 0.67 ? DISPOSAL_MODES[1] : DISPOSAL_MODES[2];
      if (
        !b.emit(
          'feedback',
          'checking',
          w.unitStaff,
          { description: '已处置', disposalMode: mode },
          late,
        )
      ) {
        return;
      }
      b.disposalMode = mode;
      b.handledAt = b.at;
      const deadline = Date.parse(
        (b.events.at(-1)!.e.payload.stageDeadline as string | undefined) ?? '',
      );
      if (!Number.isNaN(deadline) && b.at > deadline) {
        b.handleOverdue = true;
      }
      if (reached('checking')) {
        return;
      }
      if (round < 2 && r() < 0.07) {
        if (
          b.emit('check_fail', 'handling', inspector, { reason: '未处置到位' }, b.delay(r, onTime))
        ) {
          b.counters.rework++;
        }
        continue;
      }
      b.emit('check_pass', 'handled', inspector, {}, b.delay(r, onTime));
      break;
    }
    if (b.state === 'handled' && b.emit('close', 'closed', w.leader, {}, b.delay(r, onTime))) {
      b.closedAt = b.at;
      b.closeKind = b.handleOverdue ? 'overdue' : 'on_time';
    }
  };
  steps();
  if (shape.kind === 'history') {
    // Still open at `now`: the sweep has marked a passed deadline.
    b.markOverdueBefore(spec.now);
  }
  if (shape.kind === 'open') {
    // Place the current stage's deadline: ahead, passed (newly), or passed and marked.
    const limit = (b.stageDeadlineAt ?? b.at + HOUR) - (b.stageStartedAt ?? b.at);
    const y = r();
    const deadline =
      y < shape.newlyOverdue
        ? spec.now - Math.round((MIN + r() * 2 * DAY) / MIN) * MIN
        : y < shape.newlyOverdue + shape.marked
          ? spec.now - Math.round((HOUR + r() * 3 * DAY) / MIN) * MIN
          : spec.now + Math.round((MIN + r() * limit) / MIN) * MIN;
    const shift = deadline - (b.stageDeadlineAt ?? b.at + HOUR);
    for (const x of b.events) {
      x.e.at += shift;
      if (typeof x.e.payload.stageDeadline === 'string') {
        x.e.payload.stageDeadline = new Date(
          Date.parse(x.e.payload.stageDeadline) + shift,
        ).toISOString();
      }
      if (typeof x.e.payload.deadline === 'string') {
        x.e.payload.deadline = new Date(Date.parse(x.e.payload.deadline) + shift).toISOString();
      }
    }
    const move = (v: number | null) => (v === null ? null : v + shift);
    b.at += shift;
    b.stageStartedAt = move(b.stageStartedAt);
    b.stageDeadlineAt = move(b.stageDeadlineAt);
    b.handleStartedAt = move(b.handleStartedAt);
    b.handleDeadlineAt = move(b.handleDeadlineAt);
    b.registeredAt = move(b.registeredAt);
    b.dispatchedAt = move(b.dispatchedAt);
    b.handledAt = move(b.handledAt);
    b.pauses = b.pauses.map((q) => ({
      from: q.from + shift,
      to: q.to === null ? null : q.to + shift,
    }));
    for (const n of b.notices) {
      n.deadline += shift;
      n.at += shift;
    }
    if (y >= shape.newlyOverdue && y < shape.newlyOverdue + shape.marked) {
      // The sweep marked it already: its overdue event and notice exist.
      b.markOverdueBefore(spec.now);
      b.at = b.events.at(-1)!.e.at;
    }
  }

  const first = b.events[0]!.e;
  const day = shanghaiDay(first.at).replaceAll('-', '');
  const seq = (counters.get(day) ?? 0) + 1;
  counters.set(day, seq);
  const row: CaseRow = {
    id: uuidv7(first.at),
    number: `${day}${String(seq).padStart(5, '0')}`,
    source,
    idempotency_key: null,
    state: b.state,
    version: b.events.length,
    matter_code: matter,
    matter_original_code: null,
    major_code: major,
    condition_id: b.registeredAt !== null ? w.conditions.get(matter)! : null,
    urgency: 'normal',
    description,
    address,
    lng: p.lng,
    lat: p.lat,
    h3: p.h3,
    grid_code: g.code,
    community_id: g.communityId,
    street_id: g.streetId,
    district_id: g.districtId,
    city_id: g.cityId,
    area_class: g.areaClass,
    reporter_name: source === 'hotline' || source === 'public' ? '王女士' : null,
    reporter_phone:
      source === 'hotline' || source === 'public' ? `139${tag.padStart(8, '0').slice(-8)}` : null,
    anonymous: 0,
    reported_by: reporter.id,
    unit_id: b.unitId,
    proposed_unit_id: b.registeredAt !== null ? unit : null,
    routing_reason: b.registeredAt !== null ? '{"ruleId":null,"matched":["major"]}' : null,
    stage: b.stage,
    stage_started_at: b.stageStartedAt,
    stage_deadline_at: b.stageDeadlineAt,
    stage_limit:
      b.stageLimitMin !== null
        ? JSON.stringify(
            b.stage === 'handle'
              ? { amount: handleLimitH, unit: 'hour' }
              : { amount: b.stageLimitMin, unit: 'minute' },
          )
        : null,
    stage_overdue: b.stageOverdue ? 1 : 0,
    handle_started_at: b.handleStartedAt,
    handle_deadline_at: b.handleDeadlineAt,
    handle_limit:
      b.registeredAt !== null ? JSON.stringify({ amount: handleLimitH, unit: 'hour' }) : null,
    pauses: JSON.stringify(b.pauses),
    handle_overdue: b.handleOverdue ? 1 : 0,
    rework_count: b.counters.rework,
    return_count: b.counters.return,
    extension_count: b.counters.extension,
    hang_count: b.counters.hang,
    supervise_count: 0,
    remind_count: 0,
    parent_case_id: null,
    disposal_mode: b.disposalMode,
    void_reason: b.voidReason,
    created_at: first.at,
    updated_at: b.at,
    registered_at: b.registeredAt,
    dispatched_at: b.dispatchedAt,
    handled_at: b.handledAt,
    closed_at: b.closedAt,
    close_kind: b.closeKind,
    event_count: b.events.length,
    last_hash: GENESIS_HASH,
  };
  return { row, events: b.events, notices: b.notices };
}
