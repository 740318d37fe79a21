import sharp from 'sharp';
import { DEMO_PASSWORD } from './server';

/**
 * Direct API calls for steps whose page belongs to another workspace not built here (the
 * inspector's verify and check), with a Bearer token as the mobile app would use.
 */
export class ApiClient {
  private constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  static async login(base: string, username: string): Promise<ApiClient> {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) {
      throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    }
    return new ApiClient(base, ((await res.json()) as { token: string }).token);
  }

  async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!res.ok) {
      throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    }
    return (await res.json()) as T;
  }

  /** A POST with a JSON body; fails unless the answer is 200 or 201. */
  async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200 && res.status !== 201) {
      throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    }
    return (await res.json()) as T;
  }

  /** Runs a workflow action at the case's current version. */
  async act(caseId: string, body: Record<string, unknown>): Promise<{ state: string }> {
    const current = await this.get<{ version: number }>(`/api/v1/cases/${caseId}`);
    const res = await fetch(`${this.base}/api/v1/cases/${caseId}/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: current.version, ...body }),
    });
    if (!res.ok) {
      throw new Error(`${String(body.action)}: ${res.status} ${await res.text()}`);
    }
    return (await res.json()) as { state: string };
  }

  /** Uploads one photo and returns its attachment id. */
  async uploadPhoto(): Promise<string> {
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(await testJpeg())], { type: 'image/jpeg' }),
      'check.jpg',
    );
    const res = await fetch(`${this.base}/api/v1/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}` },
      body: form,
    });
    if (res.status !== 201) {
      throw new Error(`upload: ${res.status} ${await res.text()}`);
    }
    return ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
  }
}

/** A real JPEG (a noisy grey picture) for the photo steps. */
export function testJpeg(width = 640, height = 480): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#6b8e6b',
      noise: { type: 'gaussian', mean: 120, sigma: 30 },
    },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
}
