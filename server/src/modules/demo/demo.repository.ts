import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

type Q = Kysely<Database>;

/** The app_setting key that records the demo accounts (user id, username, main role). */
const DEMO_ACCOUNTS_KEY = 'demo.accounts';

export interface StoredDemoAccount {
  id: string;
  username: string;
  role: string;
}

/** The only SQL of the demo module: its one setting. */
export const demoRepository = {
  async readAccounts(db: Q): Promise<StoredDemoAccount[] | undefined> {
    const row = await db
      .selectFrom('app_setting')
      .select('value')
      .where('key', '=', DEMO_ACCOUNTS_KEY)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as StoredDemoAccount[]) : undefined;
  },

  async writeAccounts(db: Q, accounts: readonly StoredDemoAccount[], now: number): Promise<void> {
    const value = JSON.stringify(accounts);
    await db
      .insertInto('app_setting')
      .values({ key: DEMO_ACCOUNTS_KEY, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
  },
};
