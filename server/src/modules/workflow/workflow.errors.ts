import { DomainError } from '@server/lib/errors';

/** The error codes a workflow decision can carry. */
export const WORKFLOW_ERROR_CODES = [
  /** The action does not exist in the case's current state (includes every terminal state). */
  'WORKFLOW_INVALID_TRANSITION',
  /** The action exists in this state, but the acting role may not take it. */
  'WORKFLOW_ROLE_FORBIDDEN',
  /** The action is allowed, but the payload lacks (or has an invalid) required field. */
  'WORKFLOW_REQUIREMENT_MISSING',
] as const;

export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

/** Thrown by services that turn a refused workflow decision into an error. */
export class WorkflowError extends DomainError<WorkflowErrorCode> {
  constructor(code: WorkflowErrorCode, message: string, details?: unknown) {
    super(code, message, details);
    this.name = 'WorkflowError';
  }
}
