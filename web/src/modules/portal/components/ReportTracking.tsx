import { CheckCircleFilled, ClockCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/http';
import {
  portalApi,
  type PublicReportView,
  type PublicStatus,
  type Satisfaction,
} from '../../../api/portal.api';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { useResource } from '../../core/hooks/useResource';
import { formatTime } from '../../core/utils/time';
import { useLocale } from '../../i18n/hooks/useLocale';
import { useT } from '../../i18n/hooks/useT';
import { portalMessages } from '../portal.messages';

const STATUS_COLOR: Record<PublicStatus, string> = {
  received: 'blue',
  verifying: 'geekblue',
  reviewing: 'blue',
  accepted: 'purple',
  dispatched: 'magenta',
  in_progress: 'orange',
  deferred: 'volcano',
  checking: 'cyan',
  closed: 'green',
  not_accepted: 'default',
  cancelled: 'default',
};

const SATISFACTION: readonly Satisfaction[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

export interface ReportTrackingProps {
  trackingNumber: string;
}

/** A report's public status page: status, progress, what and where, and the rating. */
export function ReportTracking({ trackingNumber }: ReportTrackingProps) {
  const t = useT(portalMessages);
  const { locale } = useLocale();
  const errorText = useFeatureErrors(portalMessages);
  const r = useResource((signal) => portalApi.track(trackingNumber, signal), [trackingNumber]);
  const view = r.data;
  const name = (n: { zh: string; en: string }) => (locale === 'zh-CN' ? n.zh : n.en);

  if (r.error && !view) {
    const notFound = r.error instanceof ApiError && r.error.code === 'PUBLIC_REPORT_NOT_FOUND';
    return (
      <Result
        status={notFound ? '404' : 'warning'}
        title={notFound ? t('track.notFound') : errorText(r.error)}
        extra={<Button onClick={r.reload}>{t('track.refresh')}</Button>}
        data-testid="track-error"
      />
    );
  }
  if (!view) {
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }
  const category = view.category
    ? locale === 'en' && view.category.nameEn
      ? view.category.nameEn
      : view.category.name
    : null;
  return (
    <Flex vertical gap={12} data-testid="track-view" data-status={view.status}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('report.trackingNumber')}
            </Typography.Text>
            <Typography.Title
              level={4}
              style={{ margin: 0, letterSpacing: 1 }}
              copyable
              data-testid="track-number"
            >
              {view.trackingNumber}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('report.caseNumber', { number: view.number })}
            </Typography.Text>
          </div>
          <Flex vertical align="end" gap={6}>
            <Tag
              color={STATUS_COLOR[view.status]}
              style={{ fontSize: 14, padding: '2px 10px', marginInlineEnd: 0 }}
              data-testid="track-status"
            >
              {name(view.statusName)}
            </Tag>
            <Button size="small" icon={<ReloadOutlined />} onClick={r.reload} loading={r.loading}>
              {t('track.refresh')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      <Card size="small" title={t('track.history')}>
        <Timeline
          items={view.history.map((h, i) => ({
            key: `${h.status}-${h.at}`,
            color: i === view.history.length - 1 ? (view.finished ? 'green' : 'blue') : 'gray',
            icon:
              i === view.history.length - 1 && !view.finished ? <ClockCircleOutlined /> : undefined,
            content: (
              <div data-testid="track-step" data-status={h.status}>
                <Typography.Text strong={i === view.history.length - 1}>
                  {name(h.name)}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(h.at)}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      </Card>
      <Card size="small">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'description', label: t('track.description'), children: view.description },
            ...(category
              ? [{ key: 'category', label: t('track.category'), children: category }]
              : []),
            ...(view.address
              ? [{ key: 'address', label: t('track.address'), children: view.address }]
              : []),
            ...(view.agency
              ? [{ key: 'agency', label: t('track.agency'), children: view.agency }]
              : []),
            {
              key: 'reportedAt',
              label: t('track.reportedAt'),
              children: formatTime(view.reportedAt),
            },
            ...(view.expectedAt
              ? [
                  {
                    key: 'expectedAt',
                    label: t('track.expectedAt'),
                    children: formatTime(view.expectedAt),
                  },
                ]
              : []),
            ...(view.closedAt
              ? [
                  {
                    key: 'closedAt',
                    label: t('track.closedAt'),
                    children: formatTime(view.closedAt),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('rate.title')} data-testid="rating">
        {view.rating ? (
          <Flex gap={8} align="center" data-testid="rating-done">
            <CheckCircleFilled style={{ color: '#52c41a' }} />
            <span>{t('rate.yours', { satisfaction: t(`rate.${view.rating.satisfaction}`) })}</span>
            {view.rating.comment ? (
              <Typography.Text type="secondary">“{view.rating.comment}”</Typography.Text>
            ) : null}
          </Flex>
        ) : view.canRate ? (
          <RatingForm trackingNumber={view.trackingNumber} onRated={r.setData} />
        ) : (
          <Typography.Text type="secondary">{t('rate.afterClose')}</Typography.Text>
        )}
      </Card>
    </Flex>
  );
}

function RatingForm({
  trackingNumber,
  onRated,
}: {
  trackingNumber: string;
  onRated: (v: PublicReportView) => void;
}) {
  const t = useT(portalMessages);
  const errorText = useFeatureErrors(portalMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ satisfaction?: Satisfaction; comment?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      data-testid="rating-form"
      onFinish={(v) => {
        if (!v.satisfaction) {
          return;
        }
        setBusy(true);
        setError(null);
        portalApi
          .rate(trackingNumber, v.satisfaction, v.comment)
          .then(
            (view) => {
              void message.success(t('rate.thanks'));
              onRated(view);
            },
            (err: unknown) => setError(errorText(err)),
          )
          .finally(() => setBusy(false));
      }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form.Item
        name="satisfaction"
        label={t('rate.question')}
        rules={[{ required: true, message: t('rate.required') }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={SATISFACTION.map((s) => ({ value: s, label: t(`rate.${s}`) }))}
          data-testid="rating-satisfaction"
        />
      </Form.Item>
      <Form.Item name="comment" label={t('rate.comment')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="rating-comment" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="rating-submit">
        {t('rate.submit')}
      </Button>
    </Form>
  );
}
