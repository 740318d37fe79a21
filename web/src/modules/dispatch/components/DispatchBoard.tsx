import { Card, Flex, Tabs, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { routingApi } from '../../../api/routing.api';
import type { CaseListQuery, CaseView } from '../../../api/types';
import { CaseQueue } from '../../cases/components/CaseQueue';
import { CaseSplitView } from '../../cases/components/CaseSplitView';
import { CaseWorkPanel } from '../../cases/components/CaseWorkPanel';
import { RoutingReason } from '../../cases/components/RoutingReason';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';
import { useUrlParams } from '../../core/hooks/useUrlParams';
import { useT } from '../../i18n/hooks/useT';
import { useUnits } from '../../reference/hooks/useUnits';
import { dispatchMessages } from '../dispatch.messages';

type Tab = 'toDispatch' | 'requests' | 'hung';

const QUEUES: Record<Tab, CaseListQuery> = {
  toDispatch: { state: ['registered'], sort: 'stage_deadline_at', order: 'asc' },
  requests: {
    state: ['extension_requested', 'return_requested', 'hang_requested'],
    sort: 'updated_at',
    order: 'asc',
  },
  hung: { state: ['hung'], sort: 'updated_at', order: 'desc' },
};

const isTab = (v: string | null): v is Tab =>
  v === 'requests' || v === 'hung' || v === 'toDispatch';

/**
 * The dispatch board (派遣台): registered cases with the proposed unit and why, dispatched as
 * proposed or to another unit; and the units' extension / return / hang requests to decide.
 */
export function DispatchBoard() {
  const t = useT(dispatchMessages);
  const units = useUnits();
  const params = useUrlParams();
  const setParam = params.set;
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'toDispatch';
  const selected = params.get('case');
  const [reloadKey, setReloadKey] = useState(0);
  const rules = useResource(() => cached('routing.rules', () => routingApi.rules()), []);
  const noteOf = useMemo(() => {
    const byId = new Map((rules.data ?? []).map((r) => [r.id, r.note]));
    return (c: CaseView) => (c.routing?.ruleId ? (byId.get(c.routing.ruleId) ?? null) : null);
  }, [rules.data]);

  const columns: TableColumnsType<CaseView> =
    tab === 'toDispatch'
      ? [
          {
            title: t('col.proposed'),
            key: 'proposed',
            width: 280,
            render: (_: unknown, c) => <RoutingReason kase={c} />,
          },
        ]
      : [
          {
            title: tab === 'requests' ? t('col.request') : t('col.unit'),
            key: 'request',
            width: 220,
            render: (_: unknown, c) => (
              <Flex vertical gap={2}>
                {tab === 'requests' ? (
                  <Tag color="gold" style={{ width: 'fit-content' }}>
                    {t(`request.${c.state}` as 'request.hang_requested')}
                  </Tag>
                ) : null}
                <span>{units.name(c.unitId)}</span>
              </Flex>
            ),
          },
        ];

  return (
    <Flex vertical gap={8}>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setParam('tab', k === 'toDispatch' ? null : k);
          setParam('case', null);
        }}
        items={[
          { key: 'toDispatch', label: t('tab.toDispatch') },
          { key: 'requests', label: t('tab.requests') },
          { key: 'hung', label: t('tab.hung') },
        ]}
        style={{ marginBottom: -8 }}
      />
      <CaseSplitView
        list={
          <CaseQueue
            key={tab}
            testId="dispatch-queue"
            query={QUEUES[tab]}
            selectedId={selected}
            onSelect={(c) => setParam('case', c.id)}
            extraColumns={columns}
            extraLine={(c) =>
              tab === 'toDispatch' ? <RoutingReason kase={c} /> : units.name(c.unitId)
            }
            reloadKey={reloadKey}
          />
        }
        panel={
          selected ? (
            <CaseWorkPanel
              key={selected}
              caseId={selected}
              onChanged={() => setReloadKey((n) => n + 1)}
              extra={(c) =>
                c.state === 'registered' ? (
                  <Card size="small" title={t('panel.routing')}>
                    <RoutingReason kase={c} ruleNote={noteOf(c)} />
                  </Card>
                ) : null
              }
            />
          ) : null
        }
        onClosePanel={() => setParam('case', null)}
      />
    </Flex>
  );
}
