import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedLoopCity, uploadPhoto, type LoopCity } from '../../../test/loop-city';

// Monday 2026-11-23, a plain working day.
const at = (hhmm: string, day = '2026-11-23') => `${day}T${hhmm}:00+08:00`;
const iso = (s: string) => new Date(s).toISOString();

describe('inspector app API', () => {
  let t: TestApp;
  let city: LoopCity;
  let tk: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ now: at('08:00'), env: { SESSION_TTL_HOURS: '720' } });
    city = await seedLoopCity(t);
    tk = city.tokens;
  });
  afterAll(() => t.close());

  const report = (token: string, body: Record<string, unknown>) =>
    t.req({
      method: 'POST',
      url: '/api/v1/inspector/reports',
      token,
      payload: {
        description: '湖滨社区井盖破损',
        lng: city.points.east1[0],
        lat: city.points.east1[1],
        ...body,
      },
    });
  const publicCase = async (point: [number, number], description: string) => {
    const r = await t.req({
      method: 'POST',
      url: '/api/v1/cases',
      token: tk.clerk!,
      payload: { source: 'public', description, lng: point[0], lat: point[1] },
    });
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  const tasks = async (token = tk.inspector!) => {
    const r = await t.req({ method: 'GET', url: '/api/v1/inspector/tasks', token });
    expect(r.statusCode).toBe(200);
    return r.json();
  };

  it('returns the same case when the offline queue retries a report with its clientId', async () => {
    t.clock.set(at('09:00'));
    const clientId = randomUUID();
    const photo = await uploadPhoto(t, tk.inspector!);
    const first = await report(tk.inspector!, {
      clientId,
      attachmentIds: [photo],
      matterCode: '01001',
    });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replay']).toBe('false');
    expect(first.json()).toMatchObject({
      source: 'inspector',
      state: 'pending_register',
      matter: { code: '01001' },
    });

    t.clock.set(at('09:05'));
    const retry = await report(tk.inspector!, {
      clientId,
      attachmentIds: [photo],
      matterCode: '01001',
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(retry.json().number).toBe(first.json().number);
    const n = await t.store.db
      .selectFrom('case_file')
      .select('id')
      .where('source', '=', 'inspector')
      .execute();
    expect(n).toHaveLength(1);

    // The key is per inspector: another inspector's client id never collides.
    const other = await report(tk.westinspector!, {
      clientId,
      lng: city.points.west[0],
      lat: city.points.west[1],
    });
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(first.json().id);
    // A new client id is a new case.
    expect((await report(tk.inspector!, { clientId: randomUUID() })).statusCode).toBe(201);
  });

  it('refuses a bad client id, other roles, and a place outside the jurisdiction', async () => {
    const bad = await report(tk.inspector!, { clientId: 'offline-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.clientId' }],
    });
    const source = await report(tk.inspector!, { clientId: randomUUID(), source: 'public' });
    expect(source.statusCode).toBe(400);
    expect((await report(tk.clerk!, { clientId: randomUUID() })).statusCode).toBe(403);
    expect(
      (await t.req({ method: 'GET', url: '/api/v1/inspector/tasks', token: tk.clerk! })).statusCode,
    ).toBe(403);
    const elsewhere = await report(tk.inspector!, {
      clientId: randomUUID(),
      lng: city.points.west[0],
      lat: city.points.west[1],
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
  });

  it('lists the verify and check tasks of my grids only, soonest deadline first, with the traffic light', async () => {
    t.clock.set(at('10:00', '2026-11-24'));
    const a = await publicCase(city.points.east2, '柳岸社区垃圾成堆');
    t.clock.set(at('10:05', '2026-11-24'));
    const b = await publicCase(city.points.east1, '湖滨社区垃圾成堆');
    const west = await publicCase(city.points.west, '松岭社区垃圾成堆');

    // A case in checking in my grid: a check task.
    t.clock.set(at('09:00', '2026-11-24'));
    const c = await publicCase(city.points.east1, '湖滨社区道路不洁');
    const act = async (token: string, body: Record<string, unknown>) => {
      const cur = (
        await t.req({ method: 'GET', url: `/api/v1/cases/${c.id}`, token: tk.leader! })
      ).json();
      const r = await t.req({
        method: 'POST',
        url: `/api/v1/cases/${c.id}/actions`,
        token,
        payload: { version: cur.version, ...body },
      });
      expect(r.statusCode, r.body).toBe(200);
    };
    await act(tk.inspector!, { action: 'verify', verifyResult: true });
    await act(tk.clerk!, { action: 'register', matterCode: '06012' });
    await act(tk.dispatcher!, { action: 'dispatch', targetUnitId: city.units.sanitation });
    await act(tk.unit!, { action: 'acknowledge' });
    t.clock.set(at('10:20', '2026-11-24'));
    await act(tk.unit!, {
      action: 'feedback',
      description: '已清扫',
      disposalMode: 'service',
      attachmentIds: [await uploadPhoto(t, tk.unit!)],
    });

    // Verify limits: 30 min in A grids, 60 min in B grids; check: 30 min in A.
    t.clock.set(at('10:30', '2026-11-24'));
    const mine = await tasks();
    const ids = mine.items.map((x: { caseId: string }) => x.caseId);
    expect(ids).toEqual([b.id, c.id, a.id]);
    expect(ids).not.toContain(west.id);
    expect(mine.total).toBe(3);
    expect(mine.items[0]).toEqual({
      caseId: b.id,
      number: b.number,
      task: 'verify',
      state: 'verifying',
      version: 1,
      description: '湖滨社区垃圾成堆',
      address: null,
      matterCode: null,
      location: {
        lng: city.points.east1[0],
        lat: city.points.east1[1],
        gridCode: city.grids.east1,
      },
      deadline: iso(at('10:35', '2026-11-24')),
      light: 'yellow',
      usedRatio: expect.closeTo(25 / 30, 2),
      overdue: false,
      createdAt: iso(at('10:05', '2026-11-24')),
    });
    expect(mine.items[1]).toMatchObject({
      task: 'check',
      state: 'checking',
      deadline: iso(at('10:50', '2026-11-24')),
      light: 'green',
    });
    expect(mine.items[2]).toMatchObject({
      task: 'verify',
      location: { gridCode: city.grids.east2 },
      deadline: iso(at('11:00', '2026-11-24')),
      light: 'green',
    });

    const theirs = await tasks(tk.westinspector);
    expect(theirs.items.map((x: { caseId: string }) => x.caseId)).toEqual([west.id]);

    // The current assignment decides: take east2 from the inspector, its task goes too.
    const insp = await t.store.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'inspector')
      .executeTakeFirstOrThrow();
    await t.store.db
      .deleteFrom('inspector_grid')
      .where('user_id', '=', insp.id)
      .where('grid_code', '=', city.grids.east2)
      .execute();
    expect((await tasks()).items.map((x: { caseId: string }) => x.caseId)).toEqual([b.id, c.id]);
    await t.store.db
      .insertInto('inspector_grid')
      .values({ user_id: insp.id, grid_code: city.grids.east2 })
      .execute();
  });

  it('gives my grids with their geometry for the map', async () => {
    const res = await t.req({
      method: 'GET',
      url: '/api/v1/inspector/grids',
      token: tk.inspector!,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((g: { code: string }) => g.code)).toEqual([
      '339901001001001',
      '339901001001002',
      '339901001002001',
    ]);
    expect(items[0]).toMatchObject({
      areaClass: 'A',
      geometry: { type: 'Polygon' },
      community: { name: '湖滨社区' },
    });
    const west = (
      await t.req({ method: 'GET', url: '/api/v1/inspector/grids', token: tk.westinspector! })
    ).json().items;
    expect(west.map((g: { code: string }) => g.code)).toEqual([city.grids.west]);
  });
});
