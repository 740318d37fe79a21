import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser } from '../../../test/factories';
import { GIF_1X1, testImages } from '../../../test/images';
import { multipartBody, type MultipartPart } from '../../../test/multipart';
import type { Actor } from '../auth/actor';
import { createAttachmentService, type IncomingFile } from './attachments.service';
import { probeImage } from './image-probe';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => d.name);
  } catch {
    return [];
  }
}

async function* incoming(files: IncomingFile[]): AsyncGenerator<IncomingFile> {
  for (const f of files) {
    yield await Promise.resolve(f);
  }
}

describe('attachments API', () => {
  let t: TestApp;
  let dataDir: string;
  let token: string;
  let otherToken: string;
  let snap: Actor;
  let jpeg: Buffer;
  let png: Buffer;
  let webp: Buffer;

  const upload = (parts: MultipartPart[], opts: { token?: string; url?: string } = {}) => {
    const body = multipartBody(parts);
    return t.req({
      method: 'POST',
      url: opts.url ?? '/api/v1/attachments',
      token: opts.token,
      headers: body.headers,
      payload: body.payload,
    });
  };
  const count = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('attachment')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cityloop-attachments-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
    const user = await buildUser(t, { username: 'snap', roles: ['inspector'] });
    await buildUser(t, { username: 'other', roles: ['inspector'] });
    snap = (await t.services.org.loadActor(user.id))!;
    token = await login(t, 'snap');
    otherToken = await login(t, 'other');
    [jpeg, png, webp] = await Promise.all([
      testImages.jpeg(800, 600),
      testImages.png(640, 480),
      testImages.webp(500, 400),
    ]);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('POST /api/v1/attachments', () => {
    it('answers 401 without a session', async () => {
      const res = await upload([{ filename: 'a.jpg', type: 'image/jpeg', data: jpeg }]);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    });

    it('answers 415 to a body that is not multipart', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/attachments',
        token,
        payload: { file: 'x' },
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('REQUEST_UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers 400 ATTACHMENT_EMPTY to a request without files and to an empty file', async () => {
      const none = await upload([], { token });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.code).toBe('ATTACHMENT_EMPTY');
      const empty = await upload([{ filename: 'a.jpg', type: 'image/jpeg' }], { token });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.code).toBe('ATTACHMENT_EMPTY');
    });

    it('answers 415 to a text file named .jpg and declared image/jpeg', async () => {
      const res = await upload(
        [{ filename: 'photo.jpg', type: 'image/jpeg', data: Buffer.from('not a photo at all') }],
        { token },
      );
      expect(res.statusCode).toBe(415);
      const { error } = res.json();
      expect(error.code).toBe('ATTACHMENT_TYPE_UNSUPPORTED');
      expect(error.message).toMatch(/photo\.jpg.*JPEG, PNG and WebP/);
      expect(error.details).toEqual([
        expect.objectContaining({ path: 'files[0]', code: 'ATTACHMENT_TYPE_UNSUPPORTED' }),
      ]);
    });

    it('answers 415 to a GIF and names it', async () => {
      const res = await upload([{ filename: 'x.png', type: 'image/png', data: GIF_1X1 }], {
        token,
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.message).toMatch(/GIF/);
    });

    it('answers 400 ATTACHMENT_IMAGE_INVALID to a JPEG header over garbage', async () => {
      const fake = Buffer.concat([jpeg.subarray(0, 400), Buffer.alloc(2000, 0x55)]);
      const res = await upload([{ filename: 'broken.jpg', data: fake }], { token });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('ATTACHMENT_IMAGE_INVALID');
    });

    it.each([
      ['jpeg', 'image/jpeg', 800, 600],
      ['png', 'image/png', 640, 480],
      ['webp', 'image/webp', 500, 400],
    ] as const)(
      'stores a %s with its detected type, size and SHA-256 (201)',
      async (name, mime, width, height) => {
        const data = { jpeg, png, webp }[name];
        // Declared type and name are deliberately wrong: only the content counts.
        const res = await upload([{ filename: `evidence.bin`, type: 'text/plain', data }], {
          token,
        });
        expect(res.statusCode).toBe(201);
        const [item] = res.json().items;
        expect(item).toMatchObject({
          mime,
          width,
          height,
          bytes: data.length,
          sha256: sha256(data),
          originalName: 'evidence.bin',
          uploadedBy: snap.userId,
          uploadedAt: t.clock.now(),
          caseId: null,
          kind: null,
          url: `/api/v1/attachments/${item.id}`,
          thumbUrl: `/api/v1/attachments/${item.id}/thumb`,
        });
      },
    );

    it('stores several files in one request, one result each in upload order', async () => {
      const res = await upload(
        [
          { field: 'photos', filename: 'a.webp', data: webp },
          { field: 'photos', filename: 'b.jpg', data: jpeg },
          { field: 'photos', filename: 'c.png', data: png },
        ],
        { token },
      );
      expect(res.statusCode).toBe(201);
      expect(res.json().items.map((i: { originalName: string }) => i.originalName)).toEqual([
        'a.webp',
        'b.jpg',
        'c.png',
      ]);
    });

    it('stores nothing when one file of several is rejected, and lists the rejected ones', async () => {
      const before = await count();
      const filesBefore = filesUnder(join(dataDir, 'files')).length;
      const res = await upload(
        [
          { filename: 'ok.jpg', data: jpeg },
          { filename: 'notes.jpg', data: Buffer.from('hello') },
          { filename: 'ok.png', data: png },
          { filename: 'anim.gif', data: GIF_1X1 },
        ],
        { token },
      );
      expect(res.statusCode).toBe(415);
      const { error } = res.json();
      expect(error.message).toMatch(/2 of 4 files were rejected; nothing was stored/);
      expect(error.details.map((d: { path: string }) => d.path)).toEqual(['files[1]', 'files[3]']);
      expect(await count()).toBe(before);
      expect(filesUnder(join(dataDir, 'files')).length).toBe(filesBefore);
    });

    it('answers 400 ATTACHMENT_TOO_MANY_FILES past 9 files and stores nothing', async () => {
      const before = await count();
      const res = await upload(
        Array.from({ length: 10 }, (_, i) => ({ filename: `${i}.png`, data: png })),
        { token },
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('ATTACHMENT_TOO_MANY_FILES');
      expect(await count()).toBe(before);
    });

    it('leaves other routes refusing multipart bodies (415)', async () => {
      const res = await upload([{ data: jpeg }], { token, url: '/api/v1/auth/login' });
      expect(res.statusCode).toBe(415);
    });

    it('is described in the OpenAPI document', async () => {
      const res = await t.req({ method: 'GET', url: '/api/openapi.json' });
      const paths = res.json().paths;
      expect(Object.keys(paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/attachments',
          '/api/v1/public/attachments',
          '/api/v1/attachments/{id}',
          '/api/v1/attachments/{id}/thumb',
        ]),
      );
    });

    it('rejects text fields with 400 VALIDATION_FAILED', async () => {
      const res = await upload([{ field: 'note', value: 'hi' }, { data: jpeg }], { token });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({ path: 'body.note', code: 'unknown_field' }),
      ]);
    });
  });

  describe('GET /api/v1/attachments/{id} and /thumb', () => {
    let id: string;
    beforeAll(async () => {
      const res = await upload([{ filename: 'scene.jpg', data: jpeg }], { token });
      id = res.json().items[0].id;
    });

    it('answers 401 without a session', async () => {
      const res = await t.req({ method: 'GET', url: `/api/v1/attachments/${id}` });
      expect(res.statusCode).toBe(401);
    });

    it('returns the same bytes with type, length, ETag and private caching', async () => {
      const res = await t.req({ method: 'GET', url: `/api/v1/attachments/${id}`, token });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(jpeg)).toBe(true);
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(Number(res.headers['content-length'])).toBe(jpeg.length);
      expect(res.headers.etag).toBe(`"${sha256(jpeg)}"`);
      expect(res.headers['cache-control']).toMatch(/^private/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const res = await t.req({
        method: 'GET',
        url: `/api/v1/attachments/${id}`,
        token,
        headers: { 'if-none-match': `"${sha256(jpeg)}"` },
      });
      expect(res.statusCode).toBe(304);
      expect(res.rawPayload.length).toBe(0);
    });

    it('serves a WebP thumbnail at most 320 px and smaller than the original', async () => {
      const res = await t.req({ method: 'GET', url: `/api/v1/attachments/${id}/thumb`, token });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers.etag).toBe(`"${sha256(jpeg)}-thumb"`);
      const probe = probeImage(res.rawPayload);
      expect(probe).toEqual({ ok: true, mime: 'image/webp', width: 320, height: 240 });
      expect(res.rawPayload.length).toBeLessThan(jpeg.length);
    });

    it('answers 404 ATTACHMENT_NOT_FOUND to an unknown id', async () => {
      for (const url of ['/api/v1/attachments/nope', '/api/v1/attachments/nope/thumb']) {
        const res = await t.req({ method: 'GET', url, token });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('ATTACHMENT_NOT_FOUND');
      }
    });
  });

  describe('POST /api/v1/public/attachments', () => {
    it('takes photos without a session, as nobody’s upload', async () => {
      const res = await upload([{ filename: 'pothole.png', data: png }], {
        url: '/api/v1/public/attachments',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().items[0]).toMatchObject({ mime: 'image/png', uploadedBy: null });
    });

    it('takes at most 3 files', async () => {
      const res = await upload(
        Array.from({ length: 4 }, () => ({ data: png })),
        { url: '/api/v1/public/attachments' },
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('ATTACHMENT_TOO_MANY_FILES');
    });

    it('checks the content like the staff route', async () => {
      const res = await upload([{ filename: 'x.jpg', data: Buffer.from('<html>') }], {
        url: '/api/v1/public/attachments',
      });
      expect(res.statusCode).toBe(415);
    });
  });

  describe('service: getMeta, assertUsable, bindToCase, pruneUnbound', () => {
    const up = async (tok: string | undefined, url = '/api/v1/attachments') =>
      (await upload([{ data: png }], { token: tok, url })).json().items[0].id as string;

    it('returns metadata in the order asked, leaving out unknown ids', async () => {
      const a = await up(token);
      const b = await up(token);
      const metas = await t.services.attachments.getMeta([b, 'missing', a]);
      expect(metas.map((m) => m.id)).toEqual([b, a]);
    });

    it('lets an actor use their own unbound uploads, and names every other id as not found', async () => {
      const mine = await up(token);
      const theirs = await up(otherToken);
      const anon = await up(undefined, '/api/v1/public/attachments');
      await expect(t.services.attachments.assertUsable([mine], snap)).resolves.toHaveLength(1);
      await expect(t.services.attachments.assertUsable([anon], null)).resolves.toHaveLength(1);
      const err = await t.services.attachments
        .assertUsable([mine, theirs, 'ghost', anon], snap)
        .catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'ATTACHMENT_NOT_FOUND',
        message: `No attachment ${theirs}, ghost, ${anon}`,
        details: [
          expect.objectContaining({ path: 'body.attachmentIds[1]' }),
          expect.objectContaining({ path: 'body.attachmentIds[2]' }),
          expect.objectContaining({ path: 'body.attachmentIds[3]' }),
        ],
      });
    });

    it('binds to a case once: then usable within that case only', async () => {
      const a = await up(token);
      const b = await up(token);
      await t.store.db.transaction().execute(async (trx) => {
        await t.services.attachments.bindToCase(trx, [a, b, a], 'case-1', 'report');
        await t.services.attachments.assertUsable([a], snap, { caseId: 'case-1', q: trx });
      });
      const [meta] = await t.services.attachments.getMeta([a]);
      expect(meta).toMatchObject({ caseId: 'case-1', kind: 'report' });
      // Bound: no longer free to use elsewhere, even by the uploader.
      await expect(t.services.attachments.assertUsable([a], snap)).rejects.toMatchObject({
        code: 'ATTACHMENT_NOT_FOUND',
      });
      // Another user acting on the same case may reference it.
      const other = (await t.services.org.loadActor(snap.userId))!;
      await expect(
        t.services.attachments.assertUsable(
          [b],
          { ...other, userId: 'someone' },
          {
            caseId: 'case-1',
          },
        ),
      ).resolves.toHaveLength(1);
      // Re-binding to the same case is a no-op and keeps the first kind.
      await t.services.attachments.bindToCase(t.store.db, [a], 'case-1', 'feedback');
      expect((await t.services.attachments.getMeta([a]))[0]!.kind).toBe('report');
      await expect(
        t.services.attachments.bindToCase(t.store.db, [b], 'case-2', 'check'),
      ).rejects.toMatchObject({ code: 'ATTACHMENT_ALREADY_BOUND', details: { ids: [b] } });
      await expect(
        t.services.attachments.bindToCase(t.store.db, ['ghost'], 'case-2', 'check'),
      ).rejects.toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
    });

    it('rolls a binding back with its transaction', async () => {
      const a = await up(token);
      await t.store.db
        .transaction()
        .execute(async (trx) => {
          await t.services.attachments.bindToCase(trx, [a], 'case-9', 'verify');
          throw new Error('case write failed');
        })
        .catch(() => undefined);
      expect((await t.services.attachments.getMeta([a]))[0]!.caseId).toBeNull();
    });

    it('prunes old unbound uploads, rows and files, and keeps bound ones', async () => {
      const stale = await up(token);
      const bound = await up(token);
      await t.services.attachments.bindToCase(t.store.db, [bound], 'case-3', 'report');
      t.clock.advance(8 * 86_400_000);
      try {
        const pruned = await t.services.attachments.pruneUnbound(7 * 86_400_000);
        expect(pruned).toBeGreaterThanOrEqual(1);
        expect(await t.services.attachments.getMeta([stale, bound])).toHaveLength(1);
        expect(filesUnder(join(dataDir, 'files')).some((f) => f.startsWith(stale))).toBe(false);
      } finally {
        t.clock.set('2026-11-21T09:00:00+08:00');
      }
      // Bound to a (fictional) case: kept on disk; over HTTP only who may see the case may read it.
      await expect(t.services.attachments.open(bound, 'original')).resolves.toBeDefined();
      const res = await t.req({ method: 'GET', url: `/api/v1/attachments/${bound}`, token });
      expect(res.statusCode).toBe(404);
    });

    it('stores no thumbnail when no thumbnailer is available', async () => {
      const service = createAttachmentService({ ...t.services.ctx }, { thumbnailer: null });
      const [meta] = await service.upload(
        snap,
        incoming([{ filename: 'n.jpg', data: jpeg, truncated: false }]),
      );
      expect(meta).toMatchObject({ mime: 'image/jpeg', width: 800, height: 600, thumbUrl: null });
      await expect(service.open(meta!.id, 'thumb')).rejects.toMatchObject({
        code: 'ATTACHMENT_NOT_FOUND',
      });
      const res = await t.req({ method: 'GET', url: `/api/v1/attachments/${meta!.id}`, token });
      expect(res.rawPayload.equals(jpeg)).toBe(true);
    });
  });
});

