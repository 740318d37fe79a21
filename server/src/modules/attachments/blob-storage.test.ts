import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError, createDiskBlobStorage, shardOf } from './blob-storage';

describe('disk blob storage', () => {
  const root = mkdtempSync(join(tmpdir(), 'cityloop-blobs-'));
  const storage = createDiskBlobStorage(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const id = '019a8c2e-7b3f-7c01-9d2e-5f4a3b2c1d0e';

  it('shards a UUID key by its random tail, and derived keys with it', () => {
    expect(shardOf(id)).toBe('1d/0e');
    expect(shardOf(`${id}.thumb`)).toBe('1d/0e');
    expect(shardOf('not-hex-at-all')).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}$/);
    expect(storage.pathOf(id)).toBe(join(root, '1d', '0e', id));
  });

  it('puts a buffer and a stream, gets them back, leaves no temporary file', async () => {
    await storage.put(id, Buffer.from('original bytes'));
    await storage.put(`${id}.thumb`, Readable.from([Buffer.from('thumb '), Buffer.from('bytes')]));
    expect(await text(await storage.get(id))).toBe('original bytes');
    expect(await text(await storage.get(`${id}.thumb`))).toBe('thumb bytes');
    expect(readdirSync(join(root, '1d', '0e')).sort()).toEqual([id, `${id}.thumb`]);
  });

  it('replaces a blob whole', async () => {
    await storage.put(id, Buffer.from('second version'));
    expect(await text(await storage.get(id))).toBe('second version');
  });

  it('answers exists, deletes idempotently, and reports a missing blob', async () => {
    expect(await storage.exists(id)).toBe(true);
    await storage.delete(id);
    await storage.delete(id);
    expect(await storage.exists(id)).toBe(false);
    await expect(storage.get(id)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('refuses keys that could leave its folder', async () => {
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/invalid blob key/);
    await expect(storage.get('a/b')).rejects.toThrow(/invalid blob key/);
    await expect(storage.exists('x..y')).rejects.toThrow(/invalid blob key/);
  });

  it('removes the temporary file when a stream fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    const key = '019a8c2e-7b3f-7c01-9d2e-5f4a3b2cabcd';
    await expect(storage.put(key, failing)).rejects.toThrow('client went away');
    expect(readdirSync(join(root, 'ab', 'cd'))).toEqual([]);
    expect(await storage.exists(key)).toBe(false);
  });
});
