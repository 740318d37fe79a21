import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { authApi } from '../../../api/auth.api';
import type { User } from '../../../api/types';
import { useApiErrors } from '../../core/hooks/useApiErrors';
import { useT } from '../../i18n/hooks/useT';
import { sessionMessages } from '../session.messages';

export interface LoginFormProps {
  /** Called with the user once the server has set the session cookie. */
  onSignedIn: (user: User) => void;
}

interface LoginValues {
  username: string;
  password: string;
}

/** Username and password; the session token stays in an HttpOnly cookie, never in storage. */
export function LoginForm({ onSignedIn }: LoginFormProps) {
  const t = useT(sessionMessages);
  const { errorText } = useApiErrors();
  const [form] = Form.useForm<LoginValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const handleFinish = async (v: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const res = await authApi.login(v.username.trim(), v.password);
      onSignedIn(res.user);
    } catch (err) {
      setError(errorText(err));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<LoginValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => void handleFinish(v)}
      data-testid="login-form"
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={t('login.failed')}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      ) : null}
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
