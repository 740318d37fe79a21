import type { Kysely } from 'kysely';
import { T } from '../dialect';

/** Evidence photos: metadata rows; the bytes live in blob storage (DATA_DIR/files). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attachment')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('sha256', T.text, (c) => c.notNull())
    .addColumn('mime', T.text, (c) => c.notNull())
    .addColumn('bytes', T.ms, (c) => c.notNull())
    .addColumn('width', T.int, (c) => c.notNull())
    .addColumn('height', T.int, (c) => c.notNull())
    .addColumn('original_name', T.text)
    .addColumn('uploaded_by', T.id, (c) => c.references('app_user.id'))
    .addColumn('uploaded_at', T.ms, (c) => c.notNull())
    // No foreign key to case_file: an attachment is uploaded before its case exists, and the
    // binding is checked by the attachments service.
    .addColumn('case_id', T.id)
    .addColumn('kind', T.text)
    .addColumn('blob_key', T.text, (c) => c.notNull())
    .addColumn('thumb_key', T.text)
    .execute();
  await db.schema
    .createIndex('attachment_case_idx')
    .on('attachment')
    .columns(['case_id', 'uploaded_at'])
    .execute();
  await db.schema.createIndex('attachment_sha256_idx').on('attachment').column('sha256').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachment').execute();
}
