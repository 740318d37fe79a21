import { Descriptions, Table, Tag } from 'antd';
import type { CaseEvent, CaseView } from '../../../api/types';
import { formatTime } from '../../core/utils/time';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';
import { stageHistory, type StagePass } from '../utils/stageHistory';
import { TrafficLight } from './TrafficLight';

export interface CaseDeadlinesProps {
  kase: CaseView;
  events: readonly CaseEvent[];
}

/** Every stage the case went through with its time limit, and the handling clock. */
export function CaseDeadlines({ kase, events }: CaseDeadlinesProps) {
  const t = useT(casesMessages);
  const labels = useLabels();
  const passes = stageHistory(events);
  const current = passes.at(-1);
  const isCurrent = (p: StagePass) => p === current && p.endedAt === null;
  return (
    <div data-testid="case-deadlines">
      <Table<StagePass>
        size="small"
        pagination={false}
        rowKey={(p) => `${p.stage}-${p.startedAt}`}
        dataSource={passes}
        scroll={{ x: 560 }}
        columns={[
          {
            title: t('deadlines.stage'),
            dataIndex: 'stage',
            render: (s: string) => labels.stage(s),
          },
          {
            title: t('deadlines.started'),
            dataIndex: 'startedAt',
            render: (v: string) => formatTime(v),
          },
          {
            title: t('deadlines.ended'),
            dataIndex: 'endedAt',
            render: (v: string | null) => formatTime(v),
          },
          {
            title: t('deadlines.deadline'),
            key: 'deadline',
            render: (_: unknown, p) =>
              isCurrent(p) ? formatTime(kase.stage?.deadline) : formatTime(p.overdueDeadline),
          },
          {
            title: t('deadlines.limit'),
            key: 'limit',
            render: (_: unknown, p) => (isCurrent(p) ? labels.limit(kase.stage?.limit) : ''),
          },
          {
            title: t('deadlines.status'),
            key: 'status',
            render: (_: unknown, p) =>
              isCurrent(p) ? (
                <TrafficLight kase={kase} />
              ) : p.overdue ? (
                <Tag color="red">{t('deadlines.overdue')}</Tag>
              ) : (
                <Tag color="green">{t('deadlines.onTime')}</Tag>
              ),
          },
        ]}
      />
      {kase.handling ? (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          style={{ marginTop: 12 }}
          title={t('deadlines.handleClock')}
          items={[
            { key: 's', label: t('deadlines.started'), children: formatTime(kase.handling.startedAt) },
            {
              key: 'd',
              label: t('deadlines.deadline'),
              children: formatTime(kase.handling.deadline),
            },
            { key: 'l', label: t('deadlines.limit'), children: labels.limit(kase.handling.limit) },
            {
              key: 'st',
              label: t('deadlines.status'),
              children: kase.handling.paused ? (
                <Tag>{t('deadlines.paused')}</Tag>
              ) : kase.handling.overdue ? (
                <Tag color="red">{t('deadlines.overdue')}</Tag>
              ) : (
                <Tag color="green">{t('deadlines.onTime')}</Tag>
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
