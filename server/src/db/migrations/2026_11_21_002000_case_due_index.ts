import { sql, type Kysely } from 'kysely';

/**
 * The overdue sweep looks for open cases whose stage deadline passed and that are not yet
 * marked (`stage_overdue = 0`). With only the index on the deadline it also walked every case
 * marked overdue earlier that is still open; this partial index holds the unmarked ones only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('case_due_idx')
    .on('case_file')
    .column('stage_deadline_at')
    .where(sql.ref('stage_overdue'), '=', sql.lit(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_due_idx').execute();
}
