import { requestJson } from './http';
import type { Attachment } from './types';

export const attachmentsApi = {
  /** Uploads photos (all or none); returns their ids to attach to a report or an action. */
  upload: (files: readonly File[]) => {
    const form = new FormData();
    for (const f of files) {
      form.append('file', f, f.name);
    }
    return requestJson<{ items: Attachment[] }>('/api/v1/attachments', { form }).then(
      (r) => r.items,
    );
  },
  url: (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}`,
  thumbUrl: (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}/thumb`,
};
