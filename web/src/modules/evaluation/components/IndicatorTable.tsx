import { Button, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import {
  evaluationApi,
  type EvaluationPeriod,
  type EvaluationSubject,
  type IndicatorRow,
  type PeriodQuery,
} from '../../../api/evaluation.api';
import { useEvaluationView } from '../hooks/useEvaluationView';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { evaluationMessages } from '../evaluation.messages';
import { useCountName } from '../hooks/useCountName';
import { GradeTag } from '../../core/components/GradeTag';
import { formatScore } from '../../core/utils/grades';
import { formatRate, rateColumns } from '../utils/figures';
import type { DrillTarget } from './DrillDrawer';
import { LoadError } from './LoadError';

export interface IndicatorTableProps {
  subject: EvaluationSubject;
  period: PeriodQuery;
  onDrill: (target: DrillTarget) => void;
  /** The period the server resolved (label and dates), for the page's heading. */
  onPeriod?: (period: EvaluationPeriod) => void;
}

/** A figure that opens the cases behind it. */
function Figure({ text, onClick, testId }: { text: string; onClick: () => void; testId?: string }) {
  return (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={onClick} data-testid={testId}>
      {text}
    </Button>
  );
}

/**
 * Indicators of every subject of a kind in the period: volume, each rate (numerator over
 * denominator on hover), composite and grade; a row opens to all its counts. Every figure
 * drills down to its cases.
 */
export function IndicatorTable({ subject, period, onDrill, onPeriod }: IndicatorTableProps) {
  const t = useT(evaluationMessages);
  const labels = useLabels();
  const countName = useCountName();
  const res = useEvaluationView(
    (signal) => evaluationApi.indicators(subject, period, signal),
    [subject, JSON.stringify(period)],
    (v) => v.period,
    onPeriod,
  );
  const view = res.data?.subject === subject ? res.data : undefined;
  const drill = (row: IndicatorRow, indicator: string, figure: string) =>
    onDrill({
      query: { indicator, dimension: subject, key: row.key, ...period },
      name: row.name,
      figure,
    });

  const rates = view ? rateColumns(view) : [];
  const columns: TableColumnsType<IndicatorRow> = [
    {
      title: t('col.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 180,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('col.volume'),
      dataIndex: 'volume',
      align: 'right',
      sorter: (a, b) => a.volume - b.volume,
      render: (n: number, r) => (
        <Figure text={String(n)} onClick={() => drill(r, 'volume', labels.indicator('volume'))} />
      ),
    },
    ...rates.map((ind): TableColumnsType<IndicatorRow>[number] => ({
      title: labels.indicator(ind),
      key: ind,
      align: 'right',
      sorter: (a, b) => (a.rates[ind]?.value ?? -1) - (b.rates[ind]?.value ?? -1),
      render: (_: unknown, r) => {
        const rate = r.rates[ind];
        if (!rate) {
          return '—';
        }
        return (
          <Tooltip
            title={t('indicators.rateTitle', {
              numerator: rate.numerator,
              denominator: rate.denominator,
            })}
          >
            <span>
              <Figure
                text={formatRate(rate)}
                onClick={() => drill(r, ind, labels.indicator(ind))}
                testId={`rate-${ind}-${r.key}`}
              />
            </span>
          </Tooltip>
        );
      },
    })),
    {
      title: t('col.composite'),
      dataIndex: 'composite',
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => (a.composite ?? -1) - (b.composite ?? -1),
      render: (v: number | null) => <Typography.Text strong>{formatScore(v)}</Typography.Text>,
    },
    {
      title: t('col.grade'),
      dataIndex: 'grade',
      align: 'center',
      render: (g: string | null) => <GradeTag grade={g} />,
    },
  ];

  if (res.error) {
    return <LoadError error={res.error} />;
  }
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('indicators.hint')}</Typography.Text>
      <Table<IndicatorRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={view?.rows ?? []}
        loading={res.loading}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('indicators.empty') }}
        expandable={{
          expandedRowRender: (r) => (
            <Flex wrap gap={4} data-testid={`counts-${r.key}`}>
              <Typography.Text type="secondary">{t('indicators.counts')}：</Typography.Text>
              {Object.entries(r.counts).map(([name, n]) => (
                <Tag
                  key={name}
                  style={{ cursor: 'pointer' }}
                  onClick={() => drill(r, name, countName(name))}
                >
                  {countName(name)} {n}
                </Tag>
              ))}
            </Flex>
          ),
        }}
        data-testid="indicator-table"
      />
    </Flex>
  );
}
