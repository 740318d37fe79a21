import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  DeleteOutlined,
  EditOutlined,
  RedoOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../../../api/http';
import { useFeatureErrors } from '../../core/hooks/useFeatureErrors';
import { formatTime } from '../../core/utils/time';
import { useT } from '../../i18n/hooks/useT';
import type { OfflineQueue } from '../hooks/useOfflineQueue';
import { inspectorMessages } from '../inspector.messages';
import type { QueuedReport } from '../utils/offlineQueue';

export interface QueueListProps {
  queue: OfflineQueue;
  /** Moves a refused report back into the report form. */
  onEdit: (item: QueuedReport) => void;
  /** Whether sent cases can be opened (a signed-in session). */
  canOpenCases: boolean;
}

/** The outbox: reports waiting on the phone, refused ones to correct, and those just sent. */
export function QueueList({ queue, onEdit, canOpenCases }: QueueListProps) {
  const t = useT(inspectorMessages);
  const errorText = useFeatureErrors(inspectorMessages);
  const pending = queue.items.filter((x) => x.status === 'pending').length;
  const failed = queue.items.length - pending;
  const stopped = queue.last?.stopped;
  return (
    <Flex vertical gap={10} data-testid="inspector-queue">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary" data-testid="queue-summary">
          {t('queue.summary', { pending, failed })}
        </Typography.Text>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          loading={queue.syncing}
          disabled={!queue.online || pending === 0}
          onClick={() => void queue.sync()}
          data-testid="queue-sync"
        >
          {queue.syncing ? t('queue.syncing') : t('queue.syncNow')}
        </Button>
      </Flex>
      {!queue.online && pending > 0 ? (
        <Alert type="warning" showIcon title={t('queue.stopped.offline')} />
      ) : stopped && pending > 0 ? (
        <Alert type="warning" showIcon title={t(`queue.stopped.${stopped}`)} />
      ) : null}
      {queue.items.length === 0 ? <Empty description={t('queue.empty')} /> : null}
      {queue.items.map((item) => (
        <Card
          key={item.clientId}
          size="small"
          data-testid="queue-item"
          data-status={item.status}
          styles={{ body: { padding: 12 } }}
        >
          <Flex justify="space-between" align="center" gap={8}>
            <Tag color={item.status === 'failed' ? 'red' : 'gold'} style={{ marginInlineEnd: 0 }}>
              {item.status === 'failed' ? t('queue.failed') : t('queue.pending')}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('queue.capturedAt', { time: formatTime(new Date(item.createdAt).toISOString()) })}{' '}
              · {t('queue.photos', { n: item.photos.length })}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>
            {item.draft.description}
          </Typography.Paragraph>
          {item.lastError && item.status === 'failed' ? (
            <Alert
              type="error"
              showIcon
              title={errorText(errorOf(item))}
              style={{ marginBottom: 8 }}
              data-testid="queue-error"
            />
          ) : null}
          <Flex gap={8} justify="flex-end" wrap>
            <Popconfirm
              title={t('queue.deleteConfirm')}
              onConfirm={() => void queue.remove(item.clientId)}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('queue.delete')}
              </Button>
            </Popconfirm>
            {item.status === 'failed' ? (
              <>
                <Button
                  icon={<EditOutlined />}
                  onClick={() => onEdit(item)}
                  data-testid="queue-edit"
                >
                  {t('queue.edit')}
                </Button>
                <Button icon={<RedoOutlined />} onClick={() => void queue.retry(item)}>
                  {t('queue.retry')}
                </Button>
              </>
            ) : null}
          </Flex>
        </Card>
      ))}
      {queue.sent.length > 0 ? (
        <Card size="small" title={t('queue.sent')} data-testid="queue-sent">
          <Flex vertical gap={6}>
            {queue.sent.map((s) => (
              <Flex
                key={s.clientId}
                gap={6}
                align="center"
                data-testid="queue-sent-item"
                data-case-number={s.number}
              >
                <CheckCircleOutlined style={{ color: '#52c41a' }} />
                {canOpenCases ? (
                  <Link to={`/cases/${encodeURIComponent(s.caseId)}`}>
                    {t('queue.sentCase', { number: s.number })}
                  </Link>
                ) : (
                  <span>{t('queue.sentCase', { number: s.number })}</span>
                )}
              </Flex>
            ))}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}

/** The stored error of a refused report as an API error, for the translated message. */
function errorOf(item: QueuedReport): ApiError {
  return new ApiError(400, item.lastError?.code ?? 'HTTP_400', item.lastError?.message ?? '');
}
