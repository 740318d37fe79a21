import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser, seedTinyCity, TEST_PASSWORD, type TinyCity } from '../../../test/factories';

describe('org API', () => {
  let t: TestApp;
  let city: TinyCity;
  let admin: string;
  let eastAdmin: string;
  let clerk: string;

  beforeAll(async () => {
    t = await createTestApp();
    city = await seedTinyCity(t);
    await buildUser(t, { username: 'admin', roles: ['admin'] });
    await buildUser(t, {
      username: 'eastadmin',
      roles: ['admin'],
      level: 'street',
      regionId: city.eastStreetId,
    });
    await buildUser(t, { username: 'clerk', roles: ['intake_clerk'] });
    await buildUser(t, {
      username: 'westclerk',
      roles: ['intake_clerk'],
      level: 'street',
      regionId: city.westStreetId,
    });
    admin = await login(t, 'admin');
    eastAdmin = await login(t, 'eastadmin');
    clerk = await login(t, 'clerk');
  });
  afterAll(() => t.close());

  const newUser = (over: Record<string, unknown> = {}) => ({
    username: 'inspector1',
    displayName: '张三',
    password: 'long-enough-1',
    roles: ['inspector'],
    scope: { level: 'street', regionId: city.eastStreetId },
    ...over,
  });

  describe('POST /api/v1/org/users', () => {
    it('401 without a session', async () => {
      const res = await t.req({ method: 'POST', url: '/api/v1/org/users', payload: newUser() });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    });

    it.each([
      ['username', { username: 'X!' }, 'body.username'],
      ['password', { password: 'short' }, 'body.password'],
      ['roles (unknown enum value)', { roles: ['janitor'] }, 'body.roles.0'],
      ['roles (wrong type)', { roles: 'inspector' }, 'body.roles'],
      ['scope level', { scope: { level: 'province' } }, 'body.scope.level'],
      ['unknown field', { nickname: 'x' }, 'body.nickname'],
    ])('400 for an invalid %s', async (_name, over, path) => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/org/users',
        token: admin,
        payload: newUser(over),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    });

    it('400 when the scope region is of the wrong level', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/org/users',
        token: admin,
        payload: newUser({ scope: { level: 'street', regionId: city.districtId } }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('ORG_SCOPE_INVALID');
    });

    it('403 for a role without org.admin', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/org/users',
        token: clerk,
        payload: newUser(),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH_FORBIDDEN');
    });

    it('403 for a street admin creating a user in another street', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/org/users',
        token: eastAdmin,
        payload: newUser({ scope: { level: 'street', regionId: city.westStreetId } }),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    });

    it('creates a user who can sign in; the password is hashed', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/org/users',
        token: eastAdmin,
        payload: newUser(),
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        username: 'inspector1',
        roles: ['inspector'],
        scope: { level: 'street' },
      });
      const row = await t.store.db
        .selectFrom('app_user')
        .select('password_hash')
        .where('username', '=', 'inspector1')
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain('long-enough-1');
      expect(await login(t, 'inspector1', 'long-enough-1')).toBeTruthy();
    });

    it('409 for a taken username', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/org/users',
        token: admin,
        payload: newUser(),
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('ORG_USERNAME_TAKEN');
    });
  });

  describe('GET /api/v1/org/users', () => {
    it('a street admin sees only users of their street', async () => {
      const res = await t.req({ method: 'GET', url: '/api/v1/org/users', token: eastAdmin });
      expect(res.statusCode).toBe(200);
      const names = res.json().items.map((u: { username: string }) => u.username);
      expect(names).toContain('inspector1');
      expect(names).not.toContain('westclerk');
      expect(names).not.toContain('clerk');
    });

    it('a street admin cannot read a user of another street (404, no data)', async () => {
      const west = await t.store.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'westclerk')
        .executeTakeFirstOrThrow();
      const res = await t.req({
        method: 'GET',
        url: `/api/v1/org/users/${west.id}`,
        token: eastAdmin,
      });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('westclerk');
    });
  });

  describe('PATCH /api/v1/org/users/:id', () => {
    it('a new password ends the sessions; new roles and scope apply to the next request', async () => {
      const u = await buildUser(t, { username: 'mover', roles: ['dispatcher'] });
      const token = await login(t, 'mover', TEST_PASSWORD);
      const me = async (tk: string) => t.req({ method: 'GET', url: '/api/v1/auth/me', token: tk });
      expect((await me(token)).json().roles).toEqual(['dispatcher']);
      const patch = (payload: Record<string, unknown>) =>
        t.req({ method: 'PATCH', url: `/api/v1/org/users/${u.id}`, token: admin, payload });
      expect((await patch({ roles: ['intake_clerk'] })).statusCode).toBe(200);
      expect((await me(token)).json().roles).toEqual(['intake_clerk']);
      expect((await t.req({ method: 'GET', url: '/api/v1/org/users', token })).statusCode).toBe(
        403,
      );

      expect((await patch({ password: 'another-password-2' })).statusCode).toBe(200);
      expect((await me(token)).statusCode).toBe(401);
      const fresh = await login(t, 'mover', 'another-password-2');
      expect((await me(fresh)).statusCode).toBe(200);
      // Signing out ends that session at once, however recently it was used.
      await t.req({ method: 'POST', url: '/api/v1/auth/logout', token: fresh });
      expect((await me(fresh)).statusCode).toBe(401);
    });

    it('deactivating a user ends their sessions', async () => {
      const u = await buildUser(t, { username: 'leaver', roles: ['dispatcher'] });
      const token = await login(t, 'leaver', TEST_PASSWORD);
      expect((await t.req({ method: 'GET', url: '/api/v1/auth/me', token })).statusCode).toBe(200);
      const res = await t.req({
        method: 'PATCH',
        url: `/api/v1/org/users/${u.id}`,
        token: admin,
        payload: { active: false },
      });
      expect(res.statusCode).toBe(200);
      expect((await t.req({ method: 'GET', url: '/api/v1/auth/me', token })).statusCode).toBe(401);
      const again = await t.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'leaver', password: TEST_PASSWORD },
      });
      expect(again.statusCode).toBe(401);
    });
  });

  describe('units', () => {
    it('creates a handling unit and lists it; bad major code is 400', async () => {
      const bad = await t.req({
        method: 'POST',
        url: '/api/v1/org/units',
        token: admin,
        payload: { code: 'HW01', name: '环卫所', kind: 'handling_unit', matterMajors: ['6'] },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].path).toBe('body.matterMajors.0');
      const ok = await t.req({
        method: 'POST',
        url: '/api/v1/org/units',
        token: admin,
        payload: {
          code: 'HW01',
          name: '环卫所',
          kind: 'handling_unit',
          regionId: city.districtId,
          matterMajors: ['06'],
        },
      });
      expect(ok.statusCode).toBe(201);
      const list = await t.req({
        method: 'GET',
        url: '/api/v1/org/units?kind=handling_unit',
        token: clerk,
      });
      expect(list.json().items.map((u: { code: string }) => u.code)).toEqual(['HW01']);
    });
  });
});
