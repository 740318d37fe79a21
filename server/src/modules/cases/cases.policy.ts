import type { Role } from '@common/roles';
import type { CaseAction, CaseState } from '@common/workflow';
import type { Actor, ResourcePlace } from '../auth/actor';
import { inScope } from '../auth/policy';
import { actingRole, availableActions } from '../workflow';

/** What the policy needs to know about a case. */
export interface CaseSubject {
  state: CaseState;
  unitId: string | null;
  parentCaseId: string | null;
  cityId: string | null;
  districtId: string | null;
  streetId: string | null;
  communityId: string | null;
}

/** Facts about the actor and the case's grid that the service looks up. */
export interface CaseFacts {
  /** The actor is an inspector assigned to the case's grid. */
  assignedToGrid: boolean;
  /** The case's grid has any inspector assigned. */
  gridHasInspectors: boolean;
}

export const placeOfCase = (c: CaseSubject): ResourcePlace => ({
  cityId: c.cityId,
  districtId: c.districtId,
  streetId: c.streetId,
  communityId: c.communityId,
  unitId: c.unitId,
});

/** True when the actor may see the case at all. Pure. */
export function canReadCase(actor: Actor, c: CaseSubject): boolean {
  return inScope(actor, placeOfCase(c));
}

const UNIT_ROLES: readonly Role[] = ['unit_staff', 'unit_leader'];
const FIELD_ACTIONS: readonly CaseAction[] = ['verify', 'check_pass', 'check_fail', 'self_handle'];
const CHECK_ACTIONS: readonly CaseAction[] = ['check_pass', 'check_fail'];

export type CaseDenial =
  | { code: 'CASE_NOT_FOUND'; message: string }
  | { code: 'CASE_ROLE_FORBIDDEN'; message: string }
  | { code: 'CASE_MERGED'; message: string };

/**
 * The checks the workflow table cannot make: jurisdiction, the unit that must act, the
 * inspector of the grid, the separation of handling and checking, and frozen merged
 * children. Returns null when allowed, or why not. Pure.
 */
export function denyCaseAction(
  actor: Actor,
  c: CaseSubject,
  action: CaseAction,
  role: Role,
  facts: CaseFacts,
): CaseDenial | null {
  if (!canReadCase(actor, c)) {
    return { code: 'CASE_NOT_FOUND', message: 'No such case in your jurisdiction' };
  }
  if (c.parentCaseId && action !== 'supervise' && action !== 'remind') {
    return {
      code: 'CASE_MERGED',
      message: 'The case is merged into another; it closes with its parent',
    };
  }
  if (UNIT_ROLES.includes(role) && (c.unitId === null || actor.unitId !== c.unitId)) {
    return {
      code: 'CASE_ROLE_FORBIDDEN',
      message: 'Only the unit the case was dispatched to may do this',
    };
  }
  const inspectorAct =
    role === 'inspector' &&
    FIELD_ACTIONS.includes(action) &&
    !(action === 'verify' && c.state === 'reported');
  if (inspectorAct && facts.gridHasInspectors && !facts.assignedToGrid) {
    return {
      code: 'CASE_ROLE_FORBIDDEN',
      message: "Only the inspectors of the case's grid may do this",
    };
  }
  if (CHECK_ACTIONS.includes(action) && c.unitId !== null && actor.unitId === c.unitId) {
    return { code: 'CASE_ROLE_FORBIDDEN', message: 'The handling unit may not check its own work' };
  }
  return null;
}

/** The actions this actor may take on the case now (payload aside). Pure. */
export function actionsFor(actor: Actor, c: CaseSubject, facts: CaseFacts): CaseAction[] {
  if (!canReadCase(actor, c)) {
    return [];
  }
  return availableActions(c.state, actor.roles).filter((action) => {
    const role = actingRoleFor(actor, c, action, facts);
    return role !== undefined;
  });
}

/**
 * The role an actor with several roles acts in: the first role the table allows that also
 * passes the policy. Pure.
 */
export function actingRoleFor(
  actor: Actor,
  c: CaseSubject,
  action: CaseAction,
  facts: CaseFacts,
): Role | undefined {
  const candidates = actor.roles.filter((r) => actingRole(c.state, action, [r]) !== undefined);
  return candidates.find((r) => denyCaseAction(actor, c, action, r, facts) === null);
}
