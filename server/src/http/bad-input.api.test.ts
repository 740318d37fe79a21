import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../test/app';
import { buildUser } from '../../test/factories';
import { seedLoopCity } from '../../test/loop-city';

/**
 * Every route of the API, as OpenAPI lists it, fed bad input by users of several roles and by
 * nobody: garbage path parameters, broken and ill-typed bodies, nonsense query values. The
 * brief's rule: a 4xx with a stable error code, never a 500. (Routes that stream forever are
 * left out.)
 */
describe('bad input everywhere', () => {
  let t: TestApp;
  let tokens: Record<string, string | undefined>;
  let operations: { method: string; path: string; query: string[] }[];

  beforeAll(async () => {
    t = await createTestApp();
    const city = await seedLoopCity(t);
    await buildUser(t, { username: 'admin', roles: ['admin'] });
    tokens = {
      nobody: undefined,
      admin: await login(t, 'admin'),
      clerk: city.tokens.clerk,
      unit: city.tokens.unit,
      inspector: city.tokens.inspector,
    };
    const spec = (await t.req({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    }>();
    operations = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (path.endsWith('/stream')) {
        continue;
      }
      for (const [method, op] of Object.entries(methods)) {
        operations.push({
          method: method.toUpperCase(),
          path,
          query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        });
      }
    }
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  const PATH_VALUES = ['nope', '0', "x'; drop table case_file; --", 'x'.repeat(300), '%E4%B8%AD'];
  const BODIES: { payload?: string; type?: string }[] = [
    {},
    { payload: '{"broken": ', type: 'application/json' },
    { payload: '{}', type: 'application/json' },
    { payload: '[1, "a", null]', type: 'application/json' },
    {
      payload: JSON.stringify({ id: 1, name: [], lng: 'east', lat: {}, version: -1, x: null }),
      type: 'application/json',
    },
    { payload: 'a=1&b=', type: 'application/x-www-form-urlencoded' },
    { payload: 'not a file', type: 'multipart/form-data; boundary=zz' },
  ];
  const QUERY_VALUES = ['zzz', '-1', '', '9'.repeat(40), '2026-13-45'];

  it('answers every route with a 4xx and an error code, never a 500', async () => {
    expect(operations.length).toBeGreaterThan(60);
    // One line per route and kind of failure, with its first example.
    const failures = new Map<string, string>();
    let requests = 0;
    for (const op of operations) {
      for (const [who, token] of Object.entries(tokens)) {
        for (const [i, value] of PATH_VALUES.entries()) {
          const url = op.path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
          const bodies = op.method === 'GET' || op.method === 'DELETE' ? [BODIES[0]!] : BODIES;
          for (const body of bodies) {
            const query =
              op.query.length > 0
                ? `?${op.query.map((q) => `${q}=${encodeURIComponent(QUERY_VALUES[i % QUERY_VALUES.length]!)}`).join('&')}`
                : '';
            const res = await t.req({
              method: op.method,
              url: `${url}${query}`,
              token,
              ...(body.payload !== undefined
                ? { payload: body.payload, headers: { 'content-type': body.type! } }
                : {}),
            });
            requests++;
            const where = `${op.method} ${url}${query.slice(0, 60)} as ${who}, body ${body.payload ?? 'none'}`;
            if (res.statusCode >= 500) {
              const k = `${res.statusCode} ${op.method} ${op.path}`;
              if (!failures.has(k)) {
                failures.set(k, `${where.slice(0, 200)}: ${res.body.slice(0, 200)}`);
              }
              continue;
            }
            if (res.statusCode >= 400) {
              const type = String(res.headers['content-type'] ?? '');
              if (type.includes('json') && !op.path.startsWith('/open311')) {
                const code = res.json<{ error?: { code?: unknown } }>().error?.code;
                if (typeof code !== 'string' || !/^[A-Z0-9_]+$/.test(code)) {
                  const k = `${res.statusCode} without an error code ${op.method} ${op.path}`;
                  if (!failures.has(k)) {
                    failures.set(k, `${where.slice(0, 200)}: ${res.body.slice(0, 200)}`);
                  }
                }
              }
            }
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(1000);
    expect([...failures.keys()]).toEqual([]);
  }, 300_000);
});
