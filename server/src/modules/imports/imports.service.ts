import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportJob, ImportJobStatus } from '@common/import-job';
import type { AppContext } from '../../context';
import { appError } from '../../lib/app-error';
import { DomainError } from '../../lib/errors';
import { uuidv7 } from '../../lib/ids';
import type { Actor } from '../auth/actor';
import type { CasesService } from '../cases/cases.service';
import type { HotlineService } from '../hotline/hotline.service';
import { countLineFeeds, csvField, csvRecords, CsvFormatError, decodeText } from './csv-reader';
import {
  COLUMNS_OF,
  isBlankRow,
  mapHeader,
  parseCaseRow,
  parseHotlineRow,
  type HeaderMap,
  type ImportKind,
} from './import-columns';
import { importsRepository as repo } from './imports.repository';
import type { ImportJobRow, NewImportRowRow } from './imports.table';
import { templateWorkbook } from './import-template';
import { countXlsxRows, xlsxRecords, type SheetRecord } from './xlsx-reader';

/** Largest import file accepted, bytes (a 100,000-row sheet is some 10–30 MB). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

/** Rows written (results and progress) per transaction. */
const BATCH_ROWS = 100;
/**
 * Rows processed at once: their intakes share commits (cases: group commit on SQLite). Rows
 * that carry the same key (工单编号 / 旧系统编号) never run together, so the earlier row is
 * the one created and the later one the duplicate, as in a row-by-row run.
 */
const CONCURRENT_ROWS = 32;

export type ImportFormat = 'xlsx' | 'csv';

/** What the imports module needs from the others (wired in services.ts). */
export interface ImportPorts {
  hotline: Pick<HotlineService, 'intake' | 'check'>;
  cases: Pick<CasesService, 'intake' | 'checkIntake' | 'findByIdempotencyKey'>;
  /** The city's time zone: dates without an offset are read in it. */
  timeZone(): string;
}

export type ImportJobView = ImportJob;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentJob(j: ImportJobRow): ImportJobView {
  const done = j.status === 'done';
  const total = j.rows_total;
  const percent = done
    ? 100
    : total && total > 0
      ? Math.min(99, Math.floor((j.rows_processed / total) * 100))
      : 0;
  return {
    id: j.id,
    // The store keeps these as text; only this module writes them.
    kind: j.kind as ImportKind,
    dryRun: j.dry_run === 1,
    status: j.status as ImportJobStatus,
    fileName: j.file_name,
    format: j.format as ImportFormat,
    bytes: j.file_bytes,
    createdAt: iso(j.created_at)!,
    startedAt: iso(j.started_at),
    finishedAt: iso(j.finished_at),
    progress: { processed: j.rows_processed, total, percent },
    counts: { created: j.created_count, duplicate: j.duplicate_count, rejected: j.rejected_count },
    error: j.error ? (JSON.parse(j.error) as ImportJobView['error']) : null,
    resultsUrl: `/api/v1/imports/${j.id}/results.csv`,
  };
}

/** The format of a file by its first bytes; null for anything but a workbook or text. */
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function sniff(path: string): Promise<ImportFormat | null> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
      return 'xlsx';
    }
    // Legacy .xls (an OLE2 compound file, by its signature) and any other binary: a NUL byte
    // never appears in CSV text.
    return head.subarray(0, 8).equals(OLE2_SIGNATURE) || head.includes(0) ? null : 'csv';
  } finally {
    await fh.close();
  }
}

/** A record of either format with its row number in the file (the header is row 1). */
async function* recordsOf(format: ImportFormat, path: string): AsyncGenerator<SheetRecord> {
  if (format === 'xlsx') {
    yield* xlsxRecords(path);
    return;
  }
  let rowNo = 0;
  for await (const cells of csvRecords(decodeText(createReadStream(path)))) {
    rowNo++;
    yield { rowNo, cells };
  }
}

/** Data rows expected: exact for a workbook, line-based for CSV; the header left out. */
async function estimateRows(format: ImportFormat, path: string): Promise<number> {
  if (format === 'xlsx') {
    return Math.max(0, (await countXlsxRows(path)) - 1);
  }
  const { lineFeeds, endsWithLineFeed } = await countLineFeeds(createReadStream(path));
  return Math.max(0, lineFeeds + (endsWithLineFeed ? 0 : 1) - 1);
}

interface RowOutcome {
  status: 'created' | 'would_create' | 'duplicate' | 'rejected';
  caseId?: string;
  caseNumber?: string;
  reason?: string;
}

class Interrupted extends Error {}

export type ImportService = ReturnType<typeof createImportService>;

