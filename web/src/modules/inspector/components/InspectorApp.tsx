import {
  ArrowLeftOutlined,
  CameraOutlined,
  CloudUploadOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { Alert, Badge, Button, Flex, Spin, Tag, theme, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { authApi } from '../../../api/auth.api';
import { RequireRole } from '../../session/components/RequireRole';
import { useSession } from '../../session/hooks/useSession';
import { loginPathFor } from '../../session/utils/safeNext';
import { LanguageSwitch } from '../../shell/components/LanguageSwitch';
import { UserMenu } from '../../shell/components/UserMenu';
import { useT } from '../../i18n/hooks/useT';
import { useInspectorGrids, useInspectorTasks } from '../hooks/useInspectorTasks';
import { useOfflineQueue } from '../hooks/useOfflineQueue';
import { useOnline } from '../hooks/useOnline';
import { inspectorMessages } from '../inspector.messages';
import { readSnapshot, writeSnapshot } from '../utils/idbQueueStore';
import { installInspectorApp } from '../utils/installApp';
import type { QueuedReport, ReportDraft } from '../utils/offlineQueue';
import { QueueList } from './QueueList';
import { ReportForm } from './ReportForm';
import { TaskDetail } from './TaskDetail';
import { TaskList } from './TaskList';

/** Who used the app last on this phone: lets it open offline, when the session cannot be asked. */
interface Profile {
  id: string;
  displayName: string;
}
const PROFILE = 'profile';

type Tab = 'tasks' | 'report' | 'queue';
const TABS: readonly Tab[] = ['tasks', 'report', 'queue'];

/**
 * The inspector's app (mobile first, installable): tasks, reporting and the outbox. It runs
 * with the session when the server can be asked, and in offline mode with the last signed-in
 * inspector of this phone when it cannot (reports are queued; they are sent after sign-in).
 */
export function InspectorApp() {
  const { status, user, reason, signIn } = useSession();
  const online = useOnline();
  const location = useLocation();
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  const isInspector = user?.roles.includes('inspector') ?? false;

  useEffect(() => installInspectorApp(), []);

  useEffect(() => {
    if (status === 'signed-in' && user && isInspector) {
      void writeSnapshot<Profile>(PROFILE, { id: user.id, displayName: user.displayName }).catch(
        () => undefined,
      );
    }
    if (status === 'signed-out') {
      // After a deliberate sign-out the phone forgets its inspector.
      const forget =
        reason === 'signed-out' ? writeSnapshot<Profile | null>(PROFILE, null) : Promise.resolve();
      void forget
        .then(() => readSnapshot<Profile | null>(PROFILE))
        .then(
          (p) => setProfile(p ?? null),
          () => setProfile(null),
        );
    }
  }, [status, user, isInspector, reason]);

  // Offline mode, and the network is back: ask for the session again.
  useEffect(() => {
    // (An unreachable server is the session provider's to ask again.)
    if (status !== 'signed-out' || !online || !profile || reason === 'unreachable') {
      return;
    }
    let live = true;
    authApi.me().then(
      (u) => live && signIn(u),
      () => live && setProfile(null),
    );
    return () => {
      live = false;
    };
  }, [status, online, profile, signIn, reason]);

  if (status === 'loading' || (status === 'signed-out' && profile === undefined)) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100dvh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (status === 'signed-out') {
    // Offline mode: no network, or a network without the server (the session is unknown).
    if ((!online || reason === 'unreachable') && profile) {
      return <InspectorShell userId={profile.id} offlineName={profile.displayName} />;
    }
    const to =
      reason === 'signed-out' ? '/login' : loginPathFor(location.pathname, location.search);
    return <Navigate to={to} replace />;
  }
  return (
    <RequireRole roles={['inspector']}>
      <InspectorShell userId={user?.id ?? null} />
    </RequireRole>
  );
}

interface ShellProps {
  userId: string | null;
  /** Offline mode: the name of the phone's last inspector (no session). */
  offlineName?: string;
}

function InspectorShell({ userId, offlineName }: ShellProps) {
  const t = useT(inspectorMessages);
  const { token } = theme.useToken();
  const [params, setParams] = useSearchParams();
  /** Page state in the URL (reloads keep it): the tab and the open task. */
  const go = (next: { tab?: Tab; task?: string | null }) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        const tabNext = next.tab ?? ((q.get('tab') as Tab | null) || 'tasks');
        if (tabNext === 'tasks') {
          q.delete('tab');
        } else {
          q.set('tab', tabNext);
        }
        if (next.task) {
          q.set('task', next.task);
        } else {
          q.delete('task');
        }
        return q;
      },
      { replace: true },
    );
  const online = useOnline();
  // Offline mode reads both from what the phone kept of the last session.
  const tasks = useInspectorTasks(userId, online);
  const grids = useInspectorGrids(userId);
  const queue = useOfflineQueue(userId, { onSent: () => tasks.reload() });
  const [editing, setEditing] = useState<QueuedReport | null>(null);
  const gridsReady = grids.data !== undefined || !grids.loading;
  const tabParam = params.get('tab') as Tab | null;
  const tab: Tab = tabParam && TABS.includes(tabParam) ? tabParam : 'tasks';
  const taskId = params.get('task');
  const task = taskId ? tasks.data?.find((x) => x.caseId === taskId) : undefined;
  const setTab = (next: Tab) => go({ tab: next, task: null });

  const submitReport = async (draft: ReportDraft, photos: File[]) => {
    await queue.enqueue(draft, photos);
    if (editing) {
      await queue.remove(editing.clientId);
      setEditing(null);
    }
  };

  let body: ReactNode;
  if (tab === 'tasks' && task) {
    body = (
      <TaskDetail
        key={task.caseId}
        task={task}
        grids={grids.data ?? []}
        gridsReady={gridsReady}
        online={online}
        onDone={() => {
          go({ task: null });
          tasks.reload();
        }}
      />
    );
  } else if (tab === 'tasks') {
    body = <TaskList tasks={tasks} onOpen={(x) => go({ tab: 'tasks', task: x.caseId })} />;
  } else if (tab === 'report') {
    body = (
      <ReportForm
        grids={grids.data ?? []}
        gridsReady={gridsReady}
        online={online}
        editing={editing}
        onCancelEdit={() => setEditing(null)}
        onSubmit={submitReport}
      />
    );
  } else {
    body = (
      <QueueList
        queue={queue}
        canOpenCases={!offlineName}
        onEdit={(item) => {
          setEditing(item);
          setTab('report');
        }}
      />
    );
  }

  const pendingCount = queue.items.length;
  const nav: { key: Tab; icon: ReactNode; label: string; count: number }[] = [
    {
      key: 'tasks',
      icon: <ScheduleOutlined />,
      label: t('tab.tasks'),
      count: tasks.data?.length ?? 0,
    },
    { key: 'report', icon: <CameraOutlined />, label: t('tab.report'), count: 0 },
    { key: 'queue', icon: <CloudUploadOutlined />, label: t('tab.queue'), count: pendingCount },
  ];

  return (
    <div
      style={{
        minHeight: '100dvh',
        background: token.colorBgLayout,
        display: 'flex',
        flexDirection: 'column',
      }}
      data-testid="inspector-app"
      data-online={online ? 'true' : 'false'}
    >
      <header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 20,
          height: 52,
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: '0 8px 0 12px',
          background: token.colorPrimary,
          color: '#fff',
        }}
      >
        {task ? (
          <Button
            type="text"
            icon={<ArrowLeftOutlined style={{ color: '#fff' }} />}
            onClick={() => go({ task: null })}
            aria-label={t('tab.tasks')}
            data-testid="task-back"
          />
        ) : (
          <img
            src="/favicon.svg"
            alt=""
            width={26}
            height={26}
            style={{ borderRadius: 6, border: '1px solid #ffffff66' }}
          />
        )}
        <Typography.Text
          strong
          ellipsis
          style={{ color: '#fff', fontSize: 16, flex: 1, minWidth: 0 }}
        >
          {task
            ? t(task.task === 'verify' ? 'task.title.verify' : 'task.title.check', {
                number: task.number,
              })
            : t('app.title')}
        </Typography.Text>
        <Tag
          color={online ? 'green' : 'orange'}
          style={{ marginInlineEnd: 0 }}
          data-testid="online-state"
        >
          {online ? t('app.online') : t('app.offline')}
        </Tag>
        <LanguageSwitch size="small" />
        <div style={{ color: '#fff' }}>
          <UserMenu />
        </div>
      </header>
      {offlineName ? (
        <Alert type="warning" banner title={t('app.offlineNoSession', { name: offlineName })} />
      ) : !online ? (
        <Alert type="warning" banner title={t('app.offlineMode')} data-testid="offline-banner" />
      ) : null}
      <main
        style={{
          flex: 1,
          width: '100%',
          maxWidth: 560,
          margin: '0 auto',
          padding: '12px 12px 84px',
          boxSizing: 'border-box',
        }}
      >
        {body}
      </main>
      <nav
        style={{
          position: 'fixed',
          left: 0,
          right: 0,
          bottom: 0,
          zIndex: 20,
          display: 'flex',
          background: token.colorBgContainer,
          borderTop: `1px solid ${token.colorBorderSecondary}`,
          paddingBottom: 'env(safe-area-inset-bottom)',
        }}
      >
        {nav.map((n) => {
          const active = n.key === tab;
          return (
            <button
              key={n.key}
              type="button"
              onClick={() => setTab(n.key)}
              data-testid={`inspector-tab-${n.key}`}
              aria-current={active ? 'page' : undefined}
              style={{
                flex: 1,
                height: 60,
                border: 'none',
                background: 'transparent',
                color: active ? token.colorPrimary : token.colorTextSecondary,
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                justifyContent: 'center',
                gap: 2,
                fontSize: 12,
                cursor: 'pointer',
                fontFamily: 'inherit',
              }}
            >
              <Badge count={n.count} size="small" offset={[6, 0]}>
                <span
                  style={{
                    fontSize: 20,
                    color: active ? token.colorPrimary : token.colorTextSecondary,
                  }}
                >
                  {n.icon}
                </span>
              </Badge>
              <span style={{ fontWeight: active ? 600 : 400 }}>{n.label}</span>
            </button>
          );
        })}
      </nav>
    </div>
  );
}
