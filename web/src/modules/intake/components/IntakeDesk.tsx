import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseListQuery } from '../../../api/types';
import { CaseQueue } from '../../cases/components/CaseQueue';
import { CaseSplitView } from '../../cases/components/CaseSplitView';
import { CaseWorkPanel } from '../../cases/components/CaseWorkPanel';
import { useUrlParams } from '../../core/hooks/useUrlParams';
import { useT } from '../../i18n/hooks/useT';
import { intakeMessages } from '../intake.messages';

const QUEUES: Record<'incoming' | 'closing', CaseListQuery> = {
  incoming: {
    state: ['reported', 'verifying', 'pending_register'],
    sort: 'created_at',
    order: 'desc',
  },
  closing: { state: ['handled', 'self_handled'], sort: 'updated_at', order: 'asc' },
};

/**
 * The intake desk (受理台): incoming reports to send to verification, register, refuse, void
 * or merge (with duplicate suggestions and the map), and checked cases to close.
 */
export function IntakeDesk() {
  const t = useT(intakeMessages);
  const params = useUrlParams();
  const setParam = params.set;
  const tab = params.get('tab') === 'closing' ? 'closing' : 'incoming';
  const selected = params.get('case');
  const [reloadKey, setReloadKey] = useState(0);

  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setParam('tab', k === 'incoming' ? null : k);
            setParam('case', null);
          }}
          items={[
            { key: 'incoming', label: t('tab.incoming') },
            { key: 'closing', label: t('tab.closing') },
          ]}
          style={{ marginBottom: -16 }}
        />
        <Link to="/intake/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-report">
            {t('desk.newReport')}
          </Button>
        </Link>
      </Flex>
      <CaseSplitView
        list={
          <CaseQueue
            key={tab}
            testId="intake-queue"
            query={QUEUES[tab]}
            selectedId={selected}
            onSelect={(c) => setParam('case', c.id)}
            reloadKey={reloadKey}
          />
        }
        panel={
          selected ? (
            <CaseWorkPanel
              key={selected}
              caseId={selected}
              showDuplicates
              onChanged={() => setReloadKey((n) => n + 1)}
            />
          ) : null
        }
        onClosePanel={() => setParam('case', null)}
      />
    </Flex>
  );
}
