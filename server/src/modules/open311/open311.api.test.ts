import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser } from '../../../test/factories';
import { testImages } from '../../../test/images';
import { seedLoopCity, uploadPhoto, type LoopCity } from '../../../test/loop-city';
import { multipartBody } from '../../../test/multipart';

// Monday 2026-11-23, a plain working day.
const at = (hhmm: string, day = '2026-11-23') => `${day}T${hhmm}:00+08:00`;

// --- a tiny XML reader for the answers: elements and text, no attributes (GeoReport has none)

interface El {
  name: string;
  children: El[];
  text: string;
}

const decode = (s: string) =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

function parseXml(xml: string): El {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const root: El = { name: '#document', children: [], text: '' };
  const stack: El[] = [root];
  const re = /<(\/?)([A-Za-z_][\w.-]*)(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const top = stack.at(-1)!;
    if (m[4] !== undefined) {
      top.text += decode(m[4]);
    } else if (m[1] === '/') {
      expect(top.name).toBe(m[2]);
      stack.pop();
    } else {
      const el: El = { name: m[2]!, children: [], text: '' };
      top.children.push(el);
      if (m[3] !== '/') {
        stack.push(el);
      }
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

const kids = (el: El | undefined, name?: string) =>
  (el?.children ?? []).filter((c) => name === undefined || c.name === name);
const kid = (el: El | undefined, name: string) => kids(el, name)[0];
const names = (el: El | undefined) => kids(el).map((c) => c.name);

/** The fields of a service request, in the specification's order. */
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const SERVICE_FIELDS = [
  'service_code',
  'service_name',
  'description',
  'metadata',
  'type',
  'keywords',
  'group',
];
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/;

describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  let city: LoopCity;
  let tk: Record<string, string>;
  let admin: string;
  let apiKey: string;

  beforeAll(async () => {
    t = await createTestApp({ now: at('08:00'), env: { SESSION_TTL_HOURS: '720' } });
    city = await seedLoopCity(t);
    tk = city.tokens;
    await buildUser(t, { username: 'admin1', roles: ['admin'] });
    admin = await login(t, 'admin1');
    const k = await t.req({
      method: 'POST',
      url: '/api/v1/admin/open311/keys',
      token: admin,
      payload: { name: '城市通 App' },
    });
    expect(k.statusCode).toBe(201);
    apiKey = k.json().key;
  });
  afterAll(() => t.close());

  const get = (url: string) => t.req({ method: 'GET', url });
  const form = (fields: Record<string, string | number>) =>
    Object.entries(fields)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
  const post = (format: 'xml' | 'json', fields: Record<string, string | number>) =>
    t.req({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(fields),
    });
  const east1 = () => ({ lat: city.points.east1[1], long: city.points.east1[0] });
  const caseIdOf = async (number: string) =>
    (
      await t.store.db
        .selectFrom('case_file')
        .select('id')
        .where('number', '=', number)
        .executeTakeFirstOrThrow()
    ).id;

  it('answers discovery in XML and JSON', async () => {
    const j = await get('/open311/v2/discovery.json');
    expect(j.statusCode).toBe(200);
    expect(j.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
    const d = j.json();
    expect(d.changeset).toMatch(W3C);
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: 'http://localhost:80/open311/v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    const x = await get('/open311/v2/discovery.xml');
    expect(x.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
    const doc = parseXml(x.body);
    expect(doc.name).toBe('discovery');
    expect(names(doc)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    const ep = kid(kid(doc, 'endpoints'), 'endpoint');
    expect(names(ep)).toEqual(['specification', 'url', 'changeset', 'type', 'formats']);
    expect(kids(kid(ep, 'formats'), 'format').map((f) => f.text)).toEqual([
      'text/xml',
      'application/json',
    ]);
  });

  it('lists the seeded public services with the specification fields, in both formats', async () => {
    const j = (await get('/open311/v2/services.json')).json();
    expect(j.length).toBeGreaterThanOrEqual(15);
    for (const s of j) {
      expect(Object.keys(s)).toEqual(SERVICE_FIELDS);
      expect(typeof s.service_code).toBe('string');
    }
    expect(j.find((s: { service_code: string }) => s.service_code === '06010')).toEqual({
      service_code: '06010',
      service_name: '暴露垃圾',
      description: expect.any(String),
      metadata: true,
      type: 'realtime',
      keywords: expect.stringContaining('垃圾'),
      group: '市容环境类',
    });
    // 暴露垃圾 (2) and 私搭乱建 (3) have several registration conditions: metadata; 满溢 has one.
    expect(j.find((s: { service_code: string }) => s.service_code === '06001').metadata).toBe(true);
    expect(j.find((s: { service_code: string }) => s.service_code === '06042').metadata).toBe(
      false,
    );
    expect((await get('/open311/v2/services.json?locale=en')).json()[0].service_name).toMatch(
      /^[A-Za-z]/,
    );

    const doc = parseXml((await get('/open311/v2/services.xml')).body);
    expect(doc.name).toBe('services');
    const services = kids(doc, 'service');
    expect(services).toHaveLength(j.length);
    for (const s of services) {
      expect(names(s)).toEqual(SERVICE_FIELDS);
    }
    const full = services.find((s) => kid(s, 'service_code')!.text === '06042')!;
    expect(kid(full, 'metadata')!.text).toBe('false');
  });

  it('gives a service definition with the registration conditions as a singlevaluelist', async () => {
    const j = (await get('/open311/v2/services/06001.json')).json();
    expect(j.service_code).toBe('06001');
    expect(j.attributes).toHaveLength(1);
    expect(j.attributes[0]).toMatchObject({
      variable: true,
      code: 'condition',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
    });
    expect(Object.keys(j.attributes[0])).toEqual([
      'variable',
      'code',
      'datatype',
      'required',
      'datatype_description',
      'order',
      'description',
      'values',
    ]);
    expect(j.attributes[0].values.map((v: { key: string }) => v.key)).toEqual(['1', '2', '3']);
    expect(j.attributes[0].values[0].name).toContain('私搭乱建');

    const doc = parseXml((await get('/open311/v2/services/06001.xml')).body);
    expect(doc.name).toBe('service_definition');
    expect(names(doc)).toEqual(['service_code', 'attributes']);
    const attr = kid(kid(doc, 'attributes'), 'attribute')!;
    expect(kid(attr, 'datatype')!.text).toBe('singlevaluelist');
    const values = kids(kid(attr, 'values'), 'value');
    expect(values.map((v) => names(v))).toEqual([
      ['key', 'name'],
      ['key', 'name'],
      ['key', 'name'],
    ]);

    const none = (await get('/open311/v2/services/06042.json')).json();
    expect(none).toEqual({ service_code: '06042', attributes: [] });
  });

  it('answers an unknown service or request with a 404 error list, in both formats', async () => {
    const j = await get('/open311/v2/services/99999.json');
    expect(j.statusCode).toBe(404);
    expect(j.json()).toEqual([{ code: 404, description: expect.stringContaining('99999') }]);
    const x = await get('/open311/v2/services/99999.xml');
    expect(x.statusCode).toBe(404);
    const doc = parseXml(x.body);
    expect(doc.name).toBe('errors');
    const e = kid(doc, 'error')!;
    expect(names(e)).toEqual(['code', 'description']);
    expect(kid(e, 'code')!.text).toBe('404');
    expect((await get('/open311/v2/requests/1.json')).statusCode).toBe(404);
    expect((await get('/open311/v2/tokens/NOPE.xml')).statusCode).toBe(404);
    expect((await get('/open311/v2/services.html')).statusCode).toBe(404);
    expect((await get('/open311/v2/nothing.json')).json()[0].code).toBe(404);
  });

  it('refuses a POST without a key or with a revoked one (403), for an unknown service (404), without a location (400)', async () => {
    t.clock.set(at('08:30'));
    const base = { service_code: '06042', description: '小区门口垃圾', ...east1() };
    const noKey = await post('json', base);
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: 'api_key was not provided' }]);
    const noKeyXml = await post('xml', base);
    expect(noKeyXml.statusCode).toBe(403);
    expect(kid(kid(parseXml(noKeyXml.body), 'error'), 'code')!.text).toBe('403');
    expect((await post('json', { ...base, api_key: 'cl311_wrong' })).statusCode).toBe(403);

    const k = (
      await t.req({
        method: 'POST',
        url: '/api/v1/admin/open311/keys',
        token: admin,
        payload: { name: '旧客户端' },
      })
    ).json();
    expect((await post('json', { ...base, api_key: k.key })).statusCode).toBe(201);
    const del = await t.req({
      method: 'DELETE',
      url: `/api/v1/admin/open311/keys/${k.id}`,
      token: admin,
    });
    expect(del.statusCode).toBe(204);
    const revoked = await post('json', { ...base, api_key: k.key });
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()[0].description).toMatch(/revoked/);

    const unknown = await post('json', { ...base, api_key: apiKey, service_code: '99999' });
    expect(unknown.statusCode).toBe(404);
    const noLocation = await post('json', {
      api_key: apiKey,
      service_code: '06042',
      description: '垃圾',
    });
    expect(noLocation.statusCode).toBe(400);
    expect(noLocation.json()[0]).toEqual({
      code: 400,
      description: expect.stringMatching(/location/i),
    });
    const addressOnly = await post('xml', {
      api_key: apiKey,
      service_code: '06042',
      address_string: '湖滨路1号',
    });
    expect(addressOnly.statusCode).toBe(400);
    expect(kid(kid(parseXml(addressOnly.body), 'error'), 'description')!.text).toMatch(
      /lat and long are required/,
    );
    const outside = await post('json', {
      api_key: apiKey,
      service_code: '06042',
      lat: 31.5,
      long: 121.5,
    });
    expect(outside.statusCode).toBe(400);
    const badLat = await post('json', {
      api_key: apiKey,
      service_code: '06042',
      lat: 'north',
      long: 120.1,
    });
    expect(badLat.statusCode).toBe(400);
    const noCondition = await post('json', { api_key: apiKey, service_code: '06001', ...east1() });
    expect(noCondition.statusCode).toBe(400);
    expect(noCondition.json()[0].description).toMatch(/attribute\[condition\]/);
    const badCondition = await post('json', {
      api_key: apiKey,
      service_code: '06001',
      'attribute[condition]': '9',
      ...east1(),
    });
    expect(badCondition.statusCode).toBe(400);
    const badJurisdiction = await post('json', {
      ...base,
      api_key: apiKey,
      jurisdiction_id: 'elsewhere',
    });
    expect(badJurisdiction.statusCode).toBe(404);
    const badEmail = await post('json', { ...base, api_key: apiKey, email: 'not-an-email' });
    expect(badEmail.statusCode).toBe(400);
    // Nothing was written by the refused requests: only the one accepted with the old key.
    const n = await t.store.db
      .selectFrom('case_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', 'open311')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('creates a case from a form POST and tracks it by id and token, in both formats', async () => {
    t.clock.set(at('09:00'));
    const created = await post('json', {
      api_key: apiKey,
      jurisdiction_id: '339900',
      service_code: '06001',
      'attribute[condition]': '2',
      ...east1(),
      address_string: '湖滨路12号',
      description: '小区绿地里新搭了一间板房',
      first_name: '明',
      last_name: '李',
      phone: '13900001111',
      email: 'li@example.org',
      device_id: 'dev-1',
      account_id: 'acc-9',
      media_url: 'https://example.org/p/1.jpg',
    });
    expect(created.statusCode).toBe(201);
    const [res] = created.json();
    expect(Object.keys(res)).toEqual([
      'service_request_id',
      'token',
      'service_notice',
      'account_id',
    ]);
    expect(res.service_request_id).toMatch(/^2026112300\d{3}$/);
    expect(typeof res.service_request_id).toBe('string');
    expect(res.account_id).toBe('acc-9');

    const id = await caseIdOf(res.service_request_id);
    const staff = (
      await t.req({ method: 'GET', url: `/api/v1/cases/${id}`, token: tk.clerk! })
    ).json();
    expect(staff).toMatchObject({
      source: 'open311',
      state: 'verifying',
      matter: { code: '06001' },
      address: '湖滨路12号',
      reporter: { name: '李明', phone: '13900001111' },
    });
    const conditions = (
      await t.req({
        method: 'GET',
        url: '/api/v1/catalog/matters/06001/conditions',
        token: tk.clerk!,
      })
    ).json();
    expect(staff.matter.conditionId).toBe(
      conditions.items.find((c: { seq: number }) => c.seq === 2).id,
    );

    const tokenJson = (await get(`/open311/v2/tokens/${res.token}.json`)).json();
    expect(tokenJson).toEqual([{ service_request_id: res.service_request_id, token: res.token }]);
    const tokenXml = parseXml((await get(`/open311/v2/tokens/${res.token}.xml`)).body);
    expect(tokenXml.name).toBe('service_requests');
    expect(names(kid(tokenXml, 'request'))).toEqual(['service_request_id', 'token']);

    const one = await get(`/open311/v2/requests/${res.service_request_id}.json`);
    expect(one.statusCode).toBe(200);
    const list = one.json();
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(1);
    const r = list[0];
    expect(Object.keys(r)).toEqual(REQUEST_FIELDS);
    expect(r).toMatchObject({
      service_request_id: res.service_request_id,
      status: 'open',
      status_notes: '现场核实中',
      service_name: '私搭乱建',
      service_code: '06001',
      description: '小区绿地里新搭了一间板房',
      agency_responsible: null,
      requested_datetime: '2026-11-23T09:00:00+08:00',
      updated_datetime: '2026-11-23T09:00:00+08:00',
      expected_datetime: null,
      address: '湖滨路12号',
      address_id: null,
      zipcode: null,
      lat: city.points.east1[1],
      long: city.points.east1[0],
      media_url: 'https://example.org/p/1.jpg',
    });
    // Public-safe: no reporter contact anywhere in the answer.
    expect(one.body).not.toMatch(/13900001111|李明|li@example/);

    const doc = parseXml((await get(`/open311/v2/requests/${res.service_request_id}.xml`)).body);
    expect(doc.name).toBe('service_requests');
    expect(kids(doc, 'request')).toHaveLength(1);
    const req = kid(doc, 'request')!;
    expect(names(req)).toEqual(REQUEST_FIELDS);
    expect(kid(req, 'requested_datetime')!.text).toMatch(W3C);
    expect(kid(req, 'status')!.text).toBe('open');

    const xmlPost = await post('xml', {
      api_key: apiKey,
      service_code: '06042',
      ...east1(),
      description: '垃圾桶边堆了很多垃圾',
    });
    expect(xmlPost.statusCode).toBe(201);
    const xp = parseXml(xmlPost.body);
    expect(xp.name).toBe('service_requests');
    expect(names(kid(xp, 'request'))).toEqual([
      'service_request_id',
      'token',
      'service_notice',
      'account_id',
    ]);
  });

  it('filters GET requests by status, service_code and a date window; ids are strings, datetimes carry the offset', async () => {
    t.clock.set(at('09:00', '2026-11-24'));
    const a = (
      await post('json', {
        api_key: apiKey,
        service_code: '06042',
        ...east1(),
        description: '24日的垃圾',
      })
    ).json()[0];
    t.clock.set(at('10:00', '2026-11-25'));
    const b = (
      await post('json', {
        api_key: apiKey,
        service_code: '09009',
        ...east1(),
        description: '25日的乱停车',
      })
    ).json()[0];
    t.clock.set(at('12:00', '2026-11-25'));

    const all = (await get('/open311/v2/requests.json')).json();
    expect(all.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(
      expect.arrayContaining([a.service_request_id, b.service_request_id]),
    );
    for (const r of all) {
      expect(typeof r.service_request_id).toBe('string');
      expect(r.requested_datetime).toMatch(W3C);
      expect(r.updated_datetime).toMatch(W3C);
    }
    // Newest first.
    expect(all[0].service_request_id).toBe(b.service_request_id);

    const byService = (await get('/open311/v2/requests.json?service_code=09009')).json();
    expect(byService.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      b.service_request_id,
    ]);
    const both = (
      await get(
        '/open311/v2/requests.json?service_code=09009,06042&start_date=2026-11-24T00:00:00%2B08:00',
      )
    ).json();
    expect(both.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
      [a.service_request_id, b.service_request_id].sort(),
    );
    const window = (
      await get(
        '/open311/v2/requests.json?start_date=2026-11-24T00:00:00%2B08:00&end_date=2026-11-24T23:59:59%2B08:00',
      )
    ).json();
    expect(window.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      a.service_request_id,
    ]);
    // An unencoded '+' arrives as a space: read back as the offset.
    const plus = (
      await get('/open311/v2/requests.json?start_date=2026-11-25T00:00:00+08:00')
    ).json();
    expect(plus.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      b.service_request_id,
    ]);

    expect((await get('/open311/v2/requests.json?status=closed')).json()).toEqual([]);
    expect((await get('/open311/v2/requests.json?status=open')).json().length).toBe(all.length);
    const ids = (
      await get(
        `/open311/v2/requests.json?service_request_id=${a.service_request_id},${b.service_request_id}&status=closed`,
      )
    ).json();
    expect(ids).toHaveLength(2);

    const paged = (await get('/open311/v2/requests.json?page_size=1&page=2')).json();
    expect(paged).toHaveLength(1);
    expect(paged[0].service_request_id).toBe(all[1].service_request_id);

    const xml = parseXml((await get('/open311/v2/requests.xml?service_code=09009')).body);
    expect(kids(xml, 'request')).toHaveLength(1);
    expect(names(kid(xml, 'request'))).toEqual(REQUEST_FIELDS);

    for (const bad of [
      'status=pending',
      'start_date=yesterday',
      'page_size=0',
      'page_size=5000',
      'page=x',
      'start_date=2026-11-25T00:00:00%2B08:00&end_date=2026-11-24T00:00:00%2B08:00',
      'jurisdiction_id=110000',
    ]) {
      const res = await get(`/open311/v2/requests.json?${bad}`);
      expect(res.statusCode, bad).toBe(bad.startsWith('jurisdiction') ? 404 : 400);
      expect(res.json()[0].code, bad).toBe(res.statusCode);
    }
  });

  it('turns a request closed with a later updated_datetime when its case closes', async () => {
    t.clock.set(at('09:00', '2026-11-26'));
    const [res] = (
      await post('json', {
        api_key: apiKey,
        service_code: '06042',
        ...east1(),
        description: '路口的暴露垃圾',
      })
    ).json();
    const id = await caseIdOf(res.service_request_id);
    const before = (await get(`/open311/v2/requests/${res.service_request_id}.json`)).json()[0];
    expect(before.status).toBe('open');

    const step = async (time: string, token: string, body: Record<string, unknown>) => {
      t.clock.set(at(time, '2026-11-26'));
      const current = (
        await t.req({ method: 'GET', url: `/api/v1/cases/${id}`, token: tk.leader! })
      ).json();
      const r = await t.req({
        method: 'POST',
        url: `/api/v1/cases/${id}/actions`,
        token,
        payload: { version: current.version, ...body },
      });
      expect(r.statusCode, `${String(body.action)}: ${r.body}`).toBe(200);
    };
    await step('09:10', tk.inspector!, { action: 'verify', verifyResult: true });
    await step('09:15', tk.clerk!, { action: 'register', matterCode: '06042' });
    await step('09:20', tk.dispatcher!, {
      action: 'dispatch',
      targetUnitId: city.units.sanitation,
    });
    const dispatched = (await get(`/open311/v2/requests/${res.service_request_id}.json`)).json()[0];
    expect(dispatched).toMatchObject({
      status: 'open',
      status_notes: '已派遣',
      agency_responsible: '云溪区环卫所',
    });
    expect(dispatched.expected_datetime).toBe('2026-11-26T11:20:00+08:00');
    await step('09:30', tk.unit!, { action: 'acknowledge' });
    await step('10:00', tk.unit!, {
      action: 'feedback',
      description: '已清运',
      disposalMode: 'service',
      attachmentIds: [await uploadPhoto(t, tk.unit!)],
    });
    await step('10:10', tk.inspector!, {
      action: 'check_pass',
      attachmentIds: [await uploadPhoto(t, tk.inspector!)],
    });
    await step('10:20', tk.leader!, { action: 'close' });

    const after = (await get(`/open311/v2/requests/${res.service_request_id}.json`)).json()[0];
    expect(after.status).toBe('closed');
    expect(after.updated_datetime).toBe('2026-11-26T10:20:00+08:00');
    expect(Date.parse(after.updated_datetime)).toBeGreaterThan(Date.parse(before.updated_datetime));
    expect(after.status_notes).toBe('已办结');
    const xml = parseXml((await get(`/open311/v2/requests/${res.service_request_id}.xml`)).body);
    expect(kid(kid(xml, 'request'), 'status')!.text).toBe('closed');

    const closed = (await get('/open311/v2/requests.json?status=closed')).json();
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      res.service_request_id,
    ]);
    const changed = (
      await get('/open311/v2/requests.json?updated_after=2026-11-26T10:15:00%2B08:00')
    ).json();
    expect(changed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      res.service_request_id,
    ]);

    // extensions=true: extended attributes with the public-safe notes history.
    const ext = (
      await get(`/open311/v2/requests/${res.service_request_id}.json?extensions=true`)
    ).json()[0];
    expect(ext.extended_attributes).toMatchObject({
      case_number: res.service_request_id,
      grid_code: city.grids.east1,
      state: 'closed',
    });
    expect(ext.extended_attributes.notes.map((n: { status: string }) => n.status)).toEqual([
      'received',
      'verifying',
      'reviewing',
      'accepted',
      'dispatched',
      'in_progress',
      'checking',
      'closed',
    ]);
    expect(JSON.stringify(ext)).not.toMatch(/已清运|inspector|dispatcher|leader|clerk/);
    const extXml = parseXml(
      (await get(`/open311/v2/requests/${res.service_request_id}.xml?extensions=true`)).body,
    );
    const notes = kids(kid(kid(kid(extXml, 'request'), 'extended_attributes'), 'notes'), 'note');
    expect(notes).toHaveLength(8);
    expect(names(notes[0])).toEqual(['datetime', 'status', 'description']);

    // servicerequestupdates: the status changes, the last one closed.
    const updates = (
      await get('/open311/v2/servicerequestupdates.json?updated_after=2026-11-26T09:05:00%2B08:00')
    ).json();
    const mine = updates.filter(
      (u: { service_request_id: string }) => u.service_request_id === res.service_request_id,
    );
    expect(mine.map((u: { external_status_code: string }) => u.external_status_code)).toEqual([
      'reviewing',
      'accepted',
      'dispatched',
      'in_progress',
      'checking',
      'closed',
    ]);
    expect(mine.at(-1)).toMatchObject({
      status: 'closed',
      updated_datetime: '2026-11-26T10:20:00+08:00',
      description: '已办结',
    });
    const ux = parseXml(
      (await get('/open311/v2/servicerequestupdates.xml?updated_after=2026-11-26T10:15:00%2B08:00'))
        .body,
    );
    expect(ux.name).toBe('service_request_updates');
    const u = kids(ux, 'request_update');
    expect(u).toHaveLength(1);
    expect(names(u[0])).toEqual([
      'update_id',
      'service_request_id',
      'status',
      'updated_datetime',
      'description',
      'external_status_code',
      'media_url',
    ]);
  });

  it('serves the report photo of a public case at media_url, and nothing else', async () => {
    t.clock.set(at('09:00', '2026-11-27'));
    const up = multipartBody([
      { filename: 'p.jpg', type: 'image/jpeg', data: await testImages.jpeg(80, 60) },
    ]);
    const photo = (
      await t.req({
        method: 'POST',
        url: '/api/v1/public/attachments',
        headers: up.headers,
        payload: up.payload,
      })
    ).json().items[0].id;
    const rep = await t.req({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: {
        description: '公园门口有人乱倒垃圾',
        lng: city.points.east2[0],
        lat: city.points.east2[1],
        attachmentIds: [photo],
      },
    });
    expect(rep.statusCode).toBe(201);
    const r = (await get(`/open311/v2/requests/${rep.json().number}.json`)).json()[0];
    expect(r.media_url).toBe(`http://localhost:80/open311/v2/media/${photo}`);
    const img = await get(`/open311/v2/media/${photo}`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect((await get(`/open311/v2/media/${photo}/thumb`)).statusCode).toBe(200);
    // A staff photo (bound to an inspector's case) is not public.
    const staffPhoto = await uploadPhoto(t, tk.inspector!);
    const own = await t.req({
      method: 'POST',
      url: '/api/v1/cases',
      token: tk.inspector!,
      payload: {
        source: 'inspector',
        description: '井盖破损',
        lng: city.points.east1[0],
        lat: city.points.east1[1],
        attachmentIds: [staffPhoto],
      },
    });
    expect(own.statusCode).toBe(201);
    expect((await get(`/open311/v2/media/${staffPhoto}`)).statusCode).toBe(404);
    expect((await get(`/open311/v2/requests/${own.json().number}.json`)).statusCode).toBe(404);
  });

  it('lets an admin choose the public services and manage keys; others may not', async () => {
    const forbidden = await t.req({
      method: 'GET',
      url: '/api/v1/admin/open311/keys',
      token: tk.clerk!,
    });
    expect(forbidden.statusCode).toBe(403);
    const keys = (
      await t.req({ method: 'GET', url: '/api/v1/admin/open311/keys', token: admin })
    ).json().items;
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(keys)).not.toContain(apiKey);
    expect(keys.find((k: { name: string }) => k.name === '城市通 App')).toMatchObject({
      prefix: apiKey.slice(0, 10),
      revokedAt: null,
      lastUsedAt: expect.any(String),
    });
    expect(
      (await t.req({ method: 'DELETE', url: '/api/v1/admin/open311/keys/nope', token: admin }))
        .statusCode,
    ).toBe(404);

    const put = await t.req({
      method: 'PUT',
      url: '/api/v1/admin/open311/services/06020',
      token: admin,
      payload: {
        nameEn: 'Burning garbage or leaves',
        description: '露天焚烧垃圾、树叶',
        notice: '我们将在2个工作小时内到场处置',
        attributes: [{ code: 'smoke', description: '烟雾大小', required: true }],
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      serviceCode: '06020',
      name: '焚烧垃圾、树叶',
      group: '市容环境类',
      enabled: true,
    });
    const svc = (await get('/open311/v2/services.json'))
      .json()
      .find((s: { service_code: string }) => s.service_code === '06020');
    expect(svc).toMatchObject({ service_name: '焚烧垃圾、树叶', metadata: true });
    // One registration condition: no condition attribute, only the extra one.
    const def = (await get('/open311/v2/services/06020.json')).json();
    expect(def.attributes).toEqual([
      {
        variable: true,
        code: 'smoke',
        datatype: 'string',
        required: true,
        datatype_description: null,
        order: 1,
        description: '烟雾大小',
      },
    ]);
    const missing = await post('json', { api_key: apiKey, service_code: '06020', ...east1() });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()[0].description).toMatch(/attribute\[smoke\]/);
    const ok = await post('json', {
      api_key: apiKey,
      service_code: '06020',
      ...east1(),
      'attribute[smoke]': '很大',
    });
    expect(ok.statusCode).toBe(201);
    const staff = (
      await t.req({
        method: 'GET',
        url: `/api/v1/cases/${await caseIdOf(ok.json()[0].service_request_id)}`,
        token: tk.clerk!,
      })
    ).json();
    expect(staff.description).toBe('焚烧垃圾、树叶\n烟雾大小：很大');
    expect(ok.json()[0].service_notice).toBe('我们将在2个工作小时内到场处置');

    const disable = await t.req({
      method: 'PUT',
      url: '/api/v1/admin/open311/services/06020',
      token: admin,
      payload: { enabled: false },
    });
    expect(disable.json().enabled).toBe(false);
    expect((await get('/open311/v2/services/06020.json')).statusCode).toBe(404);
    expect(
      (await t.req({ method: 'DELETE', url: '/api/v1/admin/open311/services/06020', token: admin }))
        .statusCode,
    ).toBe(204);
    expect(
      (await t.req({ method: 'DELETE', url: '/api/v1/admin/open311/services/06020', token: admin }))
        .statusCode,
    ).toBe(404);
    const badMatter = await t.req({
      method: 'PUT',
      url: '/api/v1/admin/open311/services/99999',
      token: admin,
      payload: {},
    });
    expect(badMatter.statusCode).toBe(400);
    expect(badMatter.json().error.code).toBe('OPEN311_MATTER_INVALID');
    const reserved = await t.req({
      method: 'PUT',
      url: '/api/v1/admin/open311/services/06010',
      token: admin,
      payload: { attributes: [{ code: 'condition', description: 'x' }] },
    });
    expect(reserved.statusCode).toBe(400);
    expect(reserved.json().error.code).toBe('VALIDATION_FAILED');
  });
});