describe('attachments API with a 2 KiB upload limit', () => {
  let t: TestApp;
  let dataDir: string;
  let token: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cityloop-attachments-small-'));
    t = await createTestApp({ env: { DATA_DIR: dataDir, UPLOAD_LIMIT_BYTES: '2048' } });
    await buildUser(t, { username: 'snap', roles: ['inspector'] });
    token = await login(t, 'snap');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 413 ATTACHMENT_TOO_LARGE over the limit and stores nothing', async () => {
    const big = await testImages.jpeg(400, 300);
    expect(big.length).toBeGreaterThan(2048);
    const body = multipartBody([{ filename: 'big.jpg', data: big }]);
    const res = await t.req({
      method: 'POST',
      url: '/api/v1/attachments',
      token,
      headers: body.headers,
      payload: body.payload,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      details: [expect.objectContaining({ path: 'files[0]' })],
    });
    expect(filesUnder(join(dataDir, 'files'))).toEqual([]);
  });

  it('applies the same limit to public uploads', async () => {
    const big = await testImages.png(200, 200);
    const body = multipartBody([{ data: big }]);
    const res = await t.req({
      method: 'POST',
      url: '/api/v1/public/attachments',
      headers: body.headers,
      payload: body.payload,
    });
    expect(res.statusCode).toBe(413);
  });

  it('still takes a file under the limit', async () => {
    const small = await testImages.png(8, 8);
    expect(small.length).toBeLessThan(2048);
    const body = multipartBody([{ data: small }]);
    const res = await t.req({
      method: 'POST',
      url: '/api/v1/attachments',
      token,
      headers: body.headers,
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().items[0]).toMatchObject({ width: 8, height: 8 });
  });
});
