import type { ColumnDataType } from 'kysely';
import type { DbKind } from './db';

/** Column types that read the same on both stores. */
export const T = {
  id: 'text',
  text: 'text',
  int: 'integer',
  /** epoch milliseconds, counts that may pass 2^31 */
  ms: 'bigint',
  float: 'double precision',
  /** 0/1: SQLite has no boolean and better-sqlite3 cannot bind one */
  flag: 'integer',
  json: 'text',
} as const satisfies Record<string, ColumnDataType>;

/** A portable binary column type. */
export function blobType(kind: DbKind): ColumnDataType {
  return kind === 'postgres' ? 'bytea' : 'blob';
}
