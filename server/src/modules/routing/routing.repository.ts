import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { NewRoutingRuleRow, RoutingRuleRow } from './routing.table';

type Q = Kysely<Database>;

export const routingRepository = {
  list(db: Q): Promise<RoutingRuleRow[]> {
    return db.selectFrom('routing_rule').selectAll().orderBy('priority').orderBy('id').execute();
  },
  find(db: Q, id: string): Promise<RoutingRuleRow | undefined> {
    return db.selectFrom('routing_rule').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(db: Q, rows: NewRoutingRuleRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await db
        .insertInto('routing_rule')
        .values(rows.slice(i, i + 200))
        .execute();
    }
  },
  async update(db: Q, id: string, patch: Partial<NewRoutingRuleRow>): Promise<void> {
    await db.updateTable('routing_rule').set(patch).where('id', '=', id).execute();
  },
  async delete(db: Q, id: string): Promise<number> {
    const r = await db.deleteFrom('routing_rule').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows);
  },
  async deleteAll(db: Q): Promise<void> {
    await db.deleteFrom('routing_rule').execute();
  },
};
