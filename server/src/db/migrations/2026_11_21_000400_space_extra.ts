import type { Kysely } from 'kysely';
import { T } from '../dialect';

/** Space: an optional display name per unit grid, and lookup of grids by their legacy code. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('grid').addColumn('name', T.text).execute();
  await db.schema.createIndex('grid_legacy_code_idx').on('grid').column('legacy_code').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('grid_legacy_code_idx').execute();
  await db.schema.alterTable('grid').dropColumn('name').execute();
}
