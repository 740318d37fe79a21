import { KeyOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
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
import { useResource } from '../../core/hooks/useResource';
import { formatTime } from '../../core/utils/time';
import { useT } from '../../i18n/hooks/useT';
import { adminEvalMessages } from '../admin-eval.messages';
import { adminMessages } from '../admin.messages';
import { useRowAction } from '../hooks/useRowAction';
import { useSave } from '../hooks/useSave';
import { AdminSection } from './AdminSection';
import { CrudSection } from './CrudSection';

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
  const tc = useT(coreMessages);
  const save = useSave();
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
      onFinish={(v) =>
        save.run(
          () =>
            adminApi.putService(v.matterCode, {
              name: v.name?.trim() || undefined,
              nameEn: v.nameEn?.trim() || null,
              group: v.group?.trim() || undefined,
              description: v.description?.trim() ?? undefined,
              sort: v.sort ?? undefined,
              enabled: v.enabled,
            }),
          onSaved,
        )
      }
    >
      {save.error ? (
        <Alert type="error" showIcon title={save.error} style={{ marginBottom: 12 }} />
      ) : null}
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
        <Button type="primary" htmlType="submit" loading={save.busy} data-testid="service-save">
          {tc('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

function Services() {
  const t = useT(adminEvalMessages);
  const ta = useT(adminMessages);
  const services = useResource((signal) => adminApi.services(signal), []);
  const act = useRowAction(services.reload);
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
            act(adminApi.putService(s.matterCode, { enabled: v }), ta('common.saved'))
          }
        />
      ),
    },
  ];
  return (
    <CrudSection<Open311Service>
      title={t('o311.services')}
      intro={t('o311.servicesIntro')}
      testId="open311-services"
      newButton={{ label: t('o311.add') }}
      list={services}
      rowKey="matterCode"
      columns={columns}
      pageSize={10}
      remove={{
        confirm: t('o311.deleteConfirm'),
        call: (s) => adminApi.deleteService(s.matterCode),
      }}
      editor={{
        in: 'modal',
        title: (s) => (s ? t('o311.editTitle', { code: s.matterCode }) : t('o311.addTitle')),
      }}
      form={(s, onSaved) => <ServiceForm service={s} onSaved={onSaved} />}
    />
  );
}

function Keys() {
  const t = useT(adminEvalMessages);
  const ta = useT(adminMessages);
  const tc = useT(coreMessages);
  const keys = useResource((signal) => adminApi.keys(signal), []);
  const act = useRowAction(keys.reload);
  const save = useSave();
  const [creating, setCreating] = useState(false);
  // The new key, held only until the dialog is closed.
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
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
          <Popconfirm
            title={t('o311.revokeConfirm')}
            onConfirm={() => act(adminApi.revokeKey(k.id), t('o311.revoked'))}
          >
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
          onFinish={(v) =>
            save.run(
              () => adminApi.createKey(v.name.trim()),
              (k) => {
                setCreating(false);
                setIssued({ name: k.name, key: k.key });
                keys.reload();
              },
              null,
            )
          }
        >
          {save.error ? (
            <Alert type="error" showIcon title={save.error} style={{ marginBottom: 12 }} />
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
            <Button type="primary" htmlType="submit" loading={save.busy} data-testid="key-create">
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
