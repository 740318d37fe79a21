import { Alert, Card, Flex, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { coreMessages } from '../modules/core/core.messages';
import { useT } from '../modules/i18n/hooks/useT';
import { LoginForm } from '../modules/session/components/LoginForm';
import { useSession } from '../modules/session/hooks/useSession';
import { sessionMessages } from '../modules/session/session.messages';
import { safeNext } from '../modules/session/utils/safeNext';
import { LanguageSwitch } from '../modules/shell/components/LanguageSwitch';

/** Sign-in; afterwards the user returns to the route they wanted, or their home page. */
export function LoginPage() {
  const t = useT(sessionMessages);
  const tc = useT(coreMessages);
  const { status, reason, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next')) ?? '/';

  if (status === 'signed-in') {
    return <Navigate to={next} replace />;
  }
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: 'linear-gradient(160deg, #e8f0fe 0%, #f5f7fa 55%, #e6f4ea 100%)',
      }}
    >
      <div style={{ position: 'fixed', top: 12, right: 12 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 28 } }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 20 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {tc('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.title')}</Typography.Text>
        </Flex>
        {reason === 'expired' ? (
          <Alert
            type="warning"
            showIcon
            title={t('login.expired')}
            style={{ marginBottom: 16 }}
            data-testid="session-expired"
          />
        ) : null}
        {reason === 'signed-out' ? (
          <Alert
            type="success"
            showIcon
            title={t('login.signedOut')}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <LoginForm
          onSignedIn={(user) => {
            signIn(user);
            void navigate(next, { replace: true });
          }}
        />
      </Card>
    </Flex>
  );
}
