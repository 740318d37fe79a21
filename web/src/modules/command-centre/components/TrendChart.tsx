import { useMemo } from 'react';
import { EChart } from '../../../ui/chart/EChart';
import type { ChartOption } from '../../../ui/chart/chartTypes';
import { useT } from '../../i18n/hooks/useT';
import { commandCentreMessages } from '../command-centre.messages';
import { TREND_DAYS, type CommandData } from '../hooks/useCommandData';
import { totalSeries } from '../utils/kpis';
import { BIG } from './theme';

/** Axis and legend styling shared by the big screen's charts. */
export const DARK_AXIS = {
  axisLine: { lineStyle: { color: BIG.border } },
  axisLabel: { color: BIG.muted, fontSize: 12 },
  splitLine: { lineStyle: { color: BIG.grid, type: 'dashed' as const } },
};

/** Intake and closures per day over the last two weeks. */
export function TrendChart({ data, height }: { data: CommandData; height: number | string }) {
  const t = useT(commandCentreMessages);
  const option = useMemo<ChartOption>(() => {
    const days = (data.intake.data?.periods ?? []).map((p) => p.label.slice(5));
    return {
      animationDuration: 300,
      grid: { left: 36, right: 12, top: 32, bottom: 24 },
      legend: { top: 0, right: 0, textStyle: { color: BIG.text }, itemHeight: 8 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days, boundaryGap: false, ...DARK_AXIS },
      yAxis: { type: 'value', minInterval: 1, ...DARK_AXIS },
      series: [
        {
          name: t('trend.reported'),
          type: 'line',
          smooth: true,
          symbolSize: 6,
          data: totalSeries(data.intake.data),
          itemStyle: { color: BIG.accent },
          areaStyle: { color: 'rgba(54, 207, 201, 0.15)' },
        },
        {
          name: t('trend.closed'),
          type: 'line',
          smooth: true,
          symbolSize: 6,
          data: totalSeries(data.closed.data),
          itemStyle: { color: '#95de64' },
        },
      ],
    };
  }, [data.intake.data, data.closed.data, t]);
  return (
    <EChart
      option={option}
      height={height}
      label={t('trend.title', { n: TREND_DAYS })}
      testId="trend-chart"
    />
  );
}
