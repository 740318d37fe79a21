import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database';

type Q = Kysely<Database>;

export const authRepository = {
  async insertSession(db: Q, row: Insertable<Database['user_session']>): Promise<void> {
    await db.insertInto('user_session').values(row).execute();
  },

  findLiveSession(db: Q, tokenHash: string, now: number) {
    return db
      .selectFrom('user_session')
      .select(['user_id', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  },

  async revokeSession(db: Q, tokenHash: string, now: number): Promise<number> {
    const r = await db
      .updateTable('user_session')
      .set({ revoked_at: now })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async countFailures(db: Q, key: string, since: number): Promise<number> {
    const r = await db
      .selectFrom('login_failure')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async recordFailure(db: Q, keys: string[], at: number): Promise<void> {
    await db
      .insertInto('login_failure')
      .values(keys.map((key) => ({ key, at })))
      .execute();
  },

  async clearFailures(db: Q, key: string): Promise<void> {
    await db.deleteFrom('login_failure').where('key', '=', key).execute();
  },

  async pruneFailures(db: Q, before: number): Promise<void> {
    await db.deleteFrom('login_failure').where('at', '<', before).execute();
  },
};
