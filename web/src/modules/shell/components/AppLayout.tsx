import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Progress, Space, theme, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useMatches, useNavigation } from 'react-router';
import { coreMessages } from '../../core/core.messages';
import { useLocale } from '../../i18n/hooks/useLocale';
import { useT } from '../../i18n/hooks/useT';
import { useSession } from '../../session/hooks/useSession';
import { shellMessages } from '../shell.messages';
import { navRoutesFor, type ConsoleRoute } from '../utils/consoleRoute';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';
import { useScreens } from '../../core/hooks/useScreens';

const COLLAPSE_KEY = 'cityloop.menuCollapsed';

export interface AppLayoutProps {
  routes: readonly ConsoleRoute[];
}

/** The matched registry route of the current page (set as `handle` by the router). */
function useCurrentRoute(): ConsoleRoute | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const h = matches[i]?.handle as { consoleRoute?: ConsoleRoute } | undefined;
    if (h?.consoleRoute) {
      return h.consoleRoute;
    }
  }
  return undefined;
}

/**
 * The console frame: side menu with the user's workspaces (a drawer on phones), header with
 * language and user menu, and the page. Sets the browser tab title.
 */
export function AppLayout({ routes }: AppLayoutProps) {
  const { user } = useSession();
  const { locale } = useLocale();
  const t = useT(shellMessages);
  const tc = useT(coreMessages);
  const screens = useScreens();
  const mobile = !screens.lg;
  const { token } = theme.useToken();
  const navigation = useNavigation();
  const current = useCurrentRoute();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');

  const nav = useMemo(() => navRoutesFor(routes, user?.roles ?? []), [routes, user]);
  const items = nav.map((r) => ({
    key: r.id,
    icon: r.nav?.icon,
    label: (
      <Link to={r.path} data-testid={`nav-${r.id}`} onClick={() => setDrawerOpen(false)}>
        {r.title(locale)}
      </Link>
    ),
  }));

  useEffect(() => {
    const page = current?.title(locale);
    document.title = page ? `${page} · ${tc('app.short')}` : tc('app.name');
  }, [current, locale, tc]);

  const toggleCollapsed = () => {
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSE_KEY, c ? '0' : '1');
      return !c;
    });
  };

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={current ? [current.id] : []}
      items={items}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile ? (
        <Layout.Sider
          theme="light"
          width={208}
          collapsed={collapsed}
          collapsedWidth={64}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <div
            style={{
              height: 56,
              display: 'flex',
              alignItems: 'center',
              justifyContent: collapsed ? 'center' : 'flex-start',
              paddingInline: collapsed ? 0 : 20,
              gap: 10,
              overflow: 'hidden',
              whiteSpace: 'nowrap',
            }}
          >
            <img src="/favicon.svg" alt="" width={28} height={28} />
            {!collapsed ? (
              <Typography.Text strong style={{ fontSize: 15 }}>
                {tc('app.short')}
              </Typography.Text>
            ) : null}
          </div>
          {menu}
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={tc('app.name')}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: mobile ? 8 : 16,
            height: 56,
            lineHeight: '56px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Button
            type="text"
            aria-label={
              mobile ? t('header.menu') : t(collapsed ? 'header.expand' : 'header.collapse')
            }
            data-testid="menu-toggle"
            icon={
              mobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />
            }
            onClick={mobile ? () => setDrawerOpen(true) : toggleCollapsed}
          />
          <Typography.Text
            strong
            ellipsis
            style={{ flex: 1, minWidth: 0, fontSize: mobile ? 15 : 16 }}
            data-testid="page-title"
          >
            {current?.title(locale) ?? tc('app.name')}
          </Typography.Text>
          <Space size={mobile ? 4 : 12}>
            <LanguageSwitch size={mobile ? 'small' : 'middle'} />
            <UserMenu />
          </Space>
        </Layout.Header>
        {navigation.state === 'loading' ? (
          <Progress
            percent={100}
            status="active"
            showInfo={false}
            size={{ height: 2 }}
            style={{ position: 'absolute', top: 54, left: 0, right: 0, zIndex: 11, margin: 0 }}
          />
        ) : null}
        <Layout.Content style={{ padding: mobile ? 8 : 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
