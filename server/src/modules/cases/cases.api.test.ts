import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedLoopCity, uploadPhoto, type LoopCity } from '../../../test/loop-city';

// Monday 2026-11-23, a plain working day.
const at = (hhmm: string, day = '2026-11-23') => `${day}T${hhmm}:00+08:00`;
const iso = (s: string) => new Date(s).toISOString();

describe('cases API: the closed loop', () => {
  let t: TestApp;
  let city: LoopCity;
  let tk: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ now: at('08:00'), env: { SESSION_TTL_HOURS: '720' } });
    city = await seedLoopCity(t);
    tk = city.tokens;
  });
  afterAll(() => t.close());

  const report = (
    token: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) =>
    t.req({
      method: 'POST',
      url: '/api/v1/cases',
      token,
      headers,
      payload: {
        source: 'public',
        description: '湖滨社区门口有暴露垃圾，已经两天无人清理',
        lng: city.points.east1[0],
        lat: city.points.east1[1],
        ...body,
      },
    });
  const act = (token: string, id: string, body: Record<string, unknown>) =>
    t.req({ method: 'POST', url: `/api/v1/cases/${id}/actions`, token, payload: body });
  const get = async (id: string, token = tk.leader!) =>
    (await t.req({ method: 'GET', url: `/api/v1/cases/${id}`, token })).json();

  /** Moves the clock, runs the action, expects 200 and returns the case. */
  const step = async (time: string, token: string, id: string, body: Record<string, unknown>) => {
    t.clock.set(at(time));
    const current = await get(id);
    const res = await act(token, id, { version: current.version, ...body });
    expect(res.statusCode, `${String(body.action)}: ${res.body}`).toBe(200);
    return res.json();
  };

  it('drives one public report through every stage, with extension and rework', async () => {
    t.clock.set(at('09:00'));
    const created = await report(tk.clerk!, { reporter: { name: '王女士', phone: '13812345678' } });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c.number).toMatch(/^2026112300001$/);
    expect(c).toMatchObject({
      state: 'verifying',
      version: 1,
      location: { gridCode: city.grids.east1, areaClass: 'A', streetId: city.eastStreetId },
      stage: { name: 'verify', deadline: iso(at('09:30')), light: 'green' },
    });
    expect(c.availableActions).toEqual(
      ['merge', 'supervise', 'remind'].filter((a) => c.availableActions.includes(a)),
    );
    const id: string = c.id;

    // The inspector of the grid sees the verify task in "my tasks".
    const mine = await t.req({
      method: 'GET',
      url: '/api/v1/cases?mine=true',
      token: tk.inspector!,
    });
    expect(mine.json().items.map((x: { id: string }) => x.id)).toContain(id);

    let s = await step('09:10', tk.inspector!, id, {
      action: 'verify',
      verifyResult: true,
      note: '现场确认',
    });
    expect(s).toMatchObject({
      state: 'pending_register',
      stage: { name: 'register', deadline: iso(at('09:40')) },
    });

    s = await step('09:15', tk.clerk!, id, { action: 'register', matterCode: '01-10' });
    expect(s).toMatchObject({
      state: 'registered',
      matter: { code: '06010', originalCode: '01-10' },
      routing: { proposedUnitId: city.units.sanitation, matched: ['major'] },
      stage: { name: 'dispatch', deadline: iso(at('09:45')) },
    });

    s = await step('09:20', tk.dispatcher!, id, {
      action: 'dispatch',
      targetUnitId: city.units.sanitation,
    });
    // 暴露垃圾 in an A area: 2 working hours from dispatch; acknowledge within 1 working hour.
    expect(s).toMatchObject({
      state: 'dispatched',
      unitId: city.units.sanitation,
      stage: { name: 'acknowledge', deadline: iso(at('10:20')) },
      handling: {
        startedAt: iso(at('09:20')),
        deadline: iso(at('11:20')),
        limit: { amount: 2, unit: 'working_hour' },
      },
    });
    // The handling unit does not see the reporter.
    expect((await get(id, tk.unit)).reporter).toBeNull();

    s = await step('09:30', tk.unit!, id, { action: 'acknowledge' });
    expect(s).toMatchObject({
      state: 'handling',
      stage: { name: 'handle', deadline: iso(at('11:20')) },
    });

    s = await step('10:00', tk.unit!, id, {
      action: 'request_extension',
      reason: '需调派车辆',
      deadline: at('16:00'),
    });
    expect(s.state).toBe('extension_requested');
    s = await step('10:05', tk.dispatcher!, id, {
      action: 'approve_extension',
      deadline: at('16:00'),
    });
    expect(s).toMatchObject({
      state: 'handling',
      handling: { deadline: iso(at('16:00')) },
      counters: { extension: 1 },
    });

    const photo1 = await uploadPhoto(t, tk.unit!);
    s = await step('11:00', tk.unit!, id, {
      action: 'feedback',
      description: '已清运',
      disposalMode: 'service',
      attachmentIds: [photo1],
    });
    expect(s).toMatchObject({
      state: 'checking',
      stage: { name: 'check', deadline: iso(at('11:30')) },
      disposalMode: 'service',
    });

    const photo2 = await uploadPhoto(t, tk.inspector!);
    s = await step('11:10', tk.inspector!, id, {
      action: 'check_fail',
      reason: '仍有残留',
      attachmentIds: [photo2],
    });
    // Rework: back to the same unit, the handling clock restarts: 11:10 + 2 wh = 14:40 over lunch.
    expect(s).toMatchObject({
      state: 'handling',
      unitId: city.units.sanitation,
      counters: { rework: 1 },
      handling: { deadline: iso(at('14:40')) },
    });

    const photo3 = await uploadPhoto(t, tk.unit!);
    s = await step('13:45', tk.unit!, id, {
      action: 'feedback',
      description: '已彻底清除',
      disposalMode: 'service',
      attachmentIds: [photo3],
    });
    expect(s.state).toBe('checking');
    const photo4 = await uploadPhoto(t, tk.inspector!);
    s = await step('14:00', tk.inspector!, id, { action: 'check_pass', attachmentIds: [photo4] });
    expect(s).toMatchObject({ state: 'handled', stage: null });
    s = await step('14:10', tk.leader!, id, { action: 'close' });
    expect(s).toMatchObject({
      state: 'closed',
      closeKind: 'on_time',
      closedAt: iso(at('14:10')),
      counters: { rework: 1, extension: 1 },
    });
    // Closed is final but for reopen (an unsatisfied callback sends it back to the unit).
    expect(s.availableActions).toEqual(['reopen']);

    const history = (
      await t.req({ method: 'GET', url: `/api/v1/cases/${id}/events`, token: tk.leader! })
    ).json();
    // Each stage's time as its limit counts: the rework's handling (11:10–13:45) used 65
    // working minutes, the lunch break left out; the supervision stages count clock minutes.
    expect(
      history.stages.map((p: { stage: string; usedMinutes: number; measure: string }) => [
        p.stage,
        p.usedMinutes,
        p.measure,
      ]),
    ).toEqual([
      ['verify', 10, 'clock'],
      ['register', 5, 'clock'],
      ['dispatch', 5, 'clock'],
      ['acknowledge', 10, 'working'],
      ['handle', 90, 'working'],
      ['check', 10, 'clock'],
      ['handle', 65, 'working'],
      ['check', 15, 'clock'],
    ]);
    const events = history.items;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'report',
      'verify',
      'register',
      'dispatch',
      'acknowledge',
      'request_extension',
      'approve_extension',
      'feedback',
      'check_fail',
      'feedback',
      'check_pass',
      'close',
    ]);
    expect(events.map((e: { seq: number }) => e.seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(events[3]).toMatchObject({
      actor: { role: 'dispatcher' },
      fromState: 'registered',
      toState: 'dispatched',
    });
    expect(events[8].attachmentIds).toEqual([photo2]);
    expect(events[2].payload).toMatchObject({
      matterCode: '06010',
      originalCode: '01-10',
      routing: { matched: ['major'] },
    });
  });

  it('answers 409 to a stale version and 422 to an action not allowed now', async () => {
    t.clock.set(at('09:00', '2026-11-24'));
    const c = (await report(tk.clerk!, {})).json();
    const ok = await act(tk.inspector!, c.id, { action: 'verify', version: 1, verifyResult: true });
    expect(ok.statusCode).toBe(200);
    const stale = await act(tk.clerk!, c.id, {
      action: 'register',
      version: 1,
      matterCode: '06010',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CASE_VERSION_CONFLICT');
    const wrong = await act(tk.clerk!, c.id, { action: 'close', version: 2 });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('CASE_ACTION_NOT_ALLOWED');
    const role = await act(tk.dispatcher!, c.id, {
      action: 'register',
      version: 2,
      matterCode: '06010',
    });
    expect(role.statusCode).toBe(403);
    expect(role.json().error.code).toBe('CASE_ROLE_FORBIDDEN');
    const missing = await act(tk.clerk!, c.id, { action: 'refuse', version: 2 });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({
      code: 'CASE_REQUIREMENT_MISSING',
      details: [{ path: 'body.reason' }],
    });
  });

  it('applies exactly one of two simultaneous actions (200 + 409)', async () => {
    t.clock.set(at('10:00', '2026-11-24'));
    const c = (await report(tk.clerk!, { description: '并发测试 垃圾' })).json();
    const [a, b] = await Promise.all([
      act(tk.inspector!, c.id, { action: 'verify', version: 1, verifyResult: true }),
      act(tk.clerk!, c.id, { action: 'merge', version: 1, parentCaseId: c.id }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    // The merge with itself is invalid anyway; race two identical verifies instead below.
    expect(codes).toContain(200);
    const c2 = (await report(tk.clerk!, { description: '并发测试二' })).json();
    const [x, y] = await Promise.all([
      act(tk.inspector!, c2.id, { action: 'verify', version: 1, verifyResult: true }),
      act(tk.inspector!, c2.id, { action: 'verify', version: 1, verifyResult: false }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const events = (
      await t.req({ method: 'GET', url: `/api/v1/cases/${c2.id}/events`, token: tk.leader! })
    ).json().items;
    expect(events).toHaveLength(2);
  });

  it('returns the same case for a retried Idempotency-Key', async () => {
    t.clock.set(at('11:00', '2026-11-24'));
    const first = await report(
      tk.clerk!,
      { description: '幂等测试' },
      { 'idempotency-key': 'k-123' },
    );
    const again = await report(
      tk.clerk!,
      { description: '幂等测试' },
      { 'idempotency-key': 'k-123' },
    );
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const byExternal1 = await report(tk.clerk!, { source: 'hotline', externalId: 'GD-0001' });
    const byExternal2 = await report(tk.clerk!, { source: 'hotline', externalId: 'GD-0001' });
    expect(byExternal2.json().id).toBe(byExternal1.json().id);
  });

  it('keeps a street-scoped user out of another street (404, never data)', async () => {
    t.clock.set(at('09:00', '2026-11-25'));
    const west = (
      await report(tk.clerk!, {
        lng: city.points.west[0],
        lat: city.points.west[1],
        description: '西山垃圾',
      })
    ).json();
    const read = await t.req({
      method: 'GET',
      url: `/api/v1/cases/${west.id}`,
      token: tk.eastclerk!,
    });
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('西山垃圾');
    const events = await t.req({
      method: 'GET',
      url: `/api/v1/cases/${west.id}/events`,
      token: tk.eastclerk!,
    });
    expect(events.statusCode).toBe(404);
    const acted = await act(tk.eastclerk!, west.id, {
      action: 'void',
      version: west.version,
      voidReason: 'invalid',
    });
    expect(acted.statusCode).toBe(404);
    const list = (
      await t.req({ method: 'GET', url: '/api/v1/cases?pageSize=200', token: tk.eastclerk! })
    ).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(west.id);
    expect(
      list.items.every(
        (x: { location: { streetId: string } }) => x.location.streetId === city.eastStreetId,
      ),
    ).toBe(true);
    const mine = (
      await t.req({ method: 'GET', url: '/api/v1/cases?pageSize=200', token: tk.westclerk! })
    ).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(west.id);
    // A unit sees only cases dispatched to it.
    const unitList = (
      await t.req({ method: 'GET', url: '/api/v1/cases?pageSize=200', token: tk.unit2! })
    ).json();
    expect(unitList.items).toEqual([]);
    // Filing a case in another street is refused.
    const out = await report(tk.eastclerk!, { lng: city.points.west[0], lat: city.points.west[1] });
    expect(out.statusCode).toBe(403);
  });

  it('rejects bad intake input with field paths and writes nothing', async () => {
    const before = await t.store.db
      .selectFrom('case_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ lng: 'east' }, 400, 'VALIDATION_FAILED', 'body.lng'],
      [{ source: 'pigeon' }, 400, 'VALIDATION_FAILED', 'body.source'],
      [{ lng: 121.5, lat: 31.2 }, 422, 'CASE_LOCATION_OUTSIDE_GRIDS', 'body.lng'],
      [{ matterCode: '99-99' }, 400, 'CATALOG_CODE_UNMAPPABLE', 'body.matterCode'],
      [{ color: 'red' }, 400, 'VALIDATION_FAILED', 'body.color'],
      [{ attachmentIds: ['nope'] }, 404, 'ATTACHMENT_NOT_FOUND', ''],
    ];
    for (const [body, status, code, path] of cases) {
      const res = await report(tk.clerk!, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (path) {
        expect(JSON.stringify(res.json().error.details)).toContain(path);
      }
    }
    const unauth = await t.req({ method: 'POST', url: '/api/v1/cases', payload: {} });
    expect(unauth.statusCode).toBe(401);
    const role = await report(tk.dispatcher!, {});
    expect(role.statusCode).toBe(403);
    const after = await t.store.db
      .selectFrom('case_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
