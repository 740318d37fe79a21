import { ROLES, SCOPE_LEVELS, type Role, type ScopeLevel } from '@common/roles';
import {
  Flex,
  Form,
  Input,
  Select,
  Switch,
  Tag,
  TreeSelect,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import {
  adminApi,
  type AdminUser,
  type CreateUserBody,
  type UpdateUserBody,
} from '../../../api/admin.api';
import type { FieldPath } from '../../core/hooks/useApiErrors';
import { useResource } from '../../core/hooks/useResource';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useRegions } from '../../reference/hooks/useRegions';
import { useRegionTree } from '../../reference/hooks/useRegionTree';
import { useUnits } from '../../reference/hooks/useUnits';
import { adminOrgMessages } from '../admin-org.messages';
import { adminMessages } from '../admin.messages';
import { parseGridCodes, regionTreeOptions } from '../utils/regionOptions';
import { CrudForm } from './CrudForm';
import { CrudSection } from './CrudSection';

interface UserValues {
  username: string;
  displayName: string;
  password?: string;
  roles: Role[];
  unitId?: string;
  level: ScopeLevel;
  regionId?: string;
  scopeUnitId?: string;
  phone?: string;
  grids?: string;
  active: boolean;
}

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;
const PHONE = /^[0-9+\- ]{5,20}$/;
/** The server's paths of the fields the form names otherwise. */
const RENAME: Readonly<Record<string, FieldPath>> = {
  'scope.regionId': ['regionId'],
  'scope.unitId': ['scopeUnitId'],
  'scope.level': ['level'],
  inspectorGrids: ['grids'],
};

