import { Flex, Tabs, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { CaseListQuery, CaseView } from '../../../api/types';
import { CaseQueue } from '../../cases/components/CaseQueue';
import { CaseSplitView } from '../../cases/components/CaseSplitView';
import { CaseWorkPanel } from '../../cases/components/CaseWorkPanel';
import { useUrlParams } from '../../core/hooks/useUrlParams';
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

const isTab = (v: string | null): v is Tab =>
  v === 'toAcknowledge' || v === 'handling' || v === 'checking';

/**
 * The handling unit's inbox: cases to acknowledge, cases in hand with their deadlines and
 * traffic lights (feedback with photos, or ask for an extension, a return or a hang), and
 * cases waiting for the inspector's check.
 */
export function UnitInbox() {
  const t = useT(unitInboxMessages);
  const screens = useScreens();
  const params = useUrlParams();
  const setParam = params.set;
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'toAcknowledge';
  const selected = params.get('case');
  const [reloadKey, setReloadKey] = useState(0);

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
    <Flex vertical gap={8}>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setParam('tab', k === 'toAcknowledge' ? null : k);
          setParam('case', null);
        }}
        items={[
          { key: 'toAcknowledge', label: t('tab.toAcknowledge') },
          { key: 'handling', label: t('tab.handling') },
          { key: 'checking', label: t('tab.checking') },
        ]}
        tabBarExtraContent={screens.md ? <LightSummary reloadKey={reloadKey} /> : null}
        style={{ marginBottom: -8 }}
      />
      {screens.md ? null : <LightSummary reloadKey={reloadKey} />}
      <CaseSplitView
        list={
          <CaseQueue
            key={tab}
            testId="inbox-queue"
            query={QUEUES[tab]}
            selectedId={selected}
            onSelect={(c) => setParam('case', c.id)}
            extraColumns={columns}
            reloadKey={reloadKey}
          />
        }
        panel={
          selected ? (
            <CaseWorkPanel
              key={selected}
              caseId={selected}
              onChanged={() => setReloadKey((n) => n + 1)}
            />
          ) : null
        }
        onClosePanel={() => setParam('case', null)}
      />
    </Flex>
  );
}
