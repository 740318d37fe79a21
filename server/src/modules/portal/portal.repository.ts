import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { PublicTrackingRow } from './portal.table';
import { settingsRepository } from '../../db/settings.repository';

type Q = Kysely<Database>;

/** The case columns the public may learn something from (read-only view of case_file). */
const PUBLIC_CASE_COLUMNS = [
  'id',
  'number',
  'source',
  'state',
  'matter_code',
  'description',
  'address',
  'lng',
  'lat',
  'unit_id',
  'created_at',
  'handle_deadline_at',
  'closed_at',
] as const;

export type PublicCaseRow = Pick<Database['case_file'], (typeof PUBLIC_CASE_COLUMNS)[number]>;

/** The only SQL of the portal module (its own tables, and read-only looks at cases). */
export const portalRepository = {
  async insertTracking(
    db: Q,
    row: { code: string; case_id: string; phone_hash: string | null; created_at: number },
  ): Promise<void> {
    await db
      .insertInto('public_tracking')
      .values({ ...row, rating: null, rating_comment: null, rated_at: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  findTracking(db: Q, code: string): Promise<PublicTrackingRow | undefined> {
    return db.selectFrom('public_tracking').selectAll().where('code', '=', code).executeTakeFirst();
  },

  /** Records the rating unless one exists; returns whether it did. */
  async rate(
    db: Q,
    code: string,
    r: { rating: string; comment: string | null; at: number },
  ): Promise<boolean> {
    const res = await db
      .updateTable('public_tracking')
      .set({ rating: r.rating, rating_comment: r.comment, rated_at: r.at })
      .where('code', '=', code)
      .where('rated_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  findCase(db: Q, id: string): Promise<PublicCaseRow | undefined> {
    return db
      .selectFrom('case_file')
      .select(PUBLIC_CASE_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  findCaseIdByIdempotencyKey(db: Q, key: string): Promise<{ id: string } | undefined> {
    return db
      .selectFrom('case_file')
      .select('id')
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  },

  listEvents(db: Q, caseId: string) {
    return db
      .selectFrom('case_event')
      .select(['id', 'seq', 'at', 'to_state'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
  },

  // --- rate limiter

  async insertHit(db: Q, key: string, at: number): Promise<void> {
    await db.insertInto('rate_limit_hit').values({ key, at }).execute();
  },

  /** Hits of a key after `since`, and the oldest of them. */
  async countHits(
    db: Q,
    key: string,
    since: number,
  ): Promise<{ n: number; oldest: number | null }> {
    const r = await db
      .selectFrom('rate_limit_hit')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where('key', '=', key)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return { n: Number(r.n), oldest: r.oldest === null ? null : Number(r.oldest) };
  },

  async deleteHits(db: Q, before: number, key?: string): Promise<number> {
    let q = db.deleteFrom('rate_limit_hit').where('at', '<=', before);
    if (key !== undefined) {
      q = q.where('key', '=', key);
    }
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  // --- settings (app_setting)

  getSetting: (db: Q, key: string) => settingsRepository.get(db, key),

  putSetting: (db: Q, key: string, value: string, at: number) =>
    settingsRepository.put(db, key, value, at),

  async insertSettingIfAbsent(db: Q, key: string, value: string, at: number): Promise<void> {
    await settingsRepository.insertIfAbsent(db, key, value, at);
  },
};