/** Users: roles, unit, jurisdiction scope and (inspectors) grids; create, change, deactivate. */
export function UsersAdmin() {
  const t = useT(adminOrgMessages);
  const ta = useT(adminMessages);
  const labels = useLabels();
  const units = useUnits();
  const regions = useRegions();
  const [role, setRole] = useState<Role | undefined>();
  const users = useResource((signal) => adminApi.users({ role }, signal), [role]);

  const columns: TableColumnsType<AdminUser> = [
    { title: t('users.username'), dataIndex: 'username', width: 140 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (roles: Role[]) => (
        <Flex wrap gap={4}>
          {roles.map((r) => (
            <Tag key={r} style={{ marginInlineEnd: 0 }}>
              {labels.role(r)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('users.unit'),
      dataIndex: 'unitId',
      render: (id: string | null) => units.name(id),
      responsive: ['md'],
    },
    {
      title: t('users.scope'),
      key: 'scope',
      responsive: ['lg'],
      render: (_, u) =>
        `${ta(`scope.${u.scope.level}`)}${u.scope.regionId ? ` · ${regions.name(u.scope.regionId)}` : ''}${
          u.scope.unitId ? ` · ${units.name(u.scope.unitId)}` : ''
        }`,
    },
    { title: t('users.phone'), dataIndex: 'phone', responsive: ['xl'] },
  ];

  return (
    <CrudSection<AdminUser>
      intro={t('users.intro')}
      testId="admin-users"
      newButton={{ label: t('users.new'), testId: 'user-new' }}
      toolbar={
        <Select
          allowClear
          placeholder={t('users.filterRole')}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
          style={{ width: 220, maxWidth: '100%' }}
        />
      }
      list={users}
      rowKey="id"
      columns={columns}
      tableTestId="users-table"
      activeColumn
      editButton={{ testId: 'user-edit' }}
      editor={{
        in: 'drawer',
        width: 560,
        title: (u) => (u ? t('users.edit', { name: u.displayName }) : t('users.new')),
      }}
      form={(u, onSaved) => <UserForm user={u} onSaved={onSaved} />}
    />
  );
}

function UserForm({ user, onSaved }: { user: AdminUser | null; onSaved: () => void }) {
  const t = useT(adminOrgMessages);
  const ta = useT(adminMessages);
  const labels = useLabels();
  const units = useUnits();
  const { tree } = useRegionTree();
  const [form] = Form.useForm<UserValues>();
  const level = Form.useWatch('level', form);
  const roles = Form.useWatch('roles', form);
  const grids = Form.useWatch('grids', form);
  // The grid list is only in the single-user answer.
  const detail = useResource(
    () => (user ? adminApi.user(user.id) : Promise.resolve(null)),
    [user?.id],
  );
  const regionLevel = level === 'district' ? 'district' : 'street';
  const treeData = useMemo(() => regionTreeOptions(tree, [regionLevel]), [tree, regionLevel]);
  const unitOptions = units.list.map((u) => ({ value: u.id, label: units.name(u.id) }));

  if (user && detail.loading && !detail.data) {
    return null;
  }
  const initial: Partial<UserValues> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        unitId: user.unitId ?? undefined,
        level: user.scope.level,
        regionId: user.scope.regionId ?? undefined,
        scopeUnitId: user.scope.unitId ?? undefined,
        phone: user.phone ?? undefined,
        grids: (detail.data?.inspectorGrids ?? []).join('\n'),
        active: user.active,
      }
    : { roles: [], level: 'city', active: true };

  const save = (v: UserValues) => {
    const scope = {
      level: v.level,
      regionId: v.level === 'district' || v.level === 'street' ? (v.regionId ?? null) : null,
      unitId: v.level === 'unit' ? (v.scopeUnitId ?? null) : null,
    };
    const inspectorGrids = v.roles.includes('inspector')
      ? parseGridCodes(v.grids ?? '').codes
      : undefined;
    if (user) {
      const body: UpdateUserBody = {
        displayName: v.displayName.trim(),
        roles: v.roles,
        unitId: v.unitId ?? null,
        scope,
        phone: v.phone?.trim() || null,
        active: v.active,
        inspectorGrids,
      };
      if (v.password) {
        body.password = v.password;
      }
      return adminApi.updateUser(user.id, body);
    }
    const body: CreateUserBody = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      password: v.password ?? '',
      roles: v.roles,
      unitId: v.unitId ?? null,
      scope,
      phone: v.phone?.trim() || null,
      inspectorGrids,
    };
    return adminApi.createUser(body);
  };

  return (
    <CrudForm<UserValues>
      form={form}
      initialValues={initial}
      onSave={save}
      savedText={user ? undefined : (v) => t('users.created', { name: v.displayName.trim() })}
      onSaved={onSaved}
      rename={RENAME}
      testId="user-form"
      saveTestId="user-save"
      errorTestId="user-error"
      scrollToFirstError
      footer={
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          {roles?.includes('inspector')
            ? t('users.gridCount', { n: parseGridCodes(grids ?? '').codes.length })
            : ''}
        </Typography.Text>
      }
    >
      <Form.Item
        name="username"
        label={t('users.username')}
        rules={[{ required: true, pattern: USERNAME, message: t('users.usernameRule') }]}
        extra={user ? undefined : t('users.usernameRule')}
      >
        <Input disabled={Boolean(user)} autoComplete="off" data-testid="field-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[
          { required: true, whitespace: true, max: 64, message: t('users.displayNameRequired') },
        ]}
      >
        <Input maxLength={64} data-testid="field-display-name" />
      </Form.Item>
      <Form.Item
        name="password"
        label={user ? t('users.newPassword') : t('users.password')}
        rules={[{ required: !user, min: 8, max: 200, message: t('users.passwordRule') }]}
      >
        <Input.Password autoComplete="new-password" data-testid="field-password" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.roles')}
        rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
          data-testid="field-roles"
        />
      </Form.Item>
      <Form.Item name="unitId" label={t('users.unit')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
      </Form.Item>
      <Form.Item name="level" label={t('users.scopeLevel')} rules={[{ required: true }]}>
        <Select
          options={SCOPE_LEVELS.map((l) => ({ value: l, label: ta(`scope.${l}`) }))}
          data-testid="field-scope-level"
        />
      </Form.Item>
      {level === 'district' || level === 'street' ? (
        <Form.Item
          name="regionId"
          label={t('users.scopeRegion')}
          rules={[{ required: true, message: t('users.scopeRegionRequired') }]}
        >
          <TreeSelect
            treeData={treeData}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll={false}
            data-testid="field-scope-region"
          />
        </Form.Item>
      ) : null}
      {level === 'unit' ? (
        <Form.Item
          name="scopeUnitId"
          label={t('users.scopeUnit')}
          rules={[{ required: true, message: t('users.scopeUnitRequired') }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="phone"
        label={t('users.phone')}
        rules={[{ pattern: PHONE, message: t('users.phoneRule') }]}
      >
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      {roles?.includes('inspector') ? (
        <Form.Item
          name="grids"
          label={t('users.grids')}
          extra={t('users.gridsHint')}
          rules={[
            {
              validator: (_, v: string | undefined) => {
                const { invalid } = parseGridCodes(v ?? '');
                return invalid.length === 0
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(t('users.gridsInvalid', { codes: invalid.slice(0, 5).join(', ') })),
                    );
              },
            },
          ]}
        >
          <Input.TextArea
            rows={4}
            style={{ fontFamily: 'ui-monospace, Menlo, monospace' }}
            data-testid="field-grids"
          />
        </Form.Item>
      ) : null}
      {user ? (
        <Form.Item name="active" label={t('users.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : null}
    </CrudForm>
  );
}
