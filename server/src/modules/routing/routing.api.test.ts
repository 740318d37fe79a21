import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser } from '../../../test/factories';
import { seedLoopCity, type LoopCity } from '../../../test/loop-city';

describe('routing API', () => {
  let t: TestApp;
  let city: LoopCity;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
    city = await seedLoopCity(t);
    await buildUser(t, { username: 'admin', roles: ['admin'] });
    admin = await login(t, 'admin');
  });
  afterAll(() => t.close());

  it('walks the ladder for POST /api/v1/routing/rules', async () => {
    const body = { matterCode: '06010', regionId: city.westStreetId, unitId: city.units.municipal };
    expect(
      (await t.req({ method: 'POST', url: '/api/v1/routing/rules', payload: body })).statusCode,
    ).toBe(401);
    const bad = await t.req({
      method: 'POST',
      url: '/api/v1/routing/rules',
      token: admin,
      payload: { ...body, matterCode: '6010', areaClass: 'D' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.areaClass', 'body.matterCode']);
    const unknownUnit = await t.req({
      method: 'POST',
      url: '/api/v1/routing/rules',
      token: admin,
      payload: { ...body, unitId: 'nope' },
    });
    expect(unknownUnit.statusCode).toBe(404);
    expect(unknownUnit.json().error.details[0].path).toBe('body.unitId');
    expect(
      (
        await t.req({
          method: 'POST',
          url: '/api/v1/routing/rules',
          token: city.tokens.dispatcher!,
          payload: body,
        })
      ).statusCode,
    ).toBe(403);
    const ok = await t.req({
      method: 'POST',
      url: '/api/v1/routing/rules',
      token: admin,
      payload: body,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      matterCode: '06010',
      majorCode: '06',
      regionId: city.westStreetId,
      unitId: city.units.municipal,
    });
  });

  it('a more specific rule changes the proposal at registration, and says why', async () => {
    const res = await t.req({
      method: 'POST',
      url: '/api/v1/cases',
      token: city.tokens.clerk!,
      payload: {
        source: 'inspector',
        description: '西山街道暴露垃圾',
        lng: city.points.west[0],
        lat: city.points.west[1],
      },
    });
    // A clerk may not report as an inspector.
    expect(res.statusCode).toBe(403);
    const c = (
      await t.req({
        method: 'POST',
        url: '/api/v1/cases',
        token: city.tokens.westinspector!,
        payload: {
          source: 'inspector',
          description: '西山街道暴露垃圾',
          lng: city.points.west[0],
          lat: city.points.west[1],
        },
      })
    ).json();
    const reg = await t.req({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      token: city.tokens.clerk!,
      payload: { action: 'register', version: c.version, matterCode: '06010' },
    });
    expect(reg.statusCode).toBe(200);
    expect(reg.json().routing).toMatchObject({
      proposedUnitId: city.units.municipal,
      matched: ['matter', 'major', 'street'],
    });
  });

  it('exports and re-imports the matrix; a bad import writes nothing', async () => {
    const exported = (
      await t.req({ method: 'GET', url: '/api/v1/routing/export', token: admin })
    ).json();
    expect(exported.rules).toHaveLength(3);
    const bad = await t.req({
      method: 'POST',
      url: '/api/v1/routing/import',
      token: admin,
      payload: {
        ...exported,
        replace: true,
        rules: [...exported.rules, { majorCode: '09', unitId: 'ghost', priority: 1 }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({ path: 'body.rules.3.unitId' }),
    ]);
    expect(
      (await t.req({ method: 'GET', url: '/api/v1/routing/rules', token: admin })).json().items,
    ).toHaveLength(3);
    const ok = await t.req({
      method: 'POST',
      url: '/api/v1/routing/import',
      token: admin,
      payload: { ...exported, replace: true },
    });
    expect(ok.json()).toEqual({ created: 3, replaced: true });
    expect(
      (
        await t.req({ method: 'GET', url: '/api/v1/routing/rules', token: city.tokens.dispatcher! })
      ).json().items,
    ).toHaveLength(3);
  });
});
