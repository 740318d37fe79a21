import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, type BuiltApp } from '../../server/src/app';
import { bootstrap } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config/config';
import { createDb, type Db } from '../../server/src/db/db';
import { migrateToLatest } from '../../server/src/db/migrate';
import { systemClock, type Clock } from '../../server/src/lib/clock';
import type { Services } from '../../server/src/services';
import { DEMO_GRIDS, DEMO_SEED } from './city-traffic';

/** The password of every demo account in bench stores. */
export const BENCH_PASSWORD = 'bench-password-1';

/** The SQLite file of a DATA_DIR, as the server names it. */
export const sqliteFileOf = (dataDir: string) => join(dataDir, 'cityloop.sqlite');

export interface OpenStore {
  store: Db;
  app: BuiltApp['app'];
  services: Services;
  close(): Promise<void>;
}

/**
 * The app's services on the SQLite store of `dataDir`, as the server builds them (migrated;
 * on first open, bootstrapped like `npm start`: reference data and the demo city).
 */
export async function openDemoStore(
  dataDir: string,
  opts: { clock?: Clock; grids?: number } = {},
): Promise<OpenStore> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    DEMO_MODE: 'true',
    DEMO_PASSWORD: BENCH_PASSWORD,
    DEMO_SEED: String(DEMO_SEED),
    DEMO_GRIDS: String(opts.grids ?? DEMO_GRIDS),
    // The demo city without a history of cases: the figures measure what the bench adds.
    DEMO_HISTORY: '0',
    LOG_LEVEL: 'silent',
  });
  const store = createDb({ kind: 'sqlite', sqliteFile: sqliteFileOf(dataDir) });
  await migrateToLatest(store);
  const { app, services } = await buildApp({ config, store, clock: opts.clock ?? systemClock });
  await bootstrap(services);
  return {
    store,
    app,
    services,
    async close() {
      await services.stop();
      await app.close();
      await store.destroy();
    },
  };
}

/**
 * A generated store kept between runs: `build` fills `dir`; a later run with the same key
 * finds it ready, unless `fresh`. Returns whether it was reused. Migrations added since it was
 * built are applied when it is opened (openDemoStore, the server).
 */
export async function cachedStore(
  dir: string,
  key: Record<string, unknown>,
  fresh: boolean,
  build: (dir: string) => Promise<void>,
): Promise<boolean> {
  const marker = join(dir, 'bench-store.json');
  const want = JSON.stringify(key);
  if (!fresh && existsSync(marker) && readFileSync(marker, 'utf8') === want) {
    return true;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await build(dir);
  writeFileSync(marker, want);
  return false;
}
