import type { Kysely } from 'kysely';

/**
 * The overdue sweep writes its notices in deadline order. The unique key that makes a deadline
 * noticed once led with the case id, so every notice wrote one random page of that index; led
 * by the deadline, the notices of a sweep fill neighbouring pages. Same columns, so the same
 * rows are unique (null deadlines, remind and supervise, never conflict, as before). A case's
 * notices are in its event log (overdue, remind and supervise events); the notice table is
 * read by unit (`case_notice_unit_idx`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_notice_overdue_uq').execute();
  await db.schema
    .createIndex('case_notice_deadline_uq')
    .on('case_notice')
    .columns(['deadline_at', 'case_id', 'kind', 'stage'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_notice_deadline_uq').execute();
  await db.schema
    .createIndex('case_notice_overdue_uq')
    .on('case_notice')
    .columns(['case_id', 'kind', 'stage', 'deadline_at'])
    .unique()
    .execute();
}
