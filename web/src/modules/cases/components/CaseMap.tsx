import { useMemo } from 'react';
import { spaceApi } from '../../../api/space.api';
import type { CaseView } from '../../../api/types';
import { MapView } from '../../../ui/map/MapView';
import type { MapShape } from '../../../ui/map/mapTypes';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';
import { useT } from '../../i18n/hooks/useT';
import { useConsoleConfig } from '../../reference/hooks/useConsoleConfig';
import { useRegionShapes } from '../../reference/hooks/useRegionShapes';
import { casesMessages } from '../cases.messages';

export interface CaseMapProps {
  kase: Pick<CaseView, 'id' | 'location' | 'number'>;
  height?: number | string;
}

/** The case's location on our own base map, with its unit grid outlined. */
export function CaseMap({ kase, height = 320 }: CaseMapProps) {
  const t = useT(casesMessages);
  const config = useConsoleConfig();
  const base = useRegionShapes();
  const code = kase.location.gridCode;
  const grid = useResource(() => cached(`space.grid.${code}`, () => spaceApi.grid(code)), [code]);
  const shapes = useMemo<MapShape[]>(
    () =>
      grid.data
        ? [
            {
              id: `grid-${grid.data.code}`,
              geometry: grid.data.geometry,
              style: { color: '#fa541c', weight: 2, fillColor: '#fa541c', fillOpacity: 0.12 },
              tooltip: t('map.grid', { code: grid.data.code }),
            },
          ]
        : [],
    [grid.data, t],
  );
  const points = useMemo(
    () => [
      {
        id: kase.id,
        lng: kase.location.lng,
        lat: kase.location.lat,
        tooltip: kase.number,
        color: '#d4380d',
      },
    ],
    [kase.id, kase.location.lng, kase.location.lat, kase.number],
  );
  return (
    <MapView
      baseShapes={base.shapes}
      shapes={shapes}
      points={points}
      tileUrl={config?.mapTileUrl}
      fitKey={`${kase.id}:${grid.data ? 'grid' : 'point'}`}
      fitMaxZoom={16}
      height={height}
      label={t('map.case')}
      testId="case-map"
    />
  );
}
