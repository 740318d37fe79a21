import { Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaseView } from '../../../api/types';
import { formatTime } from '../../core/utils/time';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { useRegions } from '../../reference/hooks/useRegions';
import { useUnits } from '../../reference/hooks/useUnits';
import { casesMessages } from '../cases.messages';
import { CaseStateTag } from './CaseStateTag';
import { RoutingReason } from './RoutingReason';
import { useScreens } from '../../core/hooks/useScreens';

export interface CaseSummaryProps {
  kase: CaseView;
  /** In a side panel: one column until the screen is very wide. */
  compact?: boolean;
}

/** What a case is: number, state, matter, place, reporter, unit, times and counters. */
export function CaseSummary({ kase, compact = false }: CaseSummaryProps) {
  const screens = useScreens();
  const t = useT(casesMessages);
  const labels = useLabels();
  const matters = useMatters();
  const units = useUnits();
  const regions = useRegions();
  const c = kase.counters;
  const counters = (
    [
      ['rework', c.rework],
      ['return', c.return],
      ['extension', c.extension],
      ['hang', c.hang],
      ['supervise', c.supervise],
      ['remind', c.remind],
    ] as const
  ).filter(([, n]) => n > 0);
  const reporter = kase.reporter
    ? kase.reporter.anonymous
      ? t('reporter.anonymous')
      : [kase.reporter.name, kase.reporter.phone].filter(Boolean).join(' ')
    : '';
  const items = [
    {
      key: 'number',
      label: t('field.number'),
      children: <Typography.Text copyable>{kase.number}</Typography.Text>,
    },
    {
      key: 'state',
      label: t('field.state'),
      children: (
        <Space size={4} wrap>
          <CaseStateTag state={kase.state} />
          {kase.urgency === 'urgent' ? <Tag color="red">{labels.urgency('urgent')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'source', label: t('field.source'), children: labels.source(kase.source) },
    {
      key: 'matter',
      label: t('field.matter'),
      children: kase.matter ? matters.label(kase.matter.code) : '—',
    },
    {
      key: 'description',
      label: t('field.description'),
      span: 'filled' as const,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{kase.description}</span>,
    },
    { key: 'address', label: t('field.address'), children: kase.address || '—' },
    {
      key: 'region',
      label: t('field.region'),
      children:
        regions.chain([
          kase.location.districtId,
          kase.location.streetId,
          kase.location.communityId,
        ]) || '—',
    },
    {
      key: 'grid',
      label: t('field.grid'),
      children: (
        <span>
          {kase.location.gridCode} · {labels.areaClass(kase.location.areaClass)}
        </span>
      ),
    },
    { key: 'reporter', label: t('field.reporter'), children: reporter || '—' },
    kase.unitId
      ? { key: 'unit', label: t('field.unit'), children: units.name(kase.unitId) }
      : kase.routing
        ? {
            key: 'proposed',
            label: t('field.proposedUnit'),
            children: <RoutingReason kase={kase} />,
          }
        : null,
    { key: 'created', label: t('field.createdAt'), children: formatTime(kase.createdAt) },
    { key: 'updated', label: t('field.updatedAt'), children: formatTime(kase.updatedAt) },
    kase.disposalMode
      ? {
          key: 'disposal',
          label: t('field.disposalMode'),
          children: labels.disposal(kase.disposalMode),
        }
      : null,
    kase.voidReason
      ? { key: 'void', label: t('field.voidReason'), children: labels.voidReason(kase.voidReason) }
      : null,
    kase.closeKind
      ? {
          key: 'closeKind',
          label: t('field.closeKind'),
          children: labels.closeKind(kase.closeKind),
        }
      : null,
    kase.parentCaseId
      ? {
          key: 'parent',
          label: t('field.parentCase'),
          children: (
            <Link to={`/cases/${kase.parentCaseId}`}>{kase.parentCaseId.slice(0, 8)}…</Link>
          ),
        }
      : null,
    counters.length > 0
      ? {
          key: 'counters',
          label: t('field.counters'),
          children: (
            <Space size={4} wrap>
              {counters.map(([k, n]) => (
                <Tag key={k}>{t(`counter.${k}` as const, { n })}</Tag>
              ))}
            </Space>
          ),
        }
      : null,
  ].filter((x): x is NonNullable<typeof x> => x !== null);
  return (
    <Descriptions
      size="small"
      bordered
      // Phones: label above value, so neither is squeezed.
      layout={screens.sm ? 'horizontal' : 'vertical'}
      column={
        compact
          ? { xs: 1, sm: 1, md: 2, lg: 1, xl: 1, xxl: 2 }
          : { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }
      }
      styles={{ label: { width: compact ? 104 : 120 } }}
      items={items}
      data-testid="case-summary"
    />
  );
}
