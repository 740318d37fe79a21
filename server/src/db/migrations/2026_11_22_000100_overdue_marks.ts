import { sql, type Kysely } from 'kysely';
import { T } from '../dialect';

/**
 * Overdue marks that append (docs/OVERDUE-MARKS.md). The sweep no longer flags a case as it
 * marks it, so "not yet marked" cannot be read from the case row: the sweep keeps a watermark
 * (`case_sweep`: every stage deadline up to it, in (deadline, case id) order, has been looked
 * at) and reads the deadlines after it from an index that holds every column it needs (state,
 * stage, unit, id), so the case rows are not visited. The partial index of unflagged cases goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_due_idx').execute();
  await db.schema
    .createIndex('case_due_idx')
    .on('case_file')
    .columns(['stage_deadline_at', 'id', 'state', 'stage', 'unit_id'])
    .where(sql.ref('stage_deadline_at'), 'is not', null)
    .execute();
  await db.schema
    .createTable('case_sweep')
    .addColumn('name', T.text, (c) => c.primaryKey())
    .addColumn('deadline_at', T.ms, (c) => c.notNull())
    .addColumn('case_id', T.id, (c) => c.notNull())
    .addColumn('at', T.ms, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_sweep').execute();
  await db.schema.dropIndex('case_due_idx').execute();
  await db.schema
    .createIndex('case_due_idx')
    .on('case_file')
    .column('stage_deadline_at')
    .where(sql.ref('stage_overdue'), '=', sql.lit(0))
    .execute();
}
