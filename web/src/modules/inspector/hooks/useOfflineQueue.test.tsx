import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InspectorReportBody } from '../../../api/inspector.api';
import { memoryQueueStore, type QueuedPhoto, type SyncApi } from '../utils/offlineQueue';
import { useOfflineQueue } from './useOfflineQueue';

let online = false;

function setOnline(value: boolean) {
  online = value;
  window.dispatchEvent(new Event(value ? 'online' : 'offline'));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe(useOfflineQueue.name, () => {
  it('keeps a report captured offline and sends it once the phone is back online', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    online = false;
    const bodies: InspectorReportBody[] = [];
    const api: SyncApi = {
      upload: vi.fn((photos: QueuedPhoto[]) => Promise.resolve(photos.map((p) => `att-${p.name}`))),
      report: vi.fn((body: InspectorReportBody) => {
        bodies.push(body);
        return Promise.resolve({ id: 'case-1', number: '2026112100001' });
      }),
    };
    const store = memoryQueueStore();
    const onSent = vi.fn();
    const { result } = renderHook(() => useOfflineQueue('u1', { store, api, onSent }));

    await act(async () => {
      await result.current.enqueue({ description: '井盖缺失', lng: 120.1, lat: 30.2 }, [
        new File(['x'], 'a.jpg', { type: 'image/jpeg' }),
      ]);
    });
    expect(result.current.online).toBe(false);
    expect(result.current.items).toHaveLength(1);
    expect(api.upload).not.toHaveBeenCalled();

    act(() => setOnline(true));
    await waitFor(() => expect(result.current.items).toHaveLength(0));
    expect(bodies).toEqual([
      expect.objectContaining({
        clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        description: '井盖缺失',
        attachmentIds: ['att-a.jpg'],
      }),
    ]);
    expect(result.current.sent.map((s) => s.number)).toEqual(['2026112100001']);
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  it('keeps the report when sending fails unexpectedly, and sends it on the next sync', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => true);
    let refuse = true;
    const api: SyncApi = {
      upload: () => Promise.resolve([]),
      report: () =>
        refuse
          ? Promise.reject(Object.assign(new Error('outside'), { name: 'ApiError' }))
          : Promise.resolve({ id: 'c', number: 'n' }),
    };
    const store = memoryQueueStore();
    const { result } = renderHook(() => useOfflineQueue('u1', { store, api }));
    await act(async () => {
      await result.current.enqueue({ description: 'x', lng: 1, lat: 2 }, []);
    });
    // A plain Error is not an API refusal: the run stops and the report stays pending.
    await waitFor(() => expect(result.current.syncing).toBe(false));
    expect(result.current.items.map((x) => x.status)).toEqual(['pending']);
    refuse = false;
    await act(async () => {
      await result.current.sync();
    });
    await waitFor(() => expect(result.current.items).toHaveLength(0));
  });
});
