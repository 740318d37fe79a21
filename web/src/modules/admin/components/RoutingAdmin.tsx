import { Form, Input, InputNumber, Radio, Select, TreeSelect, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { adminApi, type RoutingRuleBody } from '../../../api/admin.api';
import { routingApi } from '../../../api/routing.api';
import type { RoutingRule } from '../../../api/types';
import { MatterPicker } from '../../cases/components/MatterPicker';
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
import { CrudForm } from './CrudForm';
import { CrudSection } from './CrudSection';

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
  const labels = useLabels();
  const matters = useMatters();
  const regions = useRegions();
  const units = useUnits();
  const rules = useResource(() => routingApi.rules(), []);

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
  ];

  return (
    <CrudSection<RoutingRule>
      intro={t('routing.intro')}
      testId="admin-routing"
      newButton={{ label: t('routing.new'), testId: 'rule-new' }}
      list={rules}
      rowKey="id"
      columns={columns}
      tableTestId="rules-table"
      remove={{ confirm: t('routing.deleteConfirm'), call: (r) => adminApi.deleteRule(r.id) }}
      editor={{
        in: 'modal',
        width: 560,
        title: (r) => (r ? t('routing.edit') : t('routing.new')),
      }}
      form={(r, onSaved) => <RuleForm rule={r} onSaved={onSaved} />}
    />
  );
}

function RuleForm({ rule, onSaved }: { rule: RoutingRule | null; onSaved: () => void }) {
  const t = useT(adminSpaceMessages);
  const ta = useT(adminMessages);
  const labels = useLabels();
  const matters = useMatters();
  const units = useUnits();
  const { tree } = useRegionTree();
  const [form] = Form.useForm<RuleValues>();
  const what = Form.useWatch('what', form);
  const treeData = useMemo(() => regionTreeOptions(tree), [tree]);

  const save = (v: RuleValues) => {
    const body: RoutingRuleBody = {
      matterCode: v.what === 'matter' ? (v.matterCode ?? null) : null,
      majorCode: v.what === 'major' ? (v.majorCode ?? null) : null,
      regionId: v.regionId ?? null,
      areaClass: v.areaClass ?? null,
      unitId: v.unitId,
      priority: v.priority,
      note: v.note?.trim() || null,
    };
    return rule ? adminApi.updateRule(rule.id, body) : adminApi.createRule(body);
  };

  return (
    <CrudForm<RuleValues>
      form={form}
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
      onSave={save}
      onSaved={onSaved}
      testId="rule-form"
      saveTestId="rule-save"
    >
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
    </CrudForm>
  );
}
