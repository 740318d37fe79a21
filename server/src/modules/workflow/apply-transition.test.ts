import type { Role } from '@common/roles';
import { ROLES } from '@common/roles';
import type { CaseAction, CaseState } from '@common/workflow';
import { CASE_ACTIONS, CASE_STATES } from '@common/workflow';
import { describe, expect, it } from 'vitest';
import { actingRole, availableActions, decide } from './apply-transition';
import type { RequirementKey, TransitionPayload } from './requirements';

// ---------------------------------------------------------------------------------------------
// The expectation, written by hand from the brief and domain §2, NOT derived from the table.
// One row per allowed (from, action): next state, roles allowed, and every payload requirement
// (photo included where it is conditional on the matter; see PHOTO_CONDITIONAL).
// ---------------------------------------------------------------------------------------------

type Row = readonly [
  from: CaseState,
  action: CaseAction,
  to: CaseState,
  roles: readonly Role[],
  requires: readonly RequirementKey[],
];

const INTAKE: readonly Role[] = ['intake_clerk', 'shift_leader'];
const UNIT: readonly Role[] = ['unit_staff', 'unit_leader'];

const STATE_ROWS: readonly Row[] = [
  ['reported', 'verify', 'verifying', INTAKE, []],
  ['reported', 'register', 'registered', INTAKE, ['matter', 'condition']],
  ['reported', 'refuse', 'refused', INTAKE, ['reason']],
  ['reported', 'void', 'voided', INTAKE, ['voidReason']],
  ['reported', 'merge', 'reported', INTAKE, ['parentCase']],
  ['reported', 'self_handle', 'self_handled', ['inspector'], ['photo']],
  ['verifying', 'verify', 'pending_register', ['inspector'], ['verifyResult']],
  ['verifying', 'merge', 'verifying', INTAKE, ['parentCase']],
  ['pending_register', 'register', 'registered', INTAKE, ['matter', 'condition']],
  ['pending_register', 'refuse', 'refused', INTAKE, ['reason']],
  ['pending_register', 'void', 'voided', INTAKE, ['voidReason']],
  ['pending_register', 'merge', 'pending_register', INTAKE, ['parentCase']],
  ['pending_register', 'self_handle', 'self_handled', ['inspector'], ['photo']],
  ['registered', 'dispatch', 'dispatched', ['dispatcher'], ['targetUnit']],
  ['dispatched', 'acknowledge', 'handling', UNIT, []],
  ['handling', 'request_extension', 'extension_requested', UNIT, ['reason', 'deadline']],
  ['handling', 'request_return', 'return_requested', UNIT, ['reason']],
  ['handling', 'request_hang', 'hang_requested', UNIT, ['reason']],
  ['handling', 'feedback', 'checking', UNIT, ['description', 'disposalMode', 'photo']],
  ['extension_requested', 'approve_extension', 'handling', ['dispatcher'], ['deadline']],
  ['extension_requested', 'deny_extension', 'handling', ['dispatcher'], ['reason']],
  ['return_requested', 'approve_return', 'registered', ['dispatcher'], []],
  ['return_requested', 'deny_return', 'handling', ['dispatcher'], ['reason']],
  ['hang_requested', 'approve_hang', 'hung', ['dispatcher'], []],
  ['hang_requested', 'deny_hang', 'handling', ['dispatcher'], ['reason']],
  ['hung', 'resume', 'handling', ['dispatcher', 'unit_staff', 'unit_leader'], []],
  ['checking', 'check_pass', 'handled', ['inspector'], ['photo']],
  ['checking', 'check_fail', 'handling', ['inspector'], ['reason', 'photo']],
  ['handled', 'close', 'closed', ['shift_leader'], []],
  ['handled', 'redo', 'handling', INTAKE, ['reason']],
  ['closed', 'reopen', 'handling', INTAKE, ['reason']],
  ['self_handled', 'audit_pass', 'closed', ['shift_leader'], []],
  ['self_handled', 'audit_fail', 'voided', ['shift_leader'], ['reason']],
];

/** Actions whose photo requirement depends on the matter's closure condition. */
const PHOTO_CONDITIONAL: ReadonlySet<CaseAction> = new Set([
  'feedback',
  'check_pass',
  'check_fail',
]);

