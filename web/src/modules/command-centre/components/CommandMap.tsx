import { Checkbox, Flex, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { spaceApi } from '../../../api/space.api';
import { MapView } from '../../../ui/map/MapView';
import type { MapPoint, MapShape } from '../../../ui/map/mapTypes';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useConsoleConfig } from '../../reference/hooks/useConsoleConfig';
import { commandCentreMessages } from '../command-centre.messages';
import type { CommandData } from '../hooks/useCommandData';
import { caseLight, gridLights } from '../utils/caseLights';
import { percent } from '../utils/kpis';
import { BIG } from './theme';

type Layer = 'cases' | 'grids' | 'hotspots';

const REGION_STYLE = {
  city: { color: '#3c5a80', weight: 1, fillOpacity: 0, dashArray: '4 4' },
  district: { color: '#4f8cc9', weight: 2.5, fillColor: '#0e2a4d', fillOpacity: 0.55 },
  street: { color: '#3f6fa3', weight: 1.4, fillOpacity: 0 },
  community: { color: '#2a4d77', weight: 0.8, fillOpacity: 0 },
} as const;
const ORDER = { city: 0, district: 1, street: 2, community: 3 } as const;

/**
 * The live map of the big screen: our own region outlines (no tile server needed), the grids
 * of the communities with open cases coloured by their worst traffic light, the open cases as
 * points, and this month's H3 hotspots.
 */
export function CommandMap({ data, height }: { data: CommandData; height: number | string }) {
  const t = useT(commandCentreMessages);
  const labels = useLabels();
  const navigate = useNavigate();
  const config = useConsoleConfig();
  const [layers, setLayers] = useState<Layer[]>(['cases', 'grids', 'hotspots']);
  const regions = useResource(
    () => cached('space.regionShapes', () => spaceApi.regionShapes()),
    [],
  );

  const base = useMemo<MapShape[]>(
    () =>
      (regions.data?.features ?? [])
        .filter((f) => f.geometry)
        .sort((a, b) => ORDER[a.properties.level] - ORDER[b.properties.level])
        .map((f) => ({
          id: `region-${f.properties.code}`,
          geometry: f.geometry!,
          style: REGION_STYLE[f.properties.level],
          tooltip: f.properties.level === 'city' ? undefined : f.properties.name,
        })),
    [regions.data],
  );

  const cases = useMemo(() => data.open.data?.items ?? [], [data.open.data]);
  const shapes = useMemo<MapShape[]>(() => {
    const out: MapShape[] = [];
    if (layers.includes('grids')) {
      const lights = gridLights(cases);
      for (const g of data.grids.data ?? []) {
        const l = lights.get(g.code);
        out.push({
          id: `grid-${g.code}`,
          geometry: g.geometry,
          style: l
            ? {
                color: BIG.light[l.light],
                weight: 1.2,
                fillColor: BIG.light[l.light],
                fillOpacity: 0.35,
              }
            : { color: '#2f5580', weight: 0.5, fillOpacity: 0 },
          tooltip: l ? t('map.gridTip', { code: g.code, n: l.count }) : g.code,
        });
      }
    }
    if (layers.includes('hotspots')) {
      const cells = data.hotspots.data?.cells ?? [];
      const max = Math.max(1, ...cells.map((c) => c.count));
      for (const c of cells) {
        out.push({
          id: `hot-${c.cell}`,
          geometry: { type: 'Polygon', coordinates: [c.boundary] },
          style: {
            color: '#ff7a45',
            weight: 1.5,
            fillColor: '#ff7a45',
            fillOpacity: 0.08 + 0.3 * (c.count / max),
            dashArray: '3 3',
          },
          tooltip: t('map.hotTip', { n: c.count, share: percent(c.share) }),
        });
      }
    }
    return out;
  }, [layers, cases, data.grids.data, data.hotspots.data, t]);

  const points = useMemo<MapPoint[]>(
    () =>
      layers.includes('cases')
        ? cases.map((c) => ({
            id: c.id,
            lng: c.location.lng,
            lat: c.location.lat,
            color: BIG.light[caseLight(c)],
            radius: 6,
            tooltip: t('map.caseTip', { number: c.number, state: labels.state(c.state) }),
            onClick: () => navigate(`/cases/${encodeURIComponent(c.id)}`),
          }))
        : [],
    [layers, cases, t, labels, navigate],
  );

  const total = data.open.data?.total ?? 0;
  // The map opens once every layer is there: one fit, with all layers drawn at its zoom (a
  // second fit while the first one animates is dropped by Leaflet, and layers added during
  // the animation are clipped to the old view).
  const settled = (r: { data: unknown; loading: boolean }) => r.data !== undefined || !r.loading;
  const ready =
    regions.data !== undefined &&
    data.open.data !== undefined &&
    settled(data.grids) &&
    settled(data.hotspots);
  return (
    <div style={{ position: 'relative', height }} data-testid="command-map-wrap">
      {ready ? (
        <MapView
          baseShapes={base}
          shapes={shapes}
          points={points}
          tileUrl={config?.mapTileUrl}
          // Where the open cases are (the whole area when there are none).
          fit={cases.length > 0 ? 'content' : 'base'}
          fitKey={cases.length > 0 ? 'cases' : 'base'}
          fitMaxZoom={16}
          height={height}
          label={t('map.label')}
          testId="command-map"
          style={{ background: '#05101f', borderRadius: 6 }}
        />
      ) : (
        <Flex align="center" justify="center" style={{ height: '100%' }}>
          <Spin />
        </Flex>
      )}
      <div
        style={{
          position: 'absolute',
          top: 10,
          right: 10,
          zIndex: 1,
          background: 'rgba(7, 19, 38, 0.85)',
          border: `1px solid ${BIG.border}`,
          borderRadius: 6,
          padding: '6px 10px',
        }}
      >
        <Checkbox.Group
          value={layers}
          onChange={(v) => setLayers(v as Layer[])}
          options={[
            { value: 'cases', label: t('map.cases') },
            { value: 'grids', label: t('map.grids') },
            { value: 'hotspots', label: t('map.hotspots') },
          ]}
          data-testid="map-layers"
        />
      </div>
      <div
        style={{
          position: 'absolute',
          left: 10,
          bottom: 10,
          zIndex: 1,
          display: 'flex',
          flexWrap: 'wrap',
          gap: 12,
          alignItems: 'center',
          background: 'rgba(7, 19, 38, 0.85)',
          border: `1px solid ${BIG.border}`,
          borderRadius: 6,
          padding: '6px 10px',
          color: BIG.text,
          fontSize: 13,
          maxWidth: 'calc(100% - 20px)',
          boxSizing: 'border-box',
        }}
      >
        {(['red', 'yellow', 'green', 'none'] as const).map((l) => (
          <span key={l} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <span
              style={{ width: 10, height: 10, borderRadius: '50%', background: BIG.light[l] }}
            />
            {t(`map.legend.${l}`)}
          </span>
        ))}
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <span
            style={{
              width: 12,
              height: 10,
              border: '1.5px dashed #ff7a45',
              background: 'rgba(255,122,69,.3)',
            }}
          />
          {t('map.hotspots')}
        </span>
        {total > cases.length ? (
          <span style={{ color: BIG.muted }}>{t('map.more', { shown: cases.length, total })}</span>
        ) : null}
      </div>
    </div>
  );
}
