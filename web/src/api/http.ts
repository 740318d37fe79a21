/** The error body every API route answers with (server/src/http/error-handler.ts). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
  requestId?: string;
}

/** One field problem of a 400/422: `body.reporter.phone`, `query.from`. */
export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
}

/** A failed API call: the server's stable code, its message and field issues. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: unknown,
    requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId ?? null;
  }

  /** Field issues carried in `details`, when the server sent a list of them. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) {
      return [];
    }
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as FieldIssue).path === 'string' &&
        typeof (d as FieldIssue).message === 'string',
    );
  }
}

/** Code of a request that never reached the server (offline, DNS, server down). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

type UnauthorizedListener = (err: ApiError) => void;
let onUnauthorized: UnauthorizedListener | null = null;

/**
 * Registers the one handler of a 401 from any call (the session provider: back to the login
 * page with a message, keeping the intended route). Returns the unregister function.
 */
export function setUnauthorizedHandler(listener: UnauthorizedListener | null): () => void {
  onUnauthorized = listener;
  return () => {
    if (onUnauthorized === listener) {
      onUnauthorized = null;
    }
  };
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** A JSON body. */
  json?: unknown;
  /** A multipart body (uploads). */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** false: a 401 is the caller's business (the login form), not a session expiry. */
  handleUnauthorized?: boolean;
}

/** `?a=1&b=x,y` from an object; empty values are left out, arrays are comma-joined. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) {
    return '';
  }
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') {
      continue;
    }
    if (Array.isArray(v)) {
      if (v.length > 0) {
        p.set(k, v.join(','));
      }
      continue;
    }
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: ApiErrorBody | null = null;
  try {
    body = (await res.json()) as ApiErrorBody;
  } catch {
    body = null;
  }
  const e = body?.error;
  return new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? res.statusText,
    e?.details,
    body?.requestId,
  );
}

/**
 * Calls the API with the session cookie (the console never holds the token itself).
 * @throws ApiError for every non-2xx answer and for network failures (code NETWORK_ERROR)
 */
export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    body = opts.form;
  }
  let res: Response;
  try {
    res = await fetch(`${path}${queryString(opts.query)}`, {
      method: opts.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') {
      throw err;
    }
    throw new ApiError(0, NETWORK_ERROR, err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const err = await errorOf(res);
    if (res.status === 401 && opts.handleUnauthorized !== false) {
      onUnauthorized?.(err);
    }
    throw err;
  }
  return res;
}

/** A JSON API call; 204 answers resolve to undefined. */
export async function requestJson<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await request(path, opts);
  if (res.status === 204) {
    return undefined as T;
  }
  return (await res.json()) as T;
}
