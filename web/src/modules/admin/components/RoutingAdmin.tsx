import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Table,
  TreeSelect,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { adminApi, type RoutingRuleBody } from '../../../api/admin.api';
import { routingApi } from '../../../api/routing.api';
import type { RoutingRule } from '../../../api/types';
import { MatterPicker } from '../../cases/components/MatterPicker';
import { coreMessages } from '../../core/core.messages';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useResource } from '../../core/hooks/useResource';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { useRegions } from '../../reference/hooks/useRegions';
import { useRegionTree } from '../../reference/hooks/useRegionTree';
import { useUnits } from '../../reference/hooks/useUnits';
import { adminSpaceMessages } from '../admin-space.messages';
import { adminMessages } from '../admin.messages';
import { regionTreeOptions } from '../utils/regionOptions';
import { AdminSection } from './AdminSection';

interface RuleValues {
  what: 'matter' | 'major' | 'any';
  matterCode?: string;
  majorCode?: string;
  regionId?: string;
  areaClass?: 'A' | 'B' | 'C';
  unitId: string;
  priority: number;
  note?: string;
}

/** The routing matrix: list, add, change and delete rules. */
export function RoutingAdmin() {
  const t = useT(adminSpaceMessages);
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const labels = useLabels();
  const matters = useMatters();
  const regions = useRegions();
  const units = useUnits();
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const rules = useResource(() => routingApi.rules(), []);

  const remove = async (r: RoutingRule) => {
    try {
      await adminApi.deleteRule(r.id);
      void message.success(ta('common.deleted'));
    } catch (err) {
      void message.error(errorText(err));
    }
    rules.reload();
  };

  const columns: TableColumnsType<RoutingRule> = [
    {
      title: t('routing.what'),
      key: 'what',
      render: (_, r) =>
        r.matterCode
          ? matters.label(r.matterCode)
          : r.majorCode
            ? `${r.majorCode} ${matters.majors.find((m) => m.code === r.majorCode)?.name ?? ''}`
            : t('routing.whatAny'),
    },
    {
      title: t('routing.region'),
      dataIndex: 'regionId',
      render: (id: string | null) => (id ? regions.name(id) : ta('common.any')),
    },
    {
      title: t('routing.areaClass'),
      dataIndex: 'areaClass',
      width: 100,
      render: (a: string | null) => (a ? labels.areaClass(a) : ta('common.any')),
    },
    { title: t('routing.unit'), dataIndex: 'unitId', render: (id: string) => units.name(id) },
    {
      title: t('routing.priority'),
      dataIndex: 'priority',
      width: 80,
      sorter: (a, b) => a.priority - b.priority,
    },
    { title: t('routing.note'), dataIndex: 'note', responsive: ['lg'] },
    {
      title: ta('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, r) => (
        <Flex gap={6}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)}>
            {ta('common.edit')}
          </Button>
          <Popconfirm title={t('routing.deleteConfirm')} onConfirm={() => void remove(r)}>
            <Button size="small" danger icon={<DeleteOutlined />}>
              {tc('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <AdminSection
      intro={t('routing.intro')}
      testId="admin-routing"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="rule-new"
        >
          {t('routing.new')}
        </Button>
      }
    >
      {rules.error ? (
        <Alert type="error" showIcon title={tc('error.load', { message: rules.error.message })} />
      ) : null}
      <Table<RoutingRule>
        rowKey="id"
        size="small"
        loading={rules.loading}
        columns={columns}
        dataSource={rules.data ?? []}
        pagination={{
          pageSize: 20,
          showSizeChanger: false,
          showTotal: (n) => tc('common.total', { n }),
        }}
        scroll={{ x: 'max-content' }}
        data-testid="rules-table"
      />
      <Modal
        open={editing !== null}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        title={editing === 'new' ? t('routing.new') : t('routing.edit')}
        width={560}
      >
        {editing ? (
          <RuleForm
            rule={editing === 'new' ? null : editing}
            onSaved={() => {
              setEditing(null);
              rules.reload();
            }}
          />
        ) : null}
      </Modal>
    </AdminSection>
  );
}

function RuleForm({ rule, onSaved }: { rule: RoutingRule | null; onSaved: () => void }) {
  const t = useT(adminSpaceMessages);
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const labels = useLabels();
  const matters = useMatters();
  const units = useUnits();
  const { tree } = useRegionTree();
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const { fieldErrors } = useApiErrors();
  const [form] = Form.useForm<RuleValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const what = Form.useWatch('what', form);
  const treeData = useMemo(() => regionTreeOptions(tree), [tree]);

  const handleFinish = async (v: RuleValues) => {
    const body: RoutingRuleBody = {
      matterCode: v.what === 'matter' ? (v.matterCode ?? null) : null,
      majorCode: v.what === 'major' ? (v.majorCode ?? null) : null,
      regionId: v.regionId ?? null,
      areaClass: v.areaClass ?? null,
      unitId: v.unitId,
      priority: v.priority,
      note: v.note?.trim() || null,
    };
    setBusy(true);
    setError(null);
    try {
      if (rule) {
        await adminApi.updateRule(rule.id, body);
      } else {
        await adminApi.createRule(body);
      }
      void message.success(ta('common.saved'));
      onSaved();
    } catch (err) {
      setError(errorText(err));
      form.setFields(fieldErrors(err) as Parameters<typeof form.setFields>[0]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<RuleValues>
      form={form}
      layout="vertical"
      onFinish={(v) => void handleFinish(v)}
      data-testid="rule-form"
      initialValues={
        rule
          ? {
              what: rule.matterCode ? 'matter' : rule.majorCode ? 'major' : 'any',
              matterCode: rule.matterCode ?? undefined,
              majorCode: rule.majorCode ?? undefined,
              regionId: rule.regionId ?? undefined,
              areaClass: (rule.areaClass as RuleValues['areaClass']) ?? undefined,
              unitId: rule.unitId,
              priority: rule.priority,
              note: rule.note ?? undefined,
            }
          : { what: 'matter', priority: 100 }
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={ta('common.failed')}
          description={error}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form.Item name="what" label={t('routing.what')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'matter', label: t('routing.whatMatter') },
            { value: 'major', label: t('routing.whatMajor') },
            { value: 'any', label: t('routing.whatAny') },
          ]}
        />
      </Form.Item>
      {what === 'matter' ? (
        <Form.Item
          name="matterCode"
          label={t('routing.matter')}
          rules={[{ required: true, message: t('routing.matterRequired') }]}
        >
          <MatterPicker testId="rule-matter" />
        </Form.Item>
      ) : null}
      {what === 'major' ? (
        <Form.Item
          name="majorCode"
          label={t('routing.major')}
          rules={[{ required: true, message: t('routing.majorRequired') }]}
        >
          <Select
            options={matters.majors.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="regionId" label={t('routing.region')}>
        <TreeSelect
          allowClear
          treeData={treeData}
          showSearch
          treeNodeFilterProp="title"
          placeholder={ta('common.any')}
        />
      </Form.Item>
      <Form.Item name="areaClass" label={t('routing.areaClass')}>
        <Select
          allowClear
          placeholder={ta('common.any')}
          options={(['A', 'B', 'C'] as const).map((a) => ({
            value: a,
            label: labels.areaClass(a),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('routing.unit')}
        rules={[{ required: true, message: t('routing.unitRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={units.list
            .filter((u) => u.kind === 'handling_unit' || u.kind === 'street_office')
            .map((u) => ({ value: u.id, label: units.name(u.id) }))}
          data-testid="rule-unit"
        />
      </Form.Item>
      <Form.Item
        name="priority"
        label={t('routing.priority')}
        extra={t('routing.priorityHint')}
        rules={[{ required: true }]}
      >
        <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="note" label={t('routing.note')} rules={[{ max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={busy} data-testid="rule-save">
          {tc('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
