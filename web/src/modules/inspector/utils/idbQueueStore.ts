import type { QueueStore, QueuedReport } from './offlineQueue';

/** The inspector app's IndexedDB database: the report queue and the last task list. */
export const INSPECTOR_DB = 'cityloop-inspector';
const VERSION = 1;
const QUEUE = 'reports';
const SNAPSHOTS = 'snapshots';

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

let opening: Promise<IDBDatabase> | null = null;

/** Opens (and on first use creates) the database; one connection per page. */
export function openInspectorDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  if (!opening) {
    const req = factory.open(INSPECTOR_DB, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(QUEUE)) {
        db.createObjectStore(QUEUE, { keyPath: 'clientId' }).createIndex('createdAt', 'createdAt');
      }
      if (!db.objectStoreNames.contains(SNAPSHOTS)) {
        db.createObjectStore(SNAPSHOTS, { keyPath: 'key' });
      }
    };
    opening = promised(req).then((db) => {
      // Another tab upgrading the schema: let it, and reopen next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      return db;
    });
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

/** Forgets the open connection (tests that delete the database). */
export function closeInspectorDb(): void {
  void opening?.then((db) => db.close()).catch(() => undefined);
  opening = null;
}

/** The report queue in IndexedDB: photos are stored as the files themselves (blobs). */
export function idbQueueStore(factory?: IDBFactory): QueueStore {
  const run = async <T>(
    mode: IDBTransactionMode,
    fn: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const db = await openInspectorDb(factory);
    const tx = db.transaction(QUEUE, mode);
    const result = promised(fn(tx.objectStore(QUEUE)));
    await done(tx);
    return result;
  };
  return {
    list: async () => {
      const items = await run(
        'readonly',
        (s) => s.index('createdAt').getAll() as IDBRequest<QueuedReport[]>,
      );
      return items.sort((a, b) => a.createdAt - b.createdAt || (a.clientId < b.clientId ? -1 : 1));
    },
    put: async (item) => {
      await run('readwrite', (s) => s.put(item));
    },
    remove: async (clientId) => {
      await run('readwrite', (s) => s.delete(clientId));
    },
  };
}

/** A small keyed value kept for offline use (the last task list of a user). */
export async function readSnapshot<T>(key: string, factory?: IDBFactory): Promise<T | undefined> {
  const db = await openInspectorDb(factory);
  const tx = db.transaction(SNAPSHOTS, 'readonly');
  const row = await promised(
    tx.objectStore(SNAPSHOTS).get(key) as IDBRequest<{ key: string; value: T } | undefined>,
  );
  return row?.value;
}

export async function writeSnapshot<T>(key: string, value: T, factory?: IDBFactory): Promise<void> {
  const db = await openInspectorDb(factory);
  const tx = db.transaction(SNAPSHOTS, 'readwrite');
  tx.objectStore(SNAPSHOTS).put({ key, value });
  await done(tx);
}
