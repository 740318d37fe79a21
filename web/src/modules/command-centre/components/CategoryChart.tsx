import { Empty } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../../ui/chart/EChart';
import type { ChartOption } from '../../../ui/chart/chartTypes';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { commandCentreMessages } from '../command-centre.messages';
import type { CommandData } from '../hooks/useCommandData';
import { BIG } from './theme';
import { DARK_AXIS } from './TrendChart';

/** This month's cases per major class (大类), with last month beside. */
export function CategoryChart({ data, height }: { data: CommandData; height: number | string }) {
  const t = useT(commandCentreMessages);
  const matters = useMatters();
  const series = useMemo(
    () =>
      (data.majors.data?.series ?? [])
        .filter((s) => (s.values.at(-1) ?? 0) > 0)
        .slice(0, 8)
        .reverse(),
    [data.majors.data],
  );
  const option = useMemo<ChartOption>(() => {
    // '-': cases not (yet) given a matter, e.g. refused or voided before registration.
    const name = (code: string) =>
      code === '-'
        ? t('category.none')
        : (matters.majors.find((m) => m.code === code)?.name ?? code);
    return {
      animationDuration: 300,
      grid: {
        left: 8,
        right: 40,
        top: 28,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      legend: { top: 0, right: 0, textStyle: { color: BIG.text }, itemHeight: 8 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, ...DARK_AXIS },
      yAxis: {
        type: 'category',
        data: series.map((s) => name(s.key)),
        ...DARK_AXIS,
        axisLabel: { color: BIG.text, fontSize: 13 },
      },
      series: [
        {
          name: t('category.previous'),
          type: 'bar',
          data: series.map((s) => s.values.at(-2) ?? 0),
          itemStyle: { color: '#2b4a74' },
          barGap: '10%',
        },
        {
          name: t('category.current'),
          type: 'bar',
          data: series.map((s) => s.values.at(-1) ?? 0),
          itemStyle: { color: BIG.accent, borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: 'right', color: BIG.text },
        },
      ],
    };
  }, [series, matters.majors, t]);
  if (data.majors.data && series.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={<span style={{ color: BIG.muted }}>{t('category.empty')}</span>}
      />
    );
  }
  return (
    <EChart option={option} height={height} label={t('category.title')} testId="category-chart" />
  );
}
