import { Pool } from 'undici';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  origin: string;
  /** Keep-alive connections, each with one request in flight (the concurrency). */
  connections: number;
  /** Stop issuing after this long… */
  durationMs: number;
  /** …or after this many requests, whichever comes first. */
  maxRequests: number;
  request: (i: number) => LoadRequest;
  /** Which statuses count as success (default 2xx). */
  ok?: (status: number) => boolean;
  /** Called with each response (its body only when readBody). */
  onResponse?: (i: number, status: number, body: string) => void;
  readBody?: boolean;
  /** Stop every client at the first network error (the server went away). */
  stopOnNetworkError?: boolean;
}

export interface LoadResult {
  requests: number;
  ok: number;
  failed: number;
  networkErrors: number;
  elapsedMs: number;
  /** Successful responses per second. */
  rate: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  statuses: Record<string, number>;
  firstFailure?: string;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * A closed-loop HTTP load: `connections` keep-alive clients (undici), each sending its next
 * request when the last one answered, bounded in count and time. Traffic goes to `origin` only.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const url = new URL(o.origin);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    throw new Error(`load: only 127.0.0.1 is allowed, not ${url.hostname}`);
  }
  const pool = new Pool(o.origin, {
    connections: o.connections,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const isOk = o.ok ?? ((s: number) => s >= 200 && s < 300);
  const latencies = new Float64Array(o.maxRequests);
  const statuses: Record<string, number> = {};
  let issued = 0;
  let done = 0;
  let ok = 0;
  let failed = 0;
  let networkErrors = 0;
  let stop = false;
  let firstFailure: string | undefined;
  const t0 = performance.now();
  const deadline = t0 + o.durationMs;

  async function client(): Promise<void> {
    while (!stop && issued < o.maxRequests && performance.now() < deadline) {
      const i = issued++;
      const r = o.request(i);
      const start = performance.now();
      try {
        const res = await pool.request({
          method: r.method,
          path: r.path,
          headers: r.headers,
          body: r.body,
        });
        const body = o.readBody || !isOk(res.statusCode) ? await res.body.text() : '';
        if (!o.readBody && isOk(res.statusCode)) {
          await res.body.dump();
        }
        latencies[done++] = performance.now() - start;
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (isOk(res.statusCode)) {
          ok++;
        } else {
          failed++;
          firstFailure ??= `${res.statusCode} ${body.slice(0, 300)}`;
        }
        o.onResponse?.(i, res.statusCode, body);
      } catch (err) {
        networkErrors++;
        firstFailure ??= err instanceof Error ? err.message : String(err);
        if (o.stopOnNetworkError) {
          stop = true;
        }
      }
    }
  }

  await Promise.all(Array.from({ length: o.connections }, () => client()));
  const elapsedMs = performance.now() - t0;
  await pool.destroy().catch(() => undefined);
  const sorted = latencies.slice(0, done).sort();
  return {
    requests: issued,
    ok,
    failed,
    networkErrors,
    elapsedMs,
    rate: (ok / elapsedMs) * 1000,
    latencyMs: {
      p50: percentile(sorted, 0.5),
      p90: percentile(sorted, 0.9),
      p99: percentile(sorted, 0.99),
      max: sorted.length ? sorted[sorted.length - 1]! : 0,
    },
    statuses,
    firstFailure,
  };
}
