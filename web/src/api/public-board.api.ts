import type { PublicBoard, PublicBoardPeriodKind, PublicBoardSubject } from '@common/evaluation';
import { ApiError, requestJson } from './http';

/**
 * The public performance board (绩效公示): what the city chose to publish, no account needed
 * (server/src/modules/evaluation: `publicBoard` of evaluation.service.ts, `publicBoardQuery`
 * of evaluation.schema.ts, `publicBoard` of evaluation.settings.ts). Calls never count a 401
 * as a session expiry: the public has no session.
 */

export {
  PUBLIC_BOARD_PERIODS,
  PUBLIC_BOARD_SUBJECTS,
  type PublicBoard,
  type PublicBoardPeriodKind,
  type PublicBoardRow,
  type PublicBoardSubject,
} from '@common/evaluation';
/** The board's period: whole local days [from, to], of a published kind. */
export type PublicBoardPeriod = PublicBoard['period'];

export interface PublicBoardQuery {
  /** Without: the city's first published subject. */
  subject?: PublicBoardSubject;
  /** Without: the city's first published period kind. */
  period?: PublicBoardPeriodKind;
  /** Any date of the period (YYYY-MM-DD). Without: the latest published period. */
  date?: string;
}

/** The answer (404) when the city publishes nothing for the subject, period kind or period. */
export const BOARD_NOT_PUBLISHED = 'EVALUATION_BOARD_NOT_PUBLISHED';

/** True when the error is the server's "this board is not published". */
export function isNotPublished(err: unknown): boolean {
  return err instanceof ApiError && err.code === BOARD_NOT_PUBLISHED;
}

export const publicBoardApi = {
  /**
   * @throws ApiError EVALUATION_BOARD_NOT_PUBLISHED, EVALUATION_PERIOD_INVALID, NETWORK_ERROR
   */
  board: (q: PublicBoardQuery = {}, signal?: AbortSignal) =>
    requestJson<PublicBoard>('/api/v1/public/board', {
      handleUnauthorized: false,
      query: { subject: q.subject, period: q.period, date: q.date },
      signal,
    }),
};
