import { Alert, Descriptions } from 'antd';
import type { CaseEvent, CaseView } from '../../../api/types';
import { formatTime } from '../../core/utils/time';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';

const REQUEST_OF_STATE: Partial<Record<string, string>> = {
  extension_requested: 'request_extension',
  return_requested: 'request_return',
  hang_requested: 'request_hang',
};

export interface PendingRequestProps {
  kase: Pick<CaseView, 'state'>;
  events: readonly CaseEvent[];
}

/** The unit's open request (extension, return or hang): what, why, when and by whom. */
export function PendingRequest({ kase, events }: PendingRequestProps) {
  const t = useT(casesMessages);
  const labels = useLabels();
  const kind = REQUEST_OF_STATE[kase.state];
  const e = kind ? [...events].reverse().find((x) => x.action === kind) : undefined;
  if (!kind || !e) {
    return null;
  }
  const reason = typeof e.payload.reason === 'string' ? e.payload.reason : '';
  const deadline = typeof e.payload.deadline === 'string' ? e.payload.deadline : null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="pending-request"
      title={t('timeline.detail', { label: t('request.title'), value: labels.action(kind) })}
      description={
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'reason', label: t('request.reason'), children: reason },
            ...(deadline
              ? [{ key: 'deadline', label: t('request.deadline'), children: formatTime(deadline) }]
              : []),
            {
              key: 'by',
              label: t('request.by'),
              children: `${e.actor.name} · ${formatTime(e.at)}`,
            },
          ]}
        />
      }
    />
  );
}
