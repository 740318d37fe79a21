import { useCallback, useEffect, useRef, useState } from 'react';
import {
  newQueuedReport,
  retryReport,
  syncQueue,
  type QueuedReport,
  type ReportDraft,
  type SyncApi,
  type SyncResult,
  type QueueStore,
} from '../utils/offlineQueue';
import { inspectorQueueStore, inspectorSyncApi } from '../utils/queueStore';
import { useOnline } from './useOnline';

export interface OfflineQueue {
  /** This inspector's queued reports, oldest first. */
  items: QueuedReport[];
  online: boolean;
  syncing: boolean;
  /** The last sync run, for the status line. */
  last: SyncResult | null;
  /** Reports sent since the page opened, newest first, with their case numbers. */
  sent: SyncResult['sent'];
  /** Stores a captured report and tries to send it at once. */
  enqueue(draft: ReportDraft, photos: File[]): Promise<QueuedReport>;
  /** Sends what is pending (also done by itself when the network comes back). */
  sync(): Promise<SyncResult | null>;
  remove(clientId: string): Promise<void>;
  /** Puts a failed report back in line, optionally with corrected fields. */
  retry(item: QueuedReport, draft?: ReportDraft): Promise<void>;
}

const LOCK = 'cityloop-inspector-sync';
const RETRY_MS = [15_000, 60_000, 300_000];

function newClientId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
        (Number(c) ^ (Math.floor(Math.random() * 16) >> (Number(c) / 4))).toString(16),
      );
}

/** One sync at a time across the inspector's tabs (Web Locks when the browser has them). */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(LOCK, fn) as Promise<T>) : fn();
}

/**
 * The inspector's offline queue in a component: lists the user's queued reports, sends them
 * when the network is there (on start, when the browser comes back online, after each new
 * report, and a few spaced retries after a server error), never while it is not.
 */
export function useOfflineQueue(
  userId: string | null,
  deps: { store?: QueueStore; api?: SyncApi; onSent?: (r: SyncResult) => void } = {},
): OfflineQueue {
  const store = deps.store ?? inspectorQueueStore();
  const api = deps.api ?? inspectorSyncApi;
  const online = useOnline();
  const [items, setItems] = useState<QueuedReport[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [last, setLast] = useState<SyncResult | null>(null);
  const [sent, setSent] = useState<SyncResult['sent']>([]);
  const running = useRef<Promise<SyncResult | null> | null>(null);
  const retries = useRef(0);
  const onSent = useRef(deps.onSent);
  useEffect(() => {
    onSent.current = deps.onSent;
  });

  const refresh = useCallback(async () => {
    const all = await store.list();
    setItems(all.filter((x) => x.userId === userId));
  }, [store, userId]);

  const sync = useCallback((): Promise<SyncResult | null> => {
    if (!userId || !navigator.onLine) {
      return Promise.resolve(null);
    }
    if (running.current) {
      return running.current;
    }
    setSyncing(true);
    const p = exclusive(() => syncQueue(store, api, userId))
      .then(
        (r) => {
          setLast(r);
          if (r.sent.length > 0) {
            setSent((s) => [...[...r.sent].reverse(), ...s].slice(0, 20));
            onSent.current?.(r);
          }
          return r;
        },
        () => null,
      )
      .finally(() => {
        running.current = null;
        setSyncing(false);
        void refresh();
      });
    running.current = p;
    return p;
  }, [store, api, userId, refresh]);

  // Start, and every time the network comes back.
  useEffect(() => {
    let live = true;
    store.list().then(
      (all) => live && setItems(all.filter((x) => x.userId === userId)),
      () => undefined,
    );
    if (online) {
      retries.current = 0;
      void sync();
    }
    return () => {
      live = false;
    };
  }, [online, store, userId, sync]);

  // A server error: a few spaced retries (the network being down waits for 'online' instead).
  useEffect(() => {
    if (last?.stopped !== 'server' || retries.current >= RETRY_MS.length) {
      return;
    }
    const timer = setTimeout(() => void sync(), RETRY_MS[retries.current++]);
    return () => clearTimeout(timer);
  }, [last, sync]);

  const enqueue = useCallback(
    async (draft: ReportDraft, photos: File[]) => {
      if (!userId) {
        throw new Error('No inspector signed in');
      }
      const item = newQueuedReport(
        draft,
        photos.map((f) => ({ name: f.name, blob: f })),
        userId,
        newClientId(),
        Date.now(),
      );
      await store.put(item);
      await refresh();
      void sync();
      return item;
    },
    [store, userId, refresh, sync],
  );

  const remove = useCallback(
    async (clientId: string) => {
      await store.remove(clientId);
      await refresh();
    },
    [store, refresh],
  );

  const retry = useCallback(
    async (item: QueuedReport, draft?: ReportDraft) => {
      await retryReport(store, item, draft);
      await refresh();
      void sync();
    },
    [store, refresh, sync],
  );

  return { items, online, syncing, last, sent, enqueue, sync, remove, retry };
}
