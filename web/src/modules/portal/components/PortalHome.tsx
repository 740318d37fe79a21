import { CopyOutlined, FileSearchOutlined, FormOutlined, TrophyOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Result,
  Segmented,
  Skeleton,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PublicReportCreated } from '../../../api/portal.api';
import { useUrlParams } from '../../core/hooks/useUrlParams';
import { formatTime } from '../../core/utils/time';
import { useT } from '../../i18n/hooks/useT';
import { portalMessages } from '../portal.messages';
import { readMyReports, rememberMyReport } from '../utils/myReports';
import { PublicReportForm } from './PublicReportForm';

const CODE = /^[0-9A-Za-z\s-]{10,14}$/;

// The board (and its table) loads when first shown: most visitors come to report.
const PublicBoard = lazy(() => import('./PublicBoard').then((m) => ({ default: m.PublicBoard })));

const TABS = ['report', 'track', 'board'] as const;
type Tab = (typeof TABS)[number];

export const trackPath = (trackingNumber: string) =>
  `/portal/track/${encodeURIComponent(trackingNumber.trim().toUpperCase())}`;

/** The sent report's tracking code, shown large, to copy. */
function Sent({ created, onAnother }: { created: PublicReportCreated; onAnother: () => void }) {
  const t = useT(portalMessages);
  const { message } = App.useApp();
  const copy = () =>
    void navigator.clipboard
      ?.writeText(created.trackingNumber)
      .then(() => message.success(t('report.copied')));
  return (
    <Card>
      <Result
        status="success"
        title={t('report.doneTitle')}
        subTitle={t('report.doneText')}
        extra={
          <Flex vertical align="center" gap={12}>
            <Typography.Text type="secondary">{t('report.trackingNumber')}</Typography.Text>
            <Typography.Text
              strong
              style={{
                fontSize: 30,
                letterSpacing: 3,
                fontFamily: 'ui-monospace, Menlo, monospace',
              }}
              data-testid="tracking-number"
            >
              {created.trackingNumber}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('report.caseNumber', { number: created.number })}
            </Typography.Text>
            <Flex gap={8} wrap justify="center">
              <Button icon={<CopyOutlined />} onClick={copy}>
                {t('report.copy')}
              </Button>
              <Link to={trackPath(created.trackingNumber)}>
                <Button type="primary" data-testid="view-progress">
                  {t('report.viewProgress')}
                </Button>
              </Link>
            </Flex>
            <Button type="link" onClick={onAnother}>
              {t('report.another')}
            </Button>
          </Flex>
        }
      />
    </Card>
  );
}

/** Look up a report by its tracking code, or one sent from this browser. */
function TrackLookup() {
  const t = useT(portalMessages);
  const navigate = useNavigate();
  const mine = readMyReports();
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('track.title')}>
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(v: { code: string }) => void navigate(trackPath(v.code.replace(/[\s-]/g, '')))}
          data-testid="track-form"
        >
          <Form.Item
            name="code"
            label={t('track.input')}
            rules={[
              { required: true, whitespace: true, message: t('track.inputRequired') },
              { pattern: CODE, message: t('track.notFound') },
            ]}
          >
            <Input
              size="large"
              maxLength={14}
              autoCapitalize="characters"
              autoComplete="off"
              style={{ letterSpacing: 2, fontFamily: 'ui-monospace, Menlo, monospace' }}
              data-testid="track-input"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            icon={<FileSearchOutlined />}
            data-testid="track-submit"
          >
            {t('track.search')}
          </Button>
        </Form>
      </Card>
      {mine.length > 0 ? (
        <Card size="small" title={t('track.mine')}>
          <Flex vertical gap={8} data-testid="my-reports">
            {mine.map((m) => (
              <Flex key={m.trackingNumber} justify="space-between" gap={8}>
                <Link
                  to={trackPath(m.trackingNumber)}
                  style={{ fontFamily: 'ui-monospace, Menlo, monospace' }}
                >
                  {m.trackingNumber}
                </Link>
                <Typography.Text type="secondary">{formatTime(m.at)}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}

/** The portal's home: report a problem, track one, or see the published performance board. */
export function PortalHome() {
  const t = useT(portalMessages);
  const params = useUrlParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'report';
  const [created, setCreated] = useState<PublicReportCreated | null>(null);
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {t('portal.subtitle')}
      </Typography.Text>
      <Segmented
        block
        size="large"
        value={tab}
        onChange={(v) => params.set('tab', v === 'report' ? null : v)}
        options={[
          { value: 'report', label: t('portal.tabReport'), icon: <FormOutlined /> },
          { value: 'track', label: t('portal.tabTrack'), icon: <FileSearchOutlined /> },
          { value: 'board', label: t('portal.tabBoard'), icon: <TrophyOutlined /> },
        ]}
        data-testid="portal-tabs"
      />
      {tab === 'board' ? (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <PublicBoard />
        </Suspense>
      ) : tab === 'track' ? (
        <TrackLookup />
      ) : created ? (
        <Sent created={created} onAnother={() => setCreated(null)} />
      ) : (
        <PublicReportForm
          onSent={(c) => {
            rememberMyReport({
              trackingNumber: c.trackingNumber,
              number: c.number,
              at: new Date().toISOString(),
            });
            setCreated(c);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </Flex>
  );
}
