import {
  PUBLIC_BOARD_PERIODS,
  PUBLIC_BOARD_SUBJECTS,
  publicBoardApi,
  type PublicBoard,
  type PublicBoardPeriodKind,
  type PublicBoardSubject,
} from '../../../api/public-board.api';
import { useResource } from '../../core/hooks/useResource';
import { offeredChoices } from '../utils/publicBoard';

export interface PublicBoardChoices {
  /**
   * The board the server answers without a query: the city's first published subject and
   * period kind, latest period. Its error is EVALUATION_BOARD_NOT_PUBLISHED when the city
   * publishes nothing.
   */
  first: PublicBoard | undefined;
  error: Error | null;
  reload: () => void;
  /** The subjects and period kinds the city publishes, in the usual order. */
  subjects: PublicBoardSubject[];
  kinds: PublicBoardPeriodKind[];
}

/** What the city publishes: the first board, which lists every published subject and period. */
export function usePublicBoardChoices(): PublicBoardChoices {
  const first = useResource((signal) => publicBoardApi.board({}, signal), []);
  const b = first.data;
  return {
    first: b,
    error: b ? null : first.error,
    reload: first.reload,
    subjects: b ? offeredChoices(PUBLIC_BOARD_SUBJECTS, b.subject, b.published.subjects) : [],
    kinds: b ? offeredChoices(PUBLIC_BOARD_PERIODS, b.period.kind, b.published.periods) : [],
  };
}
