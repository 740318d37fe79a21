/** The largest import file the server takes (IMPORT_MAX_BYTES of the imports module). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

/** What the file picker offers: workbooks and CSV text. */
export const IMPORT_ACCEPT =
  '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Why a chosen file cannot be sent, checked before the upload; null when it can. */
export type ImportFileProblem = 'missing' | 'type' | 'empty' | 'tooLarge';

/**
 * Checks a chosen file by its name and size. The server decides the format by the content
 * (a CSV named .txt would do there); here the name keeps a legacy .xls or a photo from being
 * sent across at all.
 */
export function importFileProblem(
  file: Pick<File, 'name' | 'size'> | null | undefined,
): ImportFileProblem | null {
  if (!file) {
    return 'missing';
  }
  if (!/\.(xlsx|csv)$/i.test(file.name.trim())) {
    return 'type';
  }
  if (file.size === 0) {
    return 'empty';
  }
  if (file.size > IMPORT_MAX_BYTES) {
    return 'tooLarge';
  }
  return null;
}

/** A byte count for people: 930 B, 12.4 KB, 3.1 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) {
    return `${n} B`;
  }
  if (n < 1024 * 1024) {
    return `${(n / 1024).toFixed(1)} KB`;
  }
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The result file's name: `orders-results.csv` for `orders.xlsx`, else by the job id. */
export function resultsFileName(job: { id: string; fileName: string | null }): string {
  const base = job.fileName?.replace(/\.[^.]*$/, '').trim();
  return `${base || `import-${job.id}`}-results.csv`;
}

/** The missing columns an IMPORT_HEADER_INVALID job error names in its details. */
export function missingColumns(details: unknown): string[] {
  if (!Array.isArray(details)) {
    return [];
  }
  return details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) {
      return [];
    }
    const { column, alias } = d as { column?: unknown; alias?: unknown };
    if (typeof column !== 'string') {
      return [];
    }
    return [typeof alias === 'string' && alias !== column ? `${column} (${alias})` : column];
  });
}
