import { describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../../../api/http';
import type { InspectorReportBody } from '../../../api/inspector.api';
import {
  classifyError,
  memoryQueueStore,
  newQueuedReport,
  retryReport,
  syncQueue,
  type QueuedPhoto,
  type SyncApi,
} from './offlineQueue';

const draft = (description: string) => ({ description, lng: 120.16, lat: 30.25 });
const photo = (name: string): QueuedPhoto => ({
  name,
  blob: new Blob([name], { type: 'image/jpeg' }),
});
const offline = () => new ApiError(0, NETWORK_ERROR, 'Failed to fetch');
const refused = (code: string, status = 400) => new ApiError(status, code, code);

/** A fake server: records what it got, answers with the scripted errors first. */
function fakeApi(script: { upload?: Error[]; report?: Error[] } = {}) {
  const uploads: string[][] = [];
  const reports: InspectorReportBody[] = [];
  const cases = new Map<string, string>();
  let n = 0;
  const api: SyncApi = {
    upload: vi.fn((photos: QueuedPhoto[]) => {
      const err = script.upload?.shift();
      if (err) {
        return Promise.reject(err);
      }
      uploads.push(photos.map((p) => p.name));
      return Promise.resolve(photos.map((p) => `att-${p.name}-${uploads.length}`));
    }),
    report: vi.fn((body: InspectorReportBody) => {
      const err = script.report?.shift();
      if (err) {
        return Promise.reject(err);
      }
      reports.push(body);
      // The server's idempotency: the same client id is the same case.
      const id = cases.get(body.clientId) ?? `case-${++n}`;
      cases.set(body.clientId, id);
      return Promise.resolve({ id, number: `2026112100${id.slice(-1)}` });
    }),
  };
  return { api, uploads, reports };
}

describe(syncQueue.name, () => {
  it('sends the reports oldest first, photos uploaded before their report, and empties the queue', async () => {
    const store = memoryQueueStore([
      newQueuedReport(draft('second'), [photo('b1')], 'u1', 'c2', 2000),
      newQueuedReport(draft('first'), [photo('a1'), photo('a2')], 'u1', 'c1', 1000),
    ]);
    const { api, uploads, reports } = fakeApi();
    const res = await syncQueue(store, api, 'u1');
    expect(res.stopped).toBeNull();
    expect(res.sent.map((s) => s.clientId)).toEqual(['c1', 'c2']);
    expect(uploads).toEqual([['a1', 'a2'], ['b1']]);
    expect(reports.map((r) => [r.clientId, r.description, r.attachmentIds])).toEqual([
      ['c1', 'first', ['att-a1-1', 'att-a2-1']],
      ['c2', 'second', ['att-b1-2']],
    ]);
    expect(await store.list()).toEqual([]);
  });

  it('keeps everything when offline and sends it, once, when back online', async () => {
    const store = memoryQueueStore([newQueuedReport(draft('x'), [photo('p')], 'u1', 'c1', 1)]);
    const down = fakeApi({ upload: [offline()] });
    expect((await syncQueue(store, down.api, 'u1')).stopped).toBe('offline');
    const [kept] = await store.list();
    expect(kept).toMatchObject({ status: 'pending', attempts: 1, attachmentIds: null });
    expect(kept?.photos[0]?.blob.size).toBe(1);

    const up = fakeApi();
    const res = await syncQueue(store, up.api, 'u1');
    expect(res.sent).toHaveLength(1);
    expect(up.uploads).toEqual([['p']]);
    expect(await store.list()).toEqual([]);
  });

  it('does not upload the photos again when only the report failed to go out', async () => {
    const store = memoryQueueStore([newQueuedReport(draft('x'), [photo('p')], 'u1', 'c1', 1)]);
    const first = fakeApi({ report: [offline()] });
    expect((await syncQueue(store, first.api, 'u1')).stopped).toBe('offline');
    expect((await store.list())[0]?.attachmentIds).toEqual(['att-p-1']);

    const second = fakeApi();
    await syncQueue(store, second.api, 'u1');
    expect(second.uploads).toEqual([]);
    expect(second.reports[0]?.attachmentIds).toEqual(['att-p-1']);
  });

  it('sends the same client id again after a lost answer, so the server makes one case', async () => {
    const store = memoryQueueStore([newQueuedReport(draft('x'), [], 'u1', 'c1', 1)]);
    const { api, reports } = fakeApi();
    // The first send reaches the server but its answer is lost.
    const report = api.report;
    api.report = vi.fn(async (body: InspectorReportBody) => {
      await report(body);
      throw offline();
    });
    expect((await syncQueue(store, api, 'u1')).stopped).toBe('offline');
    api.report = report;
    const res = await syncQueue(store, api, 'u1');
    expect(reports.map((r) => r.clientId)).toEqual(['c1', 'c1']);
    expect(res.sent[0]?.caseId).toBe('case-1');
    expect(reports[0]?.attachmentIds).toBeUndefined();
  });

  it('marks a refused report failed, goes on with the next, and retries it once fixed', async () => {
    const store = memoryQueueStore([
      newQueuedReport(draft('outside'), [], 'u1', 'c1', 1),
      newQueuedReport(draft('fine'), [], 'u1', 'c2', 2),
    ]);
    const { api } = fakeApi({ report: [refused('CASE_LOCATION_OUTSIDE_GRIDS', 422)] });
    const res = await syncQueue(store, api, 'u1');
    expect(res.failed).toEqual([{ clientId: 'c1', code: 'CASE_LOCATION_OUTSIDE_GRIDS' }]);
    expect(res.sent.map((s) => s.clientId)).toEqual(['c2']);
    const [failed] = await store.list();
    expect(failed).toMatchObject({
      clientId: 'c1',
      status: 'failed',
      lastError: { code: 'CASE_LOCATION_OUTSIDE_GRIDS' },
    });
    // A failed report waits for the inspector: the next run leaves it alone.
    expect((await syncQueue(store, api, 'u1')).sent).toEqual([]);

    await retryReport(store, failed!, { ...failed!.draft, lng: 120.17 });
    const again = await syncQueue(store, api, 'u1');
    expect(again.sent.map((s) => s.clientId)).toEqual(['c1']);
    expect(await store.list()).toEqual([]);
  });

  it('uploads the photos again when the server lost the earlier upload', async () => {
    const item = {
      ...newQueuedReport(draft('x'), [photo('p')], 'u1', 'c1', 1),
      attachmentIds: ['gone'],
    };
    const store = memoryQueueStore([item]);
    const { api, uploads, reports } = fakeApi({ report: [refused('ATTACHMENT_NOT_FOUND', 404)] });
    const res = await syncQueue(store, api, 'u1');
    expect(res.sent).toHaveLength(1);
    expect(uploads).toEqual([['p']]);
    expect(reports[0]?.attachmentIds).toEqual(['att-p-1']);
  });

  it('stops on an expired session or a server error and keeps the report', async () => {
    for (const [err, stop] of [
      [new ApiError(401, 'AUTH_SESSION_EXPIRED', 'x'), 'unauthorized'],
      [new ApiError(503, 'HTTP_503', 'x'), 'server'],
      [new ApiError(429, 'PUBLIC_RATE_LIMITED', 'x'), 'server'],
    ] as const) {
      const store = memoryQueueStore([
        newQueuedReport(draft('a'), [], 'u1', 'c1', 1),
        newQueuedReport(draft('b'), [], 'u1', 'c2', 2),
      ]);
      const { api } = fakeApi({ report: [err] });
      const res = await syncQueue(store, api, 'u1');
      expect(res.stopped).toBe(stop);
      expect(api.report).toHaveBeenCalledTimes(1);
      expect((await store.list()).map((x) => x.status)).toEqual(['pending', 'pending']);
    }
  });

  it("sends only the signed-in inspector's reports", async () => {
    const store = memoryQueueStore([
      newQueuedReport(draft('mine'), [], 'u1', 'c1', 1),
      newQueuedReport(draft('theirs'), [], 'u2', 'c2', 2),
    ]);
    const { api, reports } = fakeApi();
    await syncQueue(store, api, 'u1');
    expect(reports.map((r) => r.description)).toEqual(['mine']);
    expect((await store.list()).map((x) => x.userId)).toEqual(['u2']);
  });
});

describe(classifyError.name, () => {
  it('fails a refused report and stops on everything that may pass later', () => {
    expect(classifyError(refused('VALIDATION_FAILED'))).toEqual({
      fail: { code: 'VALIDATION_FAILED', message: 'VALIDATION_FAILED' },
    });
    expect(classifyError(offline())).toEqual({ stop: 'offline' });
    expect(classifyError(new TypeError('x'))).toEqual({ stop: 'offline' });
    expect(classifyError(new ApiError(500, 'INTERNAL_ERROR', 'x'))).toEqual({ stop: 'server' });
  });
});
