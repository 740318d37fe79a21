import { PauseCircleOutlined } from '@ant-design/icons';
import { Space, Tooltip, Typography } from 'antd';
import type { CaseView } from '../../../api/types';
import { coreMessages } from '../../core/core.messages';
import { formatDuration, formatTime, minutesUntil } from '../../core/utils/time';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';
import { LIGHT_COLOR } from '../utils/stateColor';

export interface TrafficLightProps {
  kase: Pick<CaseView, 'stage' | 'handling' | 'state'>;
  /** Show the time left / overdue next to the light. */
  showTime?: boolean;
}

/** The time-limit light of a case's current stage (红黄绿灯) with the time left. */
export function TrafficLight({ kase, showTime = true }: TrafficLightProps) {
  const tc = useT(coreMessages);
  const t = useT(casesMessages);
  const labels = useLabels();
  const stage = kase.stage;
  if (!stage?.deadline) {
    return <Typography.Text type="secondary">{tc('deadline.none')}</Typography.Text>;
  }
  const paused = kase.state === 'hung' || (stage.name === 'handle' && kase.handling?.paused);
  const light = stage.overdue ? 'red' : (stage.light ?? 'green');
  const mins = minutesUntil(stage.deadline);
  const units = { d: tc('duration.d'), h: tc('duration.h'), m: tc('duration.m') };
  const text = paused
    ? tc('deadline.paused')
    : mins >= 0
      ? tc('deadline.left', { d: formatDuration(mins, units) })
      : tc('deadline.over', { d: formatDuration(mins, units) });
  return (
    <Tooltip
      title={`${t('light.stage', { stage: labels.stage(stage.name) })} · ${labels.light(light)} · ${formatTime(stage.deadline)}`}
    >
      <Space size={6} data-testid="traffic-light" data-light={light}>
        {paused ? (
          <PauseCircleOutlined style={{ color: '#8c8c8c' }} />
        ) : (
          <span
            aria-label={labels.light(light)}
            style={{
              display: 'inline-block',
              width: 10,
              height: 10,
              borderRadius: '50%',
              background: LIGHT_COLOR[light],
              boxShadow: `0 0 0 3px ${LIGHT_COLOR[light]}33`,
            }}
          />
        )}
        {showTime ? (
          <Typography.Text
            type={light === 'red' && !paused ? 'danger' : undefined}
            style={{ whiteSpace: 'nowrap' }}
          >
            {text}
          </Typography.Text>
        ) : null}
      </Space>
    </Tooltip>
  );
}
