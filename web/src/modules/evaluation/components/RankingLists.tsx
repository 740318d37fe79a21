import { Card, Col, Row, Table, Typography, type TableColumnsType } from 'antd';
import {
  evaluationApi,
  type EvaluationPeriod,
  type EvaluationSubject,
  type PeriodQuery,
  type RankedRow,
} from '../../../api/evaluation.api';
import { useEvaluationView } from '../hooks/useEvaluationView';
import { useT } from '../../i18n/hooks/useT';
import { evaluationMessages } from '../evaluation.messages';
import { GradeTag } from '../../core/components/GradeTag';
import { formatScore } from '../../core/utils/grades';
import type { DrillTarget } from './DrillDrawer';
import { LoadError } from './LoadError';

export interface RankingListsProps {
  subject: EvaluationSubject;
  period: PeriodQuery;
  onDrill: (target: DrillTarget) => void;
  /** The period the server resolved (label and dates), for the page's heading. */
  onPeriod?: (period: EvaluationPeriod) => void;
}

/** The ranking by composite, with the red list (best) and the yellow list (worst) beside it. */
export function RankingLists({ subject, period, onDrill, onPeriod }: RankingListsProps) {
  const t = useT(evaluationMessages);
  const res = useEvaluationView(
    (signal) => evaluationApi.rankings(subject, period, signal),
    [subject, JSON.stringify(period)],
    (v) => v.period,
    onPeriod,
  );
  const view = res.data?.subject === subject ? res.data : undefined;
  const columns: TableColumnsType<RankedRow> = [
    { title: t('col.rank'), dataIndex: 'rank', width: 64, align: 'center' },
    { title: t('col.name'), dataIndex: 'name' },
    {
      title: t('col.activity'),
      dataIndex: 'activity',
      align: 'right',
      render: (n: number, r) => (
        <Typography.Link
          onClick={() =>
            onDrill({
              query: { indicator: 'volume', dimension: subject, key: r.key, ...period },
              name: r.name,
              figure: t('col.activity'),
            })
          }
        >
          {n}
        </Typography.Link>
      ),
    },
    {
      title: t('col.composite'),
      dataIndex: 'composite',
      align: 'right',
      render: (v: number) => <Typography.Text strong>{formatScore(v)}</Typography.Text>,
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
  const list = (rows: RankedRow[] | undefined, empty: string, testId: string) => (
    <Table<RankedRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows ?? []}
      loading={res.loading}
      pagination={false}
      locale={{ emptyText: empty }}
      data-testid={testId}
    />
  );
  return (
    <Row gutter={[16, 16]}>
      {view ? (
        <Col span={24}>
          <Typography.Text type="secondary">{t('rank.rules', { ...view.rules })}</Typography.Text>
        </Col>
      ) : null}
      <Col xs={24} xl={12}>
        <Card size="small" title={t('rank.all')}>
          <Table<RankedRow>
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={view?.ranked ?? []}
            loading={res.loading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t('rank.empty') }}
            data-testid="ranking"
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card
              size="small"
              title={
                <Typography.Text style={{ color: '#cf1322' }}>{t('rank.red')}</Typography.Text>
              }
              style={{ borderTop: '3px solid #cf1322' }}
            >
              {list(view?.red, t('rank.redEmpty'), 'red-list')}
            </Card>
          </Col>
          <Col span={24}>
            <Card
              size="small"
              title={
                <Typography.Text style={{ color: '#d48806' }}>{t('rank.yellow')}</Typography.Text>
              }
              style={{ borderTop: '3px solid #faad14' }}
            >
              {list(view?.yellow, t('rank.yellowEmpty'), 'yellow-list')}
            </Card>
          </Col>
        </Row>
      </Col>
    </Row>
  );
}
