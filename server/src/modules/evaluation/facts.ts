/**
 * Evaluation facts: what one case's event history counts for, and where. Pure: the only
 * inputs are the case's never-changing attributes (place, source, H3 cell) and its events.
 *
 * A fact is one countable item: "this dispatch (case X, event 4) was a handling assignment of
 * unit U", "this case reported on 23 Nov in grid G was closed on time". Each fact has an
 * *anchor*: the event it is about (the report for case facts, the dispatch for a unit's
 * assignment, the person's own action for person facts); the anchor's local day is the day the
 * fact counts on. Facts are cohort facts: the anchor fixes the day, the rest of the history
 * (as far as it goes) decides the outcome. So a month's "handled on time" counts the
 * assignments dispatched that month that were handled on time, whenever the feedback came, and
 * the figure of a past month still moves while its cases are open. A numerator is always a
 * subset of its denominator's items, so every rate lies in [0, 1].
 *
 * The incremental rollups are the facts of the history after an event minus the facts before
 * it (the service's hook); the from-scratch recompute and the drill-down derive the same facts
 * from the stored events. One definition, three uses: they cannot drift apart.
 *
 * Definitions (docs/EVALUATION.md is the long form):
 * - on time: the event came at or before the deadline of the stage it ended
 *   (`payload.stageDeadline`, written by the cases service); no deadline counts as on time.
 * - handling overdue flag: set by a feedback after the handling deadline in effect or by the
 *   `overdue` event of the handle stage (the sweep's, or the one a command writes when it
 *   leaves the deadline passed); cleared by a new dispatch (same rule as the
 *   case projection's `handle_overdue`, so "closed on time" equals `close_kind = 'on_time'`).
 * - assignment: a dispatch to a unit, until an approved return ends it.
 * - handled: the assignment got at least one feedback; handled on time: handled and the
 *   overdue flag was off after its latest feedback.
 * - overdue unhandled: the assignment is current, owes a feedback (dispatched, or sent back by a
 *   failed check), its handling is flagged overdue, and the case is not hung.
 * - accurate dispatch: a dispatch whose assignment was never ended by an approved return.
 * - valid case: registered (立案), or self-handled and passed the audit.
 * - valid inspector report: an inspector's report whose case became valid.
 * - missed report (漏报): a valid case of source public, hotline or open311 (no inspector had
 *   reported it first, or it would have been merged into or voided as a duplicate of that).
 * - accurate registration: a register decision whose case was never returned by a unit.
 * - closed on time: closed by the shift leader (close, or audit_pass of a self-handled case)
 *   with the handling overdue flag off. Merged duplicates closed by the system are not closures.
 */
import { AREA_KINDS, type AreaKind } from '@common/evaluation';
import type { DisposalMode } from '@common/workflow';
import { DISPOSAL_MODES } from '@common/workflow';

/** The attributes of a case that never change after intake. */
export interface CaseStatic {
  id: string;
  number: string;
  source: string;
  gridCode: string;
  communityId: string | null;
  streetId: string | null;
  districtId: string | null;
  cityId: string | null;
  /** H3 cell of the case at resolution 9. */
  h3: string;
}

/** One stored event, with its payload parsed. */
export interface FactEvent {
  seq: number;
  at: number;
  actorId: string | null;
  actorRole: string;
  action: string;
  fromState: string | null;
  toState: string;
  payload: Record<string, unknown>;
}

/** A dimension cell a fact counts in: [kind, key]. */
export type Dim = readonly [kind: string, key: string];

export interface Fact {
  /** 'family.name', e.g. 'case.closed_on_time', 'unit.to_handle', 'inspector.valid'. */
  metric: string;
  /** The anchor event's sequence number in the case. */
  seq: number;
  /** The anchor event's instant (epoch ms): its local day is the day the fact counts on. */
  at: number;
  dims: readonly Dim[];
}

/** Sources whose reports come from the public (a valid one is an inspector's missed report). */
export const PUBLIC_SOURCES: readonly string[] = ['public', 'hotline', 'open311'];

/** Key used for a missing id or code ('unknown'). */
export const NONE = '-';

/** Case facts, anchored at the report. */
export const CASE_METRICS = [
  'reported',
  'public',
  'valid',
  'missed',
  'registered',
  'refused',
  'voided',
  'merged',
  'dispatched',
  'handled',
  'handled_on_time',
  'overdue',
  'overdue_unhandled',
  'closed',
  'closed_on_time',
  'rework',
  'returned',
  'extended',
  'hung',
  'verified',
  'verified_on_time',
  'checked',
  'checked_on_time',
] as const;

