import {
  Alert,
  Button,
  Empty,
  Flex,
  Form,
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
import { useResource } from '../../core/hooks/useResource';
import { clearCache } from '../../core/utils/cached';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { adminTimeMessages } from '../admin-time.messages';
import { adminMessages } from '../admin.messages';
import { useSave } from '../hooks/useSave';
import { AdminSection } from './AdminSection';
import { CrudSection } from './CrudSection';
import { isValidLimit, LimitInput } from './LimitInput';

const AREAS = ['A', 'B', 'C'] as const;
const STAGES = ['verify', 'register', 'dispatch', 'acknowledge', 'check'] as const;
const URGENCIES = ['normal', 'urgent'] as const;

/** Handling limits of a matter's registration conditions. */
function ConditionLimits() {
  const t = useT(adminTimeMessages);
  const ta = useT(adminMessages);
  const labels = useLabels();
  const [matter, setMatter] = useState<string | undefined>('06010');
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
  ];
  return (
    <CrudSection<MatterCondition>
      title={t('limits.conditions')}
      intro={t('limits.conditionsIntro')}
      testId="condition-limits"
      toolbar={
        <div style={{ maxWidth: 420 }}>
          <MatterPicker value={matter} onChange={setMatter} testId="limits-matter" />
        </div>
      }
      list={conditions}
      rowKey="id"
      columns={columns}
      tableTestId="conditions-table"
      pageSize={false}
      emptyText={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('limits.none')} />}
      editButton={{ label: t('limits.edit'), testId: 'limits-edit' }}
      actionsWidth={120}
      editor={{ in: 'modal', title: (c) => (c ? t('limits.editTitle', { name: c.name }) : '') }}
      form={(c, onSaved) => (c ? <ConditionLimitsForm condition={c} onSaved={onSaved} /> : null)}
    />
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
  const tc = useT(coreMessages);
  const labels = useLabels();
  const save = useSave();
  return (
    <Form<AreaLimits>
      layout="vertical"
      initialValues={condition.limits}
      data-testid="limits-form"
      onFinish={(v) => save.run(() => adminApi.putConditionLimits(condition.id, v), onSaved)}
    >
      {save.error ? (
        <Alert type="error" showIcon title={save.error} style={{ marginBottom: 12 }} />
      ) : null}
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
        <Button type="primary" htmlType="submit" loading={save.busy} data-testid="limits-save">
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
  const labels = useLabels();
  const stage = useResource(() => catalogApi.stageLimits(), []);
  const [draft, setDraft] = useState<Record<string, Limit>>({});
  const save = useSave();
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

  const saveChanged = () => {
    const items: StageLimit[] = changed.map((k) => {
      const [s, u, a] = k.split('|') as [
        StageLimit['stage'],
        StageLimit['urgency'],
        StageLimit['areaClass'],
      ];
      return { stage: s, urgency: u, areaClass: a, ...draft[k]! };
    });
    save.run(
      () => adminApi.putStageLimits(items),
      () => {
        setDraft({});
        clearCache();
        stage.reload();
      },
    );
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
            loading={save.busy}
            onClick={saveChanged}
            data-testid="stage-save"
          >
            {t('stage.save')}
          </Button>
        </Flex>
      }
    >
      {save.error ? <Alert type="error" showIcon title={save.error} /> : null}
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
