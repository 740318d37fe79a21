/**
 * A bulk import job (12345 hotline orders, historical cases) as the API shows it
 * (`GET /api/v1/imports/{id}`): written by the server (imports.service.ts `presentJob`), read
 * by the console. Times are ISO-8601 strings.
 */

export const IMPORT_KINDS = ['hotline', 'cases'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportJobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A job's failure: IMPORT_HEADER_INVALID (details name the missing columns), … */
export interface ImportJobError {
  code: string;
  message: string;
  details?: unknown;
}

/** One import job as GET /api/v1/imports/{id} answers it. Times are ISO-8601 strings. */
export interface ImportJob {
  id: string;
  kind: ImportKind;
  dryRun: boolean;
  status: ImportJobStatus;
  fileName: string | null;
  format: 'xlsx' | 'csv';
  bytes: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** `total` is null until the counting pass has run; `percent` is 100 only when done. */
  progress: { processed: number; total: number | null; percent: number };
  /** In a dry run, `created` counts the rows that would be created. */
  counts: { created: number; duplicate: number; rejected: number };
  error: ImportJobError | null;
  resultsUrl: string;
}
