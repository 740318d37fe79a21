import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type {
  ImportJobRow,
  ImportJobUpdate,
  ImportRowRow,
  NewImportJobRow,
  NewImportRowRow,
} from './imports.table';

type Q = Kysely<Database>;

/** The only SQL of the imports module. */
export const importsRepository = {
  async insertJob(db: Q, row: NewImportJobRow): Promise<void> {
    await db.insertInto('import_job').values(row).execute();
  },

  findJob(db: Q, id: string): Promise<ImportJobRow | undefined> {
    return db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
  },

  listJobs(db: Q, f: { createdBy?: string; limit: number }): Promise<ImportJobRow[]> {
    let q = db.selectFrom('import_job').selectAll();
    if (f.createdBy) {
      q = q.where('created_by', '=', f.createdBy);
    }
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  },

  async updateJob(db: Q, id: string, patch: ImportJobUpdate): Promise<void> {
    await db.updateTable('import_job').set(patch).where('id', '=', id).execute();
  },

  async insertRows(db: Q, rows: NewImportRowRow[]): Promise<void> {
    // Batches stay well under the bind-parameter limits of both stores (6 columns a row).
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('import_row')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  /** A page of a job's row results after `afterRow`, in file order. */
  rowsAfter(db: Q, jobId: string, afterRow: number, limit: number): Promise<ImportRowRow[]> {
    return db
      .selectFrom('import_row')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('row_no', '>', afterRow)
      .orderBy('row_no')
      .limit(limit)
      .execute();
  },

  async insertImportedCase(db: Q, row: Insertable<Database['imported_case']>): Promise<void> {
    await db.insertInto('imported_case').values(row).execute();
  },
};
