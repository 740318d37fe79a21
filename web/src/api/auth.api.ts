import { requestJson } from './http';
import type { LoginResponse, User } from './types';

/** Sign-in for the console: the server sets the HttpOnly session cookie. */
export const authApi = {
  login: (username: string, password: string) =>
    requestJson<LoginResponse>('/api/v1/auth/login', {
      json: { username, password, cookie: true },
      handleUnauthorized: false,
    }),
  logout: () =>
    requestJson<void>('/api/v1/auth/logout', { method: 'POST', handleUnauthorized: false }),
  me: () => requestJson<User>('/api/v1/auth/me', { handleUnauthorized: false }),
};
