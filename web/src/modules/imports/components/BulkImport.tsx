import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Typography } from 'antd';
import { coreMessages } from '../../core/core.messages';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useT } from '../../i18n/hooks/useT';
import { IMPORT_POLL_MS, useImportJobs } from '../hooks/useImportJobs';
import { importsMessages } from '../imports.messages';
import { ImportForm } from './ImportForm';
import { ImportJobTable } from './ImportJobTable';

export interface BulkImportProps {
  /** How often running jobs are polled (tests shorten it). */
  pollMs?: number;
}

/**
 * Bulk import (批量导入): upload an .xlsx or CSV file of 12345 orders or historical cases,
 * then follow the job live (progress, counts) and download its per-row results.
 */
export function BulkImport({ pollMs = IMPORT_POLL_MS }: BulkImportProps) {
  const t = useT(importsMessages);
  const tc = useT(coreMessages);
  const { errorText } = useApiErrors();
  const jobs = useImportJobs(pollMs);

  return (
    <Row gutter={[16, 16]} data-testid="bulk-import">
      <Col xs={24} xl={8} xxl={6}>
        <Card size="small" title={t('upload.title')}>
          <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
          <ImportForm onStarted={jobs.add} />
        </Card>
      </Col>
      <Col xs={24} xl={16} xxl={18}>
        <Card
          size="small"
          title={t('jobs.title')}
          extra={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={jobs.reload}
              loading={jobs.loading && jobs.jobs.length > 0}
              data-testid="import-jobs-reload"
            >
              {tc('common.reload')}
            </Button>
          }
        >
          {jobs.error ? (
            <Alert
              type="error"
              showIcon
              title={tc('error.load', { message: errorText(jobs.error) })}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <ImportJobTable jobs={jobs.jobs} loading={jobs.loading} />
        </Card>
      </Col>
    </Row>
  );
}
