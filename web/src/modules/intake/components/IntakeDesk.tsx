import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router';
import type { CaseListQuery } from '../../../api/types';
import { CaseWorkspace } from '../../cases/components/CaseWorkspace';
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
  return (
    <CaseWorkspace
      testId="intake-queue"
      tabs={[
        { key: 'incoming', label: t('tab.incoming'), query: QUEUES.incoming },
        { key: 'closing', label: t('tab.closing'), query: QUEUES.closing },
      ]}
      tabBarExtra={() => (
        <Link to="/intake/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-report">
            {t('desk.newReport')}
          </Button>
        </Link>
      )}
      showDuplicates
    />
  );
}
