import type { CaseSource } from '@common/workflow';
import { assertUnreachable } from '@server/lib/errors';

/** The states a new case can start in. */
export type InitialState = 'reported' | 'verifying' | 'pending_register';

/** What intake knows about the case's grid. */
export interface IntakeContext {
  /** True when the case's unit grid has an inspector assigned to receive the verify task. */
  readonly gridHasInspector: boolean;
}

/**
 * The state a new case starts in:
 * - inspector, import → `pending_register` (seen on site, or verified by the system it came
 *   from);
 * - public, hotline, open311 → `verifying` when the grid has an inspector (the service creates
 *   the verify task at intake), else `reported` for the intake clerk to route;
 * - sensor → `reported`: an alarm is routed by the intake clerk (send to verify, register at
 *   once, or void a false alarm), whatever the grid.
 */
export function initialState(source: CaseSource, context: IntakeContext): InitialState {
  switch (source) {
    case 'inspector':
    case 'import':
      return 'pending_register';
    case 'public':
    case 'hotline':
    case 'open311':
      return context.gridHasInspector ? 'verifying' : 'reported';
    case 'sensor':
      return 'reported';
    default:
      return assertUnreachable(source);
  }
}
