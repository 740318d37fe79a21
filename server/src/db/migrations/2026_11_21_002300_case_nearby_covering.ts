import type { Kysely } from 'kysely';

/**
 * Duplicate detection reads only the index: it holds every column the look-up tests and
 * returns (place, time, state, matter, number, id), so the case rows, wide with their texts,
 * are not visited (they were most of the look-up's time). Descriptions are read only for
 * candidates whose tokens the projector does not hold yet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_nearby_idx').execute();
  await db.schema
    .createIndex('case_nearby_idx')
    .on('case_file')
    .columns(['h3', 'created_at', 'lng', 'lat', 'state', 'matter_code', 'number', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_nearby_idx').execute();
  await db.schema
    .createIndex('case_nearby_idx')
    .on('case_file')
    .columns(['h3', 'created_at', 'lng', 'lat'])
    .execute();
}
