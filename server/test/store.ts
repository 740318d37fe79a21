import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db, type DbKind } from '../src/db/db';
import { migrateToLatest } from '../src/db/migrate';

/** The store this test run uses: TEST_DIALECT=sqlite (default) or postgres (TEST_DATABASE_URL). */
export const TEST_DIALECT: DbKind = process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh, migrated store for one test file: an in-memory SQLite database, or a new
 * PostgreSQL schema dropped again by `destroy()`.
 */
export async function createTestStore(): Promise<Db> {
  if (TEST_DIALECT === 'sqlite') {
    const store = createDb({ kind: 'sqlite', sqliteFile: ':memory:' });
    await migrateToLatest(store);
    return store;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error('TEST_DIALECT=postgres needs TEST_DATABASE_URL');
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const store = createDb({ kind: 'postgres', url, schema, poolSize: 5 });
  await migrateToLatest(store);
  return {
    ...store,
    async destroy() {
      await store.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
