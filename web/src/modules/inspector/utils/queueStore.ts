import { attachmentsApi } from '../../../api/attachments.api';
import { inspectorApi } from '../../../api/inspector.api';
import { idbQueueStore } from './idbQueueStore';
import { memoryQueueStore, type QueueStore, type SyncApi } from './offlineQueue';

let store: QueueStore | null = null;

/** The page's queue: IndexedDB when the browser has it, else kept in memory for the page. */
export function inspectorQueueStore(): QueueStore {
  store ??= typeof indexedDB === 'undefined' ? memoryQueueStore() : idbQueueStore();
  return store;
}

/** The real API behind the sync: the staff upload, then the inspector report. */
export const inspectorSyncApi: SyncApi = {
  upload: (photos) =>
    attachmentsApi
      .upload(photos.map((p) => new File([p.blob], p.name, { type: p.blob.type || 'image/jpeg' })))
      .then((items) => items.map((a) => a.id)),
  report: (body) => inspectorApi.report(body).then((c) => ({ id: c.id, number: c.number })),
};
