import { useCallback } from 'react';
import { casesApi } from '../../../api/cases.api';
import type { CaseEvent, CaseStagePass, CaseView } from '../../../api/types';
import { useResource } from '../../core/hooks/useResource';
import { useLiveCaseEvents } from './useLiveCaseEvents';

export interface CaseData {
  kase: CaseView | undefined;
  events: CaseEvent[];
  /** The stages it went through, with the time each used as its limit counts. */
  stages: CaseStagePass[];
  loading: boolean;
  error: Error | null;
  reload: () => void;
  /** After an action: show the returned case at once and refresh its events. */
  applyUpdate: (updated: CaseView) => void;
}

/**
 * One case with its events (GET /cases/{id} has the duplicates and available actions), kept
 * fresh by the live event stream.
 */
export function useCase(id: string | undefined): CaseData {
  const r = useResource(
    async (signal) => {
      if (!id) {
        return undefined;
      }
      const [kase, history] = await Promise.all([
        casesApi.get(id, signal),
        casesApi.history(id, signal),
      ]);
      return { kase, events: history.items, stages: history.stages };
    },
    [id],
  );
  const { reload, setData, data } = r;
  // Someone else acted on this case: show it at once (no polling).
  useLiveCaseEvents((events) => {
    if (id && events.some((e) => e.caseId === id)) {
      reload();
    }
  });
  const applyUpdate = useCallback(
    (updated: CaseView) => {
      // The action answer has no duplicates list: keep the one we had.
      setData({
        kase: { ...updated, duplicates: updated.duplicates ?? data?.kase.duplicates },
        events: data?.events ?? [],
        stages: data?.stages ?? [],
      });
      reload();
    },
    [setData, reload, data],
  );
  return {
    kase: data?.kase,
    events: data?.events ?? [],
    stages: data?.stages ?? [],
    loading: r.loading,
    error: r.error,
    reload,
    applyUpdate,
  };
}