const OPEN: readonly CaseState[] = [
  'reported',
  'verifying',
  'pending_register',
  'registered',
  'dispatched',
  'handling',
  'extension_requested',
  'return_requested',
  'hang_requested',
  'hung',
  'handled',
  'checking',
  'self_handled',
];

const OVERLAY_ROWS: readonly Row[] = OPEN.flatMap((s): Row[] => [
  [s, 'supervise', s, ['bureau_leader', 'shift_leader', 'street_chief'], ['reason']],
  [s, 'remind', s, ['shift_leader', 'dispatcher', 'street_chief', 'bureau_leader'], []],
]);

const EXPECTED: readonly Row[] = [...STATE_ROWS, ...OVERLAY_ROWS];

const expectedRow = (s: CaseState, a: CaseAction): Row | undefined =>
  EXPECTED.find(([from, action]) => from === s && action === a);

/** A payload meeting every requirement of every action. */
const FULL: TransitionPayload = {
  reason: 'needs budget approval',
  attachmentIds: ['att-1'],
  deadline: Date.UTC(2026, 5, 1, 9),
  targetUnitId: 'unit-1',
  matterCode: '010101',
  conditionCode: 'c1',
  parentCaseId: 'case-parent',
  disposalMode: 'service',
  verifyResult: true,
  description: 'removed the ad and cleaned the wall',
  voidReason: 'duplicate',
};

/** The payload field each requirement reads (hand-written, independent of REQUIREMENT_FIELDS). */
const FIELD: Record<RequirementKey, keyof TransitionPayload> = {
  reason: 'reason',
  photo: 'attachmentIds',
  deadline: 'deadline',
  targetUnit: 'targetUnitId',
  matter: 'matterCode',
  condition: 'conditionCode',
  parentCase: 'parentCaseId',
  disposalMode: 'disposalMode',
  verifyResult: 'verifyResult',
  description: 'description',
  voidReason: 'voidReason',
};

function without(payload: TransitionPayload, key: RequirementKey): TransitionPayload {
  const copy: Record<string, unknown> = { ...payload };
  delete copy[FIELD[key]];
  return copy;
}

/** Untyped input, as a careless caller could send it (a plain record is accepted as is). */
function raw(payload: Record<string, unknown>): TransitionPayload {
  return payload;
}

// ---------------------------------------------------------------------------------------------

describe('decide: every (state, action, role) triple', () => {
  describe.each(CASE_STATES)('in state %s', (state) => {
    it.each(CASE_ACTIONS)('action %s', (action) => {
      const row = expectedRow(state, action);
      for (const role of ROLES) {
        const d = decide({ state, action, role, payload: FULL });
        const label = `${state} / ${action} / ${role}`;
        if (row === undefined) {
          expect(d, label).toMatchObject({ ok: false, code: 'WORKFLOW_INVALID_TRANSITION' });
        } else if (row[3].includes(role)) {
          expect(d, label).toMatchObject({ ok: true, to: row[2] });
        } else {
          expect(d, label).toMatchObject({ ok: false, code: 'WORKFLOW_ROLE_FORBIDDEN' });
        }
      }
    });
  });

  it('never lets admin act', () => {
    for (const state of CASE_STATES) {
      for (const action of CASE_ACTIONS) {
        expect(decide({ state, action, role: 'admin', payload: FULL }).ok).toBe(false);
      }
    }
  });
});

