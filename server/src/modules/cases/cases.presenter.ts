import type { CaseAction, CaseSource, CaseState, ClockStage, DisposalMode } from '@common/workflow';
import { stageOf } from '@common/workflow';
import type { Actor } from '../auth/actor';
import {
  activeElapsed,
  isClockUnit,
  trafficLight,
  type PauseInterval,
  type WorkingCalendar,
} from '../clock';
import { resumedDeadline, type Limit } from './case-clock';
import type { CaseEventRow, CaseRow } from './cases.table';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

import type { CaseStagePass, CaseView } from '@common/case-view';

export type { CaseStagePass, CaseView };

/** Masks the middle of a phone number: 138****5678. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) {
    return phone;
  }
  return phone.length <= 7 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/**
 * Case row → API JSON; the only place case field names are decided. Reporter contact is shown
 * in full to intake roles only, masked to other staff, hidden from handling units, and
 * anonymous reports show no reporter at all.
 */
export function presentCase(
  r: CaseRow,
  o: {
    actor: Actor | null;
    availableActions: CaseAction[] | undefined;
    calendar: WorkingCalendar;
    now: number;
  },
): CaseView {
  const stageLimit = r.stage_limit ? (JSON.parse(r.stage_limit) as Limit) : null;
  const handleLimit = r.handle_limit ? (JSON.parse(r.handle_limit) as Limit) : null;
  const pauses = JSON.parse(r.pauses) as { from: number; to: number | null }[];
  let light: CaseView['stage'] extends infer S
    ? S extends { light: infer L }
      ? L
      : never
    : never = null;
  let usedRatio: number | null = null;
  if (r.stage && r.stage_started_at !== null && r.stage_deadline_at !== null && stageLimit) {
    // A hung case's clock stands still: its light is measured against the deadline it would
    // get if resumed now, not the one that passes on the wall clock while it is hung.
    const hung = r.stage === 'handle' ? pauses.find((p) => p.to === null) : undefined;
    const tl = trafficLight({
      startMs: r.stage_started_at,
      deadlineMs: hung
        ? resumedDeadline(o.calendar, hung.from, r.stage_deadline_at, stageLimit.unit, o.now)
        : r.stage_deadline_at,
      nowMs: o.now,
      unit: stageLimit.unit,
      calendar: o.calendar,
      pauses: r.stage === 'handle' ? pauses : [],
    });
    light = tl.light;
    usedRatio = Math.round(tl.usedRatio * 1000) / 1000;
  }
  const roles = o.actor?.roles ?? [];
  const intake = roles.some((x) => x === 'intake_clerk' || x === 'shift_leader');
  const unitOnly =
    roles.length > 0 && roles.every((x) => x === 'unit_staff' || x === 'unit_leader');
  let reporter: CaseView['reporter'] = null;
  if (r.anonymous === 1) {
    reporter = { name: null, phone: null, anonymous: true };
  } else if (!unitOnly && (r.reporter_name || r.reporter_phone)) {
    reporter = {
      name: r.reporter_name,
      phone: intake ? r.reporter_phone : maskPhone(r.reporter_phone),
      anonymous: false,
    };
  }
  const routing = r.routing_reason
    ? (JSON.parse(r.routing_reason) as { ruleId: string | null; matched: string[] })
    : null;
  return {
    id: r.id,
    number: r.number,
    // The store keeps these as text; only the workflow writes them.
    source: r.source as CaseSource,
    state: r.state as CaseState,
    version: r.version,
    matter: r.matter_code
      ? {
          code: r.matter_code,
          originalCode: r.matter_original_code,
          majorCode: r.major_code ?? r.matter_code.slice(0, 2),
          conditionId: r.condition_id,
        }
      : null,
    urgency: r.urgency,
    description: r.description,
    address: r.address,
    location: {
      lng: r.lng,
      lat: r.lat,
      gridCode: r.grid_code,
      areaClass: r.area_class,
      h3: r.h3,
      communityId: r.community_id,
      streetId: r.street_id,
      districtId: r.district_id,
    },
    reporter,
    unitId: r.unit_id,
    routing: routing
      ? { proposedUnitId: r.proposed_unit_id, ruleId: routing.ruleId, matched: routing.matched }
      : null,
    stage: r.stage
      ? {
          name: r.stage as ClockStage,
          startedAt: iso(r.stage_started_at),
          deadline: iso(r.stage_deadline_at),
          limit: stageLimit,
          overdue:
            r.stage_overdue === 1 ||
            (r.stage_deadline_at !== null && o.now > r.stage_deadline_at && r.state !== 'hung'),
          light,
          usedRatio,
        }
      : null,
    handling:
      r.handle_started_at !== null
        ? {
            startedAt: iso(r.handle_started_at),
            deadline: iso(r.handle_deadline_at),
            limit: handleLimit,
            overdue: r.handle_overdue === 1,
            paused: pauses.some((p) => p.to === null),
          }
        : null,
    counters: {
      rework: r.rework_count,
      return: r.return_count,
      extension: r.extension_count,
      hang: r.hang_count,
      supervise: r.supervise_count,
      remind: r.remind_count,
    },
    parentCaseId: r.parent_case_id,
    disposalMode: r.disposal_mode as DisposalMode | null,
    voidReason: r.void_reason,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    registeredAt: iso(r.registered_at),
    dispatchedAt: iso(r.dispatched_at),
    handledAt: iso(r.handled_at),
    closedAt: iso(r.closed_at),
    closeKind: r.close_kind,
    ...(o.availableActions ? { availableActions: o.availableActions } : {}),
  };
}

