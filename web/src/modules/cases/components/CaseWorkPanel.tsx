import { ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Flex, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CaseView } from '../../../api/types';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useT } from '../../i18n/hooks/useT';
import { casesMessages } from '../cases.messages';
import { useCase } from '../hooks/useCase';
import { CaseActionBar } from './CaseActionBar';
import { CaseMap } from './CaseMap';
import { CasePhotos } from './CasePhotos';
import { CaseStateTag } from './CaseStateTag';
import { CaseSummary } from './CaseSummary';
import { CaseTimeline } from './CaseTimeline';
import { DuplicateList } from './DuplicateList';
import { PendingRequest } from './PendingRequest';
import { TrafficLight } from './TrafficLight';

export interface CaseWorkPanelProps {
  caseId: string;
  /** A workspace's own block above the summary (e.g. the routing reason on the dispatch board). */
  extra?: (kase: CaseView) => ReactNode;
  /** Show the duplicate candidates (intake desk). */
  showDuplicates?: boolean;
  /** Called after an action changed the case, so the list beside it can refresh. */
  onChanged?: (updated: CaseView) => void;
  mapHeight?: number;
}

/**
 * A case to work on, beside a workspace's list: header with state and time light, the
 * actions the user may take now, then what the case is, where, photos and history.
 */
export function CaseWorkPanel({
  caseId,
  extra,
  showDuplicates = false,
  onChanged,
  mapHeight = 260,
}: CaseWorkPanelProps) {
  const t = useT(casesMessages);
  const { errorText } = useApiErrors();
  const c = useCase(caseId);
  if (c.error && !c.kase) {
    return <Alert type="error" showIcon title={errorText(c.error)} />;
  }
  if (!c.kase) {
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }
  const kase = c.kase;
  const handleChanged = (u: CaseView) => {
    c.applyUpdate(u);
    onChanged?.(u);
  };
  return (
    <Flex vertical gap={12} data-testid="case-panel" data-case-number={kase.number}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space size={8} wrap>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="panel-number">
              {kase.number}
            </Typography.Title>
            <CaseStateTag state={kase.state} />
            <TrafficLight kase={kase} />
          </Space>
          <Space size={4}>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={c.reload}
              loading={c.loading}
              aria-label={t('list.refresh')}
            />
            <Link to={`/cases/${kase.id}`}>
              <Button size="small" icon={<ExportOutlined />}>
                {t('list.open')}
              </Button>
            </Link>
          </Space>
        </Flex>
        <div style={{ marginTop: 12 }}>
          <CaseActionBar
            kase={kase}
            events={c.events}
            onChanged={handleChanged}
            onReload={c.reload}
          />
        </div>
      </Card>
      <PendingRequest kase={kase} events={c.events} />
      {extra ? extra(kase) : null}
      {showDuplicates ? (
        <Card size="small" title={t('section.duplicates')}>
          <DuplicateList
            kase={kase}
            events={c.events}
            onChanged={handleChanged}
            onReload={c.reload}
          />
        </Card>
      ) : null}
      <CaseSummary kase={kase} compact />
      <Card size="small" title={t('section.map')} styles={{ body: { padding: 8 } }}>
        <CaseMap kase={kase} height={mapHeight} />
      </Card>
      <Collapse
        size="small"
        defaultActiveKey={['photos']}
        items={[
          { key: 'photos', label: t('section.photos'), children: <CasePhotos events={c.events} /> },
          {
            key: 'timeline',
            label: t('section.timeline'),
            children: <CaseTimeline events={c.events} />,
          },
        ]}
      />
    </Flex>
  );
}
