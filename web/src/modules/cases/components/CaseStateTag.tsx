import type { CaseState } from '@common/workflow';
import { Tag } from 'antd';
import { useLabels } from '../../i18n/hooks/useLabels';
import { STATE_COLOR } from '../utils/stateColor';

export interface CaseStateTagProps {
  state: CaseState;
}

/** A case's state as a coloured tag, in the current language. */
export function CaseStateTag({ state }: CaseStateTagProps) {
  const labels = useLabels();
  return (
    <Tag color={STATE_COLOR[state] ?? 'default'} style={{ marginInlineEnd: 0 }} data-state={state}>
      {labels.state(state)}
    </Tag>
  );
}
