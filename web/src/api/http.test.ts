import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, queryString, requestJson, setUnauthorizedHandler } from './http';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
});

describe(queryString.name, () => {
  it('leaves out empty values and joins lists', () => {
    expect(queryString({ a: 1, b: '', c: undefined, d: ['x', 'y'], e: [], f: false })).toBe(
      '?a=1&d=x%2Cy&f=false',
    );
  });
});

describe(requestJson.name, () => {
  it('turns an error body into an ApiError with field issues', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          json(400, {
            error: {
              code: 'VALIDATION_FAILED',
              message: 'x',
              details: [{ path: 'body.reporter.phone', message: 'must be a phone number' }],
            },
            requestId: 'r1',
          }),
        ),
      ),
    );
    const err = await requestJson('/api/v1/cases').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('VALIDATION_FAILED');
    expect((err as ApiError).fieldIssues).toEqual([
      { path: 'body.reporter.phone', message: 'must be a phone number' },
    ]);
  });

  it('reports a 401 to the session handler, unless the caller handles it', async () => {
    const onExpired = vi.fn();
    setUnauthorizedHandler(onExpired);
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(json(401, { error: { code: 'AUTH_SESSION_EXPIRED', message: 'x' } })),
      ),
    );
    await expect(requestJson('/api/v1/cases')).rejects.toThrow(ApiError);
    expect(onExpired).toHaveBeenCalledTimes(1);
    await expect(
      requestJson('/api/v1/auth/login', { json: {}, handleUnauthorized: false }),
    ).rejects.toThrow(ApiError);
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('sends the cookie, never a token header', async () => {
    const fetchMock = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(json(200, { ok: 1 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    await requestJson('/api/v1/cases');
    const init = fetchMock.mock.calls[0]![1];
    expect(init.credentials).toBe('same-origin');
    expect(JSON.stringify(init.headers)).not.toMatch(/authorization/i);
  });
});
