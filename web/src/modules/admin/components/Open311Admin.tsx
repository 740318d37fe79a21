import {
  DeleteOutlined,
  EditOutlined,
  KeyOutlined,
  PlusOutlined,
  StopOutlined,
} from '@ant-design/icons';
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
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { adminApi, type ApiKey, type Open311Service } from '../../../api/admin.api';
import { MatterPicker } from '../../cases/components/MatterPicker';
import { coreMessages } from '../../core/core.messages';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useResource } from '../../core/hooks/useResource';
import { formatTime } from '../../core/utils/time';
import { useT } from '../../i18n/hooks/useT';
import { adminEvalMessages } from '../admin-eval.messages';
import { adminMessages } from '../admin.messages';
import { AdminSection } from './AdminSection';

interface ServiceValues {
  matterCode: string;
  name?: string;
  nameEn?: string;
  group?: string;
  description?: string;
  sort?: number;
  enabled: boolean;
}

function ServiceForm({
  service,
  onSaved,
}: {
  service: Open311Service | null;
  onSaved: () => void;
}) {
  const t = useT(adminEvalMessages);
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Form<ServiceValues>
      layout="vertical"
      data-testid="service-form"
      initialValues={
        service
          ? {
              matterCode: service.matterCode,
              name: service.name,
              nameEn: service.nameEn ?? undefined,
              group: service.group,
              description: service.description,
              sort: service.sort,
              enabled: service.enabled,
            }
          : { enabled: true }
      }
      onFinish={(v) => {
        setBusy(true);
        setError(null);
        adminApi
          .putService(v.matterCode, {
            name: v.name?.trim() || undefined,
            nameEn: v.nameEn?.trim() || null,
            group: v.group?.trim() || undefined,
            description: v.description?.trim() ?? undefined,
            sort: v.sort ?? undefined,
            enabled: v.enabled,
          })
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
      <Form.Item
        name="matterCode"
        label={t('o311.matter')}
        rules={[{ required: true, message: t('o311.matterRequired') }]}
      >
        {service ? <Input disabled /> : <MatterPicker testId="service-matter" />}
      </Form.Item>
      <Form.Item name="name" label={t('o311.name')} rules={[{ max: 100 }]}>
        <Input placeholder={t('o311.namePlaceholder')} maxLength={100} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('o311.nameEn')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="group" label={t('o311.group')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('o311.description')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Flex gap={24}>
        <Form.Item name="sort" label={t('o311.sort')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="enabled" label={t('o311.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Flex>
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={busy} data-testid="service-save">
          {tc('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

function Services() {
  const t = useT(adminEvalMessages);
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const services = useResource((signal) => adminApi.services(signal), []);
  const [editing, setEditing] = useState<Open311Service | 'new' | null>(null);
  const act = (p: Promise<unknown>, done: string) =>
    p
      .then(
        () => void message.success(done),
        (err: unknown) => void message.error(errorText(err)),
      )
      .finally(services.reload);
  const columns: TableColumnsType<Open311Service> = [
    { title: t('o311.matter'), dataIndex: 'matterCode', width: 90 },
    { title: t('o311.name'), dataIndex: 'name' },
    { title: t('o311.nameEn'), dataIndex: 'nameEn', responsive: ['lg'] },
    { title: t('o311.group'), dataIndex: 'group', responsive: ['md'] },
    { title: t('o311.sort'), dataIndex: 'sort', width: 70, responsive: ['lg'] },
    {
      title: t('o311.enabled'),
      dataIndex: 'enabled',
      width: 80,
      render: (on: boolean, s) => (
        <Switch
          size="small"
          checked={on}
          onChange={(v) =>
            void act(adminApi.putService(s.matterCode, { enabled: v }), ta('common.saved'))
          }
        />
      ),
    },
    {
      title: ta('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, s) => (
        <Flex gap={6}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(s)}>
            {ta('common.edit')}
          </Button>
          <Popconfirm
            title={t('o311.deleteConfirm')}
            onConfirm={() => void act(adminApi.deleteService(s.matterCode), ta('common.deleted'))}
          >
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
      title={t('o311.services')}
      intro={t('o311.servicesIntro')}
      testId="open311-services"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('o311.add')}
        </Button>
      }
    >
      <Table<Open311Service>
        rowKey="matterCode"
        size="small"
        loading={services.loading}
        columns={columns}
        dataSource={services.data ?? []}
        pagination={{
          pageSize: 10,
          showSizeChanger: false,
          showTotal: (n) => tc('common.total', { n }),
        }}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={editing !== null}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        title={
          editing === 'new'
            ? t('o311.addTitle')
            : editing
              ? t('o311.editTitle', { code: editing.matterCode })
              : ''
        }
      >
        {editing ? (
          <ServiceForm
            service={editing === 'new' ? null : editing}
            onSaved={() => {
              setEditing(null);
              services.reload();
            }}
          />
        ) : null}
      </Modal>
    </AdminSection>
  );
}

function Keys() {
  const t = useT(adminEvalMessages);
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const { message } = App.useApp();
  const errorText = useFeatureErrors(adminMessages);
  const keys = useResource((signal) => adminApi.keys(signal), []);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The new key, held only until the dialog is closed.
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const revoke = (k: ApiKey) =>
    adminApi
      .revokeKey(k.id)
      .then(
        () => void message.success(t('o311.revoked')),
        (err: unknown) => void message.error(errorText(err)),
      )
      .finally(keys.reload);
  const columns: TableColumnsType<ApiKey> = [
    { title: t('o311.keyName'), dataIndex: 'name' },
    {
      title: t('o311.keyPrefix'),
      dataIndex: 'prefix',
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    {
      title: t('o311.keyCreated'),
      dataIndex: 'createdAt',
      responsive: ['md'],
      render: (x: string) => formatTime(x),
    },
    {
      title: t('o311.keyLastUsed'),
      dataIndex: 'lastUsedAt',
      responsive: ['lg'],
      render: (x: string | null) => formatTime(x),
    },
    {
      title: ta('common.status'),
      dataIndex: 'revokedAt',
      width: 90,
      render: (x: string | null) =>
        x ? <Tag>{t('o311.keyRevoked')}</Tag> : <Tag color="green">{t('o311.keyActive')}</Tag>,
    },
    {
      title: ta('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm title={t('o311.revokeConfirm')} onConfirm={() => void revoke(k)}>
            <Button size="small" danger icon={<StopOutlined />}>
              {t('o311.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <AdminSection
      title={t('o311.keys')}
      intro={t('o311.keysIntro')}
      testId="open311-keys"
      extra={
        <Button
          type="primary"
          icon={<KeyOutlined />}
          onClick={() => setCreating(true)}
          data-testid="key-new"
        >
          {t('o311.newKey')}
        </Button>
      }
    >
      <Table<ApiKey>
        rowKey="id"
        size="small"
        loading={keys.loading}
        columns={columns}
        dataSource={keys.data ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        data-testid="keys-table"
      />
      <Modal
        open={creating}
        onCancel={() => setCreating(false)}
        footer={null}
        destroyOnHidden
        title={t('o311.newKey')}
      >
        <Form<{ name: string }>
          layout="vertical"
          data-testid="key-form"
          onFinish={(v) => {
            setBusy(true);
            setError(null);
            adminApi
              .createKey(v.name.trim())
              .then(
                (k) => {
                  setCreating(false);
                  setIssued({ name: k.name, key: k.key });
                  keys.reload();
                },
                (err: unknown) => setError(errorText(err)),
              )
              .finally(() => setBusy(false));
          }}
        >
          {error ? (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />
          ) : null}
          <Form.Item
            name="name"
            label={t('o311.keyName')}
            rules={[
              { required: true, whitespace: true, max: 100, message: t('o311.keyNameRequired') },
            ]}
          >
            <Input maxLength={100} data-testid="key-name" />
          </Form.Item>
          <Flex justify="end">
            <Button type="primary" htmlType="submit" loading={busy} data-testid="key-create">
              {tc('common.confirm')}
            </Button>
          </Flex>
        </Form>
      </Modal>
      <Modal
        open={issued !== null}
        closable={false}
        maskClosable={false}
        keyboard={false}
        title={t('o311.shownOnce')}
        footer={
          <Button type="primary" onClick={() => setIssued(null)} data-testid="key-close">
            {t('o311.copied')}
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          title={t('o311.shownOnceText')}
          style={{ marginBottom: 12 }}
        />
        <Typography.Text strong>{issued?.name}</Typography.Text>
        <Typography.Paragraph
          copyable
          code
          style={{ marginTop: 8, wordBreak: 'break-all' }}
          data-testid="key-value"
        >
          {issued?.key}
        </Typography.Paragraph>
      </Modal>
    </AdminSection>
  );
}

/** Open311: the public services and the API keys of the clients. */
export function Open311Admin() {
  return (
    <div>
      <Services />
      <Keys />
    </div>
  );
}
