import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Modal,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { adminApi, type AreaLimits } from '../../../api/admin.api';
import { catalogApi } from '../../../api/catalog.api';
import type { Limit, MatterCondition, StageLimit } from '../../../api/types';
import { MatterPicker } from '../../cases/components/MatterPicker';
import { coreMessages } from '../../core/core.messages';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useResource } from '../../core/hooks/useResource';
import { clearCache } from '../../core/utils/cached';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { adminTimeMessages } from '../admin-time.messages';
import { adminMessages } from '../admin.messages';
import { AdminSection } from './AdminSection';
import { isValidLimit, LimitInput } from './LimitInput';

const AREAS = ['A', 'B', 'C'] as const;
const STAGES = ['verify', 'register', 'dispatch', 'acknowledge', 'check'] as const;
const URGENCIES = ['normal', 'urgent'] as const;

/** Handling limits of a matter's registration conditions. */
function ConditionLimits() {
  const t = useT(adminTimeMessages);
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const labels = useLabels();
  const [matter, setMatter] = useState<string | undefined>('06010');
  const [editing, setEditing] = useState<MatterCondition | null>(null);
  const conditions = useResource(
    () => (matter ? catalogApi.conditions(matter) : Promise.resolve([])),
    [matter],
  );
  const columns: TableColumnsType<MatterCondition> = [
    { title: t('limits.seq'), dataIndex: 'seq', width: 60 },
    { title: t('limits.name'), dataIndex: 'name' },
    { title: t('limits.closure'), dataIndex: 'closureCondition', responsive: ['lg'] },
    ...AREAS.map((a) => ({
      title: labels.areaClass(a),
      key: a,
      render: (_: unknown, c: MatterCondition) => labels.limit(c.limits[a]),
    })),
    {
      title: ta('common.status'),
      key: 'flags',
      responsive: ['md'],
      render: (_, c) => (
        <Flex gap={4} wrap>
          {c.photoRequired ? <Tag>{t('limits.photo')}</Tag> : null}
          {c.urgent ? <Tag color="red">{t('limits.urgent')}</Tag> : null}
          {!c.active ? <Tag>{ta('common.inactive')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: ta('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, c) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(c)}
          data-testid="limits-edit"
        >
          {t('limits.edit')}
        </Button>
      ),
    },
  ];
  return (
    <AdminSection
      title={t('limits.conditions')}
      intro={t('limits.conditionsIntro')}
      testId="condition-limits"
    >
      <div style={{ maxWidth: 420 }}>
        <MatterPicker value={matter} onChange={setMatter} testId="limits-matter" />
      </div>
      {conditions.error ? (
        <Alert
          type="error"
          showIcon
          title={tc('error.load', { message: conditions.error.message })}
        />
      ) : null}
      <Table<MatterCondition>
        rowKey="id"
        size="small"
        loading={conditions.loading}
        columns={columns}
        dataSource={conditions.data ?? []}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('limits.none')} />,
        }}
        scroll={{ x: 'max-content' }}
        data-testid="conditions-table"
      />
      <Modal
        open={editing !== null}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        title={editing ? t('limits.editTitle', { name: editing.name }) : ''}
      >
        {editing ? (
          <ConditionLimitsForm
            condition={editing}
            onSaved={() => {
              setEditing(null);
              conditions.reload();
            }}
          />
        ) : null}
      </Modal>
    </AdminSection>
  );
}

function ConditionLimitsForm({
  condition,
  onSaved,
}: {
  condition: MatterCondition;
  onSaved: () => void;
}) {
  const t = useT(adminTimeMessages);
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const labels = useLabels();
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Form<AreaLimits>
      layout="vertical"
      initialValues={condition.limits}
      data-testid="limits-form"
      onFinish={(v) => {
        setBusy(true);
        setError(null);
        adminApi
          .putConditionLimits(condition.id, v)
          .then(
            () => {
              void message.success(ta('common.saved'));
              onSaved();
            },
            (err: unknown) => setError(errorText(err)),
          )
          .finally(() => setBusy(false));
      }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {AREAS.map((a) => (
        <Form.Item
          key={a}
          name={a}
          label={labels.areaClass(a)}
          rules={[
            {
              validator: (_, v: Limit | undefined) =>
                isValidLimit(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('limits.amountRequired'))),
            },
          ]}
        >
          <LimitInput testId={`limit-${a}`} />
        </Form.Item>
      ))}
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={busy} data-testid="limits-save">
          {tc('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

const keyOf = (stage: string, urgency: string, area: string) => `${stage}|${urgency}|${area}`;

/** The city's stage limits as an editable grid. */
function StageLimits() {
  const t = useT(adminTimeMessages);
  const ta = useT(adminMessages);
  const labels = useLabels();
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const stage = useResource(() => catalogApi.stageLimits(), []);
  const [draft, setDraft] = useState<Record<string, Limit>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stored = useMemo(
    () =>
      Object.fromEntries(
        (stage.data ?? []).map((l) => [
          keyOf(l.stage, l.urgency, l.areaClass),
          { amount: l.amount, unit: l.unit },
        ]),
      ),
    [stage.data],
  );
  const changed = Object.keys(draft).filter(
    (k) => draft[k]!.amount !== stored[k]?.amount || draft[k]!.unit !== stored[k]?.unit,
  );
  const rows = STAGES.flatMap((s) =>
    URGENCIES.map((u) => ({ key: `${s}|${u}`, stage: s, urgency: u })),
  );
  const invalid = changed.some((k) => !isValidLimit(draft[k]));

  const save = () => {
    const items: StageLimit[] = changed.map((k) => {
      const [s, u, a] = k.split('|') as [
        StageLimit['stage'],
        StageLimit['urgency'],
        StageLimit['areaClass'],
      ];
      return { stage: s, urgency: u, areaClass: a, ...draft[k]! };
    });
    setBusy(true);
    setError(null);
    adminApi
      .putStageLimits(items)
      .then(
        () => {
          void message.success(ta('common.saved'));
          setDraft({});
          clearCache();
          stage.reload();
        },
        (err: unknown) => setError(errorText(err)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <AdminSection
      title={t('stage.title')}
      intro={t('stage.intro')}
      testId="stage-limits"
      extra={
        <Flex gap={8} align="center">
          {changed.length > 0 ? (
            <Typography.Text type="secondary">
              {t('stage.changed', { n: changed.length })}
            </Typography.Text>
          ) : null}
          <Button
            type="primary"
            disabled={changed.length === 0 || invalid}
            loading={busy}
            onClick={save}
            data-testid="stage-save"
          >
            {t('stage.save')}
          </Button>
        </Flex>
      }
    >
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Table
        size="small"
        loading={stage.loading}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('stage.stage'), dataIndex: 'stage', render: (s: string) => labels.stage(s) },
          {
            title: t('stage.urgency'),
            dataIndex: 'urgency',
            render: (u: string) => labels.urgency(u),
          },
          ...AREAS.map((a) => ({
            title: labels.areaClass(a),
            key: a,
            render: (_: unknown, r: (typeof rows)[number]) => {
              const k = keyOf(r.stage, r.urgency, a);
              const v = draft[k] ?? stored[k];
              return (
                <LimitInput
                  value={v}
                  status={draft[k] && !isValidLimit(draft[k]) ? 'error' : ''}
                  onChange={(l) => setDraft((d) => ({ ...d, [k]: l }))}
                />
              );
            },
          })),
        ]}
      />
    </AdminSection>
  );
}

/** Time limits: per registration condition, and per stage. */
export function LimitsAdmin() {
  return (
    <div>
      <ConditionLimits />
      <StageLimits />
    </div>
  );
}
