import { sql, SqliteAdapter, type Kysely } from 'kysely';
import { T } from '../dialect';

/**
 * Fewer B-tree writes per intake (docs/PERFORMANCE.md, intake):
 * - duplicate candidates: the index on (h3, created_at) also holds lng and lat, so the
 *   search box is checked in the index and only cases inside it are read;
 * - SQLite only: the search tokens and the evaluation rollups become WITHOUT ROWID tables,
 *   stored in their primary key's order: one B-tree per row instead of a rowid table plus
 *   the key's index (PostgreSQL has no rowid; its tables stay as they are).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_h3_idx').execute();
  await db.schema
    .createIndex('case_nearby_idx')
    .on('case_file')
    .columns(['h3', 'created_at', 'lng', 'lat'])
    .execute();
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    return;
  }
  await db.schema
    .createTable('case_token_new')
    .addColumn('token', T.text, (c) => c.notNull())
    .addColumn('case_id', T.id, (c) => c.notNull().references('case_file.id'))
    .addPrimaryKeyConstraint('case_token_pk', ['token', 'case_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`insert into case_token_new (token, case_id) select token, case_id from case_token`.execute(
    db,
  );
  await db.schema.dropTable('case_token').execute();
  await db.schema.alterTable('case_token_new').renameTo('case_token').execute();

  await db.schema
    .createTable('eval_rollup_new')
    .addColumn('kind', T.text, (c) => c.notNull())
    .addColumn('day', T.text, (c) => c.notNull())
    .addColumn('key', T.text, (c) => c.notNull())
    .addColumn('metric', T.text, (c) => c.notNull())
    .addColumn('shard', T.int, (c) => c.notNull())
    .addColumn('count', T.int, (c) => c.notNull())
    .addPrimaryKeyConstraint('eval_rollup_pk', ['kind', 'day', 'key', 'metric', 'shard'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`insert into eval_rollup_new select kind, day, key, metric, shard, count from eval_rollup`.execute(
    db,
  );
  await db.schema.dropTable('eval_rollup').execute();
  await db.schema.alterTable('eval_rollup_new').renameTo('eval_rollup').execute();
  await db.schema
    .createIndex('eval_rollup_key_idx')
    .on('eval_rollup')
    .columns(['kind', 'key', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('case_nearby_idx').execute();
  await db.schema
    .createIndex('case_h3_idx')
    .on('case_file')
    .columns(['h3', 'created_at'])
    .execute();
  // The WITHOUT ROWID tables read and write like the old ones: nothing to undo.
}
