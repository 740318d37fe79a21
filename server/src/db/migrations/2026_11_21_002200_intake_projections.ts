import { type Kysely } from 'kysely';
import { T } from '../dialect';

/**
 * The intake projections' queue (docs/ARCHITECTURE.md, "Intake and its projections"): intake
 * writes the case, its report event and one row here in its transaction; the projector adds
 * the case's search tokens, duplicate candidates and evaluation rollups later, in batches,
 * and deletes the row in the same transaction. A crash between the two leaves the row, and
 * the next projector run (at start, or before any read that needs them) does the work.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_projection_pending')
    .addColumn('case_id', T.id, (c) => c.primaryKey())
    .execute();
  // Cases are still written with their projections by earlier versions: nothing to enqueue.
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_projection_pending').execute();
}
