import { describe, expect, it } from 'vitest';
import {
  countCells,
  deriveFacts,
  diffCells,
  factDelta,
  isFactNeutral,
  metDeadline,
  type CaseStatic,
  type FactEvent,
} from './facts';

const c: CaseStatic = {
  id: 'c1',
  number: '2026112300001',
  source: 'public',
  gridCode: '339901001001001',
  communityId: 'com1',
  streetId: 'st1',
  districtId: 'd1',
  cityId: 'city',
  h3: '89309a43337ffff',
};

const H = 3_600_000;
const T0 = Date.parse('2026-11-23T09:00:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString();

/** A history builder: each event one hour after the one before unless told otherwise. */
function history() {
  const events: FactEvent[] = [];
  let at = T0;
  let state = '';
  const add = (
    action: string,
    to: string,
    o: {
      role?: string;
      actor?: string | null;
      payload?: Record<string, unknown>;
      at?: number;
    } = {},
  ) => {
    at = o.at ?? (events.length === 0 ? T0 : at + H);
    events.push({
      seq: events.length + 1,
      at,
      actorId: o.actor === undefined ? `${o.role ?? 'x'}-1` : o.actor,
      actorRole: o.role ?? 'system',
      action,
      fromState: events.length === 0 ? null : state,
      toState: to,
      payload: o.payload ?? {},
    });
    state = to;
    return api;
  };
  const api = { add, events, now: () => at };
  return api;
}

const metrics = (events: FactEvent[], s: CaseStatic = c) =>
  deriveFacts(s, events)
    .map((f) => f.metric)
    .sort();

describe('deriveFacts', () => {
  it('counts a case closed after a late feedback as handled and closed, not on time', () => {
    const h = history()
      .add('report', 'verifying', { role: 'intake_clerk', payload: { matterCode: '06010' } })
      .add('verify', 'pending_register', {
        role: 'inspector',
        payload: { stageDeadline: iso(T0 + 2 * H) },
      })
      .add('register', 'registered', {
        role: 'shift_leader',
        payload: { matterCode: '06010', stageDeadline: iso(T0) },
      })
      .add('dispatch', 'dispatched', {
        role: 'dispatcher',
        payload: { targetUnitId: 'u1', stageDeadline: iso(T0 + 9 * H) },
      })
      .add('acknowledge', 'handling', { role: 'unit_staff' })
      // Due at T0 + 4h, fed back at T0 + 5h: late.
      .add('feedback', 'checking', {
        role: 'unit_staff',
        payload: { disposalMode: 'enforcement', stageDeadline: iso(T0 + 4 * H) },
      })
      .add('check_pass', 'handled', { role: 'inspector' })
      .add('close', 'closed', { role: 'shift_leader' });
    expect(metrics(h.events)).toEqual(
      [
        'case.checked', 'case.checked_on_time', 'case.closed', 'case.dispatched', 'case.handled',
        'case.missed', 'case.overdue', 'case.public', 'case.registered', 'case.reported', 'case.valid',
        'case.verified', 'case.verified_on_time',
        'disposal.enforcement',
        'dispatcher.accurate', 'dispatcher.dispatched', 'dispatcher.dispatched_on_time',
        'intake_clerk.actions',
        'inspector.checked', 'inspector.checked_on_time', 'inspector.verified', 'inspector.verified_on_time',
        'shift_leader.closed', 'shift_leader.decided', 'shift_leader.registered', 'shift_leader.registered_accurate',
        'unit.acknowledged', 'unit.acknowledged_on_time', 'unit.closed', 'unit.handled', 'unit.overdue', 'unit.to_handle',
      ].sort(),
    ); // prettier-ignore
  });

  it('clears the overdue flag at a new dispatch, as the projection does', () => {
    const h = history()
      .add('report', 'pending_register', { role: 'inspector', actor: 'i1' })
      .add('register', 'registered', { role: 'intake_clerk', payload: { matterCode: '06010' } })
      .add('dispatch', 'dispatched', { role: 'dispatcher', payload: { targetUnitId: 'u1' } })
      .add('acknowledge', 'handling', { role: 'unit_staff' })
      .add('overdue', 'handling', { payload: { stage: 'handle' } })
      .add('request_return', 'return_requested', { role: 'unit_staff' })
      .add('approve_return', 'registered', { role: 'dispatcher' })
      .add('dispatch', 'dispatched', { role: 'dispatcher', payload: { targetUnitId: 'u2' } })
      .add('acknowledge', 'handling', { role: 'unit_staff' })
      .add('feedback', 'checking', {
        role: 'unit_staff',
        payload: { disposalMode: 'service', stageDeadline: iso(T0 + 99 * H) },
      })
      .add('check_pass', 'handled', { role: 'inspector' })
      .add('close', 'closed', { role: 'shift_leader' });
    const facts = deriveFacts({ ...c, source: 'inspector' }, h.events);
    const has = (metric: string, unit: string) =>
      facts.some((f) => f.metric === metric && f.dims.some(([k, v]) => k === 'unit' && v === unit));
    expect(has('unit.overdue', 'u1') && has('unit.returned', 'u1')).toBe(true);
    expect(has('unit.handled', 'u1')).toBe(false);
    expect(has('unit.handled_on_time', 'u2') && has('unit.closed_on_time', 'u2')).toBe(true);
    expect(has('unit.overdue', 'u2')).toBe(false);
    const m = facts.map((f) => f.metric);
    expect(m).toContain('case.closed_on_time');
    expect(m).toContain('case.overdue'); // the case went overdue once
    expect(m).toContain('inspector.valid');
    expect(m).not.toContain('case.missed'); // an inspector found it
    expect(m).not.toContain('shift_leader.registered_accurate'); // registered by a clerk
    // One accurate dispatch out of two.
    expect(m.filter((x) => x === 'dispatcher.dispatched')).toHaveLength(2);
    expect(m.filter((x) => x === 'dispatcher.accurate')).toHaveLength(1);
  });

  it('keeps the flag through a rework, and counts overdue-unhandled only while not hung', () => {
    const base = history()
      .add('report', 'pending_register', { role: 'inspector' })
      .add('register', 'registered', { role: 'shift_leader', payload: { matterCode: '06010' } })
      .add('dispatch', 'dispatched', { role: 'dispatcher', payload: { targetUnitId: 'u1' } })
      .add('acknowledge', 'handling', { role: 'unit_staff' })
      .add('feedback', 'checking', {
        role: 'unit_staff',
        payload: { disposalMode: 'service', stageDeadline: iso(T0) },
      })
      .add('check_fail', 'handling', { role: 'inspector' });
    let m = metrics(base.events, { ...c, source: 'inspector' });
    expect(m).toContain('unit.overdue_unhandled'); // the late first round still counts
    expect(m).toContain('unit.rework');
    expect(m).toContain('shift_leader.registered_accurate');
    base
      .add('request_hang', 'hang_requested', { role: 'unit_staff' })
      .add('approve_hang', 'hung', { role: 'dispatcher' });
    m = metrics(base.events, { ...c, source: 'inspector' });
    expect(m).not.toContain('unit.overdue_unhandled');
    expect(m).toContain('unit.hung');
    base.add('resume', 'handling', { role: 'dispatcher' });
    expect(metrics(base.events, { ...c, source: 'inspector' })).toContain('unit.overdue_unhandled');
    base.add('feedback', 'checking', {
      role: 'unit_staff',
      payload: { disposalMode: 'service', stageDeadline: iso(T0 + 99 * H) },
    });
    m = metrics(base.events, { ...c, source: 'inspector' });
    expect(m).not.toContain('unit.overdue_unhandled');
    expect(m).toContain('unit.handled');
    expect(m).not.toContain('unit.handled_on_time'); // flagged since the first, late feedback
  });

  it('does not count a merged duplicate as valid or closed', () => {
    const h = history()
      .add('report', 'verifying', { role: 'intake_clerk' })
      .add('verify', 'pending_register', { role: 'inspector' })
      .add('merge', 'pending_register', { role: 'intake_clerk', payload: { parentCaseId: 'p' } })
      .add('close', 'closed', {
        role: 'system',
        actor: null,
        payload: { reason: 'parent_closed' },
      });
    const m = metrics(h.events);
    expect(m).toContain('case.merged');
    expect(m).toContain('case.public');
    expect(m).not.toContain('case.valid');
    expect(m).not.toContain('case.missed');
    expect(m).not.toContain('case.closed');
    expect(m.filter((x) => x === 'intake_clerk.actions')).toHaveLength(2); // report and merge
  });

  it('anchors facts at their event and fills scoped dimension copies', () => {
    const h = history()
      .add('report', 'pending_register', { role: 'inspector', actor: 'i1' })
      .add('register', 'registered', {
        role: 'shift_leader',
        actor: 'l1',
        payload: { matterCode: '09009' },
      })
      .add('dispatch', 'dispatched', {
        role: 'dispatcher',
        actor: 'p1',
        payload: { targetUnitId: 'u1' },
      });
    const facts = deriveFacts({ ...c, source: 'inspector' }, h.events);
    const toHandle = facts.find((f) => f.metric === 'unit.to_handle')!;
    expect(toHandle).toMatchObject({ seq: 3, at: T0 + 2 * H });
    expect(toHandle.dims).toEqual([
      ['unit', 'u1'],
      ['unit@d', 'd1|u1'],
      ['unit@s', 'st1|u1'],
    ]);
    const reported = facts.find((f) => f.metric === 'case.reported')!;
    expect(reported.seq).toBe(1);
    // The matter set at registration places the report under its matter and major.
    expect(reported.dims).toContainEqual(['matter', '09009']);
    expect(reported.dims).toContainEqual(['major@s', 'st1|09']);
    expect(reported.dims).toContainEqual(['grid_matter', '339901001001001|09009']);
    expect(reported.dims).toContainEqual(['h3_major@d', 'd1|09|89309a43337ffff']);
  });

  it('reads the deadline a step met from the event', () => {
    const e = (at: number, stageDeadline?: string): FactEvent => ({
      seq: 1, at, actorId: null, actorRole: 'x', action: 'verify', fromState: 'verifying', toState: 'pending_register',
      payload: stageDeadline ? { stageDeadline } : {},
    }); // prettier-ignore
    expect(metDeadline(e(T0, iso(T0)))).toBe(true); // at the deadline: on time
    expect(metDeadline(e(T0 + 1, iso(T0)))).toBe(false);
    expect(metDeadline(e(T0 + H))).toBe(true); // no deadline
  });
});

describe('isFactNeutral', () => {
  const full = () =>
    history()
      .add('report', 'verifying', { role: 'public', actor: null })
      .add('verify', 'pending_register', { role: 'inspector', actor: 'i1' })
      .add('register', 'registered', { role: 'shift_leader', payload: { matterCode: '06010' } })
      .add('dispatch', 'dispatched', { role: 'dispatcher', payload: { targetUnitId: 'u1' } })
      .add('acknowledge', 'handling', { role: 'unit_staff' })
      .add('feedback', 'checking', { role: 'unit_staff', payload: { disposalMode: 'service' } })
      .add('check_pass', 'handled', { role: 'inspector' })
      .add('close', 'closed', { role: 'shift_leader' }).events;

  /** The history with an overdue mark of `stage` after event `i` (seqs renumbered). */
  const withMark = (i: number, stage: string): FactEvent[] => {
    const base = full();
    const prev = base[i]!;
    const mark: FactEvent = {
      seq: 0,
      at: prev.at + 60_000,
      actorId: null,
      actorRole: 'system',
      action: 'overdue',
      fromState: prev.toState,
      toState: prev.toState,
      payload: { stage },
    };
    return [...base.slice(0, i + 1), mark, ...base.slice(i + 1)].map((e, n) => ({
      ...e,
      seq: n + 1,
    }));
  };
  const cells = (events: FactEvent[]) =>
    [...countCells(deriveFacts(c, events), (ms) => iso(ms).slice(0, 10))]
      .map(([k, n]) => `${k}=${n}`)
      .sort();

  it('says which events change no fact', () => {
    expect(isFactNeutral('overdue', { stage: 'verify' })).toBe(true);
    expect(isFactNeutral('overdue', '{"stage":"dispatch"}')).toBe(true);
    expect(isFactNeutral('overdue', { stage: 'handle' })).toBe(false);
    expect(isFactNeutral('feedback', {})).toBe(false);
  });

  it('holds: a mark outside the handle stage, anywhere in a history, leaves every fact', () => {
    const plain = cells(full());
    for (let i = 0; i < full().length; i++) {
      for (const stage of ['verify', 'register', 'dispatch', 'acknowledge', 'check']) {
        expect(cells(withMark(i, stage))).toEqual(plain);
      }
    }
    // A handle-stage mark while handling does change them (the case went overdue).
    expect(cells(withMark(4, 'handle'))).not.toEqual(plain);
  });
});

describe('rollup cells', () => {
  it('moves a count when the matter becomes known, and nets to nothing otherwise', () => {
    const dayOf = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 10);
    const h = history().add('report', 'pending_register', { role: 'inspector' });
    const before = countCells(deriveFacts(c, h.events), dayOf);
    h.add('register', 'registered', { role: 'shift_leader', payload: { matterCode: '06010' } });
    const after = countCells(deriveFacts(c, h.events), dayOf);
    const delta = diffCells(before, after);
    const cell = (kind: string, key: string, metric: string) =>
      `${kind}\u00012026-11-23\u0001${key}\u0001${metric}`;
    expect(delta.get(cell('matter', '-', 'case.reported'))).toBe(-1);
    expect(delta.get(cell('matter', '06010', 'case.reported'))).toBe(1);
    expect(delta.get(cell('street', 'st1', 'case.registered'))).toBe(1);
    expect(delta.has(cell('street', 'st1', 'case.reported'))).toBe(false);
    expect(diffCells(after, after).size).toBe(0);
  });

  it('cancels the facts an event leaves alone, with the same cells as a full diff', () => {
    const dayOf = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 10);
    const h = history()
      .add('report', 'pending_register', { role: 'inspector' })
      .add('register', 'registered', { role: 'shift_leader', payload: { matterCode: '06010' } });
    const steps: [string, string, Parameters<ReturnType<typeof history>['add']>[2]][] = [
      [
        'dispatch',
        'dispatched',
        { role: 'dispatcher', payload: { targetUnitId: 'u1', stageDeadline: iso(T0 + 9 * H) } },
      ],
      ['acknowledge', 'handling', { role: 'unit_staff' }],
      ['overdue', 'handling', { role: 'system', payload: { stage: 'handle' } }],
      ['feedback', 'checking', { role: 'unit_staff', payload: { disposalMode: 'service' } }],
      ['check_fail', 'handling', { role: 'inspector' }],
      ['feedback', 'checking', { role: 'unit_staff', payload: { disposalMode: 'management' } }],
      ['check_pass', 'handled', { role: 'inspector' }],
      ['close', 'closed', { role: 'shift_leader' }],
    ];
    let changed = 0;
    for (const [action, to, opts] of steps) {
      const before = deriveFacts(c, h.events);
      h.add(action, to, opts);
      const after = deriveFacts(c, h.events);
      const full = diffCells(countCells(before, dayOf), countCells(after, dayOf));
      expect(factDelta(before, after, dayOf)).toEqual(full);
      changed += full.size;
    }
    // The history did move figures (the comparison above is not between empty maps).
    expect(changed).toBeGreaterThan(0);
  });
});
