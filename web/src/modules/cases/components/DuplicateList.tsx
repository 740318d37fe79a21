import { Button, Empty, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseEvent, CaseView } from '../../../api/types';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';
import { CaseActionModal } from './CaseActionModal';
import { CaseStateTag } from './CaseStateTag';

export interface DuplicateListProps {
  kase: CaseView;
  events?: readonly CaseEvent[];
  onChanged: (updated: CaseView) => void;
  onReload: () => void;
}

/** The cases this one may duplicate (same place, matter and words), with "merge into". */
export function DuplicateList({ kase, events, onChanged, onReload }: DuplicateListProps) {
  const t = useT(casesMessages);
  const [parent, setParent] = useState<string | null>(null);
  const dups = kase.duplicates ?? [];
  const canMerge = kase.availableActions?.includes('merge') ?? false;
  if (dups.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('duplicates.none')}
        style={{ margin: '8px 0' }}
      />
    );
  }
  return (
    <>
      <Flex vertical data-testid="duplicates">
        {dups.map((d) => (
          <Flex
            key={d.caseId}
            justify="space-between"
            align="center"
            gap={8}
            wrap
            style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Space size={8} wrap>
              <Link to={`/cases/${d.caseId}`}>{d.number}</Link>
              <CaseStateTag state={d.state} />
              <Typography.Text type="secondary">
                {t('duplicates.score', { score: Math.round(d.score * 100) / 100 })}
              </Typography.Text>
            </Space>
            {canMerge ? (
              <Button size="small" onClick={() => setParent(d.caseId)} data-testid="merge-into">
                {t('duplicates.mergeInto')}
              </Button>
            ) : null}
          </Flex>
        ))}
      </Flex>
      <CaseActionModal
        kase={kase}
        action={parent ? 'merge' : null}
        events={events}
        initialValues={parent ? { parentCaseId: parent } : undefined}
        onClose={() => setParent(null)}
        onReload={onReload}
        onDone={(u) => {
          setParent(null);
          onChanged(u);
        }}
      />
    </>
  );
}
