import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/config/config';
import type { Db } from '../src/db/db';
import { ManualClock } from '../src/lib/clock';
import type { Services } from '../src/services';
import { createTestStore } from './store';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  store: Db;
  clock: ManualClock;
  config: Readonly<Config>;
  /** Injects a request, with a Bearer token when given. */
  req(opts: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A built app on a fresh store with a manual clock (2026-11-21 09:00 Asia/Shanghai by default). */
export async function createTestApp(
  opts: { env?: Record<string, string>; now?: string } = {},
): Promise<TestApp> {
  const store = await createTestStore();
  const clock = new ManualClock(opts.now ?? '2026-11-21T09:00:00+08:00');
  const config = loadConfig({
    DEMO_MODE: 'false',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/tmp/cityloop-test',
    ...opts.env,
  });
  const { app, services } = await buildApp({ config, store, clock });
  // As at every start: code tables, default limits, the calendar.
  await services.seeds.referenceData();
  return {
    app,
    services,
    store,
    clock,
    config,
    req: ({ token, headers, ...rest }) =>
      app.inject({
        ...rest,
        headers: { ...(headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      }),
    async close() {
      await services.stop();
      await app.close();
      await store.destroy();
    },
  };
}

/** Signs in and returns the token. */
export async function login(
  t: TestApp,
  username: string,
  password = 'test-password-1',
): Promise<string> {
  const res = await t.req({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) {
    throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  }
  return res.json<{ token: string }>().token;
}