describe('decide: requirements', () => {
  const withRequirements = EXPECTED.filter((r) => r[4].length > 0);

  it.each(withRequirements.map((r) => [r[0], r[1], r] as const))(
    '%s / %s with an empty payload names every requirement',
    (_s, _a, [state, action, , roles, requires]) => {
      const d = decide({ state, action, role: roles[0]!, payload: {} });
      expect(d.ok).toBe(false);
      if (d.ok) {
        return;
      }
      expect(d.code).toBe('WORKFLOW_REQUIREMENT_MISSING');
      expect([...(d.missing ?? [])].sort()).toEqual([...requires].sort());
      for (const k of requires) {
        expect(d.message).toContain(k);
      }
    },
  );

  const singles = withRequirements.flatMap((r) => r[4].map((k) => [r[0], r[1], k, r] as const));

  it.each(singles)('%s / %s without %s names exactly that one', (state, action, k, row) => {
    const d = decide({ state, action, role: row[3][0]!, payload: without(FULL, k) });
    expect(d).toMatchObject({ ok: false, code: 'WORKFLOW_REQUIREMENT_MISSING', missing: [k] });
  });

  it('omitting the payload counts as an empty payload', () => {
    expect(decide({ state: 'registered', action: 'dispatch', role: 'dispatcher' })).toMatchObject({
      ok: false,
      missing: ['targetUnit'],
    });
    expect(decide({ state: 'dispatched', action: 'acknowledge', role: 'unit_staff' }).ok).toBe(
      true,
    );
  });

  describe('photo conditional on the matter', () => {
    const conditional = STATE_ROWS.filter((r) => PHOTO_CONDITIONAL.has(r[1]));
    const noPhoto = without(FULL, 'photo');

    it.each(conditional.map((r) => [r[1], r] as const))(
      '%s needs no photo when photoRequired is false',
      (_a, [state, action, to, roles]) => {
        const d = decide({
          state,
          action,
          role: roles[0]!,
          payload: noPhoto,
          photoRequired: false,
        });
        expect(d).toMatchObject({ ok: true, to });
      },
    );

    it.each(conditional.map((r) => [r[1], r] as const))(
      '%s needs a photo when photoRequired is true or omitted',
      (_a, [state, action, , roles]) => {
        const role = roles[0]!;
        for (const photoRequired of [true, undefined]) {
          const d = decide({ state, action, role, payload: noPhoto, photoRequired });
          expect(d).toMatchObject({ ok: false, missing: ['photo'] });
        }
      },
    );

    it('self_handle needs a photo even when photoRequired is false', () => {
      const d = decide({
        state: 'pending_register',
        action: 'self_handle',
        role: 'inspector',
        payload: noPhoto,
        photoRequired: false,
      });
      expect(d).toMatchObject({ ok: false, missing: ['photo'] });
    });
  });

  describe('values that are present but empty or unknown', () => {
    const feedback = (payload: TransitionPayload) =>
      decide({ state: 'handling', action: 'feedback', role: 'unit_staff', payload });

    it('rejects blank strings', () => {
      expect(feedback({ ...FULL, description: '   ' })).toMatchObject({
        missing: ['description'],
      });
      expect(
        decide({
          state: 'pending_register',
          action: 'refuse',
          role: 'intake_clerk',
          payload: { reason: '' },
        }),
      ).toMatchObject({ missing: ['reason'] });
    });

    it('rejects an empty attachment list and blank attachment ids', () => {
      expect(feedback({ ...FULL, attachmentIds: [] })).toMatchObject({ missing: ['photo'] });
      expect(feedback({ ...FULL, attachmentIds: ['att-1', ''] })).toMatchObject({
        missing: ['photo'],
      });
    });

    it('rejects a disposal mode outside the 721 modes', () => {
      expect(feedback(raw({ ...FULL, disposalMode: 'fine' }))).toMatchObject({
        missing: ['disposalMode'],
      });
      for (const disposalMode of ['service', 'management', 'enforcement'] as const) {
        expect(feedback({ ...FULL, disposalMode }).ok).toBe(true);
      }
    });

    it('accepts verifyResult false ("nothing found") and rejects a non-boolean', () => {
      const verify = (payload: TransitionPayload) =>
        decide({ state: 'verifying', action: 'verify', role: 'inspector', payload });
      expect(verify({ verifyResult: false })).toMatchObject({ ok: true, to: 'pending_register' });
      expect(verify(raw({ verifyResult: 'yes' }))).toMatchObject({ missing: ['verifyResult'] });
    });

    it('rejects a deadline that is not a positive integer of epoch ms', () => {
      const approve = (deadline: unknown) =>
        decide({
          state: 'extension_requested',
          action: 'approve_extension',
          role: 'dispatcher',
          payload: raw({ deadline }),
        });
      expect(approve(Number.NaN)).toMatchObject({ missing: ['deadline'] });
      expect(approve(0)).toMatchObject({ missing: ['deadline'] });
      expect(approve('2026-06-01')).toMatchObject({ missing: ['deadline'] });
      expect(approve(Date.UTC(2026, 5, 1))).toMatchObject({ ok: true, to: 'handling' });
    });

    it('lets a user void only for duplicate, invalid or out_of_jurisdiction', () => {
      const voidIt = (voidReason: unknown) =>
        decide({
          state: 'pending_register',
          action: 'void',
          role: 'shift_leader',
          payload: raw({ voidReason }),
        });
      for (const r of ['duplicate', 'invalid', 'out_of_jurisdiction']) {
        expect(voidIt(r)).toMatchObject({ ok: true, to: 'voided', effects: { voidReason: r } });
      }
      expect(voidIt('merged')).toMatchObject({ missing: ['voidReason'] });
      expect(voidIt('self_handle_rejected')).toMatchObject({ missing: ['voidReason'] });
    });
  });

  it('checks the role before the payload, and the state before the role', () => {
    expect(
      decide({ state: 'registered', action: 'dispatch', role: 'inspector', payload: {} }),
    ).toMatchObject({ code: 'WORKFLOW_ROLE_FORBIDDEN' });
    expect(
      decide({ state: 'handling', action: 'dispatch', role: 'inspector', payload: {} }),
    ).toMatchObject({ code: 'WORKFLOW_INVALID_TRANSITION' });
  });
});

