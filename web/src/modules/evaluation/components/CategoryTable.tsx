import { Flex, Segmented, Select, Table, Typography, type TableColumnsType } from 'antd';
import {
  evaluationApi,
  type EvaluationPeriod,
  type PeriodQuery,
  type TrendSeries,
} from '../../../api/evaluation.api';
import { useEvaluationView } from '../hooks/useEvaluationView';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { evaluationMessages } from '../evaluation.messages';
import { useCountName } from '../hooks/useCountName';
import type { DrillTarget } from './DrillDrawer';
import { LoadError } from './LoadError';

export type CategoryDimension = 'major' | 'matter' | 'source';
export const CATEGORY_DIMENSIONS: readonly CategoryDimension[] = ['major', 'matter', 'source'];
/** Case counts a category table can show (case facts, anchored at the report). */
export const CATEGORY_METRICS = [
  'reported',
  'valid',
  'registered',
  'closed',
  'closed_on_time',
  'overdue',
  'public',
] as const;
export type CategoryMetric = (typeof CATEGORY_METRICS)[number];

export interface CategoryTableProps {
  period: PeriodQuery;
  dimension: CategoryDimension;
  metric: CategoryMetric;
  onChange: (dimension: CategoryDimension, metric: CategoryMetric) => void;
  onDrill: (target: DrillTarget) => void;
  onPeriod?: (period: EvaluationPeriod) => void;
}

/**
 * Cases by matter class, matter or source in the period, against the period before (the
 * trends endpoint with two periods); every count drills down to its cases.
 */
export function CategoryTable({
  period,
  dimension,
  metric,
  onChange,
  onDrill,
  onPeriod,
}: CategoryTableProps) {
  const t = useT(evaluationMessages);
  const labels = useLabels();
  const countName = useCountName();
  const matters = useMatters();
  const res = useEvaluationView(
    (signal) => evaluationApi.trends({ dimension, metric, count: 2, top: 200, ...period }, signal),
    [dimension, metric, JSON.stringify(period)],
    (v) => v.periods.at(-1)!,
    onPeriod,
  );
  const view =
    res.data?.dimension === dimension && res.data.metric === metric ? res.data : undefined;
  const name = (key: string) => {
    if (key === '-') {
      return t('category.none');
    }
    if (dimension === 'source') {
      return labels.source(key);
    }
    if (dimension === 'major') {
      return `${key} ${matters.majors.find((m) => m.code === key)?.name ?? ''}`.trim();
    }
    return matters.label(key);
  };
  const columns: TableColumnsType<TrendSeries> = [
    { title: t(`category.${dimension}`), key: 'name', render: (_: unknown, r) => name(r.key) },
    {
      title: t('category.current'),
      key: 'current',
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => (a.values.at(-1) ?? 0) - (b.values.at(-1) ?? 0),
      render: (_: unknown, r) => {
        const n = r.values.at(-1) ?? 0;
        return n === 0 ? (
          0
        ) : (
          <Typography.Link
            onClick={() =>
              onDrill({
                query: { indicator: metric, dimension, key: r.key, ...period },
                name: name(r.key),
                figure: countName(metric),
              })
            }
          >
            {n}
          </Typography.Link>
        );
      },
    },
    {
      title: t('category.previous'),
      key: 'previous',
      align: 'right',
      render: (_: unknown, r) => r.change.previous ?? 0,
    },
    {
      title: t('category.change'),
      key: 'change',
      align: 'right',
      sorter: (a, b) => (a.change.abs ?? 0) - (b.change.abs ?? 0),
      render: (_: unknown, r) => {
        const { abs, pct } = r.change;
        if (abs === null || abs === 0) {
          return <Typography.Text type="secondary">0</Typography.Text>;
        }
        const text = `${abs > 0 ? '+' : ''}${abs}${pct === null ? '' : ` (${abs > 0 ? '+' : ''}${pct}%)`}`;
        return <Typography.Text type={abs > 0 ? 'danger' : 'success'}>{text}</Typography.Text>;
      },
    },
  ];
  if (res.error) {
    return <LoadError error={res.error} />;
  }
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={12} align="center">
        <Segmented<CategoryDimension>
          value={dimension}
          onChange={(d) => onChange(d, metric)}
          options={CATEGORY_DIMENSIONS.map((d) => ({ value: d, label: t(`category.${d}`) }))}
          data-testid="category-dimension"
        />
        <Select<CategoryMetric>
          value={metric}
          onChange={(m) => onChange(dimension, m)}
          style={{ minWidth: 140 }}
          aria-label={t('category.metric')}
          options={CATEGORY_METRICS.map((m) => ({ value: m, label: countName(m) }))}
          data-testid="category-metric"
        />
        <Typography.Text type="secondary">{t('category.hint')}</Typography.Text>
      </Flex>
      <Table<TrendSeries>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={view?.series ?? []}
        loading={res.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('indicators.empty') }}
        data-testid="category-table"
      />
    </Flex>
  );
}
