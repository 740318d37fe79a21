import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away schema in the database of DATABASE_URL, so a benchmark never touches the
 * data there: the URL selects it through search_path; `drop()` removes it.
 */
export async function benchSchema(
  url: string,
): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') {
    throw new Error(`bench: PostgreSQL must be on 127.0.0.1, not ${host}`);
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: u.toString(),
    schema,
    async drop() {
      const d = new pg.Client({ connectionString: url });
      await d.connect();
      await d.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await d.end();
    },
  };
}
