import { useMemo } from 'react';
import { portalApi } from '../../../api/portal.api';
import { spaceApi } from '../../../api/space.api';
import type { RegionFeature } from '../../../api/types';
import type { MapShape } from '../../../ui/map/mapTypes';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';

const STYLE = {
  city: { color: '#8c8c8c', weight: 1, fillOpacity: 0, dashArray: '4 4' },
  district: { color: '#2f54eb', weight: 2.5, fillColor: '#f0f5ff', fillOpacity: 0.35 },
  street: { color: '#597ef7', weight: 1.5, fillOpacity: 0 },
  community: { color: '#adc6ff', weight: 0.8, fillOpacity: 0 },
} as const;

/** The drawing order: the largest regions first so the small ones stay on top. */
const ORDER = { city: 0, district: 1, street: 2, community: 3 } as const;

/**
 * Our own base map: district, street and community outlines from the server (no tile server
 * needed), with each region's name on hover. `source`: the signed-in user's jurisdiction, or
 * the whole city's public outlines (the portal, no session).
 */
export function useRegionShapes(source: 'session' | 'public' = 'session'): {
  shapes: MapShape[];
  loading: boolean;
} {
  const r = useResource(
    () =>
      source === 'public'
        ? cached('portal.outlines', () => portalApi.outlines())
        : cached('space.regionShapes', () => spaceApi.regionShapes()),
    [source],
  );
  const shapes = useMemo(
    () =>
      (r.data?.features ?? [])
        .filter((f): f is RegionFeature & { geometry: NonNullable<RegionFeature['geometry']> } =>
          Boolean(f.geometry),
        )
        .sort((a, b) => ORDER[a.properties.level] - ORDER[b.properties.level])
        .map((f) => ({
          id: `region-${f.properties.code}`,
          geometry: f.geometry,
          style: STYLE[f.properties.level],
          tooltip: f.properties.level === 'city' ? undefined : f.properties.name,
        })),
    [r.data],
  );
  return { shapes, loading: r.loading };
}
