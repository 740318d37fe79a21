import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config/config';
import { createDb, type Db } from '../../db/db';
import { migrateToLatest } from '../../db/migrate';
import { ManualClock } from '../../lib/clock';
import { seedLoopCity } from '../../../test/loop-city';
import type { TestApp } from '../../../test/app';

const CLI = join(import.meta.dirname, 'audit-verify.cli.ts');

/** `npm run audit:verify` against a real SQLite file. */
describe('npm run audit:verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cityloop-audit-'));
  let store: Db;
  let close: () => Promise<void>;

  const run = () =>
    spawnSync(process.execPath, ['--import', 'tsx', CLI], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
    });

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    store = createDb({ kind: 'sqlite', sqliteFile: config.db.sqliteFile });
    await migrateToLatest(store);
    const clock = new ManualClock('2026-11-23T09:00:00+08:00');
    const { app, services } = await buildApp({ config, store, clock });
    await services.seeds.referenceData();
    const t = {
      app,
      services,
      store,
      clock,
      config,
      req: (o: InjectOptions) => app.inject(o),
    } as unknown as TestApp;
    const city = await seedLoopCity(t);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${city.tokens.clerk}` },
      payload: {
        source: 'hotline',
        description: '审计测试案件',
        lng: city.points.east1[0],
        lat: city.points.east1[1],
      },
    });
    expect(res.statusCode).toBe(201);
    close = async () => {
      await services.stop();
      await app.close();
      await store.destroy();
    };
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes on an untouched store', () => {
    const r = run();
    expect(r.stdout).toMatch(/audit: OK — 1 cases, 1 events/);
    expect(r.status).toBe(0);
  });

  it('fails, naming the event, after one event row is edited by hand', async () => {
    const e = await store.db
      .selectFrom('case_event')
      .select(['id', 'case_id'])
      .executeTakeFirstOrThrow();
    await store.db
      .updateTable('case_event')
      .set({ actor_name: 'mallory' })
      .where('id', '=', e.id)
      .execute();
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`case ${e.case_id}, event #1 (${e.id}): hash_mismatch`);
  });
});
