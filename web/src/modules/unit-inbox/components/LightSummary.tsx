import { Card, Flex, Statistic } from 'antd';
import { useMemo } from 'react';
import { casesApi } from '../../../api/cases.api';
import { EChart } from '../../../ui/chart/EChart';
import type { ChartOption } from '../../../ui/chart/chartTypes';
import { LIGHT_COLOR } from '../../cases/utils/stateColor';
import { useResource } from '../../core/hooks/useResource';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { unitInboxMessages } from '../unit-inbox.messages';

const OPEN = ['dispatched', 'handling', 'extension_requested', 'return_requested', 'hang_requested', 'hung'] as const;

export interface LightSummaryProps {
  reloadKey: number;
}

/** The unit's open cases by traffic light, as a small donut with the overdue count. */
export function LightSummary({ reloadKey }: LightSummaryProps) {
  const t = useT(unitInboxMessages);
  const labels = useLabels();
  const r = useResource(
    (signal) => casesApi.list({ state: OPEN, pageSize: 200, sort: 'stage_deadline_at' }, signal),
    [reloadKey],
  );
  const counts = useMemo(() => {
    const c = { green: 0, yellow: 0, red: 0 };
    for (const k of r.data?.items ?? []) {
      const light = k.stage?.overdue ? 'red' : (k.stage?.light ?? 'green');
      c[light] += 1;
    }
    return c;
  }, [r.data]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['55%', '85%'],
          label: { show: false },
          data: (['green', 'yellow', 'red'] as const).map((l) => ({
            name: labels.light(l),
            value: counts[l],
            itemStyle: { color: LIGHT_COLOR[l] },
          })),
        },
      ],
    }),
    [counts, labels],
  );
  const total = r.data?.total ?? 0;
  return (
    <Card size="small" title={t('summary.title')} data-testid="light-summary">
      <Flex align="center" gap={16}>
        <div style={{ width: 96, flex: 'none' }}>
          <EChart option={option} height={96} label={t('summary.title')} />
        </div>
        <Flex vertical gap={4}>
          <Statistic value={total} title={t('summary.open', { n: total })} styles={{ content: { fontSize: 22 } }} />
          <span style={{ color: LIGHT_COLOR.red }}>{t('summary.overdue', { n: counts.red })}</span>
        </Flex>
      </Flex>
    </Card>
  );
}
