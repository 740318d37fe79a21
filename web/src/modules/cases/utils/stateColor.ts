import type { CaseState } from '@common/workflow';

/** Tag colour of a state: intake blue, dispatch purple, handling orange, side paths gold… */
export const STATE_COLOR: Readonly<Record<CaseState, string>> = {
  reported: 'blue',
  verifying: 'geekblue',
  pending_register: 'blue',
  registered: 'purple',
  refused: 'default',
  voided: 'default',
  dispatched: 'magenta',
  handling: 'orange',
  extension_requested: 'gold',
  return_requested: 'gold',
  hang_requested: 'gold',
  hung: 'volcano',
  handled: 'cyan',
  checking: 'lime',
  closed: 'green',
  self_handled: 'cyan',
};

/** Colours of the traffic light (红黄绿灯). */
export const LIGHT_COLOR = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' } as const;
