import { CompiledQuery, PostgresAdapter, type Insertable, type Kysely } from 'kysely';
import type { Database } from './database';

const pgTexts = new Map<string, string>();

/** Whether `db` (or a transaction of it) talks to PostgreSQL. */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Runs SQL text written with `?` placeholders as it stands (PostgreSQL: with `$1…$n`, the
 * conversion kept per text), without the query builder. For hot paths that run the same
 * statement over and over (Kysely builds and compiles a query anew each time, which can cost
 * more than the store's work for it). The text must not hold a `?` other than placeholders.
 */
export async function runSql<R>(
  db: Kysely<Database>,
  text: string,
  params: readonly unknown[],
): Promise<R[]> {
  let sql = text;
  if (isPostgres(db)) {
    sql = pgTexts.get(text) ?? '';
    if (!sql) {
      let n = 0;
      sql = text.replace(/\?/g, () => `$${++n}`);
      pgTexts.set(text, sql);
    }
  }
  return (await db.executeQuery<R>(CompiledQuery.raw(sql, [...params]))).rows;
}

const insertTexts = new Map<string, string>();

/**
 * Inserts one row through SQL text built once per table and column list (`runSql`): intake
 * writes the same wide rows (case, event) again and again, and Kysely built a 50-column
 * INSERT in ~35 µs, more than SQLite's work for it. Same statement, same result as
 * `insertInto().values()`.
 */
export async function insertRow<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  row: Insertable<Database[T]>,
): Promise<void> {
  const values = row as Record<string, unknown>;
  // Like Kysely: a column whose value is undefined is left out (its default applies).
  const columns = Object.keys(values).filter((c) => values[c] !== undefined);
  const key = `${table}|${columns.join(',')}`;
  let text = insertTexts.get(key);
  if (text === undefined) {
    const names = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
    text = `insert into "${table}" (${names}) values (${columns.map(() => '?').join(', ')})`;
    insertTexts.set(key, text);
  }
  await runSql(
    db,
    text,
    columns.map((c) => values[c]),
  );
}
