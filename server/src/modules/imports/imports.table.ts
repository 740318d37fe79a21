import type { Insertable, Selectable, Updateable } from 'kysely';

/** A bulk import (hotline orders or historical cases) and its progress. */
export interface ImportJobTable {
  id: string;
  /** hotline | cases. */
  kind: string;
  /** 1: validate only, write no case. */
  dry_run: number;
  /** queued | running | done | failed. */
  status: string;
  file_name: string | null;
  /** xlsx | csv. */
  format: string;
  file_bytes: number;
  created_by: string;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  /** Data rows expected (CSV: line count, an estimate when fields hold line breaks). */
  rows_total: number | null;
  rows_processed: number;
  created_count: number;
  duplicate_count: number;
  rejected_count: number;
  /** JSON { code, message, details } when the job failed as a whole. */
  error: string | null;
  updated_at: number;
}

/** The outcome of one data row of an import. */
export interface ImportRowTable {
  job_id: string;
  /** The row's number in the file (the header is row 1). */
  row_no: number;
  /** created | would_create (dry run) | duplicate | rejected. */
  status: string;
  case_id: string | null;
  case_number: string | null;
  /** Why a row was rejected (`CODE: message`), or what a duplicate matched. */
  reason: string | null;
}

/** A case imported from an old system: its old id and what the old system said of it. */
export interface ImportedCaseTable {
  case_id: string;
  old_id: string;
  old_state: string | null;
  old_reported_at: number | null;
  job_id: string | null;
  created_at: number;
}

export interface ImportTables {
  import_job: ImportJobTable;
  import_row: ImportRowTable;
  imported_case: ImportedCaseTable;
}

export type ImportJobRow = Selectable<ImportJobTable>;
export type NewImportJobRow = Insertable<ImportJobTable>;
export type ImportJobUpdate = Updateable<ImportJobTable>;
export type ImportRowRow = Selectable<ImportRowTable>;
export type NewImportRowRow = Insertable<ImportRowTable>;
