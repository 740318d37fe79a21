import { CompassOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import type { InspectorTask } from '../../../api/inspector.api';
import { TrafficLight } from '../../cases/components/TrafficLight';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { formatTime } from '../../core/utils/time';
import { useT } from '../../i18n/hooks/useT';
import { useMatters } from '../../reference/hooks/useMatters';
import type { Offline } from '../hooks/useInspectorTasks';
import { inspectorMessages } from '../inspector.messages';
import { navigationUrl } from '../utils/navigation';

export interface TaskListProps {
  tasks: Offline<InspectorTask[]>;
  onOpen: (task: InspectorTask) => void;
}

/** The traffic light of a task, in the shape the case light reads. */
export function taskLight(task: InspectorTask) {
  return {
    state: task.state,
    handling: null,
    stage: {
      name: task.task,
      startedAt: null,
      deadline: task.deadline,
      limit: null,
      overdue: task.overdue,
      light: task.light,
      usedRatio: task.usedRatio,
    },
  };
}

/** The verify and check tasks of the inspector's grids, soonest deadline first. */
export function TaskList({ tasks, onOpen }: TaskListProps) {
  const t = useT(inspectorMessages);
  const matters = useMatters();
  const { errorText } = useApiErrors();
  const items = tasks.data ?? [];
  if (tasks.loading && !tasks.data) {
    return <Skeleton active paragraph={{ rows: 6 }} />;
  }
  return (
    <Flex vertical gap={10} data-testid="inspector-tasks">
      {tasks.savedAt ? (
        <Alert
          type="warning"
          showIcon
          title={t('tasks.offline', { time: formatTime(tasks.savedAt) })}
        />
      ) : null}
      {tasks.error ? (
        <Alert
          type="error"
          showIcon
          title={t('tasks.loadFailed', { message: errorText(tasks.error) })}
        />
      ) : null}
      {items.length === 0 && !tasks.error ? (
        <Empty description={t('tasks.empty')} style={{ marginTop: 48 }} />
      ) : (
        <Typography.Text type="secondary">{t('tasks.count', { n: items.length })}</Typography.Text>
      )}
      {items.map((task) => (
        <Card
          key={task.caseId}
          size="small"
          data-testid="inspector-task"
          data-case-number={task.number}
          data-task={task.task}
          styles={{ body: { padding: 12 } }}
        >
          <Flex justify="space-between" align="center" gap={8}>
            <Flex gap={6} align="center" style={{ minWidth: 0 }}>
              <Tag
                color={task.task === 'verify' ? 'geekblue' : 'lime'}
                style={{ marginInlineEnd: 0 }}
              >
                {t(task.task === 'verify' ? 'task.verify' : 'task.check')}
              </Tag>
              <Typography.Text strong ellipsis>
                {task.number}
              </Typography.Text>
            </Flex>
            <TrafficLight kase={taskLight(task)} />
          </Flex>
          {task.matterCode ? (
            <Typography.Text
              type="secondary"
              style={{ display: 'block', marginTop: 6, fontSize: 13 }}
            >
              {matters.label(task.matterCode)}
            </Typography.Text>
          ) : null}
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>
            {task.description}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[task.address, t('task.grid', { code: task.location.gridCode })]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
          <Flex gap={8} style={{ marginTop: 10 }}>
            <Button
              href={navigationUrl(task.location.lng, task.location.lat, task.number)}
              icon={<CompassOutlined />}
              data-testid="task-navigate"
            >
              {t('task.navigate')}
            </Button>
            <Button
              type="primary"
              style={{ flex: 1 }}
              onClick={() => onOpen(task)}
              data-testid="task-open"
              icon={<RightOutlined />}
              iconPlacement="end"
            >
              {t('task.open')}
            </Button>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
