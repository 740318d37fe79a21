import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Select,
  Switch,
  Table,
  Tag,
  TreeSelect,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { adminApi, type UnitKind } from '../../../api/admin.api';
import { orgApi } from '../../../api/org.api';
import type { OrgUnit } from '../../../api/types';
import { coreMessages } from '../../core/core.messages';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useResource } from '../../core/hooks/useResource';
import { clearCache } from '../../core/utils/cached';
import { useLocale } from '../../i18n/hooks/useLocale';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { useRegions } from '../../reference/hooks/useRegions';
import { useRegionTree } from '../../reference/hooks/useRegionTree';
import { adminOrgMessages } from '../admin-org.messages';
import { adminMessages } from '../admin.messages';
import { regionTreeOptions } from '../utils/regionOptions';
import { AdminSection } from './AdminSection';

const KINDS: readonly UnitKind[] = ['bureau', 'centre', 'handling_unit', 'street_office'];
const CODE = /^[A-Za-z0-9_-]{2,32}$/;
const PHONE = /^[0-9+\- ]{5,20}$/;

interface UnitValues {
  code: string;
  name: string;
  nameEn?: string;
  kind: UnitKind;
  parentId?: string;
  regionId?: string;
  matterMajors: string[];
  phone?: string;
  active: boolean;
}

/** Departments and handling units, with the major classes each handles. */
export function UnitsAdmin() {
  const t = useT(adminOrgMessages);
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const { locale } = useLocale();
  const regions = useRegions();
  const matters = useMatters();
  const screens = Grid.useBreakpoint();
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);
  // Read fresh here (not the session's cached list), and reloaded after each change.
  const units = useResource(() => orgApi.units(), []);
  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const nameOf = (u: OrgUnit | undefined) =>
    u ? (locale === 'en' && u.nameEn ? u.nameEn : u.name) : '';

  const columns: TableColumnsType<OrgUnit> = [
    { title: t('units.code'), dataIndex: 'code', width: 150 },
    { title: t('units.name'), key: 'name', render: (_, u) => nameOf(u) },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: UnitKind) => ta(`kind.${k}`),
    },
    {
      title: t('units.parent'),
      dataIndex: 'parentId',
      responsive: ['lg'],
      render: (id: string | null) => nameOf(id ? byId.get(id) : undefined),
    },
    {
      title: t('units.region'),
      dataIndex: 'regionId',
      responsive: ['lg'],
      render: (id: string | null) => regions.name(id),
    },
    {
      title: t('units.majors'),
      dataIndex: 'matterMajors',
      responsive: ['md'],
      render: (m: string[]) => (
        <Flex wrap gap={4}>
          {m.map((code) => (
            <Tag key={code} style={{ marginInlineEnd: 0 }}>
              {matters.majors.find((x) => x.code === code)?.name ?? code}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: ta('common.status'),
      dataIndex: 'active',
      width: 80,
      render: (a: boolean) => (
        <Tag color={a ? 'green' : 'default'}>{a ? ta('common.active') : ta('common.inactive')}</Tag>
      ),
    },
    {
      title: ta('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, u) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
          {ta('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <AdminSection
      intro={t('units.intro')}
      testId="admin-units"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="unit-new"
        >
          {t('units.new')}
        </Button>
      }
    >
      {units.error ? (
        <Alert type="error" showIcon title={tc('error.load', { message: units.error.message })} />
      ) : null}
      <Table<OrgUnit>
        rowKey="id"
        size="small"
        loading={units.loading}
        columns={columns}
        dataSource={units.data ?? []}
        pagination={{
          pageSize: 20,
          showSizeChanger: false,
          showTotal: (n) => tc('common.total', { n }),
        }}
        scroll={{ x: 'max-content' }}
        data-testid="units-table"
      />
      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        size={screens.md ? 520 : '100%'}
        destroyOnHidden
        title={
          editing === 'new'
            ? t('units.new')
            : editing
              ? t('units.edit', { name: nameOf(editing) })
              : ''
        }
      >
        {editing ? (
          <UnitForm
            unit={editing === 'new' ? null : editing}
            units={units.data ?? []}
            onSaved={() => {
              setEditing(null);
              // Every workspace's unit names come from the session cache: refresh it.
              clearCache();
              units.reload();
            }}
          />
        ) : null}
      </Drawer>
    </AdminSection>
  );
}

function UnitForm({
  unit,
  units,
  onSaved,
}: {
  unit: OrgUnit | null;
  units: OrgUnit[];
  onSaved: () => void;
}) {
  const t = useT(adminOrgMessages);
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const matters = useMatters();
  const { tree } = useRegionTree();
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const { fieldErrors } = useApiErrors();
  const [form] = Form.useForm<UnitValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const treeData = useMemo(() => regionTreeOptions(tree), [tree]);

  const handleFinish = async (v: UnitValues) => {
    setBusy(true);
    setError(null);
    const body = {
      name: v.name.trim(),
      nameEn: v.nameEn?.trim() || null,
      kind: v.kind,
      parentId: v.parentId ?? null,
      regionId: v.regionId ?? null,
      matterMajors: v.matterMajors,
      phone: v.phone?.trim() || null,
    };
    try {
      if (unit) {
        await adminApi.updateUnit(unit.id, { ...body, active: v.active });
      } else {
        await adminApi.createUnit({ ...body, code: v.code.trim() });
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
    <Form<UnitValues>
      form={form}
      layout="vertical"
      onFinish={(v) => void handleFinish(v)}
      initialValues={
        unit
          ? {
              code: unit.code,
              name: unit.name,
              nameEn: unit.nameEn ?? undefined,
              kind: unit.kind,
              parentId: unit.parentId ?? undefined,
              regionId: unit.regionId ?? undefined,
              matterMajors: unit.matterMajors,
              phone: unit.phone ?? undefined,
              active: unit.active,
            }
          : { kind: 'handling_unit', matterMajors: [], active: true }
      }
      data-testid="unit-form"
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
      <Form.Item
        name="code"
        label={t('units.code')}
        rules={[{ required: true, pattern: CODE, message: t('units.codeRule') }]}
      >
        <Input disabled={Boolean(unit)} data-testid="field-unit-code" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('units.name')}
        rules={[{ required: true, whitespace: true, max: 100, message: t('units.nameRequired') }]}
      >
        <Input maxLength={100} data-testid="field-unit-name" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('units.nameEn')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
        <Select options={KINDS.map((k) => ({ value: k, label: ta(`kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="parentId" label={t('units.parent')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={units
            .filter((u) => u.id !== unit?.id)
            .map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="regionId" label={t('units.region')}>
        <TreeSelect allowClear treeData={treeData} showSearch treeNodeFilterProp="title" />
      </Form.Item>
      <Form.Item name="matterMajors" label={t('units.majors')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={matters.majors.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))}
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('units.phone')}
        rules={[{ pattern: PHONE, message: tc('field.phone') }]}
      >
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      {unit ? (
        <Form.Item name="active" label={t('units.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : null}
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={busy} data-testid="unit-save">
          {tc('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
