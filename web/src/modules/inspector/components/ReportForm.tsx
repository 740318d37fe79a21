import { Alert, App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../api/http';
import { spaceApi } from '../../../api/space.api';
import type { Grid, LocateResult } from '../../../api/types';
import type { BBox, MapShape } from '../../../ui/map/mapTypes';
import { PhotoCapture } from '../../capture/components/PhotoCapture';
import { PointPicker } from '../../capture/components/PointPicker';
import type { DevicePosition } from '../../capture/hooks/useGeolocation';
import { MatterPicker } from '../../cases/components/MatterPicker';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useConsoleConfig } from '../../reference/hooks/useConsoleConfig';
import { useRegionShapes } from '../../reference/hooks/useRegionShapes';
import { inspectorMessages } from '../inspector.messages';
import type { QueuedReport, ReportDraft } from '../utils/offlineQueue';

interface ReportValues {
  photos: File[];
  place?: DevicePosition;
  matterCode?: string;
  description: string;
  address?: string;
  urgency: 'normal' | 'urgent';
}

export interface ReportFormProps {
  grids: readonly Grid[];
  /** The grids have been loaded (or failed to): the map can open on them. */
  gridsReady: boolean;
  online: boolean;
  /** A refused report moved back into the form to be corrected. */
  editing?: QueuedReport | null;
  onCancelEdit?: () => void;
  /** Stores the report in the queue (which sends it when it can). */
  onSubmit: (draft: ReportDraft, photos: File[]) => Promise<void>;
}

const GRID_STYLE = { color: '#13a8a8', weight: 1, fillColor: '#13a8a8', fillOpacity: 0.08 };

/** The box around boxes ([west, south, east, north]); undefined for none. */
export function unionBox(boxes: readonly BBox[]): BBox | undefined {
  if (boxes.length === 0) {
    return undefined;
  }
  return boxes.reduce<BBox>(
    (u, b) => [
      Math.min(u[0], b[0]),
      Math.min(u[1], b[1]),
      Math.max(u[2], b[2]),
      Math.max(u[3], b[3]),
    ],
    [...boxes[0]!] as BBox,
  );
}

/** Where the picked point lies: its grid when online, or why it cannot be said. */
function PlaceCheck({ place, online }: { place: DevicePosition | undefined; online: boolean }) {
  const t = useT(inspectorMessages);
  const [found, setFound] = useState<{ key: string; at: LocateResult | null } | null>(null);
  const key = place ? `${place.lng},${place.lat}` : '';
  useEffect(() => {
    if (!place || !online) {
      return;
    }
    let live = true;
    spaceApi.locate(place.lng, place.lat).then(
      (at) => live && setFound({ key, at }),
      (err: unknown) => {
        if (live && err instanceof ApiError && err.code === 'SPACE_POINT_OUTSIDE_GRIDS') {
          setFound({ key, at: null });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [place, online, key]);
  if (!place) {
    return null;
  }
  if (!online) {
    return <Typography.Text type="secondary">{t('report.placeUnchecked')}</Typography.Text>;
  }
  if (found?.key !== key) {
    return null;
  }
  return found.at ? (
    <Typography.Text type="success" data-testid="report-grid">
      {t('report.grid', { code: found.at.grid.code, community: found.at.community?.name ?? '' })}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger">{t('report.outside')}</Typography.Text>
  );
}

/**
 * A problem seen on patrol: photos from the camera, the place (GPS or a tap on the map over
 * the inspector's grids), the matter and a description. Saved on the phone first; the queue
 * sends it. A bad input keeps everything entered.
 */
export function ReportForm({
  grids,
  gridsReady,
  online,
  editing,
  onCancelEdit,
  onSubmit,
}: ReportFormProps) {
  const t = useT(inspectorMessages);
  const labels = useLabels();
  const { message } = App.useApp();
  const config = useConsoleConfig();
  const base = useRegionShapes();
  const [form] = Form.useForm<ReportValues>();
  const [busy, setBusy] = useState(false);
  const place = Form.useWatch('place', form);

  // The map opens on the inspector's grids.
  const gridBox = useMemo(() => unionBox(grids.map((g) => g.bbox)), [grids]);
  const gridShapes = useMemo<MapShape[]>(
    () =>
      grids.map((g) => ({
        id: `grid-${g.code}`,
        geometry: g.geometry,
        style: GRID_STYLE,
        tooltip: g.code,
      })),
    [grids],
  );

  useEffect(() => {
    if (!editing) {
      return;
    }
    const d = editing.draft;
    form.setFieldsValue({
      photos: editing.photos.map(
        (p) => new File([p.blob], p.name, { type: p.blob.type || 'image/jpeg' }),
      ),
      place: { lng: d.lng, lat: d.lat, accuracy: null },
      matterCode: d.matterCode,
      description: d.description,
      address: d.address,
      urgency: d.urgency ?? 'normal',
    });
  }, [editing, form]);

  const handleFinish = async (v: ReportValues) => {
    if (!v.place) {
      return;
    }
    setBusy(true);
    try {
      await onSubmit(
        {
          description: v.description.trim(),
          lng: v.place.lng,
          lat: v.place.lat,
          crs: 'wgs84',
          matterCode: v.matterCode || undefined,
          address: v.address?.trim() || undefined,
          urgency: v.urgency,
        },
        v.photos,
      );
      void message.success(online ? t('report.sending') : t('report.queued'));
      form.resetFields();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<ReportValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ photos: [], urgency: 'normal' }}
      onFinish={(v) => void handleFinish(v)}
      scrollToFirstError
      data-testid="inspector-report-form"
    >
      {editing ? (
        <Alert
          type="info"
          showIcon
          title={t('report.editing')}
          action={
            <Button size="small" onClick={onCancelEdit}>
              {t('report.cancelEdit')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form.Item
          name="photos"
          label={t('report.photos')}
          rules={[
            {
              validator: (_, v: File[] | undefined) =>
                v && v.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('report.photosRequired'))),
            },
          ]}
        >
          <PhotoCapture max={9} testId="report-photos" />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('report.place')}
          rules={[
            {
              validator: (_, v: DevicePosition | undefined) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('report.placeRequired'))),
            },
          ]}
          extra={<PlaceCheck place={place} online={online} />}
        >
          <PointPicker
            baseShapes={base.shapes}
            shapes={gridShapes}
            tileUrl={config?.mapTileUrl}
            fit={gridBox}
            mapReady={gridsReady}
            height={240}
            testId="report-place"
          />
        </Form.Item>
      </Card>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form.Item name="matterCode" label={t('report.matter')}>
          <MatterPicker testId="report-matter" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('report.description')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('report.descriptionRequired') },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t('report.descriptionPlaceholder')}
            data-testid="report-description"
          />
        </Form.Item>
        <Form.Item name="address" label={t('report.address')} rules={[{ max: 200 }]}>
          <Input maxLength={200} data-testid="report-address" />
        </Form.Item>
        <Form.Item name="urgency" label={t('report.urgency')} style={{ marginBottom: 0 }}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'normal', label: labels.urgency('normal') },
              { value: 'urgent', label: labels.urgency('urgent') },
            ]}
          />
        </Form.Item>
      </Card>
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={busy}
        data-testid="report-submit"
      >
        {t('report.submit')}
      </Button>
    </Form>
  );
}
