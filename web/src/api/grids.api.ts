import { requestJson } from './http';
import type { Grid, Page } from './types';

/** Unit grids in bulk (the one-grid look-up is spaceApi.grid). */
export const gridsApi = {
  /** Grids of a community or street (in the caller's jurisdiction), with outlines when asked. */
  list: (
    q: {
      communityId?: string;
      streetId?: string;
      withGeometry?: boolean;
      page?: number;
      pageSize?: number;
    },
    signal?: AbortSignal,
  ) =>
    requestJson<Page<Grid>>('/api/v1/space/grids', {
      query: { ...q, withGeometry: q.withGeometry ? 'true' : undefined },
      signal,
    }),
};
