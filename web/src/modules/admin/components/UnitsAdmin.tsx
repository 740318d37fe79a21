import { Flex, Form, Input, Select, Switch, Tag, TreeSelect, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { adminApi, type UnitKind } from '../../../api/admin.api';
import { orgApi } from '../../../api/org.api';
import type { OrgUnit } from '../../../api/types';
import { coreMessages } from '../../core/core.messages';
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
import { CrudForm } from './CrudForm';
import { CrudSection } from './CrudSection';

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
  const { locale } = useLocale();
  const regions = useRegions();
  const matters = useMatters();
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
  ];

  return (
    <CrudSection<OrgUnit>
      intro={t('units.intro')}
      testId="admin-units"
      newButton={{ label: t('units.new'), testId: 'unit-new' }}
      list={units}
      rowKey="id"
      columns={columns}
      tableTestId="units-table"
      activeColumn
      editor={{
        in: 'drawer',
        width: 520,
        title: (u) => (u ? t('units.edit', { name: nameOf(u) }) : t('units.new')),
      }}
      form={(u, onSaved) => <UnitForm unit={u} units={units.data ?? []} onSaved={onSaved} />}
      // Every workspace's unit names come from the session cache: refresh it.
      onSaved={clearCache}
    />
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
  const [form] = Form.useForm<UnitValues>();
  const treeData = useMemo(() => regionTreeOptions(tree), [tree]);

  const save = (v: UnitValues) => {
    const body = {
      name: v.name.trim(),
      nameEn: v.nameEn?.trim() || null,
      kind: v.kind,
      parentId: v.parentId ?? null,
      regionId: v.regionId ?? null,
      matterMajors: v.matterMajors,
      phone: v.phone?.trim() || null,
    };
    return unit
      ? adminApi.updateUnit(unit.id, { ...body, active: v.active })
      : adminApi.createUnit({ ...body, code: v.code.trim() });
  };

  return (
    <CrudForm<UnitValues>
      form={form}
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
      onSave={save}
      onSaved={onSaved}
      testId="unit-form"
      saveTestId="unit-save"
    >
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
    </CrudForm>
  );
}
