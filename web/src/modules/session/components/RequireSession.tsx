import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useT } from '../../i18n/hooks/useT';
import { useSession } from '../hooks/useSession';
import { sessionMessages } from '../session.messages';
import { loginPathFor } from '../utils/safeNext';

export interface RequireSessionProps {
  children: ReactNode;
}

/**
 * Shows its children to a signed-in user; others go to the login page, keeping the route they
 * wanted (except after signing out).
 */
export function RequireSession({ children }: RequireSessionProps) {
  const { status, reason, recheck } = useSession();
  const location = useLocation();
  const t = useT(sessionMessages);
  if (status === 'loading') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t('loading.session')} />
      </Flex>
    );
  }
  if (status === 'signed-out' && reason === 'unreachable') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Result
          status="warning"
          title={t('unreachable.title')}
          subTitle={t('unreachable.text')}
          extra={
            <Button type="primary" onClick={recheck} data-testid="session-retry">
              {t('unreachable.retry')}
            </Button>
          }
        />
      </Flex>
    );
  }
  if (status === 'signed-out') {
    // After a deliberate sign-out the next user starts at their own home page.
    const to =
      reason === 'signed-out' ? '/login' : loginPathFor(location.pathname, location.search);
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}
