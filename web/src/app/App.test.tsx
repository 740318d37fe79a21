import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../modules/i18n/components/LocaleProvider';
import { buildRoutes } from './router';

const CLERK = {
  id: 'u1',
  username: 'clerk',
  displayName: '李晓梅',
  roles: ['intake_clerk'],
  unitId: null,
  scope: { level: 'city', regionId: null, unitId: null },
  phone: null,
  active: true,
};

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

/** Navigations load the page's chunk first (lazy routes): give them time under jsdom. */
const SLOW = { timeout: 10_000 };

/**
 * A fake API: `signedIn` decides /auth/me; `expireNext` makes the next case list call a 401;
 * `down` makes every call fail as a network error does.
 */
const api = { signedIn: false, expireNext: false, down: false };

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : input.toString();
  if (api.down) {
    return Promise.reject(new TypeError('Failed to fetch'));
  }
  if (url.startsWith('/api/v1/auth/me')) {
    return api.signedIn
      ? json(200, CLERK)
      : json(401, { error: { code: 'AUTH_REQUIRED', message: 'Sign in first' } });
  }
  if (url.startsWith('/api/v1/auth/login')) {
    const body = JSON.parse(init?.body as string) as { password: string; cookie: boolean };
    if (body.password !== 'right' || body.cookie !== true) {
      return json(401, { error: { code: 'AUTH_INVALID_CREDENTIALS', message: 'Wrong' } });
    }
    api.signedIn = true;
    return json(200, { token: 'never-stored', expiresAt: '2099-01-01T00:00:00Z', user: CLERK });
  }
  if (url.startsWith('/api/v1/cases')) {
    if (api.expireNext) {
      api.expireNext = false;
      return json(401, { error: { code: 'AUTH_SESSION_EXPIRED', message: 'expired' } });
    }
    return json(200, { items: [], page: 1, pageSize: 20, total: 0 });
  }
  return json(200, { items: [] });
}

function renderAt(path: string) {
  const router = createMemoryRouter(buildRoutes(), { initialEntries: [path] });
  render(
    <LocaleProvider>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </LocaleProvider>,
  );
  return router;
}

async function signIn(password: string) {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: 'clerk' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

beforeEach(() => {
  api.signedIn = false;
  api.expireNext = false;
  api.down = false;
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('console shell', () => {
  it('sends a signed-out user to the login page, then back to the intended route', async () => {
    const router = renderAt('/cases?q=abc');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'), SLOW);
    expect(router.state.location.search).toBe('?next=%2Fcases%3Fq%3Dabc');
    await signIn('right');
    await waitFor(() => expect(router.state.location.pathname).toBe('/cases'), SLOW);
    expect(router.state.location.search).toBe('?q=abc');
    expect(localStorage.length).toBe(0);
  });

  it('does not sign out when the server cannot be reached, and carries on when it is back', async () => {
    api.signedIn = true;
    api.down = true;
    const router = renderAt('/cases?q=abc');
    expect(await screen.findByText('无法连接服务器', {}, SLOW)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/cases');
    api.down = false;
    fireEvent.click(screen.getByTestId('session-retry'));
    await waitFor(() => expect(screen.queryByText('无法连接服务器')).toBeNull(), SLOW);
    expect(router.state.location.pathname).toBe('/cases');
    expect(router.state.location.search).toBe('?q=abc');
  });

  it('says why a login failed and keeps the username', async () => {
    renderAt('/login');
    await signIn('wrong');
    expect(await screen.findByText('用户名或密码错误。')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('用户名').value).toBe('clerk');
  });

  it('lands a clerk on the intake desk with the clerk menu', async () => {
    api.signedIn = true;
    const router = renderAt('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/intake'), SLOW);
    fireEvent.click(await screen.findByTestId('menu-toggle'));
    expect(await screen.findByTestId('nav-new-report', {}, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('nav-dispatch')).toBeNull();
  });

  it('refuses a workspace of another role', async () => {
    api.signedIn = true;
    renderAt('/dispatch');
    expect(await screen.findByText('无权访问', {}, SLOW)).toBeTruthy();
  });

  it('switches the language (antd too) and remembers it', async () => {
    renderAt('/login');
    expect(await screen.findByLabelText('用户名')).toBeTruthy();
    fireEvent.click(screen.getByText('EN'));
    expect(await screen.findByLabelText('Username')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('cityloop.locale')).toBe('en');
  });

  it('goes back to login with a message when the session expires, keeping the route', async () => {
    api.signedIn = true;
    const router = renderAt('/cases');
    await waitFor(() => expect(router.state.location.pathname).toBe('/cases'), SLOW);
    const search = await screen.findByTestId('filter-search', {}, SLOW);
    api.expireNext = true;
    await act(async () => {
      fireEvent.click(search);
      await Promise.resolve();
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'), SLOW);
    expect(router.state.location.search).toBe('?next=%2Fcases');
    expect(await screen.findByTestId('session-expired', {}, SLOW)).toBeTruthy();
  });
});
