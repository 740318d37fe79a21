import { Descriptions, Table, Tag } from 'antd';
import type { CaseStagePass, CaseView } from '../../../api/types';
import { coreMessages } from '../../core/core.messages';
import { formatDuration, formatTime } from '../../core/utils/time';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';
import { TrafficLight } from './TrafficLight';

export interface CaseDeadlinesProps {
  kase: CaseView;
  /** From the case's history (GET /cases/{id}/events): the server measures each pass. */
  stages: readonly CaseStagePass[];
}

/**
 * Every stage the case went through: when it started and ended, the time it used as its
 * limit counts (working time for working hours and days), its time limit and whether it was
 * kept; then the handling clock (deadline, paused, overdue).
 */
export function CaseDeadlines({ kase, stages }: CaseDeadlinesProps) {
  const t = useT(casesMessages);
  const tc = useT(coreMessages);
  const labels = useLabels();
  const current = stages.at(-1);
  const isCurrent = (p: CaseStagePass) =>
    p === current && p.endedAt === null && kase.stage !== null;
  const units = { d: tc('duration.d'), h: tc('duration.h'), m: tc('duration.m') };
  return (
    <div data-testid="case-deadlines">
      <Table<CaseStagePass>
        size="small"
        pagination={false}
        rowKey={(p) => `${p.stage}-${p.startedAt}`}
        dataSource={stages}
        scroll={{ x: 640 }}
        columns={[
          {
            title: t('deadlines.stage'),
            dataIndex: 'stage',
            width: 80,
            render: (s: string) => labels.stage(s),
          },
          {
            title: t('deadlines.started'),
            dataIndex: 'startedAt',
            width: 140,
            render: (v: string) => formatTime(v),
          },
          {
            title: t('deadlines.ended'),
            dataIndex: 'endedAt',
            width: 140,
            render: (v: string | null) => formatTime(v),
          },
          {
            title: t('deadlines.took'),
            key: 'took',
            width: 110,
            render: (_: unknown, p) =>
              p.measure === 'working'
                ? t('deadlines.tookWorking', { d: formatDuration(p.usedMinutes, units) })
                : formatDuration(p.usedMinutes, units),
          },
          {
            title: t('deadlines.limit'),
            key: 'limit',
            width: 110,
            render: (_: unknown, p) => labels.limit(p.limit),
          },
          {
            title: t('deadlines.status'),
            key: 'status',
            render: (_: unknown, p) =>
              isCurrent(p) ? (
                <TrafficLight kase={kase} />
              ) : p.overdue ? (
                <Tag color="red">
                  {t('deadlines.overdue')}
                  {p.overdueDeadline ? ` · ${formatTime(p.overdueDeadline)}` : ''}
                </Tag>
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
            {
              key: 's',
              label: t('deadlines.started'),
              children: formatTime(kase.handling.startedAt),
            },
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
