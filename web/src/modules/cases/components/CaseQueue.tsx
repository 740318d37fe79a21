import {
  Alert,
  Empty,
  Flex,
  Pagination,
  Space,
  Spin,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { casesApi } from '../../../api/cases.api';
import type { CaseListQuery, CaseView } from '../../../api/types';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useResource } from '../../core/hooks/useResource';
import { formatTime } from '../../core/utils/time';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { casesMessages } from '../cases.messages';
import { useLiveCaseEvents } from '../hooks/useLiveCaseEvents';
import { CaseStateTag } from './CaseStateTag';
import { TrafficLight } from './TrafficLight';
import { useScreens } from '../../core/hooks/useScreens';

export interface CaseQueueProps {
  /** The cases of this queue (states, sort…); page and pageSize are managed here. */
  query: CaseListQuery;
  selectedId?: string | null;
  onSelect: (kase: CaseView) => void;
  /** Extra columns of a workspace (wide screens). */
  extraColumns?: TableColumnsType<CaseView>;
  /** Extra line of a workspace (phones). */
  extraLine?: (kase: CaseView) => React.ReactNode;
  /** Bump to refetch (after an action in the panel). */
  reloadKey?: number;
  testId?: string;
}

const PAGE_SIZE = 20;

/**
 * A workspace's queue of cases: a table on wide screens, a compact list on phones; refreshes
 * itself when case events arrive over the live stream.
 */
export function CaseQueue({
  query,
  selectedId,
  onSelect,
  extraColumns = [],
  extraLine,
  reloadKey = 0,
  testId,
}: CaseQueueProps) {
  const t = useT(casesMessages);
  const matters = useMatters();
  const { errorText } = useApiErrors();
  const screens = useScreens();
  const [page, setPage] = useState(1);
  const key = JSON.stringify(query);
  const r = useResource(
    (signal) => casesApi.list({ ...query, page, pageSize: PAGE_SIZE }, signal),
    [key, page, reloadKey],
  );
  useLiveCaseEvents(() => r.reload());

  const items = r.data?.items ?? [];
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: r.data?.total ?? 0,
    onChange: setPage,
    size: 'small' as const,
    showSizeChanger: false,
    hideOnSinglePage: true,
  };

  if (r.error && !r.data) {
    return <Alert type="error" showIcon title={errorText(r.error)} />;
  }
  const what = (c: CaseView) => (c.matter ? matters.label(c.matter.code) : c.description);

  if (!screens.md) {
    // Phones: one compact card per case (the table would need sideways scrolling).
    return (
      <Spin spinning={r.loading}>
        <Flex vertical data-testid={testId} style={{ background: '#fff', borderRadius: 8 }}>
          {items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.empty')} />
          ) : null}
          {items.map((c) => (
            <div
              key={c.id}
              role="button"
              tabIndex={0}
              onClick={() => onSelect(c)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  onSelect(c);
                }
              }}
              data-testid="queue-row"
              data-case-number={c.number}
              style={{
                cursor: 'pointer',
                padding: '10px 12px',
                borderBottom: '1px solid #f0f0f0',
                background: c.id === selectedId ? '#e6f4ff' : undefined,
              }}
            >
              <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                <Space size={6} wrap>
                  <Typography.Text strong>{c.number}</Typography.Text>
                  <CaseStateTag state={c.state} />
                  <TrafficLight kase={c} />
                </Space>
                <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                  {what(c)}
                </Typography.Text>
                {extraLine ? extraLine(c) : null}
              </Space>
            </div>
          ))}
          {(r.data?.total ?? 0) > PAGE_SIZE ? (
            <Pagination {...pagination} align="center" style={{ padding: 8 }} />
          ) : null}
        </Flex>
      </Spin>
    );
  }

  const columns: TableColumnsType<CaseView> = [
    {
      title: t('field.number'),
      dataIndex: 'number',
      width: 132,
      render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
    },
    {
      title: t('field.state'),
      dataIndex: 'state',
      width: 124,
      render: (_: unknown, c) => <CaseStateTag state={c.state} />,
    },
    // The time limit before the description: on a laptop the last columns scroll out of view.
    {
      title: t('light.title'),
      key: 'light',
      width: 140,
      render: (_: unknown, c) => <TrafficLight kase={c} />,
    },
    {
      title: t('field.description'),
      key: 'what',
      width: 220,
      ellipsis: true,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0} style={{ minWidth: 0, maxWidth: '100%' }}>
          <Typography.Text ellipsis>{what(c)}</Typography.Text>
          {c.matter ? (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {c.description}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    ...extraColumns,
    {
      title: t('field.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      responsive: ['xxl'],
      render: (v: string) => formatTime(v),
    },
  ];
  return (
    <Table<CaseView>
      data-testid={testId}
      size="small"
      rowKey="id"
      loading={r.loading}
      dataSource={items}
      columns={columns}
      pagination={pagination}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.empty')} />,
      }}
      onRow={(c) => ({
        onClick: () => onSelect(c),
        style: { cursor: 'pointer' },
        'data-testid': 'queue-row',
        'data-case-number': c.number,
      })}
      rowClassName={(c) => (c.id === selectedId ? 'ant-table-row-selected' : '')}
      scroll={{ x: 'max-content' }}
    />
  );
}
