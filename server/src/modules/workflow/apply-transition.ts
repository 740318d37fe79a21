import type { Role } from '@common/roles';
import type { CaseAction, CaseState } from '@common/workflow';
import { CASE_ACTIONS } from '@common/workflow';
import type { RequirementKey, TransitionPayload } from './requirements';
import { isRequirementMet } from './requirements';
import type { TransitionEffects, TransitionRule } from './transitions';
import { findTransition } from './transitions';
import type { WorkflowErrorCode } from './workflow.errors';

/** What `decide` is asked: may this role take this action on a case in this state? */
export interface DecideInput {
  readonly state: CaseState;
  readonly action: CaseAction;
  /** The role the user acts as (see `actingRole` for users holding several). */
  readonly role: Role;
  readonly payload?: TransitionPayload;
  /**
   * Whether the matter's closure condition asks for photographic evidence, which makes a photo
   * required for feedback and check. Defaults to true: evidence is the safe default.
   */
  readonly photoRequired?: boolean;
}

/** The outcome of `decide`. */
export type Decision =
  | {
      readonly ok: true;
      /** The next state; equal to the current one for an overlay. */
      readonly to: CaseState;
      readonly effects: TransitionEffects;
    }
  | {
      readonly ok: false;
      readonly code: WorkflowErrorCode;
      readonly message: string;
      /** For WORKFLOW_REQUIREMENT_MISSING: every requirement not met, in table order. */
      readonly missing?: readonly RequirementKey[];
    };

/**
 * Decides one action on a case. Pure: no clock, no I/O. Checks in order (1) the action exists
 * in the state, (2) the role may take it, (3) the payload meets every requirement, so a caller
 * never learns what a forbidden action would need.
 */
export function decide(input: DecideInput): Decision {
  const { state, action, role } = input;
  const payload = input.payload ?? {};
  const rule = findTransition(state, action);
  if (rule === undefined) {
    return {
      ok: false,
      code: 'WORKFLOW_INVALID_TRANSITION',
      message: `Action "${action}" is not allowed in state "${state}"`,
    };
  }
  if (!ruleAllows(rule, role)) {
    return {
      ok: false,
      code: 'WORKFLOW_ROLE_FORBIDDEN',
      message: `Role "${role}" may not take action "${action}" in state "${state}"`,
    };
  }
  const required =
    input.photoRequired === false
      ? rule.requires
      : [...rule.requires, ...rule.requiresIfPhotoRequired];
  const missing = required.filter((k) => !isRequirementMet(k, payload));
  if (missing.length > 0) {
    return {
      ok: false,
      code: 'WORKFLOW_REQUIREMENT_MISSING',
      message: `Action "${action}" is missing or has invalid: ${missing.join(', ')}`,
      missing,
    };
  }
  return {
    ok: true,
    to: rule.to === 'same' ? state : rule.to,
    effects: resolveEffects(rule, payload),
  };
}

// The void action takes its reason from the payload; merge and audit_fail fix theirs in the
// table. Resolving it here gives the service one place to read it for every voided case.
function resolveEffects(rule: TransitionRule, payload: TransitionPayload): TransitionEffects {
  if (
    rule.to === 'voided' &&
    rule.effects.voidReason === null &&
    payload.voidReason !== undefined
  ) {
    return Object.freeze({ ...rule.effects, voidReason: payload.voidReason });
  }
  return rule.effects;
}

function ruleAllows(rule: TransitionRule, role: Role): boolean {
  return (rule.roles as readonly Role[]).includes(role);
}

/**
 * The actions a user holding `roles` could take on a case in `state`, ignoring the payload, in
 * the order of `CASE_ACTIONS`. Empty for terminal states and for users with only `admin`.
 */
export function availableActions(state: CaseState, roles: readonly Role[]): CaseAction[] {
  return CASE_ACTIONS.filter((action) => actingRole(state, action, roles) !== undefined);
}

/**
 * The role a user holding `roles` acts as for `action` in `state`: the first role of the
 * table's row the user holds, or undefined when the action is invalid or forbidden to them.
 * The service passes it to `decide` and records it with the event.
 */
export function actingRole(
  state: CaseState,
  action: CaseAction,
  roles: readonly Role[],
): Role | undefined {
  const rule = findTransition(state, action);
  return rule?.roles.find((r) => roles.includes(r));
}
