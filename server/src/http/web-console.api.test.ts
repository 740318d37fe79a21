import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from './error-handler';
import { registerWebConsole } from './web-console';

describe('web console files', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cityloop-web-'));
    mkdirSync(join(dir, 'dist/assets'), { recursive: true });
    writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'dist/assets/app-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'dist/favicon.svg'), '<svg/>');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    app = Fastify();
    registerErrorHandler(app);
    app.get('/api/v1/ping', () => ({ ok: true }));
    expect(await registerWebConsole(app, join(dir, 'dist'))).toBe(true);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console at / and never caches index.html', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>console</title>');
  });

  it('answers client routes with index.html (SPA fallback)', async () => {
    for (const url of ['/cases/0190-abc', '/intake?case=1', '/login']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>console</title>');
    }
  });

  it('serves hashed assets cached for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body).toBe('console.log(1)');
  });

  it('answers a missing file or an API path with a JSON 404, never the page', async () => {
    for (const url of [
      '/assets/gone.js',
      '/favicon.ico',
      '/api/v1/nope',
      '/api',
      '/open311/v2/x',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('ROUTE_NOT_FOUND');
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ ok: true });
  });

  it('never serves a file outside the console', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).not.toContain('outside');
    }
  });

  it('is skipped when the console was not built', async () => {
    const bare = Fastify();
    expect(await registerWebConsole(bare, join(dir, 'nothing'))).toBe(false);
    await bare.close();
  });
});
