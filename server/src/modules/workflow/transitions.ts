/**
 * The transition table of the case closed loop (闭环). Pure data: one row per (from state,
 * action) pair that is allowed at all. Anything not in the table is an invalid transition.
 *
 * The loop, and the choices made where the domain leaves room:
 *
 * - Intake. `initialState()` puts public/hotline/open311 cases straight into `verifying` (the
 *   verify task to the grid's inspector is created at intake) and inspector/import cases
 *   straight into `pending_register` (already seen on site / already verified upstream).
 *   `reported` is kept for sensor cases and for cases whose grid has no inspector: from there
 *   the intake side (intake_clerk, shift_leader) sends the case to verification (`verify`,
 *   which creates the verify task for an inspector the service picks) or decides at once like
 *   in `pending_register` (register, refuse, void), since sending it to verify is optional
 *   for them.
 * - `verify` therefore has two meanings, told apart by the state: in `reported` it is "send to
 *   verify" (intake side); in `verifying` it is the inspector's answer, with `verifyResult`
 *   true/false. A false result still goes to `pending_register`: the intake side voids it
 *   (the inspector never decides the fate of a case).
 * - Intake decisions (register, refuse, void, merge) belong to intake_clerk and shift_leader.
 *   While a case is `verifying` only `merge` is open to them (a duplicate can be spotted at any
 *   time); anything else waits for the inspector.
 * - Side paths in `handling` (extension, return, hang) are requested by the unit (unit_staff,
 *   unit_leader) and approved or denied by the dispatcher. Every denial needs a reason, so the
 *   unit knows why. `approve_extension` carries the deadline actually granted (the UI
 *   pre-fills the requested one). The clock keeps running while a request is pending; only an
 *   approved hang pauses it. An approved return clears the unit and sends the case back to
 *   `registered` for re-dispatch (the SLA module restarts the handling clock at the next
 *   dispatch).
 * - `resume` (hung → handling) may come from the dispatcher or the unit (when the budget or
 *   the blocking condition is there).
 * - Feedback and check: `feedback` moves `handling` → `checking` at once, since the check task
 *   to the grid inspector is created with it. `check_pass` moves `checking` → `handled`, which
 *   here means "handled and checked, awaiting closure"; the shift leader then `close`s it.
 *   `check_fail` sends it back to `handling` with the same unit (rework, counter + 1). There
 *   is no shortcut from feedback to `handled` for matters "without a check": the unit that
 *   handles a case must never be the one that confirms it (domain §2), so every feedback is
 *   checked.
 * - Photos: `self_handle` always needs one. For `feedback`, `check_pass` and `check_fail` the
 *   photo is required only when the matter's closure condition asks for photographic evidence
 *   (the caller passes `photoRequired`; default true), e.g. not for a noise complaint.
 * - Self-handling: an inspector fixes a trivial problem on the spot, from `reported` or
 *   `pending_register` → `self_handled`; the shift leader audits it: pass → `closed`, fail →
 *   `voided` (void reason `self_handle_rejected`; if the problem is still there it is reported
 *   again as a new case).
 * - `merge` links a duplicate to its parent and leaves its state as it is: the child waits,
 *   frozen (the cases service allows nothing on it but overlays), and closing the parent closes
 *   every child with an event each (issue: "closing the parent closes its children"). Before:
 *   merge voided the child, which made that closure impossible.
 * - Overlays: `supervise` (督办) and `remind` (催办) are allowed in every open state and never
 *   change it (`to: 'same'`). A supervision notice must say what it asks for (`reason`); a
 *   reminder needs nothing.
 * - Redo (hotline reply review): the hotline desk (intake_clerk, shift_leader) sends a case
 *   that was checked but not yet closed (`handled`) back to the same unit (`handling`) with a
 *   reason, when the reply to the citizen (or the result) is not acceptable. It counts as a
 *   rework (counter + 1) and the handling clock restarts, like `check_fail`.
 * - Reopen: `closed` is left by one row only. After an unsatisfied callback the unit caused,
 *   the hotline desk (intake_clerk, shift_leader) reopens the case with a reason: back to
 *   `handling` with the same unit, rework counter + 1, a new handling clock; closure data is
 *   reset (the cases service refuses it for a case closed without a unit). Which cases may be
 *   reopened beyond the table (the callback rule) is the hotline module's guard.
 * - Terminal states (refused, voided, closed) have no other rows, overlays included.
 * - `admin` appears in no row: administering the system is not a business role, and keeping it
 *   out of the loop is separation of duties (an admin who must act on cases gets a business
 *   role too). The `BusinessRole` type enforces this at compile time.
 *
 * What the table cannot know, and the policy layer must check: that the inspector is the one
 * of the case's grid (or the one the verify/check task was sent to), that the unit is the
 * case's target unit, that the user's scope covers the case, and that the checker is not a
 * member of the handling unit.
 */
