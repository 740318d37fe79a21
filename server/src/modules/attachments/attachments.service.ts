import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import type { Database } from '../../db/database';
import type { ErrorCode } from '../../http/error-codes';
import { appError } from '../../lib/app-error';
import type { FieldIssue } from '../../lib/errors';
import { uuidv7 } from '../../lib/ids';
import type { Actor } from '../auth/actor';
import { attachmentRepository as repo } from './attachments.repository';
import type {
  AttachmentKind,
  AttachmentMime,
  AttachmentRow,
  NewAttachmentRow,
} from './attachments.table';
import { BlobNotFoundError, createDiskBlobStorage, type BlobStorage } from './blob-storage';
import { probeImage } from './image-probe';
import { loadSharpThumbnailer, THUMB_MIME, type Thumbnailer } from './thumbnail';

/** Files per staff upload request. */
export const MAX_FILES_PER_UPLOAD = 9;
/** Files per public (portal) upload request. */
export const MAX_FILES_PER_PUBLIC_UPLOAD = 3;

/** An attachment as the API and other modules see it. */
export interface AttachmentMeta {
  id: string;
  sha256: string;
  mime: AttachmentMime;
  bytes: number;
  width: number;
  height: number;
  originalName: string | null;
  /** null for a public upload */
  uploadedBy: string | null;
  uploadedAt: number;
  caseId: string | null;
  kind: AttachmentKind | null;
  /** Download path of the original. */
  url: string;
  /** Download path of the thumbnail; null when none was made. */
  thumbUrl: string | null;
}

/** One file of an upload, as the HTTP edge hands it over. */
export interface IncomingFile {
  /** The client's file name; display only. */
  filename: string | null;
  /** The bytes (only the first `limitBytes` when truncated). */
  data: Buffer;
  /** True when the client sent more than the size limit. */
  truncated: boolean;
}

/** A blob ready to be streamed, with what the HTTP edge needs for its headers. */
export interface OpenedBlob {
  mime: string;
  /** Quoted strong ETag. */
  etag: string;
  /** Size in bytes when known (the original), else null. */
  bytes: number | null;
  /** A download file name with an extension matching the content. */
  filename: string;
  stream(): Promise<Readable>;
}

export interface AttachmentServiceDeps {
  /** Defaults to disk storage under `${config.dataDir}/files`. */
  storage?: BlobStorage;
  /** Defaults to sharp when it loads; null stores uploads without thumbnails. */
  thumbnailer?: Thumbnailer | null;
}

const EXT: Record<AttachmentMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

function rowToMeta(row: AttachmentRow): AttachmentMeta {
  return {
    id: row.id,
    sha256: row.sha256,
    mime: row.mime,
    bytes: Number(row.bytes),
    width: row.width,
    height: row.height,
    originalName: row.original_name,
    uploadedBy: row.uploaded_by,
    uploadedAt: Number(row.uploaded_at),
    caseId: row.case_id,
    kind: row.kind,
    url: `/api/v1/attachments/${row.id}`,
    thumbUrl: row.thumb_key ? `/api/v1/attachments/${row.id}/thumb` : null,
  };
}

