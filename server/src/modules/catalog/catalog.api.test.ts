import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser, seedTinyCity } from '../../../test/factories';

const paths = (res: { json(): { error: { details?: { path: string }[] } } }) =>
  (res.json().error.details ?? []).map((d) => d.path).sort();

describe('catalog API', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let districtAdmin: string;

  beforeAll(async () => {
    t = await createTestApp();
    const city = await seedTinyCity(t);
    await t.services.catalog.seedReference();
    await buildUser(t, { username: 'cadmin', roles: ['admin'] });
    await buildUser(t, { username: 'clerk', roles: ['intake_clerk'] });
    await buildUser(t, {
      username: 'dadmin',
      roles: ['admin'],
      level: 'district',
      regionId: city.districtId,
    });
    admin = await login(t, 'cadmin');
    clerk = await login(t, 'clerk');
    districtAdmin = await login(t, 'dadmin');
  });
  afterAll(() => t.close());

  const get = (url: string, token = clerk) => t.req({ method: 'GET', url, token });

  describe('lists', () => {
    it('needs a session', async () => {
      const res = await t.req({ method: 'GET', url: '/api/v1/catalog/matters' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    });

    it('holds exactly 153 components and 250 matters after seeding', async () => {
      const c = await get('/api/v1/catalog/components');
      const m = await get('/api/v1/catalog/matters');
      expect(c.statusCode).toBe(200);
      expect(c.json().total).toBe(153);
      expect(c.json().items).toHaveLength(153);
      expect(m.json().total).toBe(250);
      expect(m.json().items[0]).toEqual({
        kind: 'matter',
        code: '01001',
        majorCode: '01',
        majorName: '市政公用设施类',
        name: '供水井盖异常',
        nameEn: null,
        componentCode: '01001',
        standard: true,
        active: true,
      });
      expect(c.json().items.find((e: { code: string }) => e.code === '01001')).toMatchObject({
        kind: 'component',
        name: '供水井盖',
        componentCode: null,
      });
    });

    it('filters by major class, standard and active', async () => {
      expect((await get('/api/v1/catalog/matters?major=06')).json().total).toBe(51);
      expect((await get('/api/v1/catalog/matters?major=10')).json().total).toBe(2);
      expect((await get('/api/v1/catalog/matters?standard=true')).json().total).toBe(250);
      expect((await get('/api/v1/catalog/components?standard=false')).json().total).toBe(0);
      expect((await get('/api/v1/catalog/matters?active=false')).json().total).toBe(0);
    });

    it('searches by name, code, legacy code and pinyin initials', async () => {
      const codes = async (q: string) =>
        (await get(`/api/v1/catalog/matters?q=${encodeURIComponent(q)}`))
          .json()
          .items.map((e: { code: string }) => e.code);
      expect(await codes('暴露垃圾')).toEqual(['06010']);
      expect(await codes('bllj')).toEqual(['06010']);
      expect(await codes('BLLJ')).toEqual(['06010']);
      expect(await codes('01-10')).toContain('06010');
      expect(await codes('0901')).toEqual(expect.arrayContaining(['09010', '09011', '09012']));
      expect(await codes('井盖')).toContain('01002');
      expect(await codes('无此事项')).toEqual([]);
    });

    it('rejects bad filters, each by field', async () => {
      for (const [query, path] of [
        ['major=6', 'query.major'],
        ['major=abc', 'query.major'],
        ['active=maybe', 'query.active'],
        ['standard=1', 'query.standard'],
        ['foo=bar', 'query.foo'],
      ] as const) {
        const res = await get(`/api/v1/catalog/matters?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION_FAILED');
        expect(paths(res), query).toEqual([path]);
      }
    });
  });

  describe('one entry, by current or legacy code', () => {
    it('resolves 01-10 to matter 06010 and says so', async () => {
      const res = await get('/api/v1/catalog/matters/01-10');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        code: '06010',
        name: '暴露垃圾',
        resolvedFrom: { original: '01-10', mappedBy: 'rule' },
      });
      expect((await get('/api/v1/catalog/matters/0409')).json()).toMatchObject({
        code: '09009',
        name: '机动车乱停放',
      });
      expect((await get('/api/v1/catalog/matters/06010')).json().resolvedFrom).toBeNull();
    });

    it('resolves 0101 to component 01001, and to its matter with legacyKind=component', async () => {
      expect((await get('/api/v1/catalog/components/0101')).json()).toMatchObject({
        kind: 'component',
        code: '01001',
        name: '供水井盖',
      });
      expect((await get('/api/v1/catalog/matters/0101?legacyKind=component')).json()).toMatchObject(
        {
          kind: 'matter',
          code: '01001',
          name: '供水井盖异常',
        },
      );
      expect((await get('/api/v1/catalog/matters/0101')).json().code).toBe('06001');
    });

    it('answers 404 for an unknown current code, 400 for unmappable and malformed ones', async () => {
      const missing = await get('/api/v1/catalog/matters/06099');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('CATALOG_ENTRY_NOT_FOUND');
      const unmappable = await get('/api/v1/catalog/matters/9999');
      expect(unmappable.statusCode).toBe(400);
      expect(unmappable.json().error.code).toBe('CATALOG_CODE_UNMAPPABLE');
      expect(unmappable.json().error.message).toContain('9999');
      expect(paths(unmappable)).toEqual(['params.code']);
      for (const bad of ['ab-cd', '1-10', '01100']) {
        const res = await get(`/api/v1/catalog/matters/${bad}`);
        expect(res.statusCode, bad).toBe(400);
        expect(res.json().error.code, bad).toBe('CATALOG_CODE_INVALID');
      }
      const kind = await get('/api/v1/catalog/matters/0101?legacyKind=part');
      expect(kind.statusCode).toBe(400);
      expect(paths(kind)).toEqual(['query.legacyKind']);
    });
  });

  describe('GET /api/v1/catalog/resolve', () => {
    it('resolves legacy and current codes with the entry', async () => {
      const res = await get('/api/v1/catalog/resolve?code=01-10&kind=matter');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        kind: 'matter',
        code: '06010',
        original: '01-10',
        mappedBy: 'rule',
        entry: { code: '06010', name: '暴露垃圾' },
      });
      expect(res.json().entry).not.toHaveProperty('resolvedFrom');
      expect((await get('/api/v1/catalog/resolve?code=0101&kind=component')).json()).toMatchObject({
        kind: 'component',
        code: '01001',
        mappedBy: 'rule',
      });
      expect(
        (await get('/api/v1/catalog/resolve?code=0101&kind=matter&legacyKind=component')).json(),
      ).toMatchObject({ kind: 'matter', code: '01001' });
      expect((await get('/api/v1/catalog/resolve?code=06010&kind=matter')).json()).toMatchObject({
        mappedBy: 'current',
      });
    });

    it('rejects missing, unknown and inconsistent parameters', async () => {
      for (const [query, path] of [
        ['code=0110', 'query.kind'],
        ['kind=matter', 'query.code'],
        ['code=0110&kind=event', 'query.kind'],
        ['code=0110&kind=matter&legacyKind=building', 'query.legacyKind'],
        ['code=0110&kind=component&legacyKind=event', 'query.legacyKind'],
      ] as const) {
        const res = await get(`/api/v1/catalog/resolve?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(paths(res), query).toEqual([path]);
      }
      const res = await get('/api/v1/catalog/resolve?code=99-99&kind=matter');
      expect(res.json().error.code).toBe('CATALOG_CODE_UNMAPPABLE');
      expect(paths(res)).toEqual(['query.code']);
    });
  });

  describe('local extensions', () => {
    const body = { code: '06099', name: '其他市容环境问题' };

    it('401 without a session', async () => {
      const res = await t.req({ method: 'POST', url: '/api/v1/catalog/matters', payload: body });
      expect(res.statusCode).toBe(401);
    });

    it('400 for each invalid field, unknown fields and wrong types', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/catalog/matters',
        token: admin,
        payload: { code: '6099', name: '', nameEn: 5, extra: true },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(paths(res)).toEqual(['body.code', 'body.extra', 'body.name', 'body.nameEn']);
      const comp = await t.req({
        method: 'POST',
        url: '/api/v1/catalog/components',
        token: admin,
        payload: { code: '01090', name: '其他', componentCode: '01001' },
      });
      expect(comp.statusCode).toBe(400);
      expect(paths(comp)).toEqual(['body.componentCode']);
    });

    it('403 for a non-admin and for an admin below city level', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/catalog/matters',
        token: clerk,
        payload: body,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH_FORBIDDEN');
      const district = await t.req({
        method: 'POST',
        url: '/api/v1/catalog/matters',
        token: districtAdmin,
        payload: body,
      });
      expect(district.statusCode).toBe(403);
      expect(district.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    });

    it('creates a local matter with a generic condition; standard=false', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/catalog/matters',
        token: admin,
        payload: body,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        kind: 'matter',
        code: '06099',
        majorCode: '06',
        majorName: '市容环境类',
        name: '其他市容环境问题',
        nameEn: null,
        componentCode: null,
        standard: false,
        active: true,
      });
      const conds = await get('/api/v1/catalog/matters/06099/conditions');
      expect(conds.json().items).toHaveLength(1);
      expect((await get('/api/v1/catalog/matters?standard=false')).json().total).toBe(1);
      expect((await get('/api/v1/catalog/matters')).json().total).toBe(251);
      // The legacy "other" code 01-99 now has an image.
      expect((await get('/api/v1/catalog/matters/01-99')).json().code).toBe('06099');
    });

    it('refuses taken, reserved and unnamed-class codes', async () => {
      const post = (payload: object) =>
        t.req({ method: 'POST', url: '/api/v1/catalog/matters', token: admin, payload });
      const taken = await post(body);
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('CATALOG_ENTRY_EXISTS');
      const reserved = await post({ code: '06053', name: '本地事项' });
      expect(reserved.statusCode).toBe(400);
      expect(reserved.json().error.code).toBe('CATALOG_CODE_RESERVED');
      const newClass = await post({ code: '11001', name: '本地事项' });
      expect(newClass.statusCode).toBe(400);
      expect(newClass.json().error.code).toBe('CATALOG_ENTRY_INVALID');
      expect(paths(newClass)).toEqual(['body.majorName']);
      const unknownComponent = await post({ code: '01099', name: '本地', componentCode: '01099' });
      expect(unknownComponent.statusCode).toBe(404);
      expect(paths(unknownComponent)).toEqual(['body.componentCode']);
      const ok = await post({ code: '11001', name: '本地事项', majorName: '本地事项类' });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({
        majorCode: '11',
        majorName: '本地事项类',
        standard: false,
      });
    });

    it('keeps standard names fixed but lets an admin deactivate and name in English', async () => {
      const patch = (code: string, payload: object, token = admin) =>
        t.req({ method: 'PATCH', url: `/api/v1/catalog/matters/${code}`, token, payload });
      const locked = await patch('06010', { name: '垃圾' });
      expect(locked.statusCode).toBe(409);
      expect(locked.json().error.code).toBe('CATALOG_ENTRY_STANDARD');
      expect(paths(locked)).toEqual(['body.name']);
      const off = await patch('06010', { active: false, nameEn: 'Exposed garbage' });
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ active: false, nameEn: 'Exposed garbage' });
      expect((await get('/api/v1/catalog/matters?active=false')).json().total).toBe(1);
      expect((await patch('06010', { active: true })).json().active).toBe(true);
      const local = await patch('06099', { name: '其他市容问题' });
      expect(local.json().name).toBe('其他市容问题');
      expect((await patch('06010', { active: 'no' })).statusCode).toBe(400);
      expect((await patch('01-10', { active: true })).statusCode).toBe(400);
      expect((await patch('06010', { active: true }, clerk)).statusCode).toBe(403);
      expect((await patch('06098', { active: true })).statusCode).toBe(404);
    });
  });

  describe('registration conditions', () => {
    it('lists the seeded conditions of a matter with limits per area class', async () => {
      const res = await get('/api/v1/catalog/matters/06001/conditions');
      expect(res.statusCode).toBe(200);
      expect(res.json().matterCode).toBe('06001');
      const items = res.json().items;
      expect(items.map((c: { seq: number }) => c.seq)).toEqual([1, 2, 3]);
      expect(items[0]).toMatchObject({
        matterCode: '06001',
        name: '正在施工的私搭乱建',
        photoRequired: true,
        urgent: false,
        active: true,
        limits: {
          A: { amount: 2, unit: 'working_hour' },
          B: { amount: 4, unit: 'working_hour' },
          C: { amount: 8, unit: 'working_hour' },
        },
      });
      expect(items[1].limits.A).toEqual({ amount: 15, unit: 'working_day' });
      // By legacy code too.
      expect((await get('/api/v1/catalog/matters/01-01/conditions')).json().matterCode).toBe(
        '06001',
      );
      const cover = (await get('/api/v1/catalog/matters/01002/conditions')).json().items[0];
      expect(cover).toMatchObject({ urgent: true, limits: { B: { amount: 2, unit: 'hour' } } });
    });

    let created: string;

    it('adds a condition: ladder 401 → 400 → 403 → 201', async () => {
      const url = '/api/v1/catalog/matters/06010/conditions';
      const payload = {
        name: '沿河区域暴露垃圾',
        closureCondition: '垃圾清除干净',
        limits: {
          A: { amount: 1, unit: 'working_hour' },
          B: { amount: 2, unit: 'working_hour' },
          C: { amount: 4, unit: 'working_hour' },
        },
      };
      expect((await t.req({ method: 'POST', url, payload })).statusCode).toBe(401);

      const bad = await t.req({
        method: 'POST',
        url,
        token: admin,
        payload: {
          name: 3,
          closureCondition: '',
          urgent: 'yes',
          limits: {
            A: { amount: 0, unit: 'working_hour' },
            B: { amount: '2', unit: 'day' },
            C: { amount: 1.5, unit: 'hour' },
          },
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(paths(bad)).toEqual([
        'body.closureCondition',
        'body.limits.A.amount',
        'body.limits.B.amount',
        'body.limits.B.unit',
        'body.limits.C.amount',
        'body.name',
        'body.urgent',
      ]);
      const missing = await t.req({
        method: 'POST',
        url,
        token: admin,
        payload: { ...payload, limits: { A: payload.limits.A, B: payload.limits.B } },
      });
      expect(paths(missing)).toEqual(['body.limits.C']);

      expect((await t.req({ method: 'POST', url, token: clerk, payload })).statusCode).toBe(403);

      const res = await t.req({ method: 'POST', url, token: admin, payload });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ matterCode: '06010', seq: 3, photoRequired: true });
      created = res.json().id;

      const taken = await t.req({
        method: 'POST',
        url,
        token: admin,
        payload: { ...payload, seq: 1 },
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('CATALOG_CONDITION_SEQ_TAKEN');
      const unknown = await t.req({
        method: 'POST',
        url: '/api/v1/catalog/matters/06098/conditions',
        token: admin,
        payload,
      });
      expect(unknown.statusCode).toBe(404);
    });

    it('changes a condition and its limits', async () => {
      const patched = await t.req({
        method: 'PATCH',
        url: `/api/v1/catalog/conditions/${created}`,
        token: admin,
        payload: { urgent: true, photoRequired: false },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ urgent: true, photoRequired: false });
      const seq = await t.req({
        method: 'PATCH',
        url: `/api/v1/catalog/conditions/${created}`,
        token: admin,
        payload: { seq: 2 },
      });
      expect(seq.statusCode).toBe(409);

      const limits = {
        A: { amount: 30, unit: 'minute' },
        B: { amount: 1, unit: 'hour' },
        C: { amount: 2, unit: 'hour' },
      };
      const url = `/api/v1/catalog/conditions/${created}/limits`;
      expect((await t.req({ method: 'PUT', url, payload: limits })).statusCode).toBe(401);
      const bad = await t.req({
        method: 'PUT',
        url,
        token: admin,
        payload: { ...limits, D: limits.A },
      });
      expect(paths(bad)).toEqual(['body.D']);
      expect((await t.req({ method: 'PUT', url, token: clerk, payload: limits })).statusCode).toBe(
        403,
      );
      const ok = await t.req({ method: 'PUT', url, token: admin, payload: limits });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().limits).toEqual(limits);
      expect((await get(`/api/v1/catalog/conditions/${created}`)).json().limits).toEqual(limits);
      const none = await t.req({
        method: 'PUT',
        url: '/api/v1/catalog/conditions/nope/limits',
        token: admin,
        payload: limits,
      });
      expect(none.statusCode).toBe(404);
      expect(none.json().error.code).toBe('CATALOG_CONDITION_NOT_FOUND');
    });

    it('gives other modules the handling limit of a matter', async () => {
      const c = t.services.catalog;
      expect(await c.timeLimitFor({ matterCode: '06010', areaClass: 'B' })).toMatchObject({
        matterCode: '06010',
        amount: 4,
        unit: 'working_hour',
        photoRequired: true,
        urgent: false,
        closureCondition: '垃圾清除干净，现场无残留',
      });
      expect(await c.timeLimitFor({ matterCode: '01-10', areaClass: 'A' })).toMatchObject({
        amount: 2,
        unit: 'working_hour',
      });
      expect(
        await c.timeLimitFor({ matterCode: '06010', conditionId: created, areaClass: 'C' }),
      ).toMatchObject({ conditionId: created, amount: 2, unit: 'hour', urgent: true });
      await expect(
        c.timeLimitFor({ matterCode: '06012', conditionId: created, areaClass: 'A' }),
      ).rejects.toMatchObject({ code: 'CATALOG_CONDITION_NOT_FOUND' });
      await expect(c.timeLimitFor({ matterCode: '9999', areaClass: 'A' })).rejects.toMatchObject({
        code: 'CATALOG_CODE_UNMAPPABLE',
      });
      // Every matter has a usable condition.
      const matters = (await get('/api/v1/catalog/matters')).json().items;
      for (const m of matters as { code: string }[]) {
        const l = await c.timeLimitFor({ matterCode: m.code, areaClass: 'C' });
        expect(l.amount, m.code).toBeGreaterThan(0);
      }
    });

    it('never leaves a matter without an active condition', async () => {
      const only = (await get('/api/v1/catalog/matters/06012/conditions')).json().items[0];
      const off = await t.req({
        method: 'PATCH',
        url: `/api/v1/catalog/conditions/${only.id}`,
        token: admin,
        payload: { active: false },
      });
      expect(off.statusCode).toBe(409);
      expect(off.json().error.code).toBe('CATALOG_CONDITION_LAST');
      const del = await t.req({
        method: 'DELETE',
        url: `/api/v1/catalog/conditions/${only.id}`,
        token: admin,
      });
      expect(del.statusCode).toBe(409);
    });

    it('deletes a condition (204) and then knows it no more (404)', async () => {
      const url = `/api/v1/catalog/conditions/${created}`;
      expect((await t.req({ method: 'DELETE', url })).statusCode).toBe(401);
      expect((await t.req({ method: 'DELETE', url, token: clerk })).statusCode).toBe(403);
      expect((await t.req({ method: 'DELETE', url, token: admin })).statusCode).toBe(204);
      expect((await t.req({ method: 'DELETE', url, token: admin })).statusCode).toBe(404);
      expect((await get(url)).statusCode).toBe(404);
    });

    it('filters by active', async () => {
      const first = (await get('/api/v1/catalog/matters/06001/conditions')).json().items[2];
      await t.req({
        method: 'PATCH',
        url: `/api/v1/catalog/conditions/${first.id}`,
        token: admin,
        payload: { active: false },
      });
      expect(
        (await get('/api/v1/catalog/matters/06001/conditions?active=true')).json().items,
      ).toHaveLength(2);
      expect(
        (await get('/api/v1/catalog/matters/06001/conditions?active=false')).json().items,
      ).toHaveLength(1);
      expect((await get('/api/v1/catalog/matters/06001/conditions?active=0')).statusCode).toBe(400);
    });

    it('exports the conditions as CSV', async () => {
      const res = await get('/api/v1/catalog/conditions.csv');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const lines = res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toMatch(/^matter_code,matter_name,seq,condition,closure_condition/);
      expect(lines.some((l) => l.startsWith('06010,暴露垃圾,1,'))).toBe(true);
    });
  });

  describe('stage limits', () => {
    it('lists all 30 with the seeded defaults', async () => {
      const res = await get('/api/v1/catalog/stage-limits');
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items).toHaveLength(30);
      expect(items).toContainEqual({
        stage: 'dispatch',
        urgency: 'urgent',
        areaClass: 'A',
        amount: 10,
        unit: 'minute',
      });
      expect(items).toContainEqual({
        stage: 'verify',
        urgency: 'normal',
        areaClass: 'C',
        amount: 2,
        unit: 'hour',
      });
    });

    it('sets some: ladder and effect', async () => {
      const url = '/api/v1/catalog/stage-limits';
      const item = {
        stage: 'acknowledge',
        urgency: 'normal',
        areaClass: 'C',
        amount: 2,
        unit: 'working_hour',
      };
      expect((await t.req({ method: 'PUT', url, payload: { items: [item] } })).statusCode).toBe(
        401,
      );
      const bad = await t.req({
        method: 'PUT',
        url,
        token: admin,
        payload: { items: [{ ...item, stage: 'close', amount: '2' }, item, item] },
      });
      expect(bad.statusCode).toBe(400);
      expect(paths(bad)).toEqual(['body.items.0.amount', 'body.items.0.stage']);
      const dup = await t.req({
        method: 'PUT',
        url,
        token: admin,
        payload: { items: [item, item] },
      });
      expect(dup.statusCode).toBe(400);
      expect(paths(dup)).toEqual(['body.items.1.areaClass']);
      expect(
        (await t.req({ method: 'PUT', url, token: clerk, payload: { items: [item] } })).statusCode,
      ).toBe(403);
      const ok = await t.req({ method: 'PUT', url, token: admin, payload: { items: [item] } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().items).toContainEqual(item);
      const q = { stage: 'acknowledge', urgency: 'normal', areaClass: 'C' } as const;
      expect(await t.services.catalog.stageLimitFor(q)).toEqual(item);
      expect(t.services.catalog.stageLimitCached(q)).toEqual(item);
      expect(
        t.services.catalog.stageLimitCached({
          stage: 'register',
          urgency: 'urgent',
          areaClass: 'B',
        }),
      ).toMatchObject({ amount: 10, unit: 'minute' });
    });
  });

  describe('legacy overrides', () => {
    const url = '/api/v1/catalog/legacy-overrides/event/01-10';

    it('ladder: 401 → 400 → 403 → 200, and the override wins over the rule', async () => {
      const payload = { code: '06011', note: '本市旧系统 01-10 指积存垃圾' };
      expect((await t.req({ method: 'PUT', url, payload })).statusCode).toBe(401);
      const badParams = await t.req({
        method: 'PUT',
        url: '/api/v1/catalog/legacy-overrides/building/1-10',
        token: admin,
        payload,
      });
      expect(badParams.statusCode).toBe(400);
      expect(paths(badParams)).toEqual(['params.legacyCode', 'params.legacyKind']);
      const badBody = await t.req({
        method: 'PUT',
        url,
        token: admin,
        payload: { code: 6011, extra: 1 },
      });
      expect(paths(badBody)).toEqual(['body.code', 'body.extra']);
      expect((await t.req({ method: 'PUT', url, token: clerk, payload })).statusCode).toBe(403);
      const ok = await t.req({ method: 'PUT', url, token: admin, payload });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({
        legacyCode: '0110',
        legacyKind: 'event',
        kind: 'matter',
        code: '06011',
        note: payload.note,
      });
      expect((await get('/api/v1/catalog/resolve?code=0110&kind=matter')).json()).toMatchObject({
        code: '06011',
        original: '0110',
        mappedBy: 'override',
      });
      expect((await get('/api/v1/catalog/legacy-overrides')).json().items).toHaveLength(1);
    });

    it('maps event codes to matters and component codes to components only', async () => {
      // An event code may name any matter, a component's abnormal matter included.
      const toComponentMatter = await t.req({
        method: 'PUT',
        url,
        token: admin,
        payload: { code: '01001' },
      });
      expect(toComponentMatter.statusCode).toBe(200);
      expect(toComponentMatter.json()).toMatchObject({ kind: 'matter', code: '01001', note: null });
      const comp = await t.req({
        method: 'PUT',
        url: '/api/v1/catalog/legacy-overrides/component/0110',
        token: admin,
        payload: { code: '06010' },
      });
      expect(comp.statusCode).toBe(404);
      expect(paths(comp)).toEqual(['body.code']);
      const zero = await t.req({
        method: 'PUT',
        url: '/api/v1/catalog/legacy-overrides/event/00-10',
        token: admin,
        payload: { code: '06010' },
      });
      expect(zero.statusCode).toBe(400);
      expect(zero.json().error.code).toBe('CATALOG_CODE_INVALID');
    });

    it('deletes (204), then 404 CATALOG_OVERRIDE_NOT_FOUND; the rule applies again', async () => {
      expect((await t.req({ method: 'DELETE', url, token: clerk })).statusCode).toBe(403);
      expect((await t.req({ method: 'DELETE', url, token: admin })).statusCode).toBe(204);
      const again = await t.req({ method: 'DELETE', url, token: admin });
      expect(again.statusCode).toBe(404);
      expect(again.json().error.code).toBe('CATALOG_OVERRIDE_NOT_FOUND');
      expect((await get('/api/v1/catalog/matters/01-10')).json().code).toBe('06010');
    });
  });

  it('documents its routes in OpenAPI', async () => {
    const res = await t.req({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/v1/catalog/matters/{code}/conditions']).toBeDefined();
    expect(res.json().paths['/api/v1/catalog/import']).toBeDefined();
  });
});
