import { spaceApi } from '../../../api/space.api';
import type { RegionNode } from '../../../api/types';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';

/** Regions of the user's jurisdiction as a tree (city → district → street → community). */
export function useRegionTree(): { tree: RegionNode[]; loading: boolean } {
  const r = useResource(() => cached('space.regionTree', () => spaceApi.regionTree()), []);
  return { tree: r.data ?? [], loading: r.loading };
}
