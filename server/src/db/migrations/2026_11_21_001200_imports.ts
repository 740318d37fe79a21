import type { Kysely } from 'kysely';
import { T } from '../dialect';

/** Bulk imports: jobs with their progress, per-row results, and imported historical cases. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_job')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('kind', T.text, (c) => c.notNull())
    .addColumn('dry_run', T.flag, (c) => c.notNull())
    .addColumn('status', T.text, (c) => c.notNull())
    .addColumn('file_name', T.text)
    .addColumn('format', T.text, (c) => c.notNull())
    .addColumn('file_bytes', T.ms, (c) => c.notNull())
    .addColumn('created_by', T.id, (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .addColumn('started_at', T.ms)
    .addColumn('finished_at', T.ms)
    .addColumn('rows_total', T.ms)
    .addColumn('rows_processed', T.ms, (c) => c.notNull().defaultTo(0))
    .addColumn('created_count', T.ms, (c) => c.notNull().defaultTo(0))
    .addColumn('duplicate_count', T.ms, (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_count', T.ms, (c) => c.notNull().defaultTo(0))
    .addColumn('error', T.json)
    .addColumn('updated_at', T.ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_job_created_idx')
    .on('import_job')
    .columns(['created_by', 'created_at'])
    .execute();

  await db.schema
    .createTable('import_row')
    .addColumn('job_id', T.id, (c) => c.notNull().references('import_job.id'))
    .addColumn('row_no', T.ms, (c) => c.notNull())
    .addColumn('status', T.text, (c) => c.notNull())
    .addColumn('case_id', T.id)
    .addColumn('case_number', T.text)
    .addColumn('reason', T.text)
    .addPrimaryKeyConstraint('import_row_pk', ['job_id', 'row_no'])
    .execute();

  await db.schema
    .createTable('imported_case')
    .addColumn('case_id', T.id, (c) => c.primaryKey().references('case_file.id'))
    .addColumn('old_id', T.text, (c) => c.notNull().unique())
    .addColumn('old_state', T.text)
    .addColumn('old_reported_at', T.ms)
    .addColumn('job_id', T.id)
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['imported_case', 'import_row', 'import_job']) {
    await db.schema.dropTable(t).execute();
  }
}
