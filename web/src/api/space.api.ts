import { requestJson } from './http';
import type { Grid, LocateResult, Region, RegionCollection, RegionNode } from './types';

export const spaceApi = {
  regions: () => requestJson<{ items: Region[] }>('/api/v1/space/regions').then((r) => r.items),
  regionTree: () =>
    requestJson<{ items: RegionNode[] }>('/api/v1/space/regions/tree').then((r) => r.items),
  /** District, street and community outlines as GeoJSON (the offline base map). */
  regionShapes: () => requestJson<RegionCollection>('/api/v1/space/regions/export'),
  grid: (code: string) => requestJson<Grid>(`/api/v1/space/grids/${encodeURIComponent(code)}`),
  locate: (lng: number, lat: number) =>
    requestJson<LocateResult>('/api/v1/space/locate', { query: { lng, lat } }),
};