/** Client file names are display text: strip control characters and paths, cap the length. */
function cleanName(name: string | null): string | null {
  if (!name) {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base ? base.slice(0, 200) : null;
}

/** An upload that passed every check. */
interface CheckedImage {
  sha256: string;
  mime: AttachmentMime;
  width: number;
  height: number;
  thumb: Buffer | null;
}

interface Rejection {
  index: number;
  code: ErrorCode;
  message: string;
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;

/**
 * Evidence photos of cases: upload (type decided by content), storage, thumbnails, download,
 * and the checks and binding the cases module uses when an action references photos.
 */
export function createAttachmentService(ctx: AppContext, deps: AttachmentServiceDeps = {}) {
  const db = ctx.store.db;
  const storage = deps.storage ?? createDiskBlobStorage(join(ctx.config.dataDir, 'files'));
  const limitBytes = ctx.config.uploads.limitBytes;
  let thumbnailer: Promise<Thumbnailer | null> | undefined =
    deps.thumbnailer !== undefined ? Promise.resolve(deps.thumbnailer) : undefined;
  const getThumbnailer = (): Promise<Thumbnailer | null> =>
    (thumbnailer ??= loadSharpThumbnailer((err) =>
      ctx.log.warn({ err }, 'sharp is unavailable: uploads are stored without thumbnails'),
    ));

  /** Checks one file; returns what to store, or why not. Stores nothing. */
  async function prepare(
    file: IncomingFile,
    index: number,
    thumbs: Thumbnailer | null,
  ): Promise<{ ok: true; image: CheckedImage } | { ok: false; rejection: Rejection }> {
    const label = cleanName(file.filename) ?? `file ${index + 1}`;
    const reject = (code: ErrorCode, message: string) =>
      ({ ok: false, rejection: { index, code, message: `${label}: ${message}` } }) as const;
    if (file.truncated || file.data.length > limitBytes) {
      return reject('ATTACHMENT_TOO_LARGE', `larger than the limit of ${limitBytes} bytes`);
    }
    if (file.data.length === 0) {
      return reject('ATTACHMENT_EMPTY', 'the file is empty');
    }
    const probe = probeImage(file.data);
    if (!probe.ok) {
      return probe.reason === 'unsupported'
        ? reject(
            'ATTACHMENT_TYPE_UNSUPPORTED',
            `${probe.detected ? `a ${probe.detected} file; ` : ''}only JPEG, PNG and WebP images are accepted`,
          )
        : reject(
            'ATTACHMENT_IMAGE_INVALID',
            `not a readable ${EXT[probe.mime].toUpperCase()} image`,
          );
    }
    let thumb: Buffer | null = null;
    if (thumbs) {
      try {
        thumb = await thumbs.make(file.data);
      } catch {
        return reject(
          'ATTACHMENT_IMAGE_INVALID',
          `not a readable ${EXT[probe.mime].toUpperCase()} image`,
        );
      }
    }
    return {
      ok: true,
      image: {
        sha256: createHash('sha256').update(file.data).digest('hex'),
        mime: probe.mime,
        width: probe.width,
        height: probe.height,
        thumb,
      },
    };
  }

  async function deleteBlobs(keys: readonly (string | null)[]): Promise<void> {
    for (const key of keys) {
      if (key) {
        try {
          await storage.delete(key);
        } catch (err) {
          ctx.log.error({ err, key }, 'could not delete blob');
        }
      }
    }
  }

  function rowOf(row: AttachmentRow | undefined, id: string): AttachmentRow {
    if (!row) {
      throw appError('ATTACHMENT_NOT_FOUND', `No attachment ${id}`);
    }
    return row;
  }

  /**
   * Metadata of the known ids, in the order asked (unknown ids are left out).
   * Pass `q` (a transaction) when calling inside one.
   */
  async function getMeta(
    ids: readonly string[],
    q: Kysely<Database> = db,
  ): Promise<AttachmentMeta[]> {
    const byId = new Map((await repo.findByIds(q, [...new Set(ids)])).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [rowToMeta(row)] : [];
    });
  }

  return {
    /**
     * Stores every file of one upload, or none: each file is checked by its content (JPEG,
     * PNG or WebP magic bytes), size and decodability; when any is rejected nothing is kept
     * and the error lists each rejected file (`details[].path` = `files[<index>]`). Returns the
     * stored attachments in upload order. `actor` null is a public (portal) upload.
     * The iterable may itself throw (an HTTP-level error); stored blobs are removed then too.
     * @throws ATTACHMENT_EMPTY (no file, or an empty one), ATTACHMENT_TOO_LARGE,
     *   ATTACHMENT_TYPE_UNSUPPORTED, ATTACHMENT_IMAGE_INVALID — the first rejected file's code
     */
    async upload(
      actor: Actor | null,
      files: AsyncIterable<IncomingFile>,
    ): Promise<AttachmentMeta[]> {
      const thumbs = await getThumbnailer();
      const now = ctx.clock.now();
      const rows: NewAttachmentRow[] = [];
      const written: string[] = [];
      const rejections: Rejection[] = [];
      let count = 0;
      try {
        for await (const file of files) {
          const index = count++;
          const prepared = await prepare(file, index, thumbs);
          if (!prepared.ok) {
            rejections.push(prepared.rejection);
            continue;
          }
          if (rejections.length > 0) {
            continue; // nothing will be kept: check the rest only to report them
          }
          const { image } = prepared;
          const id = uuidv7(now);
          const row: NewAttachmentRow = {
            id,
            sha256: image.sha256,
            mime: image.mime,
            bytes: file.data.length,
            width: image.width,
            height: image.height,
            original_name: cleanName(file.filename),
            uploaded_by: actor?.userId ?? null,
            uploaded_at: now,
            case_id: null,
            kind: null,
            blob_key: id,
            thumb_key: image.thumb ? `${id}.thumb` : null,
          };
          written.push(row.blob_key);
          await storage.put(row.blob_key, file.data);
          if (image.thumb && row.thumb_key) {
            written.push(row.thumb_key);
            await storage.put(row.thumb_key, image.thumb);
          }
          rows.push(row);
        }
        if (count === 0) {
          throw appError('ATTACHMENT_EMPTY', 'The request holds no file');
        }
        const first = rejections[0];
        if (first) {
          const details: FieldIssue[] = rejections.map((r) => ({
            path: `files[${r.index}]`,
            message: r.message,
            code: r.code,
          }));
          const message =
            count === 1
              ? first.message
              : `${rejections.length} of ${count} files were rejected; nothing was stored (${first.message})`;
          throw appError(first.code, message, details);
        }
        await repo.insertMany(db, rows);
      } catch (err) {
        await deleteBlobs(written);
        throw err;
      }
      return getMeta(rows.map((r) => r.id));
    },

    /**
     * The original or the thumbnail of an attachment, ready to stream.
     * @throws ATTACHMENT_NOT_FOUND (also when there is no thumbnail, or the blob is missing)
     */
    async open(id: string, variant: 'original' | 'thumb'): Promise<OpenedBlob> {
      const row = rowOf(await repo.findById(db, id), id);
      const key = variant === 'original' ? row.blob_key : row.thumb_key;
      if (!key) {
        throw appError('ATTACHMENT_NOT_FOUND', `Attachment ${id} has no thumbnail`);
      }
      return {
        mime: variant === 'original' ? row.mime : THUMB_MIME,
        etag: variant === 'original' ? `"${row.sha256}"` : `"${row.sha256}-thumb"`,
        bytes: variant === 'original' ? Number(row.bytes) : null,
        filename: variant === 'original' ? `${row.id}.${EXT[row.mime]}` : `${row.id}.thumb.webp`,
        async stream() {
          try {
            return await storage.get(key);
          } catch (err) {
            if (err instanceof BlobNotFoundError) {
              ctx.log.error({ key, attachmentId: id }, 'attachment blob missing');
              throw appError('ATTACHMENT_NOT_FOUND', `The file of attachment ${id} is missing`);
            }
            throw err;
          }
        },
      };
    },

    getMeta,

    /**
     * Checks that an action may reference these attachments: each must exist and be either
     * bound to `opts.caseId` already, or unbound and uploaded by this actor (a public upload
     * when `actor` is null). Anything else is reported as not found, without telling whether
     * the id exists. Returns the metadata in the order asked.
     * `opts.path` names the request field for the error details (default
     * `body.attachmentIds`); pass `opts.q` (a transaction) when calling inside one.
     * @throws ATTACHMENT_NOT_FOUND naming every unusable id (message and details)
     */
    async assertUsable(
      ids: readonly string[],
      actor: Actor | null,
      opts: { caseId?: string; path?: string; q?: Kysely<Database> } = {},
    ): Promise<AttachmentMeta[]> {
      const metas = await getMeta(ids, opts.q);
      const byId = new Map(metas.map((m) => [m.id, m]));
      const owner = actor?.userId ?? null;
      const path = opts.path ?? 'body.attachmentIds';
      const issues: FieldIssue[] = [];
      const missing = new Set<string>();
      ids.forEach((id, i) => {
        const m = byId.get(id);
        const usable = m && (m.caseId ? m.caseId === opts.caseId : m.uploadedBy === owner);
        if (!usable) {
          missing.add(id);
          issues.push({
            path: `${path}[${i}]`,
            message: `unknown attachment ${id}`,
            code: 'not_found',
          });
        }
      });
      if (missing.size > 0) {
        throw appError('ATTACHMENT_NOT_FOUND', `No attachment ${[...missing].join(', ')}`, issues);
      }
      return metas;
    },

    /**
     * Binds attachments to a case with what they show, inside the caller's transaction.
     * Already bound to this case: left as they are (kind unchanged).
     * @throws ATTACHMENT_NOT_FOUND naming unknown ids, ATTACHMENT_ALREADY_BOUND naming ids
     *   bound to another case
     */
    async bindToCase(
      trx: Kysely<Database>,
      ids: readonly string[],
      caseId: string,
      kind: AttachmentKind | null,
    ): Promise<void> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) {
        return;
      }
      const rows = await repo.findByIds(trx, unique);
      const found = new Map(rows.map((r) => [r.id, r]));
      const missing = unique.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw appError('ATTACHMENT_NOT_FOUND', `No attachment ${missing.join(', ')}`, { missing });
      }
      const boundElsewhere = (list: AttachmentRow[]) =>
        list.filter((r) => r.case_id !== null && r.case_id !== caseId).map((r) => r.id);
      let taken = boundElsewhere(rows);
      if (taken.length === 0) {
        const unbound = rows.filter((r) => r.case_id === null).map((r) => r.id);
        const changed = await repo.bindUnbound(trx, unbound, caseId, kind);
        if (changed !== unbound.length) {
          // A concurrent binding (or prune) won the race for some rows.
          const again = await repo.findByIds(trx, unique);
          const gone = unique.filter((id) => !again.some((r) => r.id === id));
          if (gone.length > 0) {
            throw appError('ATTACHMENT_NOT_FOUND', `No attachment ${gone.join(', ')}`, {
              missing: gone,
            });
          }
          taken = boundElsewhere(again);
        }
      }
      if (taken.length > 0) {
        throw appError(
          'ATTACHMENT_ALREADY_BOUND',
          `Attachment ${taken.join(', ')} belongs to another case`,
          { ids: taken },
        );
      }
    },

    /**
     * Deletes attachments never bound to a case and uploaded more than `olderThanMs` ago
     * (abandoned uploads), rows and blobs; at most `limit` per call. Returns how many went.
     */
    async pruneUnbound(olderThanMs: number, limit = 500): Promise<number> {
      const stale = await repo.listUnboundBefore(db, ctx.clock.now() - olderThanMs, limit);
      const gone = await repo.deleteUnbound(
        db,
        stale.map((r) => r.id),
      );
      await deleteBlobs(gone.flatMap((r) => [r.blob_key, r.thumb_key]));
      return gone.length;
    },
  };
}
