import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { settingsRepository } from '../../db/settings.repository';

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
    const value = await settingsRepository.get(db, DEMO_ACCOUNTS_KEY);
    return value ? (JSON.parse(value) as StoredDemoAccount[]) : undefined;
  },

  async writeAccounts(db: Q, accounts: readonly StoredDemoAccount[], now: number): Promise<void> {
    await settingsRepository.put(db, DEMO_ACCOUNTS_KEY, JSON.stringify(accounts), now);
  },
};