describe('decide: overlays', () => {
  it.each(OVERLAY_ROWS.map((r) => [r[1], r[0], r] as const))(
    '%s in %s keeps the state for every allowed role',
    (_a, _s, [state, action, , roles]) => {
      for (const role of roles) {
        const d = decide({ state, action, role, payload: FULL });
        expect(d).toMatchObject({ ok: true, to: state, effects: { overlay: true } });
      }
    },
  );

  it('a supervision notice must say what it asks for; a reminder needs nothing', () => {
    expect(
      decide({ state: 'handling', action: 'supervise', role: 'bureau_leader', payload: {} }),
    ).toMatchObject({ missing: ['reason'] });
    expect(decide({ state: 'handling', action: 'remind', role: 'dispatcher' }).ok).toBe(true);
  });

  it('no non-overlay action but merge keeps the state, and none is flagged as overlay', () => {
    for (const [state, action, to, roles] of STATE_ROWS) {
      const d = decide({ state, action, role: roles[0]!, payload: FULL });
      expect(d.ok && d.to).toBe(to);
      // merge links the child and leaves it where it is, until the parent closes.
      expect(to === state).toBe(action === 'merge');
      expect(d.ok && d.effects.overlay).toBe(false);
    }
  });
});

describe('decide: terminal states', () => {
  it.each(['refused', 'voided'] as const)('%s allows nothing to anyone', (state) => {
    for (const action of CASE_ACTIONS) {
      for (const role of ROLES) {
        expect(decide({ state, action, role, payload: FULL })).toMatchObject({
          ok: false,
          code: 'WORKFLOW_INVALID_TRANSITION',
        });
      }
    }
    expect(availableActions(state, ROLES)).toEqual([]);
  });

  it('closed allows reopen alone, to the hotline desk, with a reason', () => {
    for (const action of CASE_ACTIONS) {
      for (const role of ROLES) {
        const d = decide({ state: 'closed', action, role, payload: FULL });
        if (action === 'reopen' && (role === 'intake_clerk' || role === 'shift_leader')) {
          expect(d, role).toMatchObject({
            ok: true,
            to: 'handling',
            effects: { reworkIncrement: true },
          });
        } else if (action === 'reopen') {
          expect(d, role).toMatchObject({ ok: false, code: 'WORKFLOW_ROLE_FORBIDDEN' });
        } else {
          expect(d, `${action} / ${role}`).toMatchObject({
            ok: false,
            code: 'WORKFLOW_INVALID_TRANSITION',
          });
        }
      }
    }
    expect(availableActions('closed', ROLES)).toEqual(['reopen']);
    expect(decide({ state: 'closed', action: 'reopen', role: 'shift_leader' })).toMatchObject({
      ok: false,
      missing: ['reason'],
    });
  });
});

/** A tiny in-memory case, to walk whole paths through `decide`. */
interface Walk {
  state: CaseState;
  reworkCount: number;
  deadline: number;
  unitId: string | null;
  clockPaused: boolean;
}

