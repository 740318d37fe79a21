import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { useSession } from '../../session/hooks/useSession';
import { shellMessages } from '../shell.messages';
import { useScreens } from '../../core/hooks/useScreens';

/** The signed-in user's name and roles, and sign-out. */
export function UserMenu() {
  const { user, signOut } = useSession();
  const t = useT(shellMessages);
  const labels = useLabels();
  const navigate = useNavigate();
  const screens = useScreens();
  const { message } = App.useApp();
  if (!user) {
    return null;
  }
  const roles = labels.list(user.roles.map((r) => labels.role(r)));
  const handleLogout = async () => {
    // The next user should not see this user's notices.
    message.destroy();
    await signOut();
    void navigate('/login', { replace: true });
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'roles',
            disabled: true,
            label: (
              <Typography.Text type="secondary">{t('header.roles', { roles })}</Typography.Text>
            ),
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('header.logout')}</span>,
            onClick: () => void handleLogout(),
          },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ color: 'inherit', paddingInline: 4 }}>
        <Space size={6}>
          <Avatar size="small" icon={<UserOutlined />} />
          {screens.sm ? <span>{user.displayName}</span> : null}
        </Space>
      </Button>
    </Dropdown>
  );
}
