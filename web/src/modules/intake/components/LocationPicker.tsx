import { Alert, Flex, Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../../api/http';
import { spaceApi } from '../../../api/space.api';
import type { LocateResult } from '../../../api/types';
import { MapView } from '../../../ui/map/MapView';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useT } from '../../i18n/hooks/useT';
import { useConsoleConfig } from '../../reference/hooks/useConsoleConfig';
import { useRegionShapes } from '../../reference/hooks/useRegionShapes';
import { intakeMessages } from '../intake.messages';

/** A picked place: WGS84 coordinates and the grid they fall in (null: outside every grid). */
export interface PickedLocation {
  lng: number;
  lat: number;
  place: LocateResult | null;
}

export interface LocationPickerProps {
  id?: string;
  value?: PickedLocation;
  onChange?: (v: PickedLocation | undefined) => void;
  status?: 'error' | 'warning' | '';
  height?: number;
}

const COORDS = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,，\s]\s*(-?\d{1,2}(?:\.\d+)?)\s*$/;

/** Picks a place by a click on our own map (or typed coordinates) and looks up its grid. */
export function LocationPicker({ id, value, onChange, status, height = 340 }: LocationPickerProps) {
  const t = useT(intakeMessages);
  const { errorText } = useApiErrors();
  const config = useConsoleConfig();
  const base = useRegionShapes();
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);

  const pick = async (lng: number, lat: number) => {
    const rounded = { lng: Math.round(lng * 1e7) / 1e7, lat: Math.round(lat * 1e7) / 1e7 };
    setText(`${rounded.lng.toFixed(6)}, ${rounded.lat.toFixed(6)}`);
    setTextError(null);
    setLookupError(null);
    setBusy(true);
    try {
      const place = await spaceApi.locate(rounded.lng, rounded.lat);
      onChange?.({ ...rounded, place });
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'SPACE_POINT_OUTSIDE_GRIDS')) {
        setLookupError(errorText(err));
      }
      onChange?.({ ...rounded, place: null });
    } finally {
      setBusy(false);
    }
  };

  const handleTyped = (s: string) => {
    const m = COORDS.exec(s);
    if (!m) {
      setTextError(t('new.coordinatesInvalid'));
      return;
    }
    void pick(Number(m[1]), Number(m[2]));
  };

  const points = useMemo(
    () =>
      value
        ? [
            {
              id: 'picked',
              lng: value.lng,
              lat: value.lat,
              color: value.place ? '#1677ff' : '#ff4d4f',
              radius: 9,
            },
          ]
        : [],
    [value],
  );

  const p = value?.place;
  return (
    <Flex vertical gap={8} id={id} data-testid="location-picker">
      <div
        style={{
          border: status === 'error' ? '1px solid #ff4d4f' : '1px solid transparent',
          borderRadius: 9,
        }}
      >
        <MapView
          baseShapes={base.shapes}
          points={points}
          tileUrl={config?.mapTileUrl}
          fit="base"
          onMapClick={(lng, lat) => void pick(lng, lat)}
          height={height}
          label={t('new.location')}
          testId="location-map"
        />
      </div>
      <Input.Search
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={handleTyped}
        // Enter looks the place up; it must not submit the surrounding form.
        onPressEnter={(e) => e.preventDefault()}
        placeholder={t('new.coordinates')}
        enterButton
        loading={busy}
        status={textError ? 'error' : undefined}
        data-testid="location-coords"
        aria-label={t('new.coordinates')}
      />
      {textError ? <Typography.Text type="danger">{textError}</Typography.Text> : null}
      {lookupError ? <Alert type="error" showIcon title={lookupError} /> : null}
      {busy ? (
        <Typography.Text type="secondary">{t('new.locating')}</Typography.Text>
      ) : p ? (
        <Typography.Text data-testid="location-place">
          {t('new.place', {
            district: p.district?.name ?? '',
            street: p.street?.name ?? '',
            community: p.community?.name ?? '',
            grid: p.grid.code,
          })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('new.locationHint')}</Typography.Text>
      )}
    </Flex>
  );
}