import type { Role } from '@common/roles';
import type { CaseAction, CaseState, OpenState, OverlayAction, VoidReason } from '@common/workflow';
import { OPEN_STATES } from '@common/workflow';
import type { RequirementKey } from './requirements';

/** Roles that may act on cases: every role except `admin`. */
export type BusinessRole = Exclude<Role, 'admin'>;

/** Field tasks the workflow creates for an inspector, each with its own stage time limit. */
export const WORKFLOW_TASKS = ['verify', 'check'] as const;

export type WorkflowTask = (typeof WORKFLOW_TASKS)[number];

/** What a transition does besides changing the state; the cases service carries it out. */
export interface TransitionEffects {
  /** An overlay (supervise, remind): record the event, never change the state. */
  readonly overlay: boolean;
  /**
   * check_fail, redo, reopen: the rework counter goes up by one; the same unit handles the
   * case again on a restarted handling clock.
   */
  readonly reworkIncrement: boolean;
  /** approve_hang: the handling clock stops and the case is kept out of overdue counts. */
  readonly pausesClock: boolean;
  /** resume: the handling clock runs again from where it stopped. */
  readonly resumesClock: boolean;
  /** approve_extension: `payload.deadline` becomes the case's handling deadline. */
  readonly setsDeadline: boolean;
  /** register: `payload.matterCode` and `conditionCode` become the case's matter (time limit). */
  readonly setsMatter: boolean;
  /** dispatch: `payload.targetUnitId` becomes the handling unit. */
  readonly assignsUnit: boolean;
  /** approve_return: the handling unit is cleared; the return counts against accurate dispatch. */
  readonly clearsUnit: boolean;
  /** merge: `payload.parentCaseId` becomes the case's parent. */
  readonly linksParent: boolean;
  /**
   * Why the case is voided, for every transition into `voided`: fixed by the table for merge
   * and audit_fail, taken from `payload.voidReason` for void (resolved by `decide`).
   */
  readonly voidReason: VoidReason | null;
  /**
   * A field task created for an inspector. The task of the state being left (verify task in
   * `verifying`, check task in `checking`) is completed by the transition out of it.
   */
  readonly createsTask: WorkflowTask | null;
}

/** The states a row may start from: every open state, and `closed` for `reopen` alone. */
export type RuleFromState = OpenState | 'closed';

/** One row of the table. */
export interface TransitionRule {
  readonly from: RuleFromState;
  readonly action: CaseAction;
  /** The next state, or 'same' for an overlay or a merge (the state does not change). */
  readonly to: CaseState | 'same';
  /** Roles allowed to take the action (a user needs any one of them). */
  readonly roles: readonly BusinessRole[];
  /** Payload requirements that always apply. */
  readonly requires: readonly RequirementKey[];
  /** Requirements that apply only when the matter's closure condition asks for a photo. */
  readonly requiresIfPhotoRequired: readonly RequirementKey[];
  readonly effects: TransitionEffects;
}

/** The effects of a transition that only changes the state. */
export const NO_EFFECTS: TransitionEffects = Object.freeze({
  overlay: false,
  reworkIncrement: false,
  pausesClock: false,
  resumesClock: false,
  setsDeadline: false,
  setsMatter: false,
  assignsUnit: false,
  clearsUnit: false,
  linksParent: false,
  voidReason: null,
  createsTask: null,
});