function step(
  c: Walk,
  action: CaseAction,
  role: Role,
  payload: TransitionPayload = FULL,
  photoRequired?: boolean,
): Walk {
  const d = decide({ state: c.state, action, role, payload, photoRequired });
  if (!d.ok) {
    throw new Error(`${c.state} / ${action} / ${role}: ${d.code} ${d.message}`);
  }
  const e = d.effects;
  return {
    state: d.to,
    reworkCount: c.reworkCount + (e.reworkIncrement ? 1 : 0),
    deadline: e.setsDeadline && payload.deadline !== undefined ? payload.deadline : c.deadline,
    unitId: e.assignsUnit ? (payload.targetUnitId ?? null) : e.clearsUnit ? null : c.unitId,
    clockPaused: e.pausesClock ? true : e.resumesClock ? false : c.clockPaused,
  };
}

describe('decide: whole paths', () => {
  const start: Walk = {
    state: 'verifying',
    reworkCount: 0,
    deadline: 0,
    unitId: null,
    clockPaused: false,
  };

  it('runs the main loop with two reworks, keeping the same unit', () => {
    let c = step(start, 'verify', 'inspector');
    c = step(c, 'register', 'shift_leader');
    c = step(c, 'dispatch', 'dispatcher', { targetUnitId: 'unit-7' });
    c = step(c, 'acknowledge', 'unit_staff');
    expect(c).toMatchObject({ state: 'handling', unitId: 'unit-7' });
    for (let round = 1; round <= 2; round++) {
      c = step(c, 'feedback', 'unit_staff');
      expect(c.state).toBe('checking');
      c = step(c, 'check_fail', 'inspector');
      expect(c).toMatchObject({ state: 'handling', reworkCount: round, unitId: 'unit-7' });
    }
    c = step(c, 'feedback', 'unit_leader');
    c = step(c, 'check_pass', 'inspector');
    expect(c.state).toBe('handled');
    c = step(c, 'close', 'shift_leader');
    expect(c).toMatchObject({ state: 'closed', reworkCount: 2 });
  });

  it('sends a handled case back for redo and reopens a closed one, same unit each time', () => {
    let c: Walk = { ...start, state: 'handled', unitId: 'unit-7', reworkCount: 0 };
    c = step(c, 'redo', 'intake_clerk', { reason: '答复内容不完整' });
    expect(c).toMatchObject({ state: 'handling', unitId: 'unit-7', reworkCount: 1 });
    c = step(c, 'feedback', 'unit_staff');
    c = step(c, 'check_pass', 'inspector');
    c = step(c, 'close', 'shift_leader');
    c = step(c, 'reopen', 'shift_leader', { reason: '回访不满意' });
    expect(c).toMatchObject({ state: 'handling', unitId: 'unit-7', reworkCount: 2 });
  });

  it('reports the effects of feedback and check', () => {
    const fb = decide({ state: 'handling', action: 'feedback', role: 'unit_staff', payload: FULL });
    expect(fb).toMatchObject({ ok: true, effects: { createsTask: 'check' } });
    const pass = decide({
      state: 'checking',
      action: 'check_pass',
      role: 'inspector',
      payload: FULL,
    });
    expect(pass).toMatchObject({ ok: true, effects: { reworkIncrement: false } });
  });

  it('extends, hangs, resumes and returns', () => {
    let c: Walk = { ...start, state: 'handling', unitId: 'unit-7', deadline: 1 };
    c = step(c, 'request_extension', 'unit_leader', { reason: 'rain', deadline: 5 });
    c = step(c, 'approve_extension', 'dispatcher', { deadline: 4 });
    expect(c).toMatchObject({ state: 'handling', deadline: 4 });
    c = step(c, 'request_extension', 'unit_staff', { reason: 'rain', deadline: 9 });
    c = step(c, 'deny_extension', 'dispatcher', { reason: 'no' });
    expect(c).toMatchObject({ state: 'handling', deadline: 4 });
    c = step(c, 'request_hang', 'unit_staff', { reason: 'needs budget' });
    expect(c.clockPaused).toBe(false);
    c = step(c, 'approve_hang', 'dispatcher');
    expect(c).toMatchObject({ state: 'hung', clockPaused: true });
    c = step(c, 'resume', 'unit_leader');
    expect(c).toMatchObject({ state: 'handling', clockPaused: false });
    c = step(c, 'request_return', 'unit_staff', { reason: 'not ours' });
    c = step(c, 'deny_return', 'dispatcher', { reason: 'it is yours' });
    expect(c).toMatchObject({ state: 'handling', unitId: 'unit-7' });
    c = step(c, 'request_return', 'unit_staff', { reason: 'not ours' });
    c = step(c, 'approve_return', 'dispatcher');
    expect(c).toMatchObject({ state: 'registered', unitId: null });
    c = step(c, 'dispatch', 'dispatcher', { targetUnitId: 'unit-8' });
    expect(c).toMatchObject({ state: 'dispatched', unitId: 'unit-8' });
  });

  it('self-handles: audit pass closes, audit fail voids as self_handle_rejected', () => {
    const c = step({ ...start, state: 'reported' }, 'self_handle', 'inspector', {
      attachmentIds: ['p'],
    });
    expect(c.state).toBe('self_handled');
    expect(step(c, 'audit_pass', 'shift_leader').state).toBe('closed');
    expect(
      decide({ state: c.state, action: 'audit_fail', role: 'shift_leader', payload: FULL }),
    ).toMatchObject({ ok: true, to: 'voided', effects: { voidReason: 'self_handle_rejected' } });
  });

  it('merges a duplicate into its parent', () => {
    for (const state of ['reported', 'verifying', 'pending_register'] as const) {
      const d = decide({
        state,
        action: 'merge',
        role: 'intake_clerk',
        payload: { parentCaseId: 'case-1' },
      });
      expect(d).toMatchObject({
        ok: true,
        to: state,
        effects: { linksParent: true, voidReason: null },
      });
    }
  });

  it('sends a reported case to verify, with a verify task', () => {
    expect(decide({ state: 'reported', action: 'verify', role: 'intake_clerk' })).toMatchObject({
      ok: true,
      to: 'verifying',
      effects: { createsTask: 'verify' },
    });
  });
});