/**
 * Bulk imports of hotline orders and historical cases: the upload is spooled to DATA_DIR,
 * a job row records it, and the job runs in the background in this process (one at a time),
 * streaming the rows: each row goes through the same intake as the API (hotline or cases
 * service), so a bad row is rejected with its reason and never stops the good ones, and the
 * intake's idempotency keys make a re-run create nothing twice.
 */
export function createImportService(ctx: AppContext, ports: ImportPorts) {
  const db = ctx.store.db;
  const now = () => ctx.clock.now();
  const dir = join(ctx.config.dataDir, 'imports');
  /** Who started each queued or running job (a job runs with its uploader's rights). */
  const actors = new Map<string, Actor>();
  const finished = new Map<string, Promise<void>>();
  let tail: Promise<void> = Promise.resolve();
  let stopping = false;

  async function visibleJob(actor: Actor, id: string): Promise<ImportJobRow> {
    const j = await repo.findJob(db, id);
    if (!j || (j.created_by !== actor.userId && !actor.roles.includes('shift_leader'))) {
      throw appError('IMPORT_JOB_NOT_FOUND', `No import job ${id}`);
    }
    return j;
  }

  async function fail(id: string, error: { code: string; message: string; details?: unknown }) {
    const at = now();
    await repo.updateJob(db, id, {
      status: 'failed',
      error: JSON.stringify(error),
      finished_at: at,
      updated_at: at,
    });
  }

  async function processRow(
    kind: ImportKind,
    dryRun: boolean,
    actor: Actor,
    jobId: string,
    index: HeaderMap['index'],
    rec: SheetRecord,
    seen: Map<string, number>,
  ): Promise<RowOutcome> {
    const tz = ports.timeZone();
    if (kind === 'hotline') {
      const p = parseHotlineRow(index, rec.cells, tz);
      if (!p.ok) {
        return { status: 'rejected', reason: p.reason };
      }
      const body = p.body;
      if (dryRun) {
        const earlier = seen.get(body.orderNo);
        if (earlier !== undefined) {
          return { status: 'duplicate', reason: `same 工单编号 as row ${earlier}` };
        }
        seen.set(body.orderNo, rec.rowNo);
        const c = await ports.hotline.check(actor, body);
        return c.duplicate
          ? {
              status: 'duplicate',
              caseId: c.duplicate.caseId,
              caseNumber: c.duplicate.number,
              reason: 'order number already taken in',
            }
          : { status: 'would_create' };
      }
      const r = await ports.hotline.intake(actor, body);
      return r.created
        ? { status: 'created', caseId: r.caseId, caseNumber: r.number }
        : {
            status: 'duplicate',
            caseId: r.caseId,
            caseNumber: r.number,
            reason: 'order number already taken in',
          };
    }
    const p = parseCaseRow(index, rec.cells, tz);
    if (!p.ok) {
      return { status: 'rejected', reason: p.reason };
    }
    const h = p.body;
    const key = `import:${h.oldId}`;
    if (dryRun) {
      const earlier = seen.get(h.oldId);
      if (earlier !== undefined) {
        return { status: 'duplicate', reason: `same 旧系统编号 as row ${earlier}` };
      }
      seen.set(h.oldId, rec.rowNo);
      const dup = await ports.cases.findByIdempotencyKey(key);
      if (dup) {
        return {
          status: 'duplicate',
          caseId: dup.id,
          caseNumber: dup.number,
          reason: 'old-system id already imported',
        };
      }
      await ports.cases.checkIntake(actor, h.body);
      return { status: 'would_create' };
    }
    const res = await ports.cases.intake(actor, h.body, {
      idempotencyKey: key,
      inTransaction: (trx, row) =>
        repo.insertImportedCase(trx, {
          case_id: row.id,
          old_id: h.oldId,
          old_state: h.oldState,
          old_reported_at: h.oldReportedAt,
          job_id: jobId,
          created_at: row.created_at,
        }),
    });
    return res.created
      ? { status: 'created', caseId: res.row.id, caseNumber: res.row.number }
      : {
          status: 'duplicate',
          caseId: res.row.id,
          caseNumber: res.row.number,
          reason: 'old-system id already imported',
        };
  }

  async function run(id: string, path: string): Promise<void> {
    const actor = actors.get(id);
    const job = await repo.findJob(db, id);
    if (!actor || !job) {
      return;
    }
    const kind = job.kind as ImportKind;
    const dryRun = job.dry_run === 1;
    const format = job.format as ImportFormat;
    const counts = { processed: 0, created: 0, duplicate: 0, rejected: 0 };
    let pending: NewImportRowRow[] = [];
    const progress = () => ({
      rows_processed: counts.processed,
      created_count: counts.created,
      duplicate_count: counts.duplicate,
      rejected_count: counts.rejected,
      updated_at: now(),
    });
    const flush = async (extra: Parameters<typeof repo.updateJob>[2] = {}) => {
      const rows = pending;
      pending = [];
      await db.transaction().execute(async (trx) => {
        await repo.insertRows(trx, rows);
        await repo.updateJob(trx, id, { ...progress(), ...extra });
      });
    };
    try {
      if (stopping) {
        throw new Interrupted();
      }
      await repo.updateJob(db, id, { status: 'running', started_at: now(), updated_at: now() });
      const total = await estimateRows(format, path).catch(() => null);
      await repo.updateJob(db, id, { rows_total: total, updated_at: now() });
      let header: HeaderMap | null = null;
      const seen = new Map<string, number>();
      // Rows read but not processed yet (at most CONCURRENT_ROWS), and their keys.
      const window: SheetRecord[] = [];
      const windowKeys = new Set<string>();
      const outcomeOf = async (
        index: HeaderMap['index'],
        rec: SheetRecord,
      ): Promise<RowOutcome> => {
        try {
          return await processRow(kind, dryRun, actor, id, index, rec, seen);
        } catch (err) {
          if (err instanceof DomainError) {
            return { status: 'rejected', reason: `${err.code}: ${err.message}` };
          }
          ctx.log.error({ err, jobId: id, row: rec.rowNo }, 'import row failed');
          return { status: 'rejected', reason: 'INTERNAL_ERROR: unexpected error (logged)' };
        }
      };
      /** Processes the window's rows together and records their outcomes in row order. */
      const drainWindow = async () => {
        if (window.length === 0 || !header) {
          return;
        }
        const index = header.index;
        // Started in row order: each row's checks against earlier rows (dry run) run first.
        const outcomes = await Promise.all(window.map((rec) => outcomeOf(index, rec)));
        window.forEach((rec, i) => {
          const outcome = outcomes[i]!;
          counts.processed++;
          if (outcome.status === 'rejected') {
            counts.rejected++;
          } else if (outcome.status === 'duplicate') {
            counts.duplicate++;
          } else {
            counts.created++;
          }
          pending.push({
            job_id: id,
            row_no: rec.rowNo,
            status: outcome.status,
            case_id: outcome.caseId ?? null,
            case_number: outcome.caseNumber ?? null,
            reason: outcome.reason ?? null,
          });
        });
        window.length = 0;
        windowKeys.clear();
        if (pending.length >= BATCH_ROWS) {
          await flush();
        }
      };
      for await (const rec of recordsOf(format, path)) {
        if (stopping) {
          throw new Interrupted();
        }
        if (isBlankRow(rec.cells)) {
          continue;
        }
        if (!header) {
          header = mapHeader(rec.cells, COLUMNS_OF[kind]);
          if (header.missing.length > 0) {
            await fail(id, {
              code: 'IMPORT_HEADER_INVALID',
              message: `The header row lacks the required columns: ${header.missing.map((c) => c.zh).join(', ')}`,
              details: header.missing.map((c) => ({ column: c.zh, alias: c.aliases[0] })),
            });
            return;
          }
          continue;
        }
        const key = rowKey(kind, header.index, rec);
        if (key !== null && windowKeys.has(key)) {
          await drainWindow();
        }
        window.push(rec);
        if (key !== null) {
          windowKeys.add(key);
        }
        if (window.length >= CONCURRENT_ROWS) {
          await drainWindow();
        }
      }
      await drainWindow();
      if (!header) {
        await flush();
        await fail(id, { code: 'IMPORT_HEADER_INVALID', message: 'The file has no header row' });
        return;
      }
      await flush({ status: 'done', rows_total: counts.processed, finished_at: now() });
    } catch (err) {
      await flush().catch(() => undefined);
      if (err instanceof Interrupted) {
        await fail(id, {
          code: 'IMPORT_INTERRUPTED',
          message:
            'The server stopped during the import; run the file again (nothing is created twice)',
        });
      } else {
        ctx.log.warn({ err, jobId: id }, 'import job failed');
        const message =
          err instanceof CsvFormatError
            ? err.message
            : `The file cannot be read as ${format === 'xlsx' ? 'an .xlsx workbook' : 'CSV'}`;
        await fail(id, { code: 'IMPORT_FILE_UNREADABLE', message });
      }
    } finally {
      actors.delete(id);
      await rm(path, { force: true });
    }
  }

  function enqueue(id: string, actor: Actor, path: string): void {
    actors.set(id, actor);
    const p = tail
      .then(() => run(id, path))
      .catch((err: unknown) => ctx.log.error({ err, jobId: id }, 'import job crashed'));
    tail = p;
    finished.set(id, p);
    void p.then(() => finished.delete(id));
  }

  return {
    /**
     * Spools an uploaded file to DATA_DIR/imports, records a job and queues it; answers at
     * once (the job runs in the background).
     * @throws IMPORT_FILE_TOO_LARGE, IMPORT_FILE_MISSING (empty file),
     *   IMPORT_FILE_TYPE_UNSUPPORTED (not .xlsx or CSV text)
     */
    async receive(
      actor: Actor,
      o: {
        kind: ImportKind;
        dryRun: boolean;
        fileName: string | null;
        stream: Readable;
        truncated: () => boolean;
      },
    ): Promise<ImportJobView> {
      await mkdir(dir, { recursive: true });
      const at = now();
      const id = uuidv7(at);
      const spool = join(dir, `${id}.upload`);
      try {
        await pipeline(o.stream, createWriteStream(spool));
        if (o.truncated()) {
          throw appError(
            'IMPORT_FILE_TOO_LARGE',
            `An import file may hold at most ${IMPORT_MAX_BYTES} bytes`,
          );
        }
        const { size } = await stat(spool);
        if (size === 0) {
          throw appError('IMPORT_FILE_MISSING', 'The file is empty');
        }
        const format = await sniff(spool);
        if (!format) {
          throw appError(
            'IMPORT_FILE_TYPE_UNSUPPORTED',
            'Send an .xlsx workbook or a CSV file (legacy .xls: save it as .xlsx first)',
          );
        }
        const path = join(dir, `${id}.${format}`);
        await rename(spool, path);
        await repo
          .insertJob(db, {
            id,
            kind: o.kind,
            dry_run: o.dryRun ? 1 : 0,
            status: 'queued',
            file_name: o.fileName ? o.fileName.slice(0, 200) : null,
            format,
            file_bytes: size,
            created_by: actor.userId,
            created_at: at,
            started_at: null,
            finished_at: null,
            rows_total: null,
            rows_processed: 0,
            created_count: 0,
            duplicate_count: 0,
            rejected_count: 0,
            error: null,
            updated_at: at,
          })
          .catch(async (err: unknown) => {
            await rm(path, { force: true });
            throw err;
          });
        enqueue(id, actor, path);
      } finally {
        await rm(spool, { force: true });
      }
      return presentJob((await repo.findJob(db, id))!);
    },

    /** A job's status and progress. @throws IMPORT_JOB_NOT_FOUND */
    async get(actor: Actor, id: string): Promise<ImportJobView> {
      return presentJob(await visibleJob(actor, id));
    },

    /** The caller's recent jobs (a shift leader sees everyone's). */
    async list(actor: Actor): Promise<ImportJobView[]> {
      const rows = await repo.listJobs(db, {
        createdBy: actor.roles.includes('shift_leader') ? undefined : actor.userId,
        limit: 50,
      });
      return rows.map(presentJob);
    },

    /**
     * The per-row result file (so far, while the job runs): UTF-8 CSV with a BOM (Excel opens
     * it right), columns row, status, case_number, case_id, reason; streamed in pages.
     * @throws IMPORT_JOB_NOT_FOUND
     */
    async results(actor: Actor, id: string): Promise<AsyncGenerator<string>> {
      await visibleJob(actor, id);
      async function* lines(): AsyncGenerator<string> {
        yield '\uFEFFrow,status,case_number,case_id,reason\r\n';
        let after = 0;
        for (;;) {
          const rows = await repo.rowsAfter(db, id, after, 1000);
          if (rows.length === 0) {
            return;
          }
          yield rows
            .map(
              (r) =>
                [r.row_no, r.status, r.case_number, r.case_id, r.reason].map(csvField).join(',') +
                '\r\n',
            )
            .join('');
          after = rows[rows.length - 1]!.row_no;
        }
      }
      return lines();
    },

    /** The template workbook of a kind: the header row, an example, and the instructions. */
    template: (kind: ImportKind): Promise<Buffer> => templateWorkbook(kind),

    /** Resolves when the job has finished (tests; a graceful stop). */
    async waitFor(id: string): Promise<void> {
      await finished.get(id);
    },

    /** Stops taking rows: the running job ends as failed (interrupted) after its current row. */
    async stop(): Promise<void> {
      stopping = true;
      await tail;
    },
  };
}

/** The row's idempotency key (工单编号 / 旧系统编号), or null when the row does not parse. */
function rowKey(kind: ImportKind, index: HeaderMap['index'], rec: SheetRecord): string | null {
  // The time zone does not change the key; the row is parsed again when it is processed.
  if (kind === 'hotline') {
    const p = parseHotlineRow(index, rec.cells, 'UTC');
    return p.ok ? `hotline:${p.body.orderNo}` : null;
  }
  const p = parseCaseRow(index, rec.cells, 'UTC');
  return p.ok ? `import:${p.body.oldId}` : null;
}
