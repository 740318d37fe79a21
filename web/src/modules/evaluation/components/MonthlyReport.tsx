import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { evaluationApi } from '../../../api/evaluation.api';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { saveBlob } from '../../core/utils/saveBlob';
import { useT } from '../../i18n/hooks/useT';
import { evaluationMessages } from '../evaluation.messages';

/** The monthly evaluation report (月度综合评价报告) of a month, as Excel or PDF. */
export function MonthlyReport({ defaultMonth }: { defaultMonth: string }) {
  const t = useT(evaluationMessages);
  const errorText = useFeatureErrors(evaluationMessages);
  const [month, setMonth] = useState(defaultMonth);
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    setError(null);
    try {
      saveBlob(
        await evaluationApi.monthlyReport(month, format),
        `cityloop-report-${month}.${format}`,
      );
    } catch (err) {
      setError(t('report.failed', { message: errorText(err) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={t('report.title')} style={{ maxWidth: 720 }}>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('report.intro')}
        </Typography.Paragraph>
        <Flex wrap gap={12} align="center">
          <Typography.Text>{t('report.month')}</Typography.Text>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            data-testid="report-month"
          />
          <Button
            icon={<FileExcelOutlined />}
            loading={busy === 'xlsx'}
            disabled={busy !== null}
            onClick={() => void download('xlsx')}
            data-testid="report-xlsx"
          >
            {t('report.xlsx')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            loading={busy === 'pdf'}
            disabled={busy !== null}
            onClick={() => void download('pdf')}
            data-testid="report-pdf"
          >
            {t('report.pdf')}
          </Button>
        </Flex>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
    </Card>
  );
}
