import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Progress,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { importsApi, type ImportJob, type ImportJobStatus } from '../../../api/imports.api';
import { coreMessages } from '../../core/core.messages';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { saveBlob } from '../../core/utils/saveBlob';
import { formatTime } from '../../core/utils/time';
import { useT } from '../../i18n/hooks/useT';
import { importsMessages } from '../imports.messages';
import { formatBytes, resultsFileName } from '../utils/importFile';
import { ImportErrorDetails } from './ImportErrorDetails';

export interface ImportJobTableProps {
  jobs: readonly ImportJob[];
  loading: boolean;
}

const STATUS_COLOR: Record<ImportJobStatus, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

const PROGRESS_STATUS = {
  queued: 'normal',
  running: 'active',
  done: 'success',
  failed: 'exception',
} as const satisfies Record<ImportJobStatus, string>;

/** A count that draws the eye only when it is not zero. */
function Count({
  label,
  n,
  type,
  testId,
}: {
  label: string;
  n: number;
  type: 'success' | 'warning' | 'danger';
  testId: string;
}) {
  return (
    <Typography.Text type={n > 0 ? type : 'secondary'} data-testid={testId} data-count={n}>
      {label} <strong>{n}</strong>
    </Typography.Text>
  );
}

/**
 * The recent import jobs, newest first: file, kind and whether it was a dry run, when it started, its
 * status, a live progress bar and the row counts; each job's result file (also while it
 * runs) and, under a failed job, why it failed.
 */
export function ImportJobTable({ jobs, loading }: ImportJobTableProps) {
  const t = useT(importsMessages);
  const tc = useT(coreMessages);
  const { message } = App.useApp();
  const { errorText } = useApiErrors();
  const [downloading, setDownloading] = useState<string | null>(null);

  const downloadResults = async (job: ImportJob) => {
    setDownloading(job.id);
    try {
      saveBlob(await importsApi.results(job.id), resultsFileName(job));
    } catch (err) {
      void message.error(t('results.failed', { message: errorText(err) }));
    } finally {
      setDownloading(null);
    }
  };

  const columns: TableColumnsType<ImportJob> = [
    {
      title: t('col.file'),
      key: 'file',
      width: 200,
      fixed: 'left',
      render: (_: unknown, j) => (
        <Flex vertical>
          <Typography.Text ellipsis={{ tooltip: j.fileName }} style={{ maxWidth: 184 }}>
            {j.fileName ?? '—'}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {j.format.toUpperCase()} · {formatBytes(j.bytes)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('col.kind'),
      key: 'kind',
      width: 160,
      render: (_: unknown, j) => (
        <Flex vertical align="start" gap={2}>
          <span>{t(`kind.${j.kind}`)}</span>
          {j.dryRun ? (
            <Tag color="gold" data-testid="job-mode">
              {t('mode.dryRun')}
            </Tag>
          ) : (
            <Tag color="blue" data-testid="job-mode">
              {t('mode.real')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('col.started'),
      key: 'started',
      width: 140,
      render: (_: unknown, j) => formatTime(j.startedAt ?? j.createdAt),
    },
    {
      title: t('col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: ImportJobStatus) => (
        <Tag color={STATUS_COLOR[s]} data-testid="job-status">
          {t(`status.${s}`)}
        </Tag>
      ),
    },
    {
      title: t('col.progress'),
      key: 'progress',
      width: 170,
      render: (_: unknown, j) => (
        <Flex vertical>
          <Progress
            percent={j.progress.percent}
            status={PROGRESS_STATUS[j.status]}
            size="small"
            data-testid="job-progress"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="job-rows">
            {j.progress.total === null
              ? t('progress.rowsSoFar', { processed: j.progress.processed })
              : t('progress.rows', { processed: j.progress.processed, total: j.progress.total })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('col.counts'),
      key: 'counts',
      width: 270,
      render: (_: unknown, j) => (
        <Flex gap={12} wrap>
          <Count
            label={t(j.dryRun ? 'count.wouldCreate' : 'count.created')}
            n={j.counts.created}
            type="success"
            testId="count-created"
          />
          <Count
            label={t('count.duplicate')}
            n={j.counts.duplicate}
            type="warning"
            testId="count-duplicate"
          />
          <Count
            label={t('count.rejected')}
            n={j.counts.rejected}
            type="danger"
            testId="count-rejected"
          />
        </Flex>
      ),
    },
    {
      title: t('col.results'),
      key: 'results',
      width: 120,
      render: (_: unknown, j) => (
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={downloading === j.id}
          onClick={() => void downloadResults(j)}
          data-testid="job-results"
        >
          {t('results.download')}
        </Button>
      ),
    },
  ];

  const failed = jobs.filter((j) => j.status === 'failed' && j.error).map((j) => j.id);
  return (
    <Table<ImportJob>
      size="small"
      rowKey="id"
      loading={loading && jobs.length === 0}
      dataSource={[...jobs]}
      columns={columns}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('jobs.empty') }}
      pagination={{
        pageSize: 10,
        hideOnSinglePage: true,
        showSizeChanger: false,
        showTotal: (n) => tc('common.total', { n }),
      }}
      expandable={{
        expandedRowKeys: failed,
        showExpandColumn: false,
        rowExpandable: (j) => j.status === 'failed' && j.error !== null,
        expandedRowRender: (j) => (
          <Alert type="error" showIcon title={<ImportErrorDetails error={j.error} />} />
        ),
      }}
      onRow={(j) =>
        ({
          'data-testid': 'import-job',
          'data-job-id': j.id,
          'data-status': j.status,
          'data-percent': j.progress.percent,
        }) as object
      }
      data-testid="import-jobs"
    />
  );
}
