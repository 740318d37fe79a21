import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './db';
import { MIGRATIONS } from './migrations';

class StaticMigrationProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(store: Db): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which one: on a PostgreSQL
  // server that holds several cityloop schemas (tests, tenants) it would find another
  // schema's kysely_migration and skip creating its own. Pin it to the current schema.
  const migrationTableSchema =
    store.kind === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: new StaticMigrationProvider(),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(
      `migration failed${name}: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
