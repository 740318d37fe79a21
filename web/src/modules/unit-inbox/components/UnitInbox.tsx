import { Tag, type TableColumnsType } from 'antd';
import type { CaseListQuery, CaseView } from '../../../api/types';
import { CaseWorkspace } from '../../cases/components/CaseWorkspace';
import { useT } from '../../i18n/hooks/useT';
import { unitInboxMessages } from '../unit-inbox.messages';
import { LightSummary } from './LightSummary';
import { useScreens } from '../../core/hooks/useScreens';

type Tab = 'toAcknowledge' | 'handling' | 'checking';

const QUEUES: Record<Tab, CaseListQuery> = {
  toAcknowledge: { state: ['dispatched'], sort: 'stage_deadline_at', order: 'asc' },
  handling: {
    state: ['handling', 'extension_requested', 'return_requested', 'hang_requested', 'hung'],
    sort: 'stage_deadline_at',
    order: 'asc',
  },
  checking: { state: ['checking'], sort: 'updated_at', order: 'desc' },
};

/**
 * The handling unit's inbox: cases to acknowledge, cases in hand with their deadlines and
 * traffic lights (feedback with photos, or ask for an extension, a return or a hang), and
 * cases waiting for the inspector's check.
 */
export function UnitInbox() {
  const t = useT(unitInboxMessages);
  const screens = useScreens();
  const columns: TableColumnsType<CaseView> = [
    {
      title: t('summary.rework'),
      key: 'flags',
      width: 120,
      render: (_: unknown, c) =>
        c.counters.rework > 0 ? (
          <Tag color="red">
            {t('summary.rework')} ×{c.counters.rework}
          </Tag>
        ) : null,
    },
  ];

  return (
    <CaseWorkspace<Tab>
      testId="inbox-queue"
      tabs={[
        { key: 'toAcknowledge', label: t('tab.toAcknowledge'), query: QUEUES.toAcknowledge },
        { key: 'handling', label: t('tab.handling'), query: QUEUES.handling },
        { key: 'checking', label: t('tab.checking'), query: QUEUES.checking },
      ]}
      tabBarExtra={(reloadKey) => (screens.md ? <LightSummary reloadKey={reloadKey} /> : null)}
      belowTabs={(reloadKey) => (screens.md ? null : <LightSummary reloadKey={reloadKey} />)}
      extraColumns={() => columns}
    />
  );
}
