import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { settingsRepository } from '../../db/settings.repository';

type Q = Kysely<Database>;

/** The app_setting key that records the demo accounts (user id, username, main role). */
const DEMO_ACCOUNTS_KEY = 'demo.accounts';
/** The app_setting key that records the seeded history (what demo-history.ts reports). */
const DEMO_HISTORY_KEY = 'demo.history';

export interface StoredDemoAccount {
  id: string;
  username: string;
  role: string;
}

/** The only SQL of the demo module: its settings, and whether the store holds any case. */
export const demoRepository = {
  async readAccounts(db: Q): Promise<StoredDemoAccount[] | undefined> {
    const value = await settingsRepository.get(db, DEMO_ACCOUNTS_KEY);
    return value ? (JSON.parse(value) as StoredDemoAccount[]) : undefined;
  },

  async writeAccounts(db: Q, accounts: readonly StoredDemoAccount[], now: number): Promise<void> {
    await settingsRepository.put(db, DEMO_ACCOUNTS_KEY, JSON.stringify(accounts), now);
  },

  async readHistory(db: Q): Promise<unknown> {
    const value = await settingsRepository.get(db, DEMO_HISTORY_KEY);
    return value ? (JSON.parse(value) as unknown) : undefined;
  },

  async writeHistory(db: Q, report: unknown, now: number): Promise<void> {
    await settingsRepository.put(db, DEMO_HISTORY_KEY, JSON.stringify(report), now);
  },

  /** True when the store holds at least one case. */
  async hasCases(db: Q): Promise<boolean> {
    const row = await db.selectFrom('case_file').select('id').limit(1).executeTakeFirst();
    return row !== undefined;
  },
};
