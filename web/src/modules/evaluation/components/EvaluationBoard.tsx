import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Segmented, Select, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type {
  EvaluationPeriod,
  EvaluationSubject,
  PeriodKind,
  RatioGroup,
} from '../../../api/evaluation.api';
import { useUrlParams } from '../../core/hooks/useUrlParams';
import { cityWallTime } from '../../core/utils/time';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { evaluationMessages } from '../evaluation.messages';
import {
  PERIOD_KINDS,
  periodQuery,
  previousMonth,
  readPeriod,
  stepPeriod,
  type PeriodSelection,
} from '../utils/period';
import { CATEGORY_DIMENSIONS, CATEGORY_METRICS, CategoryTable } from './CategoryTable';
import { DrillDrawer, type DrillTarget } from './DrillDrawer';
import { IndicatorTable } from './IndicatorTable';
import { MonthlyReport } from './MonthlyReport';
import { RankingLists } from './RankingLists';
import { Ratio721Table } from './Ratio721Table';

export const SUBJECTS: readonly EvaluationSubject[] = [
  'unit',
  'street',
  'community',
  'grid',
  'district',
  'inspector',
  'intake_clerk',
  'shift_leader',
  'dispatcher',
];
const TABS = ['indicators', 'rankings', 'category', 'ratio721', 'report'] as const;
const RATIO_GROUPS: readonly RatioGroup[] = ['unit', 'district', 'street', 'community', 'grid'];

const PICKER: Record<
  Exclude<PeriodKind, 'custom'>,
  'date' | 'week' | 'month' | 'quarter' | 'year'
> = {
  day: 'date',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};

const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  (list as readonly string[]).includes(v ?? '') ? (v as T) : fallback;

/**
 * The evaluation page (考核评价): who is measured (units, areas, people), over which period,
 * as indicators, rankings with the red and yellow lists, the 721 ratio and the monthly report.
 * Subject, period and tab live in the URL, so a link shows the same board to a colleague.
 */
export function EvaluationBoard() {
  const t = useT(evaluationMessages);
  const labels = useLabels();
  const url = useUrlParams();
  const today = cityWallTime(new Date().toISOString()).date;
  const subject = oneOf(SUBJECTS, url.get('subject'), 'unit');
  const tab = oneOf(TABS, url.get('tab'), 'indicators');
  const groupBy = oneOf(RATIO_GROUPS, url.get('groupBy'), 'unit');
  const category = oneOf(CATEGORY_DIMENSIONS, url.get('by'), 'major');
  const metric = oneOf(CATEGORY_METRICS, url.get('metric'), 'reported');
  const period = readPeriod(url.get, today);
  const query = useMemo(() => periodQuery(period), [JSON.stringify(period)]); // eslint-disable-line react-hooks/exhaustive-deps
  const [shown, setShown] = useState<EvaluationPeriod | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const setPeriod = (p: PeriodSelection) => {
    url.set('period', p.kind);
    url.set('date', p.kind === 'custom' ? null : p.date);
    url.set('from', p.kind === 'custom' ? p.from : null);
    url.set('to', p.kind === 'custom' ? p.to : null);
  };
  const pick = (d: Dayjs | null) => d && setPeriod({ ...period, date: d.format('YYYY-MM-DD') });

  return (
    <Flex vertical gap={16} data-testid="evaluation-board">
      {/* The monthly report picks its own month: no period bar on its tab. */}
      {tab !== 'report' ? (
        <Card size="small" data-testid="evaluation-period-bar">
          <Flex wrap gap={12} align="center">
            {tab === 'indicators' || tab === 'rankings' ? (
              <Select<EvaluationSubject>
                value={subject}
                onChange={(s) => url.set('subject', s)}
                style={{ minWidth: 140 }}
                aria-label={t('field.subject')}
                options={SUBJECTS.map((s) => ({ value: s, label: labels.subject(s) }))}
                data-testid="evaluation-subject"
              />
            ) : null}
            <>
              <Segmented<PeriodKind>
                value={period.kind}
                onChange={(kind) => setPeriod({ ...period, kind })}
                options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`period.${k}`) }))}
                data-testid="evaluation-period-kind"
              />
              <Button
                icon={<LeftOutlined />}
                aria-label={t('period.previous')}
                onClick={() => setPeriod(stepPeriod(period, -1))}
                data-testid="period-previous"
              />
              {period.kind === 'custom' ? (
                <DatePicker.RangePicker
                  allowClear={false}
                  value={[dayjs(period.from), dayjs(period.to)]}
                  onChange={(r) =>
                    r?.[0] &&
                    r[1] &&
                    setPeriod({
                      ...period,
                      from: r[0].format('YYYY-MM-DD'),
                      to: r[1].format('YYYY-MM-DD'),
                    })
                  }
                />
              ) : (
                <DatePicker
                  picker={PICKER[period.kind]}
                  allowClear={false}
                  value={dayjs(period.date)}
                  onChange={pick}
                  data-testid="evaluation-period-date"
                />
              )}
              <Button
                icon={<RightOutlined />}
                aria-label={t('period.next')}
                onClick={() => setPeriod(stepPeriod(period, 1))}
                data-testid="period-next"
              />
              {shown ? (
                <Typography.Text type="secondary" data-testid="evaluation-period">
                  {t('period.range', { ...shown })}
                </Typography.Text>
              ) : null}
            </>
          </Flex>
        </Card>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => url.set('tab', k === 'indicators' ? null : k)}
        destroyOnHidden
        items={[
          {
            key: 'indicators',
            label: t('tab.indicators'),
            children: (
              <IndicatorTable
                subject={subject}
                period={query}
                onDrill={setDrill}
                onPeriod={setShown}
              />
            ),
          },
          {
            key: 'rankings',
            label: t('tab.rankings'),
            children: (
              <RankingLists
                subject={subject}
                period={query}
                onDrill={setDrill}
                onPeriod={setShown}
              />
            ),
          },
          {
            key: 'category',
            label: t('tab.category'),
            children: (
              <CategoryTable
                period={query}
                dimension={category}
                metric={metric}
                onChange={(d, m) => {
                  url.set('by', d === 'major' ? null : d);
                  url.set('metric', m === 'reported' ? null : m);
                }}
                onDrill={setDrill}
                onPeriod={setShown}
              />
            ),
          },
          {
            key: 'ratio721',
            label: t('tab.ratio721'),
            children: (
              <Ratio721Table
                period={query}
                groupBy={groupBy}
                onGroupBy={(g) => url.set('groupBy', g === 'unit' ? null : g)}
                onDrill={setDrill}
                onPeriod={setShown}
              />
            ),
          },
          {
            key: 'report',
            label: t('tab.report'),
            children: <MonthlyReport defaultMonth={previousMonth(today)} />,
          },
        ]}
      />
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </Flex>
  );
}
