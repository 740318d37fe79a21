import type { Kysely } from 'kysely';
import type { Database } from './database';

type Q = Kysely<Database>;

/**
 * The one place that reads and writes `app_setting` (small key → JSON-text settings). Modules
 * keep their own keys and value shapes; they all store through these three functions.
 */
export const settingsRepository = {
  /** The stored text of a setting, or undefined. */
  async get(db: Q, key: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('app_setting')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  },

  /** Writes a setting, replacing any value. */
  async put(db: Q, key: string, value: string, at: number): Promise<void> {
    await db
      .insertInto('app_setting')
      .values({ key, value, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
      .execute();
  },

  /** Writes a setting unless the key exists; true when written. */
  async insertIfAbsent(db: Q, key: string, value: string, at: number): Promise<boolean> {
    const r = await db
      .insertInto('app_setting')
      .values({ key, value, updated_at: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};
