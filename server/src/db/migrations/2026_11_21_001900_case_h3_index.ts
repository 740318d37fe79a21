import type { Kysely } from 'kysely';

/**
 * Duplicate detection at intake looks for recent cases in the H3 cells around a report
 * (`h3 IN (…) AND created_at >= …`); without this index it walked every recent case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('case_h3_idx')
    .on('case_file')
    .columns(['h3', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_h3_idx').execute();
}
