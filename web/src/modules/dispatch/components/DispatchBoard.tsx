import { Card, Flex, Tag, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { routingApi } from '../../../api/routing.api';
import type { CaseListQuery, CaseView } from '../../../api/types';
import { CaseWorkspace } from '../../cases/components/CaseWorkspace';
import { RoutingReason } from '../../cases/components/RoutingReason';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';
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

/**
 * The dispatch board (派遣台): registered cases with the proposed unit and why, dispatched as
 * proposed or to another unit; and the units' extension / return / hang requests to decide.
 */
export function DispatchBoard() {
  const t = useT(dispatchMessages);
  const units = useUnits();
  const rules = useResource(() => cached('routing.rules', () => routingApi.rules()), []);
  const noteOf = useMemo(() => {
    const byId = new Map((rules.data ?? []).map((r) => [r.id, r.note]));
    return (c: CaseView) => (c.routing?.ruleId ? (byId.get(c.routing.ruleId) ?? null) : null);
  }, [rules.data]);

  const columns = (tab: Tab): TableColumnsType<CaseView> =>
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
    <CaseWorkspace<Tab>
      testId="dispatch-queue"
      tabs={[
        { key: 'toDispatch', label: t('tab.toDispatch'), query: QUEUES.toDispatch },
        { key: 'requests', label: t('tab.requests'), query: QUEUES.requests },
        { key: 'hung', label: t('tab.hung'), query: QUEUES.hung },
      ]}
      extraColumns={columns}
      extraLine={(tab, c) =>
        tab === 'toDispatch' ? <RoutingReason kase={c} /> : units.name(c.unitId)
      }
      panelExtra={(c) =>
        c.state === 'registered' ? (
          <Card size="small" title={t('panel.routing')}>
            <RoutingReason kase={c} ruleNote={noteOf(c)} />
          </Card>
        ) : null
      }
    />
  );
}
