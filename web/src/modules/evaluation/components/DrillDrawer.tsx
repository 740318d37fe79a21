import { Drawer, Flex, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import {
  evaluationApi,
  type DrillItem,
  type DrillQuery,
  type DrillView,
} from '../../../api/evaluation.api';
import { useResource } from '../../core/hooks/useResource';
import { formatTime } from '../../core/utils/time';
import { useT } from '../../i18n/hooks/useT';
import { evaluationMessages } from '../evaluation.messages';
import { formatRate } from '../utils/figures';
import { useCountName } from '../hooks/useCountName';
import { LoadError } from './LoadError';

export interface DrillTarget {
  query: DrillQuery;
  /** Who or what the figure belongs to, and which figure: for the title. */
  name: string;
  figure: string;
}

/**
 * The cases behind one figure (GET /evaluation/drill): the count's cases, or a rate's
 * numerator and denominator, each case linked to its page. Nobody has to trust a number.
 */
export function DrillDrawer({
  target,
  onClose,
}: {
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const t = useT(evaluationMessages);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={target ? t('drill.title', { name: target.name, indicator: target.figure }) : ''}
    >
      {target ? <DrillBody query={target.query} /> : null}
    </Drawer>
  );
}

function DrillBody({ query }: { query: DrillQuery }) {
  const t = useT(evaluationMessages);
  const countName = useCountName();
  const drill = useResource(
    (signal) => evaluationApi.drill(query, signal),
    [JSON.stringify(query)],
  );
  if (drill.error) {
    return <LoadError error={drill.error} />;
  }
  const v: DrillView | undefined = drill.data;
  if (!v) {
    return <Items items={[]} loading />;
  }
  if (v.kind === 'rate' && v.numerator && v.denominator) {
    return (
      <Flex vertical gap={8} data-testid="drill">
        <Typography.Text strong data-testid="drill-rate">
          {t('drill.rate', { rate: formatRate(v.rate) })}
        </Typography.Text>
        <Tabs
          items={[
            {
              key: 'numerator',
              label: t('drill.numerator', {
                metric: countName(v.numerator.metric),
                count: v.numerator.count,
              }),
              children: <Items items={v.numerator.items} loading={drill.loading} />,
            },
            {
              key: 'denominator',
              label: t('drill.denominator', {
                metric: countName(v.denominator.metric),
                count: v.denominator.count,
              }),
              children: <Items items={v.denominator.items} loading={drill.loading} />,
            },
          ]}
        />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} data-testid="drill">
      <Typography.Text strong data-testid="drill-count">
        {t('drill.count', { count: v.count })}
      </Typography.Text>
      <Items items={v.items} loading={drill.loading} />
    </Flex>
  );
}

/** The counted cases, the latest first. */
function Items({ items, loading }: { items: readonly DrillItem[]; loading: boolean }) {
  const t = useT(evaluationMessages);
  const latestFirst = [...items].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const countName = useCountName();
  const columns: TableColumnsType<DrillItem> = [
    {
      title: t('drill.number'),
      dataIndex: 'number',
      render: (n: string, r) => <Link to={`/cases/${r.caseId}`}>{n}</Link>,
    },
    { title: t('drill.at'), dataIndex: 'at', render: (at: string) => formatTime(at) },
    { title: t('drill.metric'), dataIndex: 'metric', render: (m: string) => countName(m) },
  ];
  return (
    <Table<DrillItem>
      size="small"
      rowKey={(r) => `${r.caseId}:${r.seq}:${r.metric}`}
      columns={columns}
      dataSource={latestFirst}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('drill.empty') }}
      data-testid="drill-items"
    />
  );
}