export function presentEvent(e: CaseEventRow) {
  return {
    id: e.id,
    seq: e.seq as number | null,
    at: new Date(e.at).toISOString(),
    actor: { id: e.actor_id, name: e.actor_name, role: e.actor_role },
    action: e.action,
    fromState: e.from_state,
    toState: e.to_state,
    payload: JSON.parse(e.payload) as Record<string, unknown>,
    attachmentIds: JSON.parse(e.attachment_ids) as string[],
    hash: e.hash as string | null,
  };
}

export type EventView = ReturnType<typeof presentEvent>;

/** An overdue mark as the sweep stores it: the notice of a missed stage deadline. */
export interface OverdueMark {
  id: string;
  stage: string | null;
  deadline_at: number;
  at: number;
}

/**
 * The deadlines a case's overdue marks can carry: each stage's deadline as the event that
 * left the stage recorded it (`stageDeadline`), and the current stage's.
 */
export function markDeadlines(events: readonly EventView[], current: number | null): number[] {
  const out = new Set<number>();
  for (const e of events) {
    const d = e.payload.stageDeadline;
    if (typeof d === 'string' && !Number.isNaN(Date.parse(d))) {
      out.add(Date.parse(d));
    }
  }
  if (current !== null) {
    out.add(current);
  }
  return [...out];
}

/**
 * A case's timeline: its chained events with its overdue marks merged in by time. A mark is
 * an observation (a deadline passed in a stage), not an act, so it has no place in the hash
 * chain (`seq` and `hash` null) and keeps the state the case was in. A mark with the same
 * stage and deadline as a chained `overdue` event (the handling stage's, and every mark of
 * stores written before marks appended) is that event and is not shown twice.
 */
export function withOverdueMarks(
  events: readonly EventView[],
  marks: readonly OverdueMark[],
): EventView[] {
  const chained = new Set(
    events
      .filter((e) => e.action === 'overdue')
      .map((e) => `${String(e.payload.stage)}|${Date.parse(String(e.payload.deadline))}`),
  );
  const extra = marks
    .filter((m) => !chained.has(`${String(m.stage)}|${m.deadline_at}`))
    .sort((a, b) => a.at - b.at);
  if (extra.length === 0) {
    return [...events];
  }
  const out: EventView[] = [];
  let i = 0;
  for (const m of extra) {
    while (i < events.length && Date.parse(events[i]!.at) <= m.at) {
      out.push(events[i++]!);
    }
    const state = out.at(-1)?.toState ?? events[0]?.toState ?? 'reported';
    out.push({
      id: m.id,
      seq: null,
      at: new Date(m.at).toISOString(),
      actor: { id: null, name: 'system', role: 'system' },
      action: 'overdue',
      fromState: state,
      toState: state,
      payload: { stage: m.stage, deadline: new Date(m.deadline_at).toISOString() },
      attachmentIds: [],
      hash: null,
    });
  }
  return out.concat(events.slice(i));
}

/** Actions that send a case back into the stage it is in: a new pass of that stage. */
const RESTARTS = new Set(['check_fail', 'redo', 'reopen']);

/**
 * The stages a case went through, from its timeline (overdue marks included): a pass starts
 * when an event enters a stage and ends when one leaves it, and the time it used is measured
 * as its limit counts (`activeElapsed`: working time for working units, hung time left out of
 * handling), up to `now` for the pass still open.
 */
export function stagePasses(
  events: readonly EventView[],
  o: {
    calendar: WorkingCalendar;
    now: number;
    /** The limit of a pass of `stage`; `current` for the stage the case is in now. */
    limitOf: (stage: ClockStage, current: boolean) => Limit | null;
    /** The case's hang intervals (they stop the handling clock). */
    pauses: readonly PauseInterval[];
  },
): CaseStagePass[] {
  const passes: {
    stage: ClockStage;
    from: number;
    to: number | null;
    deadline: string | null;
    overdue: boolean;
  }[] = [];
  let open: (typeof passes)[number] | null = null;
  for (const e of events) {
    const at = Date.parse(e.at);
    if (e.action === 'overdue') {
      if (open && (e.payload.stage === undefined || e.payload.stage === open.stage)) {
        open.overdue = true;
        open.deadline = typeof e.payload.deadline === 'string' ? e.payload.deadline : null;
      }
      continue;
    }
    const next = stageOf(e.toState as CaseState);
    const prev = e.fromState ? stageOf(e.fromState as CaseState) : null;
    const restarted = next !== null && next === prev && RESTARTS.has(e.action);
    if (open && (next !== open.stage || restarted)) {
      open.to = at;
      open = null;
    }
    if (next && !open) {
      open = { stage: next, from: at, to: null, deadline: null, overdue: false };
      passes.push(open);
    }
  }
  return passes.map((p) => {
    const limit = o.limitOf(p.stage, p === open);
    const unit = limit?.unit ?? 'minute';
    const used = activeElapsed(
      o.calendar,
      p.from,
      p.to ?? o.now,
      unit,
      p.stage === 'handle' ? o.pauses : [],
      o.now,
    );
    return {
      stage: p.stage,
      startedAt: new Date(p.from).toISOString(),
      endedAt: iso(p.to),
      limit: limit ? { amount: limit.amount, unit: limit.unit } : null,
      usedMinutes: Math.round(used / 60_000),
      measure: isClockUnit(unit) ? 'clock' : 'working',
      overdue: p.overdue,
      overdueDeadline: p.deadline,
    };
  });
}