interface RuleSpec {
  readonly to: CaseState | 'same';
  readonly roles: readonly BusinessRole[];
  readonly requires?: readonly RequirementKey[];
  readonly requiresIfPhotoRequired?: readonly RequirementKey[];
  readonly effects?: Partial<TransitionEffects>;
}

function row(from: RuleFromState, action: Exclude<CaseAction, OverlayAction>, spec: RuleSpec) {
  return freezeRule({
    from,
    action,
    to: spec.to,
    roles: spec.roles,
    requires: spec.requires ?? [],
    requiresIfPhotoRequired: spec.requiresIfPhotoRequired ?? [],
    effects: { ...NO_EFFECTS, ...spec.effects },
  });
}

function freezeRule(rule: TransitionRule): TransitionRule {
  return Object.freeze({
    ...rule,
    roles: Object.freeze([...rule.roles]),
    requires: Object.freeze([...rule.requires]),
    requiresIfPhotoRequired: Object.freeze([...rule.requiresIfPhotoRequired]),
    effects: Object.freeze({ ...rule.effects }),
  });
}

const INTAKE: readonly BusinessRole[] = ['intake_clerk', 'shift_leader'];
const INSPECTOR: readonly BusinessRole[] = ['inspector'];
const DISPATCHER: readonly BusinessRole[] = ['dispatcher'];
const UNIT: readonly BusinessRole[] = ['unit_staff', 'unit_leader'];
const SHIFT_LEADER: readonly BusinessRole[] = ['shift_leader'];

/** Who may supervise or remind, and what it needs. Same in every open state. */
export const OVERLAY_RULES: Readonly<
  Record<
    OverlayAction,
    { readonly roles: readonly BusinessRole[]; readonly requires: readonly RequirementKey[] }
  >
> = {
  supervise: { roles: ['bureau_leader', 'shift_leader', 'street_chief'], requires: ['reason'] },
  remind: { roles: ['shift_leader', 'dispatcher', 'street_chief', 'bureau_leader'], requires: [] },
};

// The intake decision, the same whether the case was verified first or not.
function intakeDecisions(from: 'reported' | 'pending_register'): TransitionRule[] {
  return [
    row(from, 'register', {
      to: 'registered',
      roles: INTAKE,
      requires: ['matter', 'condition'],
      effects: { setsMatter: true },
    }),
    row(from, 'refuse', { to: 'refused', roles: INTAKE, requires: ['reason'] }),
    row(from, 'void', { to: 'voided', roles: INTAKE, requires: ['voidReason'] }),
    row(from, 'merge', {
      to: 'same',
      roles: INTAKE,
      requires: ['parentCase'],
      effects: { linksParent: true },
    }),
    row(from, 'self_handle', { to: 'self_handled', roles: INSPECTOR, requires: ['photo'] }),
  ];
}

