/**
 * The workflow module: the pure state machine of the case closed loop (闭环). No I/O, no clock.
 * State and action names and their labels live in `@common/workflow`; this module owns who may
 * do what, with which payload, and with which side effects. Persisting the outcome (new state,
 * audit event, version bump, tasks, clock) is the cases service's job.
 */

/**
 * Decides one action on a case: `{ ok: true, to, effects }` or
 * `{ ok: false, code, message, missing? }`. Never throws.
 * Codes: WORKFLOW_INVALID_TRANSITION (action not allowed in the state, incl. terminal states),
 * WORKFLOW_ROLE_FORBIDDEN (role not allowed), WORKFLOW_REQUIREMENT_MISSING (payload incomplete;
 * `missing` lists the requirement keys).
 */
export { decide } from './apply-transition';

/** The actions a user holding the given roles could take in a state, ignoring the payload. */
export { availableActions } from './apply-transition';

/** The role a multi-role user acts as for an action in a state, or undefined if none may. */
export { actingRole } from './apply-transition';

/** Input and output types of `decide`. */
export type { DecideInput, Decision } from './apply-transition';

/** The start state of a new case from its source and whether its grid has an inspector. */
export { initialState } from './initial-state';

/** The states a new case can start in, and what intake knows about the grid. */
export type { InitialState, IntakeContext } from './initial-state';

/** The readonly transition table: every allowed (from state, action) row, exactly once. */
export { TRANSITIONS } from './transitions';

/** The table row for (state, action), or undefined when not allowed. */
export { findTransition } from './transitions';

/** Roles and requirements of the overlay actions (supervise, remind), same in every open state. */
export { OVERLAY_RULES } from './transitions';

/** The effects of a transition that only changes the state (all flags off). */
export { NO_EFFECTS } from './transitions';

/** Inspector field tasks a transition can create: 'verify', 'check'. */
export { WORKFLOW_TASKS } from './transitions';

/** Types of the table: rows, effects, tasks, and the roles allowed to act (all but admin). */
export type { BusinessRole, TransitionEffects, TransitionRule, WorkflowTask } from './transitions';

/** The closed set of payload requirement keys the table may name. */
export { REQUIREMENT_KEYS } from './requirements';

/** The payload field behind each requirement key (for reporting field paths). */
export { REQUIREMENT_FIELDS } from './requirements';

/** True when a payload satisfies one requirement (present, non-empty, known value). */
export { isRequirementMet } from './requirements';

/** A requirement key, and the payload shape actions take. */
export type { RequirementKey, TransitionPayload } from './requirements';

/** The workflow error codes. */
export { WORKFLOW_ERROR_CODES } from './workflow.errors';

/** A DomainError carrying a workflow error code, for services that throw a refused decision. */
export { WorkflowError } from './workflow.errors';

/** A workflow error code. */
export type { WorkflowErrorCode } from './workflow.errors';
