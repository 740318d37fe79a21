import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser } from '../../../test/factories';
import { seedLoopCity, uploadPhoto, type LoopCity } from '../../../test/loop-city';

// Monday 2026-11-23, a plain working day.
const at = (hhmm: string, day = '2026-11-23') => `${day}T${hhmm}:00+08:00`;
const PHONE_A = '13812345678';

describe('hotline API: 12345 work orders on the one case model', () => {
  let t: TestApp;
  let city: LoopCity;
  let tk: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ now: at('08:00'), env: { SESSION_TTL_HOURS: '720' } });
    city = await seedLoopCity(t);
    tk = city.tokens;
    // The hotline system's service account: an intake clerk of the whole city.
    await buildUser(t, { username: 'hotline-gw', roles: ['intake_clerk'] });
    await buildUser(t, { username: 'admin1', roles: ['admin'] });
    tk.gateway = await login(t, 'hotline-gw');
    tk.admin = await login(t, 'admin1');
  });
  afterAll(() => t.close());

  const post = (token: string, body: Record<string, unknown>) =>
    t.req({
      method: 'POST',
      url: '/api/v1/hotline/orders',
      token,
      payload: {
        requestType: 'complaint',
        originalText: '湖滨路18号门口有暴露垃圾，两天无人清运',
        lng: city.points.east1[0],
        lat: city.points.east1[1],
        matterCode: '01-10',
        hotlineDeadline: at('17:00', '2026-11-25'),
        ...body,
      },
    });
  const order = async (id: string, token = tk.clerk!) =>
    (await t.req({ method: 'GET', url: `/api/v1/hotline/orders/${id}`, token })).json();
  const caseOf = async (id: string) =>
    (await t.req({ method: 'GET', url: `/api/v1/cases/${id}`, token: tk.leader! })).json();
  const act = async (
    time: string,
    token: string,
    id: string,
    body: Record<string, unknown>,
    day?: string,
  ) => {
    t.clock.set(at(time, day));
    const c = await caseOf(id);
    return t.req({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      token,
      payload: { version: c.version, ...body },
    });
  };
  const step = async (
    time: string,
    token: string,
    id: string,
    body: Record<string, unknown>,
    day?: string,
  ) => {
    const res = await act(time, token, id, body, day);
    expect(res.statusCode, `${String(body.action)}: ${res.body}`).toBe(200);
    return res.json();
  };
  const hotline = async (
    time: string,
    token: string,
    id: string,
    path: string,
    body: Record<string, unknown>,
    status = 200,
  ) => {
    t.clock.set(at(time));
    const res = await t.req({
      method: 'POST',
      url: `/api/v1/hotline/orders/${id}/${path}`,
      token,
      payload: body,
    });
    expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
    return res.json();
  };
  const rates = async (query: string, token = tk.leader!) => {
    const res = await t.req({ method: 'GET', url: `/api/v1/hotline/rates?${query}`, token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const day23 = `from=${encodeURIComponent(at('00:00'))}&to=${encodeURIComponent(at('00:00', '2026-11-24'))}`;
  const unitRates = async () =>
    (await rates(`groupBy=unit&${day23}`)).items.find(
      (x: { unitId: string }) => x.unitId === city.units.sanitation,
    );

  /** verify → register → dispatch → acknowledge, at the given times. */
  const toHandling = async (id: string, times: [string, string, string, string], day?: string) => {
    await step(times[0], tk.inspector!, id, { action: 'verify', verifyResult: true }, day);
    await step(times[1], tk.clerk!, id, { action: 'register', matterCode: '06010' }, day);
    await step(
      times[2],
      tk.dispatcher!,
      id,
      { action: 'dispatch', targetUnitId: city.units.sanitation },
      day,
    );
    return step(times[3], tk.unit!, id, { action: 'acknowledge' }, day);
  };
  /** feedback → check_pass. */
  const handleAndCheck = async (id: string, times: [string, string]) => {
    const p1 = await uploadPhoto(t, tk.unit!);
    await step(times[0], tk.unit!, id, {
      action: 'feedback',
      description: '已清运',
      disposalMode: 'service',
      attachmentIds: [p1],
    });
    const p2 = await uploadPhoto(t, tk.inspector!);
    return step(times[1], tk.inspector!, id, { action: 'check_pass', attachmentIds: [p2] });
  };

  it('takes in an order as a hotline case; a retry with the order number returns it (200)', async () => {
    t.clock.set(at('08:30'));
    const created = await post(tk.gateway!, {
      orderNo: 'GD-A',
      callerName: '王女士',
      callerPhone: PHONE_A,
    });
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({
      orderNo: 'GD-A',
      requestType: 'complaint',
      requestTypeName: '投诉',
      caller: { name: '王女士', phone: PHONE_A, masked: false },
      hotlineDeadline: new Date(at('17:00', '2026-11-25')).toISOString(),
      state: 'verifying',
      case: {
        source: 'hotline',
        state: 'verifying',
        matter: { code: '06010', originalCode: '01-10' },
        reporter: null,
      },
      repeat: { isRepeat: false, reasons: [] },
    });
    ids.A = a.caseId;

    const count = async () =>
      Number(
        (
          await t.store.db
            .selectFrom('case_file')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const again = await post(tk.gateway!, {
      orderNo: 'GD-A',
      callerName: '王女士',
      callerPhone: PHONE_A,
    });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json().caseId).toBe(ids.A);
    expect(await count()).toBe(before);

    const b = await post(tk.gateway!, {
      orderNo: 'GD-B',
      callerPhone: '13900001111',
      lng: city.points.east2[0],
      lat: city.points.east2[1],
    });
    expect(b.statusCode).toBe(201);
    ids.B = b.json().caseId;
  });

  it('rejects bad orders with field paths, and callers without the desk role', async () => {
    const bad = await post(tk.gateway!, { orderNo: 'GD-X', requestType: 'gossip' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.requestType' }],
    });
    const outside = await post(tk.gateway!, { orderNo: 'GD-X', lng: 121.5, lat: 31.2 });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('CASE_LOCATION_OUTSIDE_GRIDS');
    const code = await post(tk.gateway!, { orderNo: 'GD-X', matterCode: '99-99' });
    expect(code.statusCode).toBe(400);
    expect(
      await t.store.db
        .selectFrom('hotline_order')
        .select('order_no')
        .where('order_no', '=', 'GD-X')
        .execute(),
    ).toEqual([]);
    expect((await post(tk.dispatcher!, { orderNo: 'GD-Y' })).statusCode).toBe(403);
    expect((await post(tk.unit!, { orderNo: 'GD-Y' })).statusCode).toBe(403);
  });

  it('flags repeat complaints: same phone within 30 days, same place and matter within 7', async () => {
    t.clock.set(at('08:40'));
    const c = await post(tk.gateway!, {
      orderNo: 'GD-C',
      callerPhone: '+86 138 1234 5678',
      matterCode: '0101',
      originalText: '湖滨路井盖松动',
    });
    expect(c.json().repeat).toMatchObject({
      isRepeat: true,
      of: ids.A,
      group: ids.A,
      reasons: ['same_phone'],
    });
    ids.C = c.json().caseId;
    const e = await post(tk.gateway!, {
      orderNo: 'GD-E',
      callerPhone: '13700002222',
      lng: city.points.east1[0] + 0.0003,
    });
    expect(e.json().repeat).toMatchObject({
      isRepeat: true,
      of: ids.A,
      reasons: ['same_place_matter'],
    });
    ids.E = e.json().caseId;
    // The first order shows its chain.
    const a = await order(ids.A!);
    expect(a.repeat.related.map((x: { orderNo: string }) => x.orderNo)).toEqual(['GD-C', 'GD-E']);
    // B lies ~190 m away (over 100 m) with another phone: no repeat.
    expect((await order(ids.B!)).repeat.isRepeat).toBe(false);
    const list = (
      await t.req({ method: 'GET', url: '/api/v1/hotline/orders?repeat=true', token: tk.clerk! })
    ).json();
    expect(list.items.map((x: { orderNo: string }) => x.orderNo).sort()).toEqual(['GD-C', 'GD-E']);
  });

  it('closes only with an accepted reply; callbacks after closure; the three rates follow the formulas', async () => {
    const { A, B } = ids as { A: string; B: string };
    for (const id of [B, A]) {
      await toHandling(id, ['09:00', '09:05', '09:10', '09:20']);
    }
    // Callback before closure: refused.
    await hotline(
      '09:25',
      tk.clerk!,
      B,
      'callback',
      { contacted: true, solved: true, satisfaction: 'satisfied' },
      422,
    );
    // The reply: only the unit of the order (another unit does not even see it), then
    // reviewed by the desk.
    await hotline('09:30', tk.unit2!, B, 'reply', { text: '已安排清运' }, 404);
    for (const id of [B, A]) {
      const o = await hotline('09:30', tk.unit!, id, 'reply', {
        text: '已安排环卫工人清运，当天清理完毕',
      });
      expect(o.reply).toMatchObject({ review: 'pending', byName: 'unit' });
      await handleAndCheck(id, ['10:00', '10:10']);
    }
    const early = await act('10:15', tk.leader!, B, { action: 'close' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('HOTLINE_REPLY_NOT_ACCEPTED');
    for (const id of [B, A]) {
      await hotline('10:20', tk.clerk!, id, 'reply/review', { decision: 'accept' });
      await step('10:30', tk.leader!, id, { action: 'close' });
    }
    // No reopen without an unsatisfied callback the unit caused.
    const noReopen = await act('10:35', tk.leader!, A, { action: 'reopen', reason: '回访不满意' });
    expect(noReopen.json().error.code).toBe('HOTLINE_REOPEN_NOT_ALLOWED');

    await hotline('10:40', tk.clerk!, B, 'callback', {
      contacted: true,
      solved: true,
      satisfaction: 'basically_satisfied',
    });
    const cbA = await hotline('10:40', tk.clerk!, A, 'callback', {
      contacted: true,
      solved: false,
      satisfaction: 'unsatisfied',
      causedByUnit: true,
      note: '垃圾仍未清运干净',
    });
    expect(cbA.callback).toMatchObject({
      contacted: true,
      solved: false,
      satisfaction: 'unsatisfied',
      causedByUnit: true,
      count: 1,
    });

    // valid 2, contacted 2, solved 1, satisfied 0, basically 1:
    // response 2/2 = 1; resolution 1/2 = 0.5; satisfaction (0 + 0.9 × 1)/2 = 0.45;
    // composite 10 × 1 + 50 × 0.5 + 40 × 0.45 = 53.
    let u = await unitRates();
    expect(u.counts).toMatchObject({
      orders: 2,
      valid: 2,
      contacted: 2,
      solved: 1,
      satisfied: 0,
      basically_satisfied: 1,
      unsatisfied: 1,
    });
    expect(u.rates).toMatchObject({
      response: 1,
      resolution: 0.5,
      satisfaction: 0.45,
      composite: 53,
      onTimeAcknowledgement: 1,
      onTimeCompletion: 1,
      returnRate: 0,
      repeatRate: 0,
      callbackRate: 1,
    });
    expect(u.name).toBe('云溪区环卫所');
    const behind = await t.req({
      method: 'GET',
      url: `/api/v1/hotline/rates/cases?unitId=${city.units.sanitation}&metric=unsatisfied&${day23}`,
      token: tk.leader!,
    });
    expect(behind.json()).toMatchObject({ total: 1, items: [{ caseId: A }] });

    // Reopen (closed → handling, same unit, rework + 1, a new handling clock).
    const reopened = await step('11:00', tk.leader!, A, {
      action: 'reopen',
      reason: '回访不满意：垃圾未清运干净',
    });
    expect(reopened).toMatchObject({
      state: 'handling',
      unitId: city.units.sanitation,
      closedAt: null,
      closeKind: null,
      counters: { rework: 1 },
      handling: { startedAt: new Date(at('11:00')).toISOString(), overdue: false },
    });
    expect((await order(A)).reply.review).toBe('redo');
    // A second reopen on the same callback: refused by the table (not closed now).
    expect(
      (await act('11:01', tk.leader!, A, { action: 'reopen', reason: 'again' })).statusCode,
    ).toBe(422);

    // Redo round: the desk sends the reply back once more after the check (workflow redo).
    await hotline('11:10', tk.unit!, A, 'reply', { text: '已再次清运' });
    await handleAndCheck(A, ['11:20', '11:30']);
    const redo = await hotline('11:40', tk.clerk!, A, 'reply/review', {
      decision: 'redo',
      reason: '答复未说明清运时间',
    });
    expect(redo).toMatchObject({
      state: 'handling',
      reply: { review: 'redo', reviewNote: '答复未说明清运时间' },
      case: { counters: { rework: 2 } },
    });
    await hotline('13:40', tk.unit!, A, 'reply', { text: '已于今日13时彻底清运，并安排每日巡查' });
    await handleAndCheck(A, ['13:50', '14:00']);
    await hotline('14:10', tk.clerk!, A, 'reply/review', { decision: 'accept' });
    await step('14:20', tk.leader!, A, { action: 'close' });
    await hotline('14:30', tk.clerk!, A, 'callback', {
      contacted: true,
      solved: true,
      satisfaction: 'satisfied',
    });

    // valid 2, contacted 2, solved 2, satisfied 1, basically 1:
    // response 1; resolution 1; satisfaction (1 + 0.9)/2 = 0.95; composite 10 + 50 + 38 = 98.
    u = await unitRates();
    expect(u.counts).toMatchObject({
      valid: 2,
      contacted: 2,
      solved: 2,
      satisfied: 1,
      basically_satisfied: 1,
      unsatisfied: 0,
      callbacks: 2,
    });
    expect(u.rates).toMatchObject({
      response: 1,
      resolution: 1,
      satisfaction: 0.95,
      composite: 98,
    });
    const history = (
      await t.req({ method: 'GET', url: `/api/v1/hotline/orders/${A}/callbacks`, token: tk.clerk! })
    ).json();
    expect(history.items.map((x: { satisfaction: string }) => x.satisfaction)).toEqual([
      'unsatisfied',
      'satisfied',
    ]);
    const events = (
      await t.req({ method: 'GET', url: `/api/v1/cases/${A}/events`, token: tk.leader! })
    ).json().items;
    expect(
      events
        .map((e: { action: string }) => e.action)
        .filter((x: string) => ['close', 'reopen', 'redo'].includes(x)),
    ).toEqual(['close', 'reopen', 'redo', 'close']);

    // Per street: A, B, C, E were taken in on the 23rd in 东湖街道; C and E are repeats.
    const street = (await rates(`groupBy=street&${day23}`)).items.find(
      (x: { streetId: string }) => x.streetId === city.eastStreetId,
    );
    expect(street).toMatchObject({
      name: '东湖街道',
      counts: { orders: 4, repeat: 2, valid: 2 },
      rates: { repeatRate: 0.5, composite: 98 },
    });

    // Weights are the city's: 30/35/35 turns 0.95 satisfaction into 30 + 35 + 33.25 = 98.25.
    const put = await t.req({
      method: 'PUT',
      url: '/api/v1/hotline/settings',
      token: tk.admin!,
      payload: {
        weights: { response: 30, resolution: 35, satisfaction: 35 },
        repeat: { phoneWindowDays: 30, placeWindowDays: 7, placeRadiusMeters: 100 },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await unitRates()).rates.composite).toBe(98.25);
  });

  it('keeps the settings admin-only and consistent', async () => {
    const bad = await t.req({
      method: 'PUT',
      url: '/api/v1/hotline/settings',
      token: tk.admin!,
      payload: {
        weights: { response: 10, resolution: 50, satisfaction: 50 },
        repeat: { phoneWindowDays: 30, placeWindowDays: 7, placeRadiusMeters: 100 },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('body.weights');
    const clerk = await t.req({
      method: 'PUT',
      url: '/api/v1/hotline/settings',
      token: tk.clerk!,
      payload: {},
    });
    expect(clerk.statusCode).toBe(403);
    const get = await t.req({ method: 'GET', url: '/api/v1/hotline/settings', token: tk.unit! });
    expect(get.json().weights).toEqual({ response: 30, resolution: 35, satisfaction: 35 });
  });

  it('shows each reader only their jurisdiction in the rates', async () => {
    const east = await rates(`groupBy=street&${day23}`, tk.eastclerk);
    expect(east.items.map((x: { streetId: string }) => x.streetId)).toEqual([city.eastStreetId]);
    const west = await rates(`groupBy=unit&${day23}`, tk.westclerk);
    expect(west.items).toEqual([]);
    const unitStaff = await t.req({
      method: 'GET',
      url: `/api/v1/hotline/rates?${day23}`,
      token: tk.unit!,
    });
    expect(unitStaff.statusCode).toBe(403);
    const bad = await t.req({
      method: 'GET',
      url: '/api/v1/hotline/rates/cases?metric=valid',
      token: tk.leader!,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('allows an extension only before the hotline deadline, and a return only on a stated basis', async () => {
    const day = '2026-11-24';
    t.clock.set(at('08:30', day));
    const d = await post(tk.gateway!, {
      orderNo: 'GD-D',
      callerPhone: '13600003333',
      hotlineDeadline: at('10:00', day),
      lng: city.points.east2[0],
      lat: city.points.east2[1],
    });
    const id: string = d.json().caseId;
    await toHandling(id, ['08:40', '08:45', '08:50', '08:55'], day);
    await step(
      '09:30',
      tk.unit!,
      id,
      { action: 'request_extension', reason: '需调派车辆', deadline: at('16:00', day) },
      day,
    );
    await step(
      '09:35',
      tk.dispatcher!,
      id,
      { action: 'deny_extension', reason: '请按时办结' },
      day,
    );
    const late = await act(
      '10:30',
      tk.unit!,
      id,
      { action: 'request_extension', reason: '需调派车辆', deadline: at('16:00', day) },
      day,
    );
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toMatchObject({
      code: 'HOTLINE_EXTENSION_TOO_LATE',
      details: { deadline: new Date(at('10:00', day)).toISOString() },
    });

    const noBasis = await act(
      '10:40',
      tk.unit!,
      id,
      { action: 'request_return', reason: '不属于本单位职责' },
      day,
    );
    expect(noBasis.statusCode).toBe(422);
    expect(noBasis.json().error).toMatchObject({
      code: 'CASE_REQUIREMENT_MISSING',
      details: [{ path: 'body.basis' }],
    });
    expect((await caseOf(id)).state).toBe('handling');
    const withBasis = await step(
      '10:45',
      tk.unit!,
      id,
      {
        action: 'request_return',
        reason: '不属于本单位职责',
        basis: '《市容环卫责任区划分办法》第三条',
      },
      day,
    );
    expect(withBasis.state).toBe('return_requested');
    await step('10:50', tk.dispatcher!, id, { action: 'approve_return' }, day);
    const events = (
      await t.req({ method: 'GET', url: `/api/v1/cases/${id}/events`, token: tk.leader! })
    ).json().items;
    expect(
      events.find((e: { action: string }) => e.action === 'request_return').payload,
    ).toMatchObject({ basis: '《市容环卫责任区划分办法》第三条' });
    // The unit's return shows in its return rate (the order itself left the unit).
    const day24 = `from=${encodeURIComponent(at('00:00', day))}&to=${encodeURIComponent(at('00:00', '2026-11-25'))}`;
    const u = (await rates(`groupBy=unit&${day24}`)).items.find(
      (x: { unitId: string }) => x.unitId === city.units.sanitation,
    );
    expect(u).toMatchObject({
      counts: { orders: 0, assignments: 1, returned: 1 },
      rates: { returnRate: 1, onTimeAcknowledgement: 1 },
    });
    // A non-hotline case needs no basis.
    t.clock.set(at('11:00', day));
    const plain = await t.req({
      method: 'POST',
      url: '/api/v1/cases',
      token: tk.clerk!,
      payload: {
        source: 'public',
        description: '公众上报的暴露垃圾',
        lng: city.points.east2[0],
        lat: city.points.east2[1],
      },
    });
    const pid: string = plain.json().id;
    await toHandling(pid, ['11:05', '11:10', '11:15', '11:20'], day);
    await step(
      '11:30',
      tk.unit!,
      pid,
      { action: 'request_return', reason: '不属于本单位职责' },
      day,
    );
  });

  it('masks callers in lists (138****5678); units never see a phone in full, nor a confidential caller', async () => {
    const day = '2026-11-25';
    t.clock.set(at('09:00', day));
    const m = (
      await post(tk.gateway!, { orderNo: 'GD-M', callerName: '李四', callerPhone: PHONE_A })
    ).json();
    const n = (
      await post(tk.gateway!, {
        orderNo: 'GD-N',
        callerName: '赵六',
        callerPhone: '13512340000',
        confidential: true,
      })
    ).json();
    for (const id of [m.caseId, n.caseId]) {
      await toHandling(id, ['09:10', '09:15', '09:20', '09:25'], day);
    }
    const list = await t.req({
      method: 'GET',
      url: `/api/v1/hotline/orders?from=${encodeURIComponent(at('00:00', day))}`,
      token: tk.clerk!,
    });
    const rows = list.json().items as { orderNo: string; caller: unknown }[];
    expect(rows.find((x) => x.orderNo === 'GD-M')!.caller).toEqual({
      name: '李*',
      phone: '138****5678',
      masked: true,
    });
    expect(rows.find((x) => x.orderNo === 'GD-N')!.caller).toEqual({
      name: '赵*',
      phone: '135****0000',
      masked: true,
    });
    expect(list.body).not.toContain(PHONE_A);
    // The desk sees the caller in full on the order itself.
    expect((await order(n.caseId)).caller).toEqual({
      name: '赵六',
      phone: '13512340000',
      masked: false,
    });

    for (const token of [tk.unit!, tk.dispatcher!, tk.bureau!]) {
      const mv = await t.req({ method: 'GET', url: `/api/v1/hotline/orders/${m.caseId}`, token });
      expect(mv.statusCode).toBe(200);
      expect(mv.json().caller).toEqual({ name: '李*', phone: '138****5678', masked: true });
      expect(mv.body).not.toContain(PHONE_A);
      const nv = await t.req({ method: 'GET', url: `/api/v1/hotline/orders/${n.caseId}`, token });
      expect(nv.json()).toMatchObject({ confidential: true, caller: null });
      expect(nv.body).not.toContain('13512340000');
      expect(nv.body).not.toContain('赵');
    }
    const unitList = await t.req({ method: 'GET', url: '/api/v1/hotline/orders', token: tk.unit! });
    expect(unitList.body).not.toContain(PHONE_A);
    expect(unitList.body).not.toContain('13512340000');
    // Nor through the cases API: the caller lives in the overlay only.
    const asCase = await t.req({
      method: 'GET',
      url: `/api/v1/cases/${m.caseId}`,
      token: tk.unit!,
    });
    expect(asCase.json().reporter).toBeNull();
    expect(asCase.body).not.toContain(PHONE_A);
    // Another unit does not see the order at all.
    expect(
      (await t.req({ method: 'GET', url: `/api/v1/hotline/orders/${m.caseId}`, token: tk.unit2! }))
        .statusCode,
    ).toBe(404);
  });
});
