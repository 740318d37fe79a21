import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser, seedTinyCity, TEST_PASSWORD } from '../../../test/factories';

describe('auth API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedTinyCity(t);
    await buildUser(t, { username: 'clerk', roles: ['intake_clerk'] });
    await buildUser(t, { username: 'victim', roles: ['intake_clerk'] });
  });
  afterAll(() => t.close());

  describe('POST /api/v1/auth/login', () => {
    it('rejects malformed JSON with 400 REQUEST_MALFORMED_JSON', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": "clerk",',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('REQUEST_MALFORMED_JSON');
      expect(res.json().requestId).toBeTruthy();
    });

    it('names each invalid field', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 42 },
      });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      const paths = body.error.details.map((d: { path: string }) => d.path).sort();
      expect(paths).toEqual(['body.password', 'body.username']);
    });

    it('rejects unknown fields', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'clerk', password: TEST_PASSWORD, remember: true },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({ path: 'body.remember', code: 'unknown_field' }),
      ]);
    });

    it('rejects an oversized body with 413', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'clerk', password: 'x'.repeat(2_000_000) },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('REQUEST_BODY_TOO_LARGE');
    });

    it('signs in, serves /me, and logout revokes the token', async () => {
      const token = await login(t, 'clerk');
      const me = await t.req({ method: 'GET', url: '/api/v1/auth/me', token });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ username: 'clerk', roles: ['intake_clerk'] });
      expect(me.json()).not.toHaveProperty('passwordHash');
      const out = await t.req({ method: 'POST', url: '/api/v1/auth/logout', token });
      expect(out.statusCode).toBe(204);
      const again = await t.req({ method: 'GET', url: '/api/v1/auth/me', token });
      expect(again.statusCode).toBe(401);
      expect(again.json().error.code).toBe('AUTH_SESSION_EXPIRED');
    });

    it('sets an HttpOnly cookie when asked, and the cookie authenticates', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'clerk', password: TEST_PASSWORD, cookie: true },
      });
      const setCookie = String(res.headers['set-cookie']);
      expect(setCookie).toMatch(/cityloop_session=/);
      expect(setCookie).toMatch(/HttpOnly/);
      const value = /cityloop_session=([^;]+)/.exec(setCookie)![1]!;
      const me = await t.req({
        method: 'GET',
        url: '/api/v1/auth/me',
        cookies: { cityloop_session: value },
      });
      expect(me.statusCode).toBe(200);
    });

    it('expires sessions after their lifetime', async () => {
      const token = await login(t, 'clerk');
      t.clock.advance(t.config.auth.sessionTtlMs + 1);
      const res = await t.req({ method: 'GET', url: '/api/v1/auth/me', token });
      expect(res.statusCode).toBe(401);
      t.clock.set('2026-11-21T09:00:00+08:00');
    });

    it('answers 401 without telling whether the username exists', async () => {
      const a = await t.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'whatever1' },
      });
      const b = await t.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'clerk', password: 'whatever1' },
      });
      expect(a.statusCode).toBe(401);
      expect(b.statusCode).toBe(401);
      expect(a.json().error).toEqual(b.json().error);
    });

    it('rate limits a wrong password ten times in a row with 429, even for the right password', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await t.req({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'victim', password: `wrong-${i}` },
        });
        codes.push(res.statusCode);
      }
      const max = t.config.auth.loginMaxFailures;
      expect(codes.slice(0, max)).toEqual(Array(max).fill(401));
      expect(codes.slice(max)).toEqual(Array(10 - max).fill(429));
      const right = await t.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'victim', password: TEST_PASSWORD },
      });
      expect(right.statusCode).toBe(429);
      expect(right.json().error.code).toBe('AUTH_RATE_LIMITED');
      // After the window the user may try again.
      t.clock.advance(t.config.auth.loginWindowMs + 1);
      expect(
        (
          await t.req({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'victim', password: TEST_PASSWORD },
          })
        ).statusCode,
      ).toBe(200);
      t.clock.set('2026-11-21T09:00:00+08:00');
    });
  });

  it('GET /api/health reports the store kind', async () => {
    const res = await t.req({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', store: t.store.kind });
  });

  it('unknown routes get 404 ROUTE_NOT_FOUND', async () => {
    const res = await t.req({ method: 'GET', url: '/api/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves OpenAPI', async () => {
    const res = await t.req({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/v1/auth/login']).toBeDefined();
  });
});
