import { AimOutlined, CompassOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Radio,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { attachmentsApi } from '../../../api/attachments.api';
import { casesApi } from '../../../api/cases.api';
import { catalogApi } from '../../../api/catalog.api';
import { ApiError } from '../../../api/http';
import type { InspectorTask } from '../../../api/inspector.api';
import type { ActionBody, Grid } from '../../../api/types';
import { MapView } from '../../../ui/map/MapView';
import type { BBox, MapPoint } from '../../../ui/map/mapTypes';
import { PhotoCapture } from '../../capture/components/PhotoCapture';
import { useGeolocation, type DevicePosition } from '../../capture/hooks/useGeolocation';
import { CasePhotos } from '../../cases/components/CasePhotos';
import { TrafficLight } from '../../cases/components/TrafficLight';
import { useCase } from '../../cases/hooks/useCase';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';
import { formatTime } from '../../core/utils/time';
import { useT } from '../../i18n/hooks/useT';
import { useConsoleConfig } from '../../reference/hooks/useConsoleConfig';
import { useRegionShapes } from '../../reference/hooks/useRegionShapes';
import { useMatters } from '../../reference/hooks/useMatters';
import { inspectorMessages } from '../inspector.messages';
import { navigationUrl } from '../utils/navigation';
import { taskLight } from './TaskList';

interface ActionValues {
  result?: 'yes' | 'no';
  reason?: string;
  note?: string;
  photos: File[];
}

export interface TaskDetailProps {
  task: InspectorTask;
  grids: readonly Grid[];
  /** The grids have been loaded (or failed to): the map can open on the task's grid. */
  gridsReady: boolean;
  online: boolean;
  /** The task was answered (the list drops it). */
  onDone: () => void;
}

/**
 * One verify or check task on site: where it is (our map, the phone's map app), what was
 * reported and done, and the answer with photos. Answers need the network; what was entered
 * stays when sending fails.
 */
export function TaskDetail({ task, grids, gridsReady, online, onDone }: TaskDetailProps) {
  const t = useT(inspectorMessages);
  const { message } = App.useApp();
  const { errorText, fieldErrors } = useApiErrors();
  const matters = useMatters();
  const config = useConsoleConfig();
  const base = useRegionShapes();
  const geo = useGeolocation();
  const c = useCase(task.caseId);
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [me, setMe] = useState<DevicePosition | null>(null);
  // Photos already uploaded for this answer: a retry does not upload them again.
  const uploaded = useRef<{ files: File[]; ids: string[] } | null>(null);
  const result = Form.useWatch('result', form);
  const verify = task.task === 'verify';
  const matterCode = c.kase?.matter?.code ?? task.matterCode;

  const conditions = useResource(
    () =>
      matterCode
        ? cached(`catalog.conditions.${matterCode}`, () => catalogApi.conditions(matterCode))
        : Promise.resolve([]),
    [matterCode],
  );
  const condition = conditions.data?.find((x) => x.id === c.kase?.matter?.conditionId);
  // A check needs a photo unless the matter's closure condition says otherwise.
  const photoRequired = !verify && (condition?.photoRequired ?? true);
  const feedback = useMemo(
    () => [...c.events].reverse().find((e) => e.action === 'feedback'),
    [c.events],
  );

  const gridShapes = useMemo(() => {
    const g = grids.find((x) => x.code === task.location.gridCode);
    return g
      ? [
          {
            id: `grid-${g.code}`,
            geometry: g.geometry,
            style: { color: '#fa541c', weight: 2, fillOpacity: 0.1 },
          },
        ]
      : [];
  }, [grids, task.location.gridCode]);
  // The task's grid (or the place) with the inspector's position when asked.
  const view = useMemo<BBox>(() => {
    const g = grids.find((x) => x.code === task.location.gridCode);
    const d = 0.002;
    const { lng, lat } = task.location;
    const box: BBox = g ? g.bbox : [lng - d, lat - d, lng + d, lat + d];
    return me
      ? [
          Math.min(box[0], me.lng),
          Math.min(box[1], me.lat),
          Math.max(box[2], me.lng),
          Math.max(box[3], me.lat),
        ]
      : box;
  }, [grids, task.location, me]);
  const points = useMemo<MapPoint[]>(() => {
    const p: MapPoint[] = [
      {
        id: task.caseId,
        lng: task.location.lng,
        lat: task.location.lat,
        color: '#d4380d',
        tooltip: task.number,
      },
    ];
    if (me) {
      p.push({
        id: 'me',
        lng: me.lng,
        lat: me.lat,
        color: '#1677ff',
        radius: 6,
        tooltip: t('task.myPosition'),
      });
    }
    return p;
  }, [task, me, t]);

  const handleFinish = async (v: ActionValues) => {
    setError(null);
    if (!navigator.onLine) {
      setError(t('action.offline'));
      return;
    }
    const kase = c.kase;
    if (!kase) {
      return;
    }
    setBusy(true);
    try {
      let ids: string[] = [];
      if (v.photos.length > 0) {
        const same =
          uploaded.current &&
          uploaded.current.files.length === v.photos.length &&
          uploaded.current.files.every((f, i) => f === v.photos[i]);
        ids =
          same && uploaded.current
            ? uploaded.current.ids
            : (await attachmentsApi.upload(v.photos)).map((a) => a.id);
        uploaded.current = { files: v.photos, ids };
      }
      const body: ActionBody = verify
        ? { action: 'verify', version: kase.version, verifyResult: v.result === 'yes' }
        : v.result === 'yes'
          ? { action: 'check_pass', version: kase.version }
          : { action: 'check_fail', version: kase.version, reason: v.reason?.trim() };
      if (ids.length > 0) {
        body.attachmentIds = ids;
      }
      if (v.note?.trim()) {
        body.note = v.note.trim();
      }
      await casesApi.act(task.caseId, body);
      void message.success(
        t(verify ? 'action.done.verify' : 'action.done.check', { number: task.number }),
      );
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CASE_VERSION_CONFLICT') {
        c.reload();
      }
      if (
        err instanceof ApiError &&
        (err.code === 'ATTACHMENT_NOT_FOUND' || err.code === 'ATTACHMENT_ALREADY_BOUND')
      ) {
        uploaded.current = null;
      }
      setError(errorText(err));
      form.setFields(
        fieldErrors(err, {
          attachmentIds: ['photos'],
          reason: ['reason'],
          note: ['note'],
        }) as Parameters<typeof form.setFields>[0],
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex
      vertical
      gap={12}
      data-testid="task-detail"
      data-case-number={task.number}
      data-state={c.kase?.state}
    >
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Flex gap={6} align="center">
            <Tag color={verify ? 'geekblue' : 'lime'} style={{ marginInlineEnd: 0 }}>
              {t(verify ? 'task.verify' : 'task.check')}
            </Tag>
            <Typography.Text strong>{task.number}</Typography.Text>
          </Flex>
          <TrafficLight kase={taskLight(task)} />
        </Flex>
        {matterCode ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            {matters.label(matterCode)}
          </Typography.Text>
        ) : null}
        <Typography.Paragraph style={{ margin: '6px 0' }}>{task.description}</Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            task.address,
            t('task.grid', { code: task.location.gridCode }),
            t('task.reportedAt', { time: formatTime(task.createdAt) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        {!verify && typeof feedback?.payload.description === 'string' ? (
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
            {t('task.unitFeedback', { text: feedback.payload.description })}
          </Typography.Paragraph>
        ) : null}
        {!verify && condition?.closureCondition ? (
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
            {t('task.closure', { text: condition.closureCondition })}
          </Typography.Paragraph>
        ) : null}
      </Card>

      <Card size="small" styles={{ body: { padding: 8 } }}>
        {gridsReady ? (
          <MapView
            baseShapes={base.shapes}
            shapes={gridShapes}
            points={points}
            tileUrl={config?.mapTileUrl}
            fit={view}
            fitKey={task.caseId}
            fitMaxZoom={17}
            height={220}
            label={t('task.map')}
            testId="task-map"
          />
        ) : (
          <div style={{ height: 220 }} />
        )}
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Button
            icon={<AimOutlined />}
            loading={geo.locating}
            onClick={() => void geo.locate().then((p) => p && setMe(p))}
          >
            {t('task.myPosition')}
          </Button>
          <Button
            type="primary"
            ghost
            icon={<CompassOutlined />}
            href={navigationUrl(task.location.lng, task.location.lat, task.number)}
            style={{ flex: 1 }}
          >
            {t('task.navigate')}
          </Button>
        </Flex>
      </Card>

      <Card size="small" title={verify ? t('task.photosBefore') : t('task.photosAfter')}>
        {c.kase ? <CasePhotos events={c.events} /> : <Skeleton active paragraph={{ rows: 2 }} />}
      </Card>

      <Card size="small">
        <Form<ActionValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ photos: [] }}
          onFinish={(v) => void handleFinish(v)}
          data-testid="task-action-form"
        >
          {error ? (
            <Alert
              type="error"
              showIcon
              title={t('action.failed')}
              description={error}
              style={{ marginBottom: 12 }}
              data-testid="task-action-error"
            />
          ) : !online ? (
            <Alert
              type="warning"
              showIcon
              title={t('action.offline')}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Form.Item
            name="result"
            label={t(verify ? 'verify.question' : 'check.question')}
            rules={[
              {
                required: true,
                message: t(verify ? 'verify.resultRequired' : 'check.resultRequired'),
              },
            ]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              data-testid="task-result"
              options={[
                { value: 'yes', label: t(verify ? 'verify.true' : 'check.pass') },
                { value: 'no', label: t(verify ? 'verify.false' : 'check.fail') },
              ]}
            />
          </Form.Item>
          {!verify && result === 'no' ? (
            <Form.Item
              name="reason"
              label={t('check.reason')}
              rules={[{ required: true, whitespace: true, message: t('check.reasonRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={2000} data-testid="task-reason" />
            </Form.Item>
          ) : null}
          <Form.Item
            name="photos"
            label={t('action.photos')}
            rules={[
              {
                validator: (_, v: File[] | undefined) =>
                  !photoRequired || (v && v.length > 0)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('action.photoRequired'))),
              },
            ]}
          >
            <PhotoCapture max={9} testId="task-photos" />
          </Form.Item>
          <Form.Item name="note" label={t('action.note')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="task-note" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={busy}
            data-testid="task-submit"
          >
            {t('action.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
