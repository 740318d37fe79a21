import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../../test/store';
import type { Db } from './db';
import { createGroupCommit } from './group-commit';

describe('group commit', () => {
  let store: Db;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(async () => {
    await store.destroy();
  });

  const put = (key: string) =>
    store.db.insertInto('app_setting').values({ key, value: '"v"', updated_at: 1 }).execute();
  const keys = async (prefix: string) =>
    (
      await store.db
        .selectFrom('app_setting')
        .select('key')
        .where('key', 'like', `${prefix}%`)
        .orderBy('key')
        .execute()
    ).map((r) => r.key);

  it('runs concurrent callers in one transaction, each answered after the commit', async () => {
    const gc = createGroupCommit(store.db);
    const seen: number[] = [];
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        gc.run(async (trx) => {
          await trx
            .insertInto('app_setting')
            .values({ key: `a${i}`, value: '"v"', updated_at: 1 })
            .execute();
          // Jobs run one after another in the shared transaction: each sees the ones before.
          const before = await trx
            .selectFrom('app_setting')
            .select('key')
            .where('key', 'like', 'a%')
            .execute();
          seen.push(before.length);
          return i * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(await keys('a')).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('rolls back only the caller that failed, however it failed', async () => {
    await put('b-taken');
    const gc = createGroupCommit(store.db);
    const outcomes = await Promise.allSettled([
      gc.run((trx) =>
        trx.insertInto('app_setting').values({ key: 'b1', value: '"v"', updated_at: 1 }).execute(),
      ),
      gc.run(async (trx) => {
        await trx
          .insertInto('app_setting')
          .values({ key: 'b2', value: '"v"', updated_at: 1 })
          .execute();
        throw new Error('refused after writing');
      }),
      // A constraint error inside the shared transaction (the key exists).
      gc.run((trx) =>
        trx
          .insertInto('app_setting')
          .values({ key: 'b-taken', value: '"v"', updated_at: 1 })
          .execute(),
      ),
      gc.run((trx) =>
        trx.insertInto('app_setting').values({ key: 'b3', value: '"v"', updated_at: 1 }).execute(),
      ),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(
      new Error('refused after writing'),
    );
    expect(await keys('b')).toEqual(['b-taken', 'b1', 'b3']);
  });

  it('keeps going after a batch: later callers start a new transaction', async () => {
    const gc = createGroupCommit(store.db, { maxBatch: 2 });
    await Promise.all(
      ['c1', 'c2', 'c3', 'c4', 'c5'].map((key) =>
        gc.run((trx) =>
          trx.insertInto('app_setting').values({ key, value: '"v"', updated_at: 1 }).execute(),
        ),
      ),
    );
    await gc.run((trx) =>
      trx.insertInto('app_setting').values({ key: 'c6', value: '"v"', updated_at: 1 }).execute(),
    );
    expect(await keys('c')).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  });

  it('flushes the deferred items of the callers that succeeded, once per batch', async () => {
    const flushed: string[][] = [];
    const gc = createGroupCommit<string>(store.db, {
      flush: async (trx, items) => {
        flushed.push([...items]);
        await trx
          .insertInto('app_setting')
          .values({ key: `d-flush-${items.join('+')}`, value: '"v"', updated_at: 1 })
          .execute();
      },
    });
    const outcomes = await Promise.allSettled(
      ['d1', 'd2', 'd3'].map((key) =>
        gc.run(async (trx, defer) => {
          defer(key);
          await trx
            .insertInto('app_setting')
            .values({ key, value: '"v"', updated_at: 1 })
            .execute();
          if (key === 'd2') {
            throw new Error('refused');
          }
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(flushed).toEqual([['d1', 'd3']]);
    expect(await keys('d')).toEqual(['d-flush-d1+d3', 'd1', 'd3']);
  });

  it('fails the whole batch when the flush fails, and keeps none of its writes', async () => {
    const gc = createGroupCommit<string>(store.db, {
      flush: () => Promise.reject(new Error('flush failed')),
    });
    const outcomes = await Promise.allSettled(
      ['e1', 'e2'].map((key) =>
        gc.run(async (trx, defer) => {
          defer(key);
          await trx
            .insertInto('app_setting')
            .values({ key, value: '"v"', updated_at: 1 })
            .execute();
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await keys('e')).toEqual([]);
  });
});
