import { requestJson } from './http';
import type { CatalogEntry, MatterCondition, StageLimit } from './types';

export const catalogApi = {
  /** Matters matching Chinese text, pinyin initials, a current or a legacy code. */
  matters: (q?: string, signal?: AbortSignal) =>
    requestJson<{ items: CatalogEntry[] }>('/api/v1/catalog/matters', {
      query: { q: q?.trim() || undefined, active: 'true' },
      signal,
    }).then((r) => r.items),
  matter: (code: string) =>
    requestJson<CatalogEntry>(`/api/v1/catalog/matters/${encodeURIComponent(code)}`),
  conditions: (matterCode: string) =>
    requestJson<{ items: MatterCondition[] }>(
      `/api/v1/catalog/matters/${encodeURIComponent(matterCode)}/conditions`,
    ).then((r) => r.items),
  /** City-wide limits of the verify, register, dispatch, acknowledge and check stages. */
  stageLimits: () =>
    requestJson<{ items: StageLimit[] }>('/api/v1/catalog/stage-limits').then((r) => r.items),
};