describe(availableActions.name, () => {
  it.each<[CaseState, Role[], CaseAction[]]>([
    [
      'handling',
      ['unit_staff'],
      ['request_extension', 'request_return', 'request_hang', 'feedback'],
    ],
    ['handling', ['shift_leader'], ['supervise', 'remind']],
    ['handling', ['dispatcher'], ['remind']],
    ['handling', ['inspector'], []],
    [
      'pending_register',
      ['inspector', 'intake_clerk'],
      ['register', 'refuse', 'void', 'self_handle', 'merge'],
    ],
    ['reported', ['intake_clerk'], ['verify', 'register', 'refuse', 'void', 'merge']],
    ['verifying', ['inspector'], ['verify']],
    ['verifying', ['intake_clerk'], ['merge']],
    ['hung', ['unit_leader'], ['resume']],
    ['hung', ['dispatcher'], ['resume', 'remind']],
    ['checking', ['inspector', 'unit_staff'], ['check_pass', 'check_fail']],
    ['handled', ['shift_leader'], ['close', 'redo', 'supervise', 'remind']],
    ['handled', ['intake_clerk'], ['redo']],
    ['closed', ['shift_leader', 'unit_staff'], ['reopen']],
    ['self_handled', ['shift_leader'], ['audit_pass', 'audit_fail', 'supervise', 'remind']],
    ['registered', ['street_chief', 'bureau_leader'], ['supervise', 'remind']],
    ['registered', ['admin'], []],
    ['registered', [], []],
  ])('%s with %j → %j', (state, roles, actions) => {
    expect(availableActions(state, roles)).toEqual(actions);
  });

  it('matches the expectation for every state and every single role', () => {
    for (const state of CASE_STATES) {
      for (const role of ROLES) {
        const expected = CASE_ACTIONS.filter((a) => expectedRow(state, a)?.[3].includes(role));
        expect(availableActions(state, [role]), `${state} / ${role}`).toEqual(expected);
      }
    }
  });
});

describe(actingRole.name, () => {
  it('picks a role the user holds that the action allows', () => {
    expect(actingRole('handling', 'feedback', ['inspector', 'unit_leader'])).toBe('unit_leader');
    expect(actingRole('hung', 'resume', ['unit_staff', 'dispatcher'])).toBe('dispatcher');
  });

  it('is undefined when no held role may act, or the action is invalid', () => {
    expect(actingRole('handling', 'feedback', ['inspector', 'admin'])).toBeUndefined();
    expect(actingRole('closed', 'remind', ROLES)).toBeUndefined();
  });
});
