import { Space, Tag, Tooltip, Typography } from 'antd';
import type { CaseView } from '../../../api/types';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useUnits } from '../../reference/hooks/useUnits';
import { casesMessages } from '../cases.messages';

export interface RoutingReasonProps {
  kase: Pick<CaseView, 'routing'>;
  /** The routing rule's note, when the caller has the rules (dispatchers). */
  ruleNote?: string | null;
}

/** The proposed handling unit and why the routing matrix chose it. */
export function RoutingReason({ kase, ruleNote }: RoutingReasonProps) {
  const t = useT(casesMessages);
  const labels = useLabels();
  const units = useUnits();
  const r = kase.routing;
  if (!r?.proposedUnitId) {
    return <Typography.Text type="warning">{t('routing.none')}</Typography.Text>;
  }
  const why = t('routing.why', { columns: r.matched.map((m) => labels.matched(m)).join(' + ') });
  return (
    <Space size={4} wrap data-testid="routing-reason">
      <Typography.Text strong>{units.name(r.proposedUnitId)}</Typography.Text>
      <Tooltip title={ruleNote ? t('routing.rule', { note: ruleNote }) : undefined}>
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {why}
        </Tag>
      </Tooltip>
      {ruleNote ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('routing.rule', { note: ruleNote })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
