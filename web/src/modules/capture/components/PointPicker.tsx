import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { MapView } from '../../../ui/map/MapView';
import type { BBox, MapShape } from '../../../ui/map/mapTypes';
import { useT } from '../../i18n/hooks/useT';
import { captureMessages } from '../capture.messages';
import { useGeolocation, type DevicePosition } from '../hooks/useGeolocation';

export interface PointPickerProps {
  id?: string;
  value?: DevicePosition;
  onChange?: (v: DevicePosition | undefined) => void;
  /** Our own layers under the point (region outlines, the inspector's grids). */
  baseShapes?: readonly MapShape[];
  shapes?: readonly MapShape[];
  tileUrl?: string | null;
  /** What to show first (e.g. the inspector's grids); default: the content, else the base. */
  fit?: BBox;
  /** false: the map waits (e.g. for `fit`), so that it opens on the right place at once. */
  mapReady?: boolean;
  height?: number;
  status?: 'error' | 'warning' | '';
  testId?: string;
}

/**
 * The place of a problem: the phone's GPS position with one tap, or a tap on our own map
 * (works without the internet; tiles only when configured).
 */
export function PointPicker({
  id,
  value,
  onChange,
  baseShapes,
  shapes,
  tileUrl,
  fit,
  mapReady = true,
  height = 260,
  status,
  testId,
}: PointPickerProps) {
  const t = useT(captureMessages);
  const geo = useGeolocation();
  const points = useMemo(
    () =>
      value ? [{ id: 'picked', lng: value.lng, lat: value.lat, color: '#1677ff', radius: 9 }] : [],
    [value],
  );
  const gps = async () => {
    const p = await geo.locate();
    if (p) {
      onChange?.(p);
    }
  };
  const failure =
    geo.failure === 'denied'
      ? t('place.gpsDenied')
      : geo.failure === 'unsupported'
        ? t('place.gpsUnsupported')
        : geo.failure === 'unavailable'
          ? t('place.gpsUnavailable')
          : null;
  return (
    <Flex vertical gap={8} id={id} data-testid={testId}>
      <Flex gap={8} align="center" wrap>
        <Button
          icon={<AimOutlined />}
          onClick={() => void gps()}
          loading={geo.locating}
          type={value ? 'default' : 'primary'}
          data-testid={testId ? `${testId}-gps` : undefined}
        >
          {geo.locating ? t('place.locating') : t('place.useGps')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('place.tapMap')}
        </Typography.Text>
      </Flex>
      {failure ? <Alert type="warning" showIcon title={failure} /> : null}
      <div
        style={{
          borderRadius: 8,
          outline: status === 'error' ? '1px solid #ff4d4f' : undefined,
        }}
      >
        {mapReady ? (
          <MapView
            baseShapes={baseShapes}
            shapes={shapes}
            points={points}
            tileUrl={tileUrl}
            fit={fit ?? 'content'}
            fitKey={fit ? fit.join(',') : `${shapes?.length ?? 0}`}
            fitMaxZoom={17}
            onMapClick={(lng, lat) =>
              onChange?.({
                lng: Math.round(lng * 1e7) / 1e7,
                lat: Math.round(lat * 1e7) / 1e7,
                accuracy: null,
              })
            }
            height={height}
            label={t('place.map')}
            testId={testId ? `${testId}-map` : undefined}
          />
        ) : (
          <div style={{ height, borderRadius: 8, background: '#eef2f6' }} />
        )}
      </div>
      <Typography.Text
        type={value ? undefined : 'secondary'}
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value
          ? `${t('place.picked', { lng: value.lng.toFixed(6), lat: value.lat.toFixed(6) })}${
              value.accuracy !== null ? t('place.accuracy', { m: value.accuracy }) : ''
            }`
          : t('place.none')}
      </Typography.Text>
    </Flex>
  );
}
