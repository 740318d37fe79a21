import { Flex, Typography } from 'antd';
import { ApiError } from '../../../api/http';
import type { ImportJobError } from '../../../api/imports.api';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useLocale } from '../../i18n/hooks/useLocale';
import { useT } from '../../i18n/hooks/useT';
import { importsMessages } from '../imports.messages';
import { missingColumns } from '../utils/importFile';

export interface ImportErrorDetailsProps {
  /** A refused upload (ApiError) or a failed job's error. */
  error: unknown;
}

function asApiError(error: unknown): unknown {
  if (error instanceof ApiError || typeof error !== 'object' || error === null) {
    return error;
  }
  const e = error as Partial<ImportJobError>;
  return typeof e.code === 'string'
    ? new ApiError(0, e.code, e.message ?? '', e.details)
    : new Error(typeof e.message === 'string' ? e.message : JSON.stringify(error));
}

/**
 * What went wrong with an upload or a job, in the user's language, with the server's code
 * (and HTTP status) to quote to support; the missing columns of a bad header row; the
 * server's own words when they say more than the code (an unreadable file).
 */
export function ImportErrorDetails({ error }: ImportErrorDetailsProps) {
  const t = useT(importsMessages);
  const { locale } = useLocale();
  const errorText = useFeatureErrors(importsMessages);
  const e = asApiError(error);
  const columns = e instanceof ApiError ? missingColumns(e.details) : [];
  return (
    <Flex vertical gap={2} data-testid="import-error">
      <span>
        {errorText(e)}{' '}
        {e instanceof ApiError ? (
          <Typography.Text code data-testid="import-error-code">
            {e.status > 0 ? `${e.status} ${e.code}` : e.code}
          </Typography.Text>
        ) : null}
      </span>
      {columns.length > 0 ? (
        <Typography.Text data-testid="import-error-columns">
          {t('job.missingColumns', { columns: columns.join(locale === 'zh-CN' ? '、' : ', ') })}
        </Typography.Text>
      ) : null}
      {e instanceof ApiError && e.code === 'IMPORT_FILE_UNREADABLE' && e.message ? (
        <Typography.Text type="secondary">
          {t('job.serverSays', { message: e.message })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