/** Case metrics also counted per matter major, matter and source (trends, boards by matter). */
export const CATEGORY_METRICS: ReadonlySet<string> = new Set([
  'reported',
  'public',
  'valid',
  'registered',
  'voided',
  'handled',
  'handled_on_time',
  'overdue',
  'closed',
  'closed_on_time',
]);

/** Handling-unit facts, anchored at the dispatch (one per assignment). */
export const UNIT_METRICS = [
  'to_handle',
  'acknowledged',
  'acknowledged_on_time',
  'handled',
  'handled_on_time',
  'overdue',
  'overdue_unhandled',
  'rework',
  'returned',
  'extended',
  'hung',
  'closed',
  'closed_on_time',
] as const;

/** Person facts by role, anchored at the person's own action. */
export const PERSON_METRICS = {
  inspector: ['reported', 'valid', 'verified', 'verified_on_time', 'checked', 'checked_on_time'],
  intake_clerk: ['actions', 'verify_sent', 'verify_sent_on_time', 'decided', 'decided_on_time'],
  shift_leader: [
    'decided',
    'decided_on_time',
    'registered',
    'registered_accurate',
    'closed',
    'closed_on_time',
  ],
  dispatcher: ['dispatched', 'dispatched_on_time', 'accurate'],
} as const;

export type PersonRole = keyof typeof PERSON_METRICS;
export const PERSON_ROLES = Object.keys(PERSON_METRICS) as PersonRole[];

/** 721 facts: the disposal mode of each handled assignment, anchored at its latest feedback. */
export const DISPOSAL_METRICS = DISPOSAL_MODES.map((m) => `disposal.${m}`);

/** Dimension kinds whose key says nothing about the region: they are kept per scope too. */
export const SCOPED_KINDS = [
  'unit',
  'inspector',
  'intake_clerk',
  'shift_leader',
  'dispatcher',
  'major',
  'matter',
  'source',
  'h3',
  'h3_major',
  'h3_matter',
] as const;

/** Area dimension kinds, from the top. */
export { AREA_KINDS, type AreaKind };

/** The kind holding a scoped copy: 'unit@d' keyed 'districtId|unitId', 'unit@s' by street. */
export function scopedKind(kind: string, level: 'district' | 'street'): string {
  return `${kind}@${level === 'district' ? 'd' : 's'}`;
}

function scoped(c: CaseStatic, kind: string, key: string): Dim[] {
  return [
    [kind, key],
    [scopedKind(kind, 'district'), `${c.districtId ?? NONE}|${key}`],
    [scopedKind(kind, 'street'), `${c.streetId ?? NONE}|${key}`],
  ];
}

function areaDims(c: CaseStatic): Dim[] {
  return [
    ['city', c.cityId ?? NONE],
    ['district', c.districtId ?? NONE],
    ['street', c.streetId ?? NONE],
    ['community', c.communityId ?? NONE],
    ['grid', c.gridCode],
  ];
}

interface Assignment {
  dispatch: FactEvent;
  unitId: string;
  dispatchOnTime: boolean;
  ack: { onTime: boolean } | null;
  lastFeedback: { seq: number; at: number; mode: string | null } | null;
  /** The handling overdue flag right after the latest feedback. */
  overdueAfterFeedback: boolean;
  /** A feedback is owed (after the dispatch, or after a failed check). */
  awaitingFeedback: boolean;
  overdueEver: boolean;
  reworked: boolean;
  extended: boolean;
  hung: boolean;
  returned: boolean;
  closed: { onTime: boolean } | null;
}

