import { requestJson } from './http';
import type { DeadlinePreview } from './types';

export const clockApi = {
  /** The deadline of a limit started at `start`, on the working calendar. */
  deadline: (start: string, amount: number, unit: string, signal?: AbortSignal) =>
    requestJson<DeadlinePreview>('/api/v1/clock/deadline', {
      query: { start, amount, unit },
      signal,
    }),
};
