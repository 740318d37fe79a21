import { useMemo } from 'react';
import { catalogApi } from '../../../api/catalog.api';
import type { Limit } from '../../../api/types';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';

/** The stage limit of (stage, urgency, area class), or undefined (the handle stage has none). */
export type StageLimitOf = (stage: string, urgency: string, areaClass: string) => Limit | undefined;

/** The city's stage limits, loaded once per session. */
export function useStageLimits(): StageLimitOf {
  const r = useResource(() => cached('catalog.stageLimits', () => catalogApi.stageLimits()), []);
  return useMemo(() => {
    const byKey = new Map(
      (r.data ?? []).map((l) => [
        `${l.stage}|${l.urgency}|${l.areaClass}`,
        { amount: l.amount, unit: l.unit },
      ]),
    );
    return (stage, urgency, areaClass) => byKey.get(`${stage}|${urgency}|${areaClass}`);
  }, [r.data]);
}
