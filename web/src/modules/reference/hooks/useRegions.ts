import { useMemo } from 'react';
import { spaceApi } from '../../../api/space.api';
import type { Region } from '../../../api/types';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';

export interface Regions {
  byId: ReadonlyMap<string, Region>;
  name: (id: string | null | undefined) => string;
  /** "云溪区 / 东湖街道 / 春晖社区" from a case's region ids. */
  chain: (ids: readonly (string | null | undefined)[]) => string;
}

/** Regions of the user's jurisdiction by id, loaded once per session. */
export function useRegions(): Regions {
  const r = useResource(() => cached('space.regions', () => spaceApi.regions()), []);
  return useMemo(() => {
    const byId = new Map((r.data ?? []).map((x) => [x.id, x]));
    const name = (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? '') : '');
    return {
      byId,
      name,
      chain: (ids) => ids.map(name).filter(Boolean).join(' / '),
    };
  }, [r.data]);
}
