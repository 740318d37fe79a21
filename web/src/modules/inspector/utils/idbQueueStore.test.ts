import 'fake-indexeddb/auto';
// fake-indexeddb clones with Node's structuredClone, which keeps Node's Blob (jsdom's Blob is
// not cloneable there; a browser's is).
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, describe, expect, it } from 'vitest';
import { newQueuedReport } from './offlineQueue';
import {
  closeInspectorDb,
  idbQueueStore,
  INSPECTOR_DB,
  readSnapshot,
  writeSnapshot,
} from './idbQueueStore';

afterEach(async () => {
  closeInspectorDb();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(INSPECTOR_DB);
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
  });
});

describe(idbQueueStore.name, () => {
  it('keeps reports with their photos across connections, oldest first', async () => {
    const store = idbQueueStore();
    const photo = {
      name: 'a.jpg',
      blob: new NodeBlob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }) as unknown as Blob,
    };
    await store.put(newQueuedReport({ description: 'later', lng: 1, lat: 2 }, [], 'u1', 'c2', 20));
    await store.put(
      newQueuedReport({ description: 'first', lng: 1, lat: 2 }, [photo], 'u1', 'c1', 10),
    );

    closeInspectorDb();
    const reopened = await idbQueueStore().list();
    expect(reopened.map((x) => x.draft.description)).toEqual(['first', 'later']);
    expect(reopened[0]?.photos[0]?.name).toBe('a.jpg');
    expect(reopened[0]?.photos[0]?.blob.size).toBe(3);

    await store.remove('c1');
    expect((await store.list()).map((x) => x.clientId)).toEqual(['c2']);
  });

  it('keeps snapshots by key', async () => {
    expect(await readSnapshot('tasks:u1')).toBeUndefined();
    await writeSnapshot('tasks:u1', { items: [1, 2] });
    expect(await readSnapshot('tasks:u1')).toEqual({ items: [1, 2] });
  });
});
