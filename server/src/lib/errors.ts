/**
 * Domain errors are typed values with a stable code and no HTTP knowledge.
 * Each module declares its codes in its own `*.errors.ts`; `http/error-handler.ts` holds the
 * one map from code to HTTP status, typed so that a code without a status is a compile error.
 */
export class DomainError<C extends string = string> extends Error {
  readonly code: C;
  readonly details: unknown;
  constructor(code: C, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** One validation problem: where (field path) and what. */
export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
}

export function assertUnreachable(x: never): never {
  throw new Error(`unreachable: ${String(x)}`);
}
