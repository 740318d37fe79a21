import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { startCheckpointer } from './checkpointer';
import type { Database } from './database';

export type DbKind = 'sqlite' | 'postgres';

export interface Db {
  readonly db: Kysely<Database>;
  readonly kind: DbKind;
  /** The PostgreSQL schema, when not the default (tests run each file in its own). */
  readonly schema?: string;
  /** The PostgreSQL connection string (the live bus opens its own LISTEN connection). */
  readonly url?: string;
  destroy(): Promise<void>;
}

// int8 (COUNT, bigint epoch-ms columns) comes back from pg as a string; every value we keep
// in bigint columns is an epoch-ms or a count, far below 2^53, so a Number is exact.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric (AVG, SUM over integers) likewise.
pg.types.setTypeParser(1700, (v) => Number(v));

/** Prepared statements kept per connection (least recently used go first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite handle Kysely gets, with its prepared statements reused by SQL text: Kysely
 * prepares every query anew, and compiling a statement costs more than running most of ours.
 * Safe because Kysely runs one query at a time on the one connection (a streamed query holds
 * the connection until it finishes); SQLite re-prepares a statement itself after a schema change.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          cache.delete(cache.keys().next().value!);
        }
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export interface CreateDbOptions {
  kind: DbKind;
  /** SQLite file path, or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL connection string. */
  url?: string;
  /** PostgreSQL schema to use (tests run each file in its own schema). */
  schema?: string;
  poolSize?: number;
  /**
   * SQLite file: told once if the background checkpoint thread cannot run (the server's own
   * checkpoints carry on). Default: a line on stderr, so it is never silent.
   */
  onCheckpointerFailure?: (err: Error) => void;
}

/**
 * Opens the store. SQLite runs in WAL mode with foreign keys on; PostgreSQL through a pool.
 * Portable representations (decided once, see docs/ARCHITECTURE.md): ids are UUIDv7 text,
 * times are epoch-ms integers (bigint), flags are 0/1 integers, JSON is text.
 */
export function createDb(opts: CreateDbOptions): Db {
  if (opts.kind === 'sqlite') {
    const file = opts.sqliteFile ?? ':memory:';
    if (file !== ':memory:') {
      mkdirSync(dirname(file), { recursive: true });
    }
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // WAL + NORMAL survives a process crash (SIGKILL) without losing committed transactions;
    // only an OS crash or power loss may drop the last few.
    sqlite.pragma('synchronous = NORMAL');
    // 32 MiB of page cache (default 2 MiB): the indexes that intake writes (case, tokens,
    // rollups) stay in memory.
    sqlite.pragma('cache_size = -32768');
    // Checkpoints: this connection copies the WAL back every ~40 MB (default ~4 MB: a page
    // written by many transactions between two checkpoints is copied back once), and then
    // starts it over. For a file, a background thread (checkpointer.ts) copies it back four
    // times a second meanwhile, so this connection's own checkpoints find little left to copy
    // and a commit that crosses the line no longer stops the server for the whole copy and
    // sync. If the thread cannot run, this connection's checkpoints carry on alone.
    sqlite.pragma('wal_autocheckpoint = 10000');
    const onFailure =
      opts.onCheckpointerFailure ??
      ((err: Error) => console.error(`${err.message} (checkpoints go on on the server's thread)`));
    const checkpointer = file === ':memory:' ? null : startCheckpointer(file, onFailure);
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    return {
      db,
      kind: 'sqlite',
      async destroy() {
        await checkpointer?.stop();
        await db.destroy();
      },
    };
  }
  if (!opts.url) {
    throw new Error('createDb: postgres needs a url');
  }
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', schema: opts.schema, url: opts.url, destroy: () => db.destroy() };
}
