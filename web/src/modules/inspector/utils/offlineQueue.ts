import { ApiError, NETWORK_ERROR } from '../../../api/http';
import type { InspectorReportBody } from '../../../api/inspector.api';

/**
 * The inspector's offline queue: every report is stored on the phone first (IndexedDB) and sent
 * when the network allows, photos first, then the report with its client id, so a report sent
 * twice (a lost answer, two tabs) makes one case. Pure of the browser: the store and the API
 * are passed in, so the rules below are tested without either.
 */

/** What the inspector filled in, without the photos and the client id. */
export type ReportDraft = Omit<InspectorReportBody, 'clientId' | 'attachmentIds'>;

/** A photo waiting in the queue: the picture itself and its file name. */
export interface QueuedPhoto {
  name: string;
  blob: Blob;
}

export interface QueuedReport {
  /** The report's client id (UUID), made when it was captured: the server's idempotency key. */
  clientId: string;
  /** Whose report it is: on a shared phone only its author's session sends it. */
  userId: string;
  /** When it was captured (epoch ms); the queue is sent oldest first. */
  createdAt: number;
  draft: ReportDraft;
  /** The photos, kept as blobs until they are uploaded. */
  photos: QueuedPhoto[];
  /** The attachment ids once the photos are uploaded (null: not yet). */
  attachmentIds: string[] | null;
  /** pending: to send; failed: the server refused it (see lastError), the inspector decides. */
  status: 'pending' | 'failed';
  attempts: number;
  lastError: { code: string; message: string } | null;
}

/** Where the queue lives: IndexedDB in the browser, a Map in tests. */
export interface QueueStore {
  /** Every queued report, oldest first. */
  list: () => Promise<QueuedReport[]>;
  put: (item: QueuedReport) => Promise<void>;
  remove: (clientId: string) => Promise<void>;
}

/** The two calls the sync makes. */
export interface SyncApi {
  upload: (photos: QueuedPhoto[]) => Promise<string[]>;
  report: (body: InspectorReportBody) => Promise<{ id: string; number: string }>;
}

/** Why a sync run stopped before the end of the queue. */
export type SyncStop = 'offline' | 'unauthorized' | 'server';

export interface SyncResult {
  /** Reports the server took (new cases or replays of earlier sends). */
  sent: { clientId: string; caseId: string; number: string }[];
  /** Reports the server refused in this run (kept as failed). */
  failed: { clientId: string; code: string }[];
  /** Set when the run stopped early; the rest stays pending for the next run. */
  stopped: SyncStop | null;
}

/** Upload answers that mean "these photo ids are no longer usable": upload them again. */
const STALE_PHOTO_CODES = new Set(['ATTACHMENT_NOT_FOUND', 'ATTACHMENT_ALREADY_BOUND']);

/** How an error affects the queue: stop the run (and retry later), or fail the one report. */
export function classifyError(
  err: unknown,
): { stop: SyncStop } | { fail: { code: string; message: string } } {
  if (err instanceof ApiError) {
    if (err.code === NETWORK_ERROR || err.status === 0) {
      return { stop: 'offline' };
    }
    if (err.status === 401) {
      return { stop: 'unauthorized' };
    }
    if (err.status >= 500 || err.status === 429 || err.status === 408) {
      return { stop: 'server' };
    }
    return { fail: { code: err.code, message: err.message } };
  }
  // A fetch that threw something else (aborted, a browser quirk): try again later.
  return { stop: 'offline' };
}

/** A new queue entry for a captured report. */
export function newQueuedReport(
  draft: ReportDraft,
  photos: QueuedPhoto[],
  userId: string,
  clientId: string,
  now: number,
): QueuedReport {
  return {
    clientId,
    userId,
    createdAt: now,
    draft,
    photos,
    attachmentIds: photos.length === 0 ? [] : null,
    status: 'pending',
    attempts: 0,
    lastError: null,
  };
}

/**
 * Sends the pending reports of `userId`, oldest first: uploads a report's photos (once; the
 * ids are saved before the report is sent), then posts the report with its client id and
 * removes it from the queue. A refused report is marked failed and the run goes on; being
 * offline, signed out or a server error stops the run and keeps the rest for later.
 */
export async function syncQueue(
  store: QueueStore,
  api: SyncApi,
  userId: string,
): Promise<SyncResult> {
  const result: SyncResult = { sent: [], failed: [], stopped: null };
  const items = (await store.list()).filter((x) => x.userId === userId && x.status === 'pending');
  for (const original of items) {
    let item: QueuedReport = { ...original, attempts: original.attempts + 1 };
    // One fresh upload is allowed when the server says the photo ids went stale.
    for (let round = 0; round < 2; round++) {
      try {
        if (item.attachmentIds === null) {
          const ids = await api.upload(item.photos);
          item = { ...item, attachmentIds: ids };
          // Saved at once: a report sent after a crash must not upload its photos again.
          await store.put(item);
        }
        const kase = await api.report({
          ...item.draft,
          clientId: item.clientId,
          attachmentIds:
            item.attachmentIds && item.attachmentIds.length > 0 ? item.attachmentIds : undefined,
        });
        await store.remove(item.clientId);
        result.sent.push({ clientId: item.clientId, caseId: kase.id, number: kase.number });
        break;
      } catch (err) {
        if (
          round === 0 &&
          err instanceof ApiError &&
          STALE_PHOTO_CODES.has(err.code) &&
          item.photos.length > 0 &&
          item.attachmentIds !== null
        ) {
          item = { ...item, attachmentIds: null };
          continue;
        }
        const c = classifyError(err);
        if ('stop' in c) {
          await store.put(item);
          result.stopped = c.stop;
          return result;
        }
        await store.put({ ...item, status: 'failed', lastError: c.fail });
        result.failed.push({ clientId: item.clientId, code: c.fail.code });
        break;
      }
    }
  }
  return result;
}

/** Puts a failed report back in line (after the inspector fixed what the server refused). */
export async function retryReport(
  store: QueueStore,
  item: QueuedReport,
  draft?: ReportDraft,
): Promise<void> {
  await store.put({ ...item, draft: draft ?? item.draft, status: 'pending', lastError: null });
}

/** A queue in memory (tests, and browsers without IndexedDB: the queue lasts for the page). */
export function memoryQueueStore(initial: QueuedReport[] = []): QueueStore {
  const items = new Map(initial.map((x) => [x.clientId, x]));
  return {
    list: () =>
      Promise.resolve(
        [...items.values()].sort(
          (a, b) => a.createdAt - b.createdAt || (a.clientId < b.clientId ? -1 : 1),
        ),
      ),
    put: (item) => {
      items.set(item.clientId, item);
      return Promise.resolve();
    },
    remove: (clientId) => {
      items.delete(clientId);
      return Promise.resolve();
    },
  };
}
