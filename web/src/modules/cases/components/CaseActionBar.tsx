import type { CaseAction } from '@common/workflow';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { CaseEvent, CaseView } from '../../../api/types';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';
import { actionForm, sortActions } from '../utils/actionForms';
import { CaseActionModal } from './CaseActionModal';

export interface CaseActionBarProps {
  kase: CaseView;
  events?: readonly CaseEvent[];
  /** Called with the case the server returned after an action. */
  onChanged: (updated: CaseView) => void;
  onReload: () => void;
  size?: 'small' | 'middle' | 'large';
  /** Say so when there is nothing to do (default true). */
  showEmpty?: boolean;
}

/**
 * One button per action the user may take now (the server's `availableActions`), each opening
 * the form that action needs.
 */
export function CaseActionBar({
  kase,
  events,
  onChanged,
  onReload,
  size = 'middle',
  showEmpty = true,
}: CaseActionBarProps) {
  const t = useT(casesMessages);
  const labels = useLabels();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const actions = sortActions(kase.availableActions ?? []);
  if (actions.length === 0) {
    return showEmpty ? (
      <Typography.Text type="secondary" data-testid="no-actions">
        {t('actions.none')}
      </Typography.Text>
    ) : null;
  }
  return (
    <>
      <Flex wrap gap={8} data-testid="case-actions">
        {actions.map((a) => {
          const spec = actionForm(a, kase.state);
          return (
            <Button
              key={a}
              size={size}
              type={spec.primary ? 'primary' : 'default'}
              danger={spec.danger}
              onClick={() => setOpen(a)}
              data-testid={`action-${a}`}
            >
              {labels.action(a)}
            </Button>
          );
        })}
      </Flex>
      <CaseActionModal
        kase={kase}
        action={open}
        events={events}
        onClose={() => setOpen(null)}
        onReload={onReload}
        onDone={(updated) => {
          setOpen(null);
          onChanged(updated);
        }}
      />
    </>
  );
}