const STATE_RULES: readonly TransitionRule[] = [
  // reported: sensor cases and grids without an inspector.
  row('reported', 'verify', {
    to: 'verifying',
    roles: INTAKE,
    effects: { createsTask: 'verify' },
  }),
  ...intakeDecisions('reported'),

  // verifying: waiting for the grid inspector.
  row('verifying', 'verify', {
    to: 'pending_register',
    roles: INSPECTOR,
    requires: ['verifyResult'],
  }),
  row('verifying', 'merge', {
    to: 'same',
    roles: INTAKE,
    requires: ['parentCase'],
    effects: { linksParent: true },
  }),

  // pending_register: the intake decision.
  ...intakeDecisions('pending_register'),

  // registered → dispatched → handling.
  row('registered', 'dispatch', {
    to: 'dispatched',
    roles: DISPATCHER,
    requires: ['targetUnit'],
    effects: { assignsUnit: true },
  }),
  row('dispatched', 'acknowledge', { to: 'handling', roles: UNIT }),

  // handling: the unit works, asks for a side path, or reports back.
  row('handling', 'request_extension', {
    to: 'extension_requested',
    roles: UNIT,
    requires: ['reason', 'deadline'],
  }),
  row('handling', 'request_return', { to: 'return_requested', roles: UNIT, requires: ['reason'] }),
  row('handling', 'request_hang', { to: 'hang_requested', roles: UNIT, requires: ['reason'] }),
  row('handling', 'feedback', {
    to: 'checking',
    roles: UNIT,
    requires: ['description', 'disposalMode'],
    requiresIfPhotoRequired: ['photo'],
    effects: { createsTask: 'check' },
  }),

  // Side paths, decided by the dispatcher.
  row('extension_requested', 'approve_extension', {
    to: 'handling',
    roles: DISPATCHER,
    requires: ['deadline'],
    effects: { setsDeadline: true },
  }),
  row('extension_requested', 'deny_extension', {
    to: 'handling',
    roles: DISPATCHER,
    requires: ['reason'],
  }),
  row('return_requested', 'approve_return', {
    to: 'registered',
    roles: DISPATCHER,
    effects: { clearsUnit: true },
  }),
  row('return_requested', 'deny_return', {
    to: 'handling',
    roles: DISPATCHER,
    requires: ['reason'],
  }),
  row('hang_requested', 'approve_hang', {
    to: 'hung',
    roles: DISPATCHER,
    effects: { pausesClock: true },
  }),
  row('hang_requested', 'deny_hang', { to: 'handling', roles: DISPATCHER, requires: ['reason'] }),
  row('hung', 'resume', {
    to: 'handling',
    roles: [...DISPATCHER, ...UNIT],
    effects: { resumesClock: true },
  }),

  // checking: the grid inspector re-photographs the site.
  row('checking', 'check_pass', {
    to: 'handled',
    roles: INSPECTOR,
    requiresIfPhotoRequired: ['photo'],
  }),
  row('checking', 'check_fail', {
    to: 'handling',
    roles: INSPECTOR,
    requires: ['reason'],
    requiresIfPhotoRequired: ['photo'],
    effects: { reworkIncrement: true },
  }),

  // handled: checked, awaiting closure; the hotline desk may send it back (reply redo).
  row('handled', 'close', { to: 'closed', roles: SHIFT_LEADER }),
  row('handled', 'redo', {
    to: 'handling',
    roles: INTAKE,
    requires: ['reason'],
    effects: { reworkIncrement: true },
  }),

  // closed: the one exit, after an unsatisfied callback.
  row('closed', 'reopen', {
    to: 'handling',
    roles: INTAKE,
    requires: ['reason'],
    effects: { reworkIncrement: true },
  }),

  // self_handled: awaiting the shift leader's audit.
  row('self_handled', 'audit_pass', { to: 'closed', roles: SHIFT_LEADER }),
  row('self_handled', 'audit_fail', {
    to: 'voided',
    roles: SHIFT_LEADER,
    requires: ['reason'],
    effects: { voidReason: 'self_handle_rejected' },
  }),
];

const OVERLAY_ROWS: readonly TransitionRule[] = OPEN_STATES.flatMap((from) =>
  (['supervise', 'remind'] as const).map((action) =>
    freezeRule({
      from,
      action,
      to: 'same',
      roles: OVERLAY_RULES[action].roles,
      requires: OVERLAY_RULES[action].requires,
      requiresIfPhotoRequired: [],
      effects: { ...NO_EFFECTS, overlay: true },
    }),
  ),
);

/** The whole table: every allowed (from state, action) pair, exactly once. */
export const TRANSITIONS: readonly TransitionRule[] = Object.freeze([
  ...STATE_RULES,
  ...OVERLAY_ROWS,
]);

const key = (from: CaseState, action: CaseAction): string => `${from}:${action}`;

const BY_KEY: ReadonlyMap<string, TransitionRule> = new Map(
  TRANSITIONS.map((r) => [key(r.from, r.action), r]),
);

/** The row for (state, action), or undefined when the action is not allowed in that state. */
export function findTransition(state: CaseState, action: CaseAction): TransitionRule | undefined {
  return BY_KEY.get(key(state, action));
}
