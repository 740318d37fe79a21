import { Flex, Spin } from 'antd';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RequireRole } from '../modules/session/components/RequireRole';
import { RequireSession } from '../modules/session/components/RequireSession';
import { SessionProvider } from '../modules/session/components/SessionProvider';
import { AppLayout } from '../modules/shell/components/AppLayout';
import type { ConsoleRoute } from '../modules/shell/utils/consoleRoute';
import { HomeRedirect } from './HomeRedirect';
import { RouteError } from './RouteError';
import { CONSOLE_ROUTES } from './routes';

/** A registry entry as a react-router route: lazy page, role guard, registry entry as handle. */
function toRoute(r: ConsoleRoute): RouteObject {
  return {
    path: r.path,
    handle: { consoleRoute: r },
    errorElement: <RouteError />,
    lazy: async () => {
      const Page = await r.load();
      return {
        element:
          r.layout === 'public' ? (
            <Page />
          ) : (
            <RequireRole roles={r.roles}>
              <Page />
            </RequireRole>
          ),
      };
    },
  };
}

const fallback = (
  <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
    <Spin size="large" />
  </Flex>
);

/** The console's routes: public pages, full-screen pages and the framed workspaces. */
export function buildRoutes(routes: readonly ConsoleRoute[] = CONSOLE_ROUTES): RouteObject[] {
  return [
    {
      element: (
        <SessionProvider>
          <Outlet />
        </SessionProvider>
      ),
      hydrateFallbackElement: fallback,
      errorElement: <RouteError />,
      children: [
        { path: '/login', element: <LoginPage /> },
        ...routes.filter((r) => r.layout === 'public').map(toRoute),
        {
          element: (
            <RequireSession>
              <Outlet />
            </RequireSession>
          ),
          children: routes.filter((r) => r.layout === 'fullscreen').map(toRoute),
        },
        {
          element: (
            <RequireSession>
              <AppLayout routes={routes} />
            </RequireSession>
          ),
          children: [
            { index: true, element: <HomeRedirect /> },
            ...routes.filter((r) => r.layout === 'console').map(toRoute),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}

export function createConsoleRouter() {
  return createBrowserRouter(buildRoutes());
}
