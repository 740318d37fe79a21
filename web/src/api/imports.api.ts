import { request, requestJson } from './http';

/**
 * Bulk imports of 12345 hotline orders and historical cases (intake clerks, shift leaders):
 * upload a file, then poll the job (server/src/modules/imports, imports.service.ts presentJob).
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

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const jobPath = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`;

export const importsApi = {
  /** Your recent jobs, newest first (a shift leader sees everyone's). */
  list: (signal?: AbortSignal) =>
    requestJson<{ items: ImportJob[] }>('/api/v1/imports', { signal }).then((r) => r.items),
  get: (id: string, signal?: AbortSignal) => requestJson<ImportJob>(jobPath(id), { signal }),
  /** Uploads the file (multipart, one part); answers 202 with the queued job. */
  start: (kind: ImportKind, dryRun: boolean, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return requestJson<ImportJob>('/api/v1/imports', {
      query: { kind, dryRun: String(dryRun) },
      form,
    });
  },
  /** The per-row results so far (row, status, case_number, case_id, reason), UTF-8 CSV. */
  results: async (id: string): Promise<Blob> => {
    const res = await request(`${jobPath(id)}/results.csv`, { headers: { accept: 'text/csv' } });
    return res.blob();
  },
  /** The template workbook of a kind: header row, an example row, and the instructions. */
  template: async (kind: ImportKind): Promise<Blob> => {
    const res = await request('/api/v1/imports/template.xlsx', {
      query: { kind },
      headers: { accept: XLSX_TYPE },
    });
    return res.blob();
  },
};