interface Timed {
  e: FactEvent;
  onTime: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** True when the event came at or before the deadline of the stage it ended (none: true). */
export function metDeadline(e: FactEvent): boolean {
  const d = str(e.payload.stageDeadline);
  if (d === null) {
    return true;
  }
  const ms = Date.parse(d);
  return Number.isNaN(ms) || e.at <= ms;
}

/**
 * True when an event changes no fact, whatever the history before it: appending it to any
 * history leaves `deriveFacts` as it was. Only an `overdue` event of a stage other than
 * handling is such an event (it keeps the state and sets no flag the facts read); the sweep
 * writes those marks as notices now, but stores written before hold them as events. The
 * rollup hook skips reading the history of these.
 */
export function isFactNeutral(action: string, payload: string | Record<string, unknown>): boolean {
  if (action !== 'overdue') {
    return false;
  }
  const p =
    typeof payload === 'string' ? (JSON.parse(payload) as Record<string, unknown>) : payload;
  return p.stage !== 'handle';
}

/**
 * Every fact of one case, derived from its events (ordered by seq). Deterministic: the same
 * case and events give the same facts in the same order.
 */
export function deriveFacts(c: CaseStatic, events: readonly FactEvent[]): Fact[] {
  if (events.length === 0) {
    return [];
  }
  const report = events.find((e) => e.action === 'report') ?? events[0]!;
  let matter: string | null = null;
  let state = '';
  let overdue = false; // the handling overdue flag (projection: handle_overdue)
  let everOverdue = false;
  let registered: FactEvent | null = null;
  let auditPassed = false;
  let refused = false;
  let voided = false;
  let merged = false;
  let returnedEver = false;
  let reworkEver = false;
  let closed: Timed | null = null;
  const verifies: Timed[] = [];
  const sends: Timed[] = [];
  const checks: Timed[] = [];
  const decisions: Timed[] = [];
  const intakeActions: FactEvent[] = [];
  const assignments: Assignment[] = [];
  let cur: Assignment | null = null;

  for (const e of events) {
    const onTime = metDeadline(e);
    switch (e.action) {
      case 'report':
        matter = str(e.payload.matterCode);
        intakeActions.push(e);
        break;
      case 'verify':
        if (e.fromState === 'verifying') {
          verifies.push({ e, onTime });
        } else {
          sends.push({ e, onTime });
          intakeActions.push(e);
        }
        break;
      case 'register':
        registered = e;
        matter = str(e.payload.matterCode) ?? matter;
        decisions.push({ e, onTime });
        intakeActions.push(e);
        break;
      case 'refuse':
        refused = true;
        decisions.push({ e, onTime });
        intakeActions.push(e);
        break;
      case 'void':
        voided = true;
        decisions.push({ e, onTime });
        intakeActions.push(e);
        break;
      case 'merge':
        merged = true;
        intakeActions.push(e);
        break;
      case 'audit_pass':
        auditPassed = true;
        closed = { e, onTime: !overdue };
        break;
      case 'audit_fail':
        voided = true;
        break;
      case 'dispatch':
        overdue = false;
        cur = {
          dispatch: e,
          unitId: str(e.payload.targetUnitId) ?? NONE,
          dispatchOnTime: onTime,
          ack: null,
          lastFeedback: null,
          overdueAfterFeedback: false,
          awaitingFeedback: true,
          overdueEver: false,
          reworked: false,
          extended: false,
          hung: false,
          returned: false,
          closed: null,
        };
        assignments.push(cur);
        break;
      case 'acknowledge':
        if (cur) {
          cur.ack = { onTime };
        }
        break;
      case 'approve_extension':
        if (cur) {
          cur.extended = true;
        }
        break;
      case 'approve_hang':
        if (cur) {
          cur.hung = true;
        }
        break;
      case 'approve_return':
        returnedEver = true;
        if (cur) {
          cur.returned = true;
          cur.awaitingFeedback = false;
        }
        cur = null;
        break;
      case 'feedback':
        if (!onTime) {
          overdue = true;
          everOverdue = true;
        }
        if (cur) {
          cur.overdueEver ||= !onTime;
          cur.lastFeedback = { seq: e.seq, at: e.at, mode: str(e.payload.disposalMode) };
          cur.overdueAfterFeedback = overdue;
          cur.awaitingFeedback = false;
        }
        break;
      case 'check_pass':
      case 'check_fail':
        checks.push({ e, onTime });
        if (e.action === 'check_fail') {
          reworkEver = true;
          if (cur) {
            cur.reworked = true;
            cur.awaitingFeedback = true;
          }
        }
        break;
      case 'close':
        // The system closes merged duplicates with their parent: not a closure of a problem.
        if (e.actorRole !== 'system') {
          closed = { e, onTime: !overdue };
          if (cur) {
            cur.closed = { onTime: !overdue };
          }
        }
        break;
      case 'overdue':
        if (e.payload.stage === 'handle') {
          overdue = true;
          everOverdue = true;
          if (cur) {
            cur.overdueEver = true;
          }
        }
        break;
      default:
        break;
    }
    state = e.toState;
  }

  const facts: Fact[] = [];
  const major = matter ? matter.slice(0, 2) : NONE;
  const matterKey = matter ?? NONE;
  const area = areaDims(c);
  const category = [
    ...scoped(c, 'major', major),
    ...scoped(c, 'matter', matterKey),
    ...scoped(c, 'source', c.source),
  ];
  const hotspot: Dim[] = [
    ...scoped(c, 'h3', c.h3),
    ...scoped(c, 'h3_major', `${major}|${c.h3}`),
    ...scoped(c, 'h3_matter', `${matterKey}|${c.h3}`),
    ['grid_matter', `${c.gridCode}|${matterKey}`],
  ];

  // --- case facts, anchored at the report
  const valid = registered !== null || auditPassed;
  const isPublic = PUBLIC_SOURCES.includes(c.source);
  const last = assignments.at(-1) ?? null;
  const caseFlags: Record<(typeof CASE_METRICS)[number], boolean> = {
    reported: true,
    public: isPublic,
    valid,
    missed: valid && isPublic,
    registered: registered !== null,
    refused,
    voided,
    merged,
    dispatched: assignments.length > 0,
    handled: last?.lastFeedback != null,
    handled_on_time: last?.lastFeedback != null && !last.overdueAfterFeedback,
    overdue: everOverdue,
    overdue_unhandled: last !== null && isOverdueUnhandled(last, cur, overdue, state),
    closed: closed !== null,
    closed_on_time: closed?.onTime === true,
    rework: reworkEver,
    returned: returnedEver,
    extended: assignments.some((a) => a.extended),
    hung: assignments.some((a) => a.hung),
    verified: verifies.length > 0,
    verified_on_time: verifies.length > 0 && verifies.every((v) => v.onTime),
    checked: checks.length > 0,
    checked_on_time: checks.length > 0 && checks.every((v) => v.onTime),
  };
  for (const m of CASE_METRICS) {
    if (caseFlags[m]) {
      const dims =
        m === 'reported'
          ? [...area, ...category, ...hotspot]
          : CATEGORY_METRICS.has(m)
            ? [...area, ...category]
            : area;
      facts.push({ metric: `case.${m}`, seq: report.seq, at: report.at, dims });
    }
  }

  // --- handling units and dispatchers, one assignment each
  for (const a of assignments) {
    const unitDims = scoped(c, 'unit', a.unitId);
    const handled = a.lastFeedback !== null;
    const flags: Record<(typeof UNIT_METRICS)[number], boolean> = {
      to_handle: true,
      acknowledged: a.ack !== null,
      acknowledged_on_time: a.ack?.onTime === true,
      handled,
      handled_on_time: handled && !a.overdueAfterFeedback,
      overdue: a.overdueEver,
      overdue_unhandled: isOverdueUnhandled(a, cur, overdue, state),
      rework: a.reworked,
      returned: a.returned,
      extended: a.extended,
      hung: a.hung,
      closed: a.closed !== null,
      closed_on_time: a.closed?.onTime === true,
    };
    for (const m of UNIT_METRICS) {
      if (flags[m]) {
        facts.push({ metric: `unit.${m}`, seq: a.dispatch.seq, at: a.dispatch.at, dims: unitDims });
      }
    }
    const mode = a.lastFeedback?.mode;
    if (a.lastFeedback && mode && (DISPOSAL_MODES as readonly string[]).includes(mode)) {
      facts.push({
        metric: `disposal.${mode as DisposalMode}`,
        seq: a.lastFeedback.seq,
        at: a.lastFeedback.at,
        dims: [...unitDims, ...area],
      });
    }
    const d = a.dispatch;
    if (d.actorId && d.actorRole === 'dispatcher') {
      const dims = scoped(c, 'dispatcher', d.actorId);
      const push = (m: string) =>
        facts.push({ metric: `dispatcher.${m}`, seq: d.seq, at: d.at, dims });
      push('dispatched');
      if (a.dispatchOnTime) {
        push('dispatched_on_time');
      }
      if (!a.returned) {
        push('accurate');
      }
    }
  }

  // --- people
  const person = (role: PersonRole, e: FactEvent, metrics: [string, boolean][]) => {
    if (!e.actorId || e.actorRole !== role) {
      return;
    }
    const dims = scoped(c, role, e.actorId);
    for (const [m, on] of metrics) {
      if (on) {
        facts.push({ metric: `${role}.${m}`, seq: e.seq, at: e.at, dims });
      }
    }
  };
  if (report.action === 'report') {
    person('inspector', report, [
      ['reported', true],
      ['valid', valid],
    ]);
  }
  for (const v of verifies) {
    person('inspector', v.e, [
      ['verified', true],
      ['verified_on_time', v.onTime],
    ]);
  }
  for (const v of checks) {
    person('inspector', v.e, [
      ['checked', true],
      ['checked_on_time', v.onTime],
    ]);
  }
  for (const e of intakeActions) {
    person('intake_clerk', e, [['actions', true]]);
  }
  for (const s of sends) {
    person('intake_clerk', s.e, [
      ['verify_sent', true],
      ['verify_sent_on_time', s.onTime],
    ]);
  }
  for (const d of decisions) {
    for (const role of ['intake_clerk', 'shift_leader'] as const) {
      person(role, d.e, [
        ['decided', true],
        ['decided_on_time', d.onTime],
      ]);
    }
  }
  if (registered) {
    person('shift_leader', registered, [
      ['registered', true],
      ['registered_accurate', !returnedEver],
    ]);
  }
  if (closed) {
    person('shift_leader', closed.e, [
      ['closed', true],
      ['closed_on_time', closed.onTime],
    ]);
  }
  return facts;
}

function isOverdueUnhandled(
  a: Assignment,
  cur: Assignment | null,
  overdue: boolean,
  state: string,
): boolean {
  return a === cur && a.awaitingFeedback && overdue && state !== 'hung' && !TERMINAL.has(state);
}

const TERMINAL: ReadonlySet<string> = new Set(['closed', 'voided', 'refused']);

/** One rollup cell: a dimension cell on a local day for a metric. */
export interface RollupCell {
  kind: string;
  day: string;
  key: string;
  metric: string;
}

const SEP = '\u0001';

/** A stable string key of a rollup cell. */
export function cellKey(c: RollupCell): string {
  return `${c.kind}${SEP}${c.day}${SEP}${c.key}${SEP}${c.metric}`;
}

/** The cell of a key made by cellKey. */
export function parseCellKey(k: string): RollupCell {
  const [kind, day, key, metric] = k.split(SEP) as [string, string, string, string];
  return { kind, day, key, metric };
}

/** Counts per rollup cell of some facts; `dayOf` gives an instant's local date. */
export function countCells(
  facts: readonly Fact[],
  dayOf: (ms: number) => string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of facts) {
    const day = dayOf(f.at);
    for (const [kind, key] of f.dims) {
      const k = cellKey({ kind, day, key, metric: f.metric });
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  }
  return out;
}

function sameFact(a: Fact, b: Fact): boolean {
  if (
    a.metric !== b.metric ||
    a.seq !== b.seq ||
    a.at !== b.at ||
    a.dims.length !== b.dims.length
  ) {
    return false;
  }
  for (let i = 0; i < a.dims.length; i++) {
    if (a.dims[i]![0] !== b.dims[i]![0] || a.dims[i]![1] !== b.dims[i]![1]) {
      return false;
    }
  }
  return true;
}

/**
 * The cells of (after − before), without zero entries: the same as
 * diffCells(countCells(before), countCells(after)), but facts present in both are cancelled
 * first, so an event that changes one fact of a case costs one fact's cells, not all of them.
 */
export function factDelta(
  before: readonly Fact[],
  after: readonly Fact[],
  dayOf: (ms: number) => string,
): Map<string, number> {
  const gone = [...before];
  const added: Fact[] = [];
  for (const f of after) {
    const i = gone.findIndex((g) => sameFact(g, f));
    if (i >= 0) {
      gone.splice(i, 1);
    } else {
      added.push(f);
    }
  }
  return diffCells(countCells(gone, dayOf), countCells(added, dayOf));
}

/** after − before, cell by cell, without zero entries. */
export function diffCells(
  before: Map<string, number>,
  after: Map<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, n] of after) {
    const d = n - (before.get(k) ?? 0);
    if (d !== 0) {
      out.set(k, d);
    }
  }
  for (const [k, n] of before) {
    if (!after.has(k)) {
      out.set(k, -n);
    }
  }
  return out;
}
