import { Flex, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import {
  evaluationApi,
  type EvaluationPeriod,
  type DisposalSplit,
  type PeriodQuery,
  type Ratio721Row,
  type RatioGroup,
} from '../../../api/evaluation.api';
import { useEvaluationView } from '../hooks/useEvaluationView';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { evaluationMessages } from '../evaluation.messages';
import { formatRate } from '../utils/figures';
import type { DrillTarget } from './DrillDrawer';
import { LoadError } from './LoadError';

const GROUPS: readonly RatioGroup[] = ['unit', 'district', 'street', 'community', 'grid'];
const MODES: readonly (keyof DisposalSplit)[] = ['service', 'management', 'enforcement'];

export interface Ratio721TableProps {
  period: PeriodQuery;
  groupBy: RatioGroup;
  onGroupBy: (g: RatioGroup) => void;
  onDrill: (target: DrillTarget) => void;
  /** The period the server resolved (label and dates), for the page's heading. */
  onPeriod?: (period: EvaluationPeriod) => void;
}

/**
 * The 721 ratio (服务 70 · 管理 20 · 执法 10 by default): disposals by mode per unit or area,
 * each share against the city's target; counts drill down to their cases.
 */
export function Ratio721Table({
  period,
  groupBy,
  onGroupBy,
  onDrill,
  onPeriod,
}: Ratio721TableProps) {
  const t = useT(evaluationMessages);
  const labels = useLabels();
  const res = useEvaluationView(
    (signal) => evaluationApi.ratio721(groupBy, period, signal),
    [groupBy, JSON.stringify(period)],
    (v) => v.period,
    onPeriod,
  );
  const view = res.data?.groupBy === groupBy ? res.data : undefined;
  const columns: TableColumnsType<Ratio721Row> = [
    { title: t('col.name'), dataIndex: 'name', width: 200 },
    { title: t('ratio.disposals'), dataIndex: 'total', align: 'right' },
    ...MODES.map((m): TableColumnsType<Ratio721Row>[number] => ({
      title: `${labels.disposal(m)}${view ? ` (${view.target[m]}%)` : ''}`,
      key: m,
      align: 'right',
      render: (_: unknown, r) => {
        const dev = r.deviation[m];
        const text = `${r[m]} · ${formatRate(r.shares[m])}`;
        const figure = (
          <Typography.Text
            type={dev === null || Math.abs(dev) < 5 ? undefined : 'warning'}
            title={
              dev === null ? undefined : t('ratio.deviation', { value: dev > 0 ? `+${dev}` : dev })
            }
          >
            {text}
          </Typography.Text>
        );
        return r.key === 'total' || r[m] === 0 ? (
          figure
        ) : (
          <Typography.Link
            onClick={() =>
              onDrill({
                query: { indicator: `disposal.${m}`, dimension: groupBy, key: r.key, ...period },
                name: r.name,
                figure: labels.disposal(m),
              })
            }
          >
            {text}
          </Typography.Link>
        );
      },
    })),
  ];
  if (res.error) {
    return <LoadError error={res.error} />;
  }
  const rows = view ? [{ ...view.total, name: t('ratio.total') }, ...view.rows] : [];
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={12} align="center">
        <Typography.Text>{t('ratio.groupBy')}</Typography.Text>
        <Segmented<RatioGroup>
          value={groupBy}
          onChange={onGroupBy}
          options={GROUPS.map((g) => ({ value: g, label: labels.subject(g) }))}
        />
        {view ? (
          <Typography.Text type="secondary">
            {t('ratio.target', { ...view.target })}
          </Typography.Text>
        ) : null}
      </Flex>
      <Table<Ratio721Row>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={view && view.total.total > 0 ? rows : []}
        loading={res.loading}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName={(r) => (r.key === 'total' ? 'ant-table-row-selected' : '')}
        locale={{ emptyText: t('ratio.empty') }}
        data-testid="ratio721"
      />
    </Flex>
  );
}
