import type { ErrorCode } from '../http/error-codes';
import { DomainError } from './errors';

/** A DomainError whose code is one of cityloop's registered codes. */
export class AppError extends DomainError<ErrorCode> {}

/** Shorthand: `throw appError('SPACE_GRID_NOT_FOUND', 'No grid 123', { code })`. */
export function appError(code: ErrorCode, message: string, details?: unknown): AppError {
  return new AppError(code, message, details);
}
