import { Flex, Tabs, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import type { CaseListQuery, CaseView } from '../../../api/types';
import { useUrlParams } from '../../core/hooks/useUrlParams';
import { CaseQueue } from './CaseQueue';
import { CaseSplitView } from './CaseSplitView';
import { CaseWorkPanel } from './CaseWorkPanel';

export interface CaseWorkspaceProps<T extends string> {
  /** The workspace's queues as tabs; the first is the default (kept out of the URL). */
  tabs: readonly { key: T; label: ReactNode; query: CaseListQuery }[];
  testId: string;
  /** Beside the tabs (wide) and, with `belowTabs`, under them (phones); gets the reload key. */
  tabBarExtra?: (reloadKey: number) => ReactNode;
  belowTabs?: (reloadKey: number) => ReactNode;
  /** The tab bar's bottom margin (the tabs sit close to the list). */
  tabsMarginBottom?: number;
  extraColumns?: (tab: T) => TableColumnsType<CaseView>;
  extraLine?: (tab: T, kase: CaseView) => ReactNode;
  panelExtra?: (kase: CaseView) => ReactNode;
  showDuplicates?: boolean;
}

/**
 * A role's workspace: tabs of case queues, the chosen queue, and the case being worked on
 * beside it. The tab and the case live in the URL (`?tab=…&case=…`), so a reload or a shared
 * link opens the same place; an action in the panel refreshes the queue.
 */
export function CaseWorkspace<T extends string>({
  tabs,
  testId,
  tabBarExtra,
  belowTabs,
  tabsMarginBottom = -8,
  extraColumns,
  extraLine,
  panelExtra,
  showDuplicates,
}: CaseWorkspaceProps<T>) {
  const params = useUrlParams();
  const setParam = params.set;
  const first = tabs[0]!.key;
  const tab = tabs.find((x) => x.key === params.get('tab'))?.key ?? first;
  const query = tabs.find((x) => x.key === tab)!.query;
  const selected = params.get('case');
  const [reloadKey, setReloadKey] = useState(0);

  return (
    <Flex vertical gap={8}>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setParam('tab', k === first ? null : k);
          setParam('case', null);
        }}
        items={tabs.map(({ key, label }) => ({ key, label }))}
        tabBarExtraContent={tabBarExtra?.(reloadKey)}
        style={{ marginBottom: tabsMarginBottom }}
      />
      {belowTabs?.(reloadKey)}
      <CaseSplitView
        list={
          <CaseQueue
            key={tab}
            testId={testId}
            query={query}
            selectedId={selected}
            onSelect={(c) => setParam('case', c.id)}
            extraColumns={extraColumns?.(tab)}
            extraLine={extraLine ? (c) => extraLine(tab, c) : undefined}
            reloadKey={reloadKey}
          />
        }
        panel={
          selected ? (
            <CaseWorkPanel
              key={selected}
              caseId={selected}
              extra={panelExtra}
              showDuplicates={showDuplicates}
              onChanged={() => setReloadKey((n) => n + 1)}
            />
          ) : null
        }
        onClosePanel={() => setParam('case', null)}
      />
    </Flex>
  );
}
