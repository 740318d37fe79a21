import { sql, type Kysely } from 'kysely';
import { T } from '../dialect';

/**
 * Evaluation: the incremental rollups (eval_rollup), plus indexes the exact drill-down needs on
 * the case tables: a person's events by time, and the (few) cases that were ever returned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('eval_rollup')
    .addColumn('kind', T.text, (c) => c.notNull())
    .addColumn('day', T.text, (c) => c.notNull())
    .addColumn('key', T.text, (c) => c.notNull())
    .addColumn('metric', T.text, (c) => c.notNull())
    .addColumn('shard', T.int, (c) => c.notNull())
    .addColumn('count', T.int, (c) => c.notNull())
    .addPrimaryKeyConstraint('eval_rollup_pk', ['kind', 'day', 'key', 'metric', 'shard'])
    .execute();
  // One key over time (trends of a street, a unit's months).
  await db.schema
    .createIndex('eval_rollup_key_idx')
    .on('eval_rollup')
    .columns(['kind', 'key', 'day'])
    .execute();
  await db.schema
    .createIndex('case_event_actor_idx')
    .on('case_event')
    .columns(['actor_id', 'at'])
    .execute();
  // Partial: only returned cases (a unit's earlier assignments live on them).
  await db.schema
    .createIndex('case_returned_idx')
    .on('case_file')
    .column('created_at')
    .where(sql.ref('return_count'), '>', 0)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_returned_idx').execute();
  await db.schema.dropIndex('case_event_actor_idx').execute();
  await db.schema.dropTable('eval_rollup').execute();
}
