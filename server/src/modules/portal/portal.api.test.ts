import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser } from '../../../test/factories';
import { testImages } from '../../../test/images';
import { seedLoopCity, uploadPhoto, type LoopCity } from '../../../test/loop-city';
import { multipartBody } from '../../../test/multipart';
import { wgs84ToGcj02 } from '../space/gcj02';

// Monday 2026-11-23, a plain working day.
const at = (hhmm: string, day = '2026-11-23') => `${day}T${hhmm}:00+08:00`;

/** Every username (= display name) of the loop city's staff. */
const STAFF = [
  'clerk',
  'leader',
  'dispatcher',
  'inspector',
  'westinspector',
  'unit',
  'unit2',
  'bureau',
  'eastclerk',
  'westclerk',
];

describe('public reporting API', () => {
  let t: TestApp;
  let city: LoopCity;
  let tk: Record<string, string>;
  let admin: string;
  let ipSeq = 0;
  /** A fresh client address, so the per-IP limits of one test do not touch another. */
  const newIp = () => `203.0.113.${++ipSeq}`;

  beforeAll(async () => {
    t = await createTestApp({ now: at('08:00'), env: { SESSION_TTL_HOURS: '720' } });
    city = await seedLoopCity(t);
    tk = city.tokens;
    await buildUser(t, { username: 'admin1', roles: ['admin'] });
    admin = await login(t, 'admin1');
  });
  afterAll(() => t.close());

  const report = (body: Record<string, unknown>, ip = newIp()) =>
    t.req({
      method: 'POST',
      url: '/api/v1/public/reports',
      headers: { 'x-forwarded-for': ip },
      payload: {
        description: '湖滨社区门口有一堆暴露垃圾',
        lng: city.points.east1[0],
        lat: city.points.east1[1],
        ...body,
      },
    });
  const track = (code: string) => t.req({ method: 'GET', url: `/api/v1/public/reports/${code}` });
  const rate = (code: string, body: Record<string, unknown>) =>
    t.req({ method: 'POST', url: `/api/v1/public/reports/${code}/rating`, payload: body });
  const publicUpload = async (ip: string) => {
    const up = multipartBody([
      { filename: 'p.jpg', type: 'image/jpeg', data: await testImages.jpeg(80, 60) },
    ]);
    return t.req({
      method: 'POST',
      url: '/api/v1/public/attachments',
      headers: { ...up.headers, 'x-forwarded-for': ip },
      payload: up.payload,
    });
  };
  const caseOf = async (number: string) =>
    t.store.db
      .selectFrom('case_file')
      .selectAll()
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
  const settings = (patch: Record<string, number>) =>
    t.req({ method: 'PUT', url: '/api/v1/admin/portal/settings', token: admin, payload: patch });
  const countCases = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('case_file')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Drives a case through the loop to closed, as the staff of the loop city. */
  async function close(caseId: string, day: string) {
    const step = async (time: string, token: string, body: Record<string, unknown>) => {
      t.clock.set(at(time, day));
      const current = (
        await t.req({ method: 'GET', url: `/api/v1/cases/${caseId}`, token: tk.leader! })
      ).json();
      const r = await t.req({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/actions`,
        token,
        payload: { version: current.version, ...body },
      });
      expect(r.statusCode, `${String(body.action)}: ${r.body}`).toBe(200);
    };
    await step('09:10', tk.inspector!, {
      action: 'verify',
      verifyResult: true,
      note: '现场确认，inspector 已到场',
    });
    await step('09:15', tk.clerk!, { action: 'register', matterCode: '06010' });
    await step('09:20', tk.dispatcher!, {
      action: 'dispatch',
      targetUnitId: city.units.sanitation,
    });
    await step('09:30', tk.unit!, { action: 'acknowledge' });
    await step('10:00', tk.unit!, {
      action: 'request_extension',
      reason: '车辆不足，内部原因',
      deadline: at('16:00', day),
    });
    await step('10:05', tk.dispatcher!, {
      action: 'approve_extension',
      deadline: at('16:00', day),
    });
    await step('11:00', tk.unit!, {
      action: 'feedback',
      description: '已清运（内部备注）',
      disposalMode: 'service',
      attachmentIds: [await uploadPhoto(t, tk.unit!)],
    });
    await step('11:10', tk.inspector!, {
      action: 'check_pass',
      attachmentIds: [await uploadPhoto(t, tk.inspector!)],
    });
    await step('11:20', tk.leader!, { action: 'close' });
  }

  it('lists the public categories from the Open311 services', async () => {
    const res = await t.req({ method: 'GET', url: '/api/v1/public/categories' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThanOrEqual(15);
    expect(items.find((c: { code: string }) => c.code === '06010')).toMatchObject({
      name: '暴露垃圾',
      nameEn: 'Exposed garbage',
      group: '市容环境类',
    });
  });

  it('takes a report with a photo, tracks it by its number, and shows no staff names', async () => {
    t.clock.set(at('09:00'));
    const ip = newIp();
    const up = await publicUpload(ip);
    expect(up.statusCode).toBe(201);
    const photo = up.json().items[0].id;
    const res = await report(
      {
        attachmentIds: [photo],
        address: '湖滨路8号',
        contact: { name: '王女士', phone: '13812345678' },
        matterCode: '06010',
      },
      ip,
    );
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(Object.keys(created).sort()).toEqual(['number', 'status', 'trackingNumber']);
    expect(created.trackingNumber).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(created).toMatchObject({ number: '2026112300001', status: 'verifying' });

    const row = await caseOf(created.number);
    expect(row).toMatchObject({
      source: 'public',
      state: 'verifying',
      reporter_name: '王女士',
      reporter_phone: '13812345678',
      anonymous: 0,
      matter_code: '06010',
    });
    const staff = (
      await t.req({ method: 'GET', url: `/api/v1/cases/${row.id}`, token: tk.clerk! })
    ).json();
    expect(staff.reporter).toEqual({ name: '王女士', phone: '13812345678', anonymous: false });
    const bound = await t.store.db
      .selectFrom('attachment')
      .select(['case_id', 'kind'])
      .where('id', '=', photo)
      .executeTakeFirstOrThrow();
    expect(bound).toEqual({ case_id: row.id, kind: 'report' });

    const first = await track(created.trackingNumber);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      trackingNumber: created.trackingNumber,
      number: created.number,
      status: 'verifying',
      statusName: { zh: '现场核实中', en: 'Being verified on site' },
      finished: false,
      category: { code: '06010', name: '暴露垃圾' },
      address: '湖滨路8号',
      agency: null,
      reportedAt: '2026-11-23T09:00:00+08:00',
      history: [
        { status: 'received', at: '2026-11-23T09:00:00+08:00' },
        { status: 'verifying', at: '2026-11-23T09:00:00+08:00' },
      ],
      rating: null,
      canRate: false,
    });
    // Typed by hand: lower case, with a hyphen.
    const typed =
      `${created.trackingNumber.slice(0, 5)}-${created.trackingNumber.slice(5)}`.toLowerCase();
    expect((await track(typed)).json().number).toBe(created.number);

    await close(row.id, '2026-11-23');
    const done = await track(created.trackingNumber);
    const v = done.json();
    expect(v).toMatchObject({
      status: 'closed',
      statusName: { zh: '已办结' },
      finished: true,
      agency: '云溪区环卫所',
      closedAt: '2026-11-23T11:20:00+08:00',
      updatedAt: '2026-11-23T11:20:00+08:00',
      expectedAt: null,
      canRate: true,
    });
    expect(v.history.map((h: { status: string }) => h.status)).toEqual([
      'received',
      'verifying',
      'reviewing',
      'accepted',
      'dispatched',
      'in_progress',
      'checking',
      'closed',
    ]);
    expect(v.history[4]).toEqual({
      status: 'dispatched',
      name: { zh: '已派遣', en: 'Assigned to an agency' },
      at: '2026-11-23T09:20:00+08:00',
    });
    // No staff names or usernames, no internal notes or reasons, no reporter contact.
    for (const name of STAFF) {
      expect(done.body, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
    expect(done.body).not.toMatch(/内部|车辆不足|现场确认|13812345678|王女士|actor|reason|note/);
  });

  it('takes a rating only after closure, and only once', async () => {
    t.clock.set(at('09:00', '2026-11-24'));
    const created = (await report({ description: '柳岸社区路边垃圾桶满了' })).json();
    const early = await rate(created.trackingNumber, { satisfaction: 'satisfied' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('PUBLIC_NOT_CLOSED');

    await close((await caseOf(created.number)).id, '2026-11-24');
    t.clock.set(at('15:00', '2026-11-24'));
    const bad = await rate(created.trackingNumber, { satisfaction: 'very_happy' });
    expect(bad.statusCode).toBe(400);
    const ok = await rate(created.trackingNumber, {
      satisfaction: 'basically_satisfied',
      comment: '处理得挺快',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      rating: {
        satisfaction: 'basically_satisfied',
        comment: '处理得挺快',
        ratedAt: '2026-11-24T15:00:00+08:00',
      },
      canRate: false,
    });
    const again = await rate(created.trackingNumber, { satisfaction: 'unsatisfied' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PUBLIC_ALREADY_RATED');
    expect((await track(created.trackingNumber)).json().rating.satisfaction).toBe(
      'basically_satisfied',
    );

    const unknown = await track('ZZZZZZZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('PUBLIC_REPORT_NOT_FOUND');
    expect((await track('not-a-code')).statusCode).toBe(404);
    expect((await rate('ZZZZZZZZZZ', { satisfaction: 'satisfied' })).statusCode).toBe(404);
  });

  it('limits reports per IP (429 after N, again after the hour) and per phone', async () => {
    t.clock.set(at('09:00', '2026-11-25'));
    expect((await settings({ reportsPerIpPerHour: 3, reportsPerPhonePerDay: 2 })).statusCode).toBe(
      200,
    );
    const ip = newIp();
    for (let i = 1; i <= 3; i++) {
      t.clock.advance(60_000);
      const r = await report({ description: `东湖街道第${i}处垃圾堆放` }, ip);
      expect(r.statusCode, r.body).toBe(201);
    }
    const before = await countCases();
    const over = await report({ description: '东湖街道第4处垃圾堆放' }, ip);
    expect(over.statusCode).toBe(429);
    expect(over.json().error).toMatchObject({
      code: 'PUBLIC_RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(await countCases()).toBe(before);
    // Another address is not limited; the same one is again after the hour.
    expect((await report({ description: '别处的垃圾堆放' })).statusCode).toBe(201);
    t.clock.advance(3_600_000);
    expect((await report({ description: '一小时后的垃圾堆放' }, ip)).statusCode).toBe(201);

    // Per phone, across addresses, however the number is written.
    const phones = ['13900002222', '139-0000-2222', '+86 139 0000 2222'];
    expect(
      (await report({ description: '电话一 垃圾', contact: { phone: phones[0] } })).statusCode,
    ).toBe(201);
    expect(
      (await report({ description: '电话二 垃圾', contact: { phone: phones[1] } })).statusCode,
    ).toBe(201);
    const third = await report({ description: '电话三 垃圾', contact: { phone: phones[2] } });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('PUBLIC_RATE_LIMITED');
    await settings({ reportsPerIpPerHour: 10, reportsPerPhonePerDay: 5 });
    expect(
      (await t.req({ method: 'GET', url: '/api/v1/admin/portal/settings', token: admin })).json(),
    ).toMatchObject({
      reportsPerIpPerHour: 10,
      reportsPerPhonePerDay: 5,
      duplicateWindowMinutes: 10,
    });
    expect(
      (
        await t.req({
          method: 'PUT',
          url: '/api/v1/admin/portal/settings',
          token: tk.clerk!,
          payload: { maxUrls: 9 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('rejects the honeypot, too many links, too short a text and the same text twice', async () => {
    t.clock.set(at('09:00', '2026-11-26'));
    const before = await countCases();
    const honeypot = await report({ website: 'http://spam.example' });
    expect(honeypot.statusCode).toBe(400);
    expect(honeypot.json().error).toMatchObject({
      code: 'PUBLIC_SPAM_REJECTED',
      details: [{ path: 'body.website' }],
    });
    const links = await report({ description: '便宜 http://a.example 好货 http://b.example' });
    expect(links.statusCode).toBe(400);
    expect(links.json().error.code).toBe('PUBLIC_SPAM_REJECTED');
    const short = await report({ description: '垃圾' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.description' }],
    });
    expect(await countCases()).toBe(before);

    const ip = newIp();
    expect((await report({ description: '西山社区路口积水很深' }, ip)).statusCode).toBe(201);
    t.clock.advance(5 * 60_000);
    const dup = await report({ description: '  西山社区路口积水很深 ' }, ip);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('PUBLIC_DUPLICATE_REPORT');
    expect((await report({ description: '西山社区路口积水很深' })).statusCode).toBe(201);
    t.clock.advance(6 * 60_000);
    expect((await report({ description: '西山社区路口积水很深' }, ip)).statusCode).toBe(201);

    const unknown = await report({ matterCode: '06020' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('PUBLIC_CATEGORY_UNKNOWN');
    const outside = await report({ lng: 121.5, lat: 31.2 });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('CASE_LOCATION_OUTSIDE_GRIDS');
  });

  it('keeps no contact of an anonymous reporter, and accepts GCJ-02 map points', async () => {
    t.clock.set(at('09:00', '2026-11-27'));
    const [glng, glat] = wgs84ToGcj02(city.points.west[0], city.points.west[1]);
    const res = await report({
      description: '松岭社区有人占道经营',
      anonymous: true,
      contact: { name: '张三', phone: '13700003333' },
      lng: glng,
      lat: glat,
      crs: 'gcj02',
    });
    expect(res.statusCode).toBe(201);
    const row = await caseOf(res.json().number);
    expect(row).toMatchObject({
      anonymous: 1,
      reporter_name: null,
      reporter_phone: null,
      grid_code: city.grids.west,
    });
    expect(row.lng).toBeCloseTo(city.points.west[0], 5);
    const staff = (
      await t.req({ method: 'GET', url: `/api/v1/cases/${row.id}`, token: tk.clerk! })
    ).json();
    expect(staff.reporter).toEqual({ name: null, phone: null, anonymous: true });
    const tracking = await t.store.db
      .selectFrom('public_tracking')
      .selectAll()
      .where('case_id', '=', row.id)
      .executeTakeFirstOrThrow();
    // Only a keyed hash of the phone remains, for the per-phone limit.
    expect(tracking.phone_hash).toMatch(/^[0-9a-f]{40}$/);
    expect(JSON.stringify(tracking)).not.toContain('13700003333');
  });

  it('limits public photo uploads per IP', async () => {
    t.clock.set(at('09:00', '2026-11-28'));
    await settings({ uploadsPerIpPerHour: 2 });
    const ip = newIp();
    expect((await publicUpload(ip)).statusCode).toBe(201);
    expect((await publicUpload(ip)).statusCode).toBe(201);
    const over = await publicUpload(ip);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('PUBLIC_RATE_LIMITED');
    expect((await publicUpload(newIp())).statusCode).toBe(201);
    t.clock.advance(3_600_001);
    expect((await publicUpload(ip)).statusCode).toBe(201);
  });
});
