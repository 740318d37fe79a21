import { ApiError, requestJson } from './http';

/**
 * The public performance board (绩效公示): what the city chose to publish, no account needed
 * (server/src/modules/evaluation: `publicBoard` of evaluation.service.ts, `publicBoardQuery`
 * of evaluation.schema.ts, `publicBoard` of evaluation.settings.ts). Calls never count a 401
 * as a session expiry: the public has no session.
 */

/** What a city may publish: units and areas, never people (the server's order). */
export const PUBLIC_BOARD_SUBJECTS = ['unit', 'district', 'street', 'community', 'grid'] as const;
export type PublicBoardSubject = (typeof PUBLIC_BOARD_SUBJECTS)[number];

/** The periods a city may publish, shortest first. */
export const PUBLIC_BOARD_PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export type PublicBoardPeriodKind = (typeof PUBLIC_BOARD_PERIODS)[number];

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

/** The board's period: whole local days [from, to] of the city's time zone. */
export interface PublicBoardPeriod {
  kind: PublicBoardPeriodKind;
  /** '2026-W48', '2026-11', '2026-Q4', '2026'. */
  label: string;
  /** First local date, YYYY-MM-DD. */
  from: string;
  /** Last local date (inclusive), YYYY-MM-DD. */
  to: string;
  days: number;
  /** The instant the period starts, ISO 8601 with the city's offset. */
  start: string;
  /** The instant after its last day (exclusive). */
  end: string;
}

/** One ranked unit or area. */
export interface PublicBoardRow {
  rank: number;
  name: string;
  /** 0–100, two decimals. */
  composite: number;
  grade: Grade | null;
  /** The counts behind the score, when the city shows them (settings showCounts). */
  counts?: Record<string, number>;
}

export interface PublicBoard {
  subject: PublicBoardSubject;
  period: PublicBoardPeriod;
  /** Every subject and period kind the city publishes. */
  published: { subjects: PublicBoardSubject[]; periods: PublicBoardPeriodKind[] };
  /** Best first; only subjects with activity in the period are ranked. */
  ranked: PublicBoardRow[];
  /** 红榜 (best), when the city shows the lists. */
  red?: PublicBoardRow[];
  /** 黄榜 (worst), when the city shows the lists. */
  yellow?: PublicBoardRow[];
}

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
