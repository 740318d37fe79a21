import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live. Keys are opaque names chosen by the caller (letters, digits,
 * `.`, `_`, `-`). A disk implementation today; an S3-compatible one can implement the same
 * four calls later.
 */
export interface BlobStorage {
  /** Stores the bytes under `key`, replacing any previous blob; readers never see half a blob. */
  put(key: string, data: Buffer | Readable): Promise<void>;
  /** @throws BlobNotFoundError when there is no blob under `key` */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes the blob; a missing blob is not an error. */
  delete(key: string): Promise<void>;
}

/** No blob under the key. A storage-level error: services map it to their own code. */
export class BlobNotFoundError extends Error {
  readonly key: string;
  constructor(key: string) {
    super(`No blob ${key}`);
    this.name = 'BlobNotFoundError';
    this.key = key;
  }
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** @throws Error when the key could escape the storage folder or is not a plain name */
export function assertBlobKey(key: string): void {
  if (!KEY.test(key) || key.includes('..')) {
    throw new Error(`invalid blob key ${JSON.stringify(key)}`);
  }
}

/**
 * The two-level shard folder of a key (`ab/cd`). The stem (the key up to its first `.`) of a
 * UUID-like key is sharded by its last four hex digits: a UUIDv7 begins with its timestamp,
 * so its first characters would put years of uploads into one folder, while its tail is
 * random. Other keys are sharded by a hash of the stem. A blob and its derived blobs
 * (`<id>`, `<id>.thumb`) share a folder.
 */
export function shardOf(key: string): string {
  const stem = key.split('.')[0] ?? key;
  const hex = stem.replaceAll('-', '').toLowerCase();
  const tail = /^[0-9a-f]{8,}$/.test(hex)
    ? hex.slice(-4)
    : createHash('sha256').update(stem).digest('hex').slice(0, 4);
  return `${tail.slice(0, 2)}/${tail.slice(2, 4)}`;
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/**
 * Blobs as files under `root` (`<root>/<ab>/<cd>/<key>`, see shardOf). A put writes a
 * temporary file in the target folder, fsyncs it and renames it into place, so a reader or a
 * crash never sees a partial file.
 */
export function createDiskBlobStorage(root: string): BlobStorage & { pathOf(key: string): string } {
  const pathOf = (key: string): string => {
    assertBlobKey(key);
    return join(root, shardOf(key), key);
  };

  return {
    pathOf,

    async put(key, data) {
      const target = pathOf(key);
      const dir = join(root, shardOf(key));
      await mkdir(dir, { recursive: true });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const fh = await open(tmp, 'wx');
        try {
          if (Buffer.isBuffer(data)) {
            await fh.writeFile(data);
          } else {
            for await (const chunk of data as AsyncIterable<Buffer | string>) {
              const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
              for (let off = 0; off < buf.length;) {
                off += (await fh.write(buf, off)).bytesWritten;
              }
            }
          }
          await fh.sync();
        } finally {
          await fh.close();
        }
        await rename(tmp, target);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      // Persist the rename itself (best effort: not every platform can fsync a folder).
      try {
        const dh = await open(dir, 'r');
        try {
          await dh.sync();
        } finally {
          await dh.close();
        }
      } catch {
        // ignore
      }
    },

    async get(key) {
      try {
        // Opening first turns a missing file into a rejection here, not a stream error later.
        const fh = await open(pathOf(key), 'r');
        return fh.createReadStream();
      } catch (err) {
        if (isNotFound(err)) {
          throw new BlobNotFoundError(key);
        }
        throw err;
      }
    },

    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (err) {
        if (isNotFound(err)) {
          return false;
        }
        throw err;
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
