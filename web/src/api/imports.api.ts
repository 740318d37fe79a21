import { request, requestJson } from './http';

/**
 * Bulk imports of 12345 hotline orders and historical cases (intake clerks, shift leaders):
 * upload a file, then poll the job (server/src/modules/imports, imports.service.ts presentJob).
 */

export {
  IMPORT_KINDS,
  type ImportJob,
  type ImportJobError,
  type ImportJobStatus,
  type ImportKind,
} from '@common/import-job';
import type { ImportJob, ImportKind } from '@common/import-job';

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
