import { requestJson } from './http';
import type { RegionCollection } from './types';

/**
 * The public portal's API (no account; server/src/modules/portal). Calls never count a 401 as
 * a session expiry: the public has no session.
 */

export interface PublicReportBody {
  description: string;
  lng: number;
  lat: number;
  crs?: 'wgs84' | 'gcj02';
  address?: string;
  matterCode?: string;
  attachmentIds?: string[];
  contact?: { name?: string; phone?: string };
  anonymous?: boolean;
  /** Honeypot: people never see this field; bots fill it in. Always empty from the portal. */
  website?: string;
}

export type {
  PublicCategory,
  PublicReportCreated,
  PublicReportView,
  PublicStatus,
  Satisfaction,
} from '@common/portal';
import type {
  PublicCategory,
  PublicReportCreated,
  PublicReportView,
  Satisfaction,
} from '@common/portal';

const PUBLIC = { handleUnauthorized: false } as const;
const track = (n: string) => `/api/v1/public/reports/${encodeURIComponent(n.trim())}`;

export const portalApi = {
  categories: (signal?: AbortSignal) =>
    requestJson<{ items: PublicCategory[] }>('/api/v1/public/categories', {
      ...PUBLIC,
      signal,
    }).then((r) => r.items),
  /** Uploads the photos of a report (all or none) and returns their ids. */
  upload: (files: readonly Blob[]) => {
    const form = new FormData();
    files.forEach((f, i) => form.append('file', f, f instanceof File ? f.name : `photo-${i}.jpg`));
    return requestJson<{ items: { id: string }[] }>('/api/v1/public/attachments', {
      ...PUBLIC,
      form,
    }).then((r) => r.items.map((x) => x.id));
  },
  /** The city's street and community outlines, the portal map's own base layer. */
  outlines: () => requestJson<RegionCollection>('/api/v1/public/outlines', PUBLIC),
  report: (body: PublicReportBody) =>
    requestJson<PublicReportCreated>('/api/v1/public/reports', { ...PUBLIC, json: body }),
  track: (trackingNumber: string, signal?: AbortSignal) =>
    requestJson<PublicReportView>(track(trackingNumber), { ...PUBLIC, signal }),
  rate: (trackingNumber: string, satisfaction: Satisfaction, comment?: string) =>
    requestJson<PublicReportView>(`${track(trackingNumber)}/rating`, {
      ...PUBLIC,
      json: { satisfaction, comment: comment?.trim() || undefined },
    }),
};
