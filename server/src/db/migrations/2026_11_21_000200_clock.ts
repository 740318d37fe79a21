import type { Kysely } from 'kysely';
import { T } from '../dialect';

/**
 * The working calendar as data (domain.md §3): special days (holidays and make-up workdays),
 * the years whose official schedule is entered, and (in app_setting 'clock.calendar') the
 * working periods and time zone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_year')
    .addColumn('year', T.int, (c) => c.primaryKey())
    .addColumn('official', T.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('note', T.text)
    .addColumn('updated_at', T.ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_day')
    .addColumn('date', T.text, (c) => c.primaryKey())
    .addColumn('kind', T.text, (c) => c.notNull())
    .addColumn('name', T.text, (c) => c.notNull())
    .addColumn('source', T.text, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_day').execute();
  await db.schema.dropTable('calendar_year').execute();
}
