import { Flex, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { casesApi } from '../../../api/cases.api';
import { EChart } from '../../../ui/chart/EChart';
import type { ChartOption } from '../../../ui/chart/chartTypes';
import { LIGHT_COLOR } from '../../cases/utils/stateColor';
import { useResource } from '../../core/hooks/useResource';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { unitInboxMessages } from '../unit-inbox.messages';

const OPEN = [
  'dispatched',
  'handling',
  'extension_requested',
  'return_requested',
  'hang_requested',
  'hung',
] as const;
const LIGHTS = ['green', 'yellow', 'red'] as const;

export interface LightSummaryProps {
  reloadKey: number;
}

/** The unit's open cases by traffic light: a small donut and the count per light. */
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
      c[k.stage?.overdue ? 'red' : (k.stage?.light ?? 'green')] += 1;
    }
    return c;
  }, [r.data]);
  const empty = counts.green + counts.yellow + counts.red === 0;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { show: !empty, trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['52%', '90%'],
          label: { show: false },
          silent: empty,
          // Nothing open: a grey ring, not three equal slices of nothing.
          data: empty
            ? [{ name: '', value: 1, itemStyle: { color: '#f0f0f0' } }]
            : LIGHTS.map((l) => ({
                name: labels.light(l),
                value: counts[l],
                itemStyle: { color: LIGHT_COLOR[l] },
              })),
        },
      ],
    }),
    [counts, labels, empty],
  );
  return (
    <Flex align="center" gap={10} data-testid="light-summary">
      <div style={{ width: 44, height: 44, flex: 'none' }}>
        <EChart option={option} height={44} label={t('summary.title')} />
      </div>
      <Flex vertical gap={0}>
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {t('summary.open', { n: r.data?.total ?? 0 })}
        </Typography.Text>
        <Space size={10}>
          {LIGHTS.map((l) => (
            <span key={l} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
              <span
                style={{
                  display: 'inline-block',
                  width: 8,
                  height: 8,
                  borderRadius: '50%',
                  background: LIGHT_COLOR[l],
                  marginInlineEnd: 4,
                }}
              />
              {labels.light(l)} {counts[l]}
            </span>
          ))}
        </Space>
      </Flex>
    </Flex>
  );
}
