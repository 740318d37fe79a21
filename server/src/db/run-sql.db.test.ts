import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../../test/store';
import type { Db } from './db';
import { insertRow, runSql } from './run-sql';

describe(insertRow.name, () => {
  let store: Db;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(async () => {
    await store.destroy();
  });

  const read = (id: string) =>
    store.db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('stores what the query builder stores, in a transaction too, with defaults for undefined', async () => {
    const base = {
      code: 'U1',
      name: '环卫所 "东"',
      name_en: undefined,
      kind: 'handling_unit' as const,
      parent_id: null,
      region_id: null,
      matter_majors: '["06"]',
      phone: null,
      active: 1,
      created_at: 1_700_000_000_123,
    };
    await store.db
      .insertInto('org_unit')
      .values({ ...base, id: 'by-builder' })
      .execute();
    await store.db.transaction().execute(async (trx) => {
      await insertRow(trx, 'org_unit', { ...base, id: 'by-insert-row', code: 'U2' });
    });
    const a = await read('by-builder');
    const b = await read('by-insert-row');
    expect({ ...b, id: a.id, code: a.code }).toEqual(a);
    expect(b.created_at).toBe(1_700_000_000_123);
    expect(b.name_en).toBeNull();
  });

  it('fails like the builder on a broken constraint, writing nothing', async () => {
    await expect(
      insertRow(store.db, 'org_unit', {
        id: 'by-insert-row',
        code: 'U3',
        name: 'dup',
        kind: 'handling_unit',
        matter_majors: '[]',
        active: 1,
        created_at: 1,
      }),
    ).rejects.toThrow();
    expect(
      await store.db.selectFrom('org_unit').select('id').where('code', '=', 'U3').execute(),
    ).toEqual([]);
  });

  it('runs text with ? placeholders on either store, in order', async () => {
    const rows = await runSql<{ id: string }>(
      store.db,
      'select id from org_unit where code in (?, ?) and created_at >= ? order by code desc',
      ['U1', 'U2', 1],
    );
    expect(rows.map((r) => r.id)).toEqual(['by-insert-row', 'by-builder']);
  });
});
