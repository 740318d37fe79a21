import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { casesApi } from '../../../api/cases.api';
import type { CaseListQuery, CaseView } from '../../../api/types';
import { CaseStateTag } from '../../cases/components/CaseStateTag';
import { TrafficLight } from '../../cases/components/TrafficLight';
import { casesMessages } from '../../cases/cases.messages';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useResource } from '../../core/hooks/useResource';
import { saveBlob } from '../../core/utils/saveBlob';
import { formatTime } from '../../core/utils/time';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useLocale } from '../../i18n/hooks/useLocale';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import { useRegions } from '../../reference/hooks/useRegions';
import { useUnits } from '../../reference/hooks/useUnits';
import { caseListMessages } from '../case-list.messages';
import { paramsFromQuery, queryFromParams } from '../utils/caseQuery';
import { CaseFilters } from './CaseFilters';
import { SavedFilters } from './SavedFilters';

const PAGE_SIZE = 20;

const SORT_OF: Record<string, CaseListQuery['sort']> = {
  number: 'number',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  deadline: 'stage_deadline_at',
};

/**
 * Case search: filters kept in the URL (shareable, back button), saved searches, a paged and
 * sortable table, and the same search exported to Excel.
 */
export function CaseSearch() {
  const t = useT(caseListMessages);
  const tc = useT(casesMessages);
  const labels = useLabels();
  const { locale } = useLocale();
  const matters = useMatters();
  const units = useUnits();
  const regions = useRegions();
  const { errorText } = useApiErrors();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const key = params.toString();
  const [exporting, setExporting] = useState(false);
  // Searching again with the same filters still refreshes the list.
  const [tick, setTick] = useState(0);
  const r = useResource(
    (signal) => casesApi.list({ ...query, pageSize: PAGE_SIZE }, signal),
    [key, tick],
  );

  const go = (q: CaseListQuery) => {
    setParams(paramsFromQuery(q));
    setTick((n) => n + 1);
  };

  const handleExport = async () => {
    setExporting(true);
    try {
      const blob = await casesApi.exportXlsx(query, locale);
      saveBlob(blob, `cases-${dayjs().format('YYYYMMDD-HHmm')}.xlsx`);
      void message.success(t('export.done', { n: r.data?.total ?? 0 }));
    } catch (err) {
      void message.error(t('export.failed', { message: errorText(err) }));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<CaseView> = [
    {
      title: tc('field.number'),
      dataIndex: 'number',
      key: 'number',
      width: 140,
      fixed: 'left',
      sorter: true,
      sortOrder: query.sort === 'number' ? (query.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (n: string, c) => <Link to={`/cases/${c.id}`}>{n}</Link>,
    },
    {
      title: tc('field.state'),
      dataIndex: 'state',
      width: 130,
      render: (_: unknown, c) => <CaseStateTag state={c.state} />,
    },
    {
      title: tc('field.matter'),
      key: 'matter',
      width: 180,
      ellipsis: true,
      render: (_: unknown, c) => (c.matter ? matters.label(c.matter.code) : '—'),
    },
    {
      title: tc('field.description'),
      dataIndex: 'description',
      ellipsis: true,
      width: 240,
    },
    {
      title: t('col.region'),
      key: 'region',
      width: 160,
      ellipsis: true,
      render: (_: unknown, c) => regions.chain([c.location.streetId, c.location.communityId]),
    },
    {
      title: t('col.unit'),
      key: 'unit',
      width: 160,
      ellipsis: true,
      render: (_: unknown, c) => units.name(c.unitId),
    },
    {
      title: tc('field.source'),
      dataIndex: 'source',
      width: 110,
      render: (s: string) => labels.source(s),
    },
    {
      title: tc('light.title'),
      key: 'deadline',
      width: 150,
      sorter: true,
      sortOrder:
        query.sort === 'stage_deadline_at' ? (query.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_: unknown, c) => <TrafficLight kase={c} />,
    },
    {
      title: tc('field.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      sorter: true,
      sortOrder:
        (query.sort ?? 'created_at') === 'created_at'
          ? query.order === 'asc'
            ? 'ascend'
            : 'descend'
          : null,
      render: (v: string) => formatTime(v),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <CaseFilters value={query} onSearch={(q) => go({ ...q, page: 1 })} />
      </Card>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <SavedFilters current={key} onApply={(qs) => setParams(new URLSearchParams(qs))} />
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void handleExport()}
          loading={exporting}
          data-testid="export-xlsx"
        >
          {t('export.button')}
        </Button>
      </Flex>
      {r.error ? <Alert type="error" showIcon title={errorText(r.error)} /> : null}
      <Table<CaseView>
        data-testid="case-table"
        size="small"
        rowKey="id"
        loading={r.loading}
        dataSource={r.data?.items ?? []}
        columns={columns}
        scroll={{ x: 1300 }}
        onRow={(c) => ({ 'data-testid': 'case-row', 'data-case-number': c.number }) as object}
        pagination={{
          current: query.page ?? 1,
          pageSize: PAGE_SIZE,
          total: r.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => (
            <Typography.Text type="secondary">{t('table.total', { n })}</Typography.Text>
          ),
        }}
        onChange={(pg, _filters, sorter) => {
          const s: SorterResult<CaseView> | undefined = Array.isArray(sorter) ? sorter[0] : sorter;
          const sortKey = s?.order ? SORT_OF[String(s.columnKey)] : undefined;
          go({
            ...query,
            page: pg.current ?? 1,
            sort: sortKey,
            order: sortKey ? (s?.order === 'ascend' ? 'asc' : 'desc') : undefined,
          });
        }}
      />
    </Flex>
  );
}
