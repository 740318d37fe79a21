import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app';
import { bootstrap } from './bootstrap';
import { defaultInProgress } from './modules/demo/demo-history';

describe(bootstrap.name, () => {
  it('outside demo mode refuses to start without ADMIN_PASSWORD, and no default credentials exist', async () => {
    const t = await createTestApp();
    try {
      await expect(bootstrap(t.services)).rejects.toThrow(/ADMIN_PASSWORD/);
      const users = await t.store.db.selectFrom('app_user').select('username').execute();
      expect(users).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('creates the first administrator from ADMIN_PASSWORD once', async () => {
    const t = await createTestApp({
      env: { ADMIN_PASSWORD: 'a-very-long-secret-1', ADMIN_USERNAME: 'root' },
    });
    try {
      const first = await bootstrap(t.services);
      expect(first).toMatchObject({ demo: false, accounts: [{ username: 'root', role: 'admin' }] });
      await bootstrap(t.services);
      const users = await t.store.db.selectFrom('app_user').select('username').execute();
      expect(users).toEqual([{ username: 'root' }]);
      const login = await t.req({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'root', password: 'a-very-long-secret-1' },
      });
      expect(login.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('tells the demo history on the first start of demo mode only, never again, never outside it', async () => {
    const count = async (t: Awaited<ReturnType<typeof createTestApp>>) =>
      Number(
        (
          await t.store.db
            .selectFrom('case_file')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const demo = await createTestApp({
      env: {
        DEMO_MODE: 'true',
        DEMO_PASSWORD: 'demo-password-1',
        DEMO_GRIDS: '200',
        DEMO_HISTORY: '12',
      },
    });
    try {
      // 12 finished cases and 3 left in progress (4 %, at least 3).
      await bootstrap(demo.services);
      expect(await count(demo)).toBe(12 + defaultInProgress(12));
      expect(defaultInProgress(12)).toBe(3);
      // A restart: the demo city is there, the history is not told again.
      await bootstrap(demo.services);
      expect(await count(demo)).toBe(15);
    } finally {
      await demo.close();
    }

    const serve = await createTestApp({
      env: { ADMIN_PASSWORD: 'a-very-long-secret-1', DEMO_HISTORY: '12' },
    });
    try {
      await bootstrap(serve.services);
      expect(await count(serve)).toBe(0);
    } finally {
      await serve.close();
    }
  }, 120_000);
});
