import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedLoopCity, type LoopCity } from '../../../test/loop-city';
import type { Actor } from '../auth/actor';

// The grid → inspectors look-up intake makes for every case is kept in memory on SQLite; an
// assignment changed through the org service must show at once (and the same on PostgreSQL,
// which reads the store every time).
describe('inspectors of a grid', () => {
  let t: TestApp;
  let city: LoopCity;
  let admin: Actor;
  const idOf = async (username: string) =>
    (
      await t.store.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await createTestApp();
    city = await seedLoopCity(t);
    admin = {
      userId: 'test-admin',
      username: 'test-admin',
      displayName: 'test admin',
      roles: ['admin'],
      unitId: null,
      scope: { level: 'city', regionId: city.cityId, unitId: null },
    };
  });
  afterAll(() => t.close());

  it('follows assignments made through the org service', async () => {
    const inspector = await idOf('inspector');
    const west = await idOf('westinspector');
    const org = t.services.org;
    expect(await org.inspectorsOfGrid(city.grids.east1)).toEqual([inspector]);
    expect(await org.inspectorsOfGrid(city.grids.west)).toEqual([west]);

    await org.updateUser(admin, west, { inspectorGrids: [city.grids.west, city.grids.east1] });
    expect([...(await org.inspectorsOfGrid(city.grids.east1))].sort()).toEqual(
      [inspector, west].sort(),
    );

    await org.updateUser(admin, inspector, { inspectorGrids: [city.grids.east2] });
    expect(await org.inspectorsOfGrid(city.grids.east1)).toEqual([west]);
    expect(await org.inspectorsOfGrid(city.grids.east2)).toEqual([inspector]);

    const created = await org.createUser(admin, {
      username: 'newinspector',
      displayName: '新巡查员',
      password: 'test-password-1',
      roles: ['inspector'],
      scope: { level: 'city', regionId: city.cityId },
      inspectorGrids: [city.grids.east2],
    });
    expect([...(await org.inspectorsOfGrid(city.grids.east2))].sort()).toEqual(
      [inspector, created.id].sort(),
    );
    expect(await org.inspectorsOfGrid('339901009009009')).toEqual([]);
  });

  it('decides where a public report goes first: verify when the grid has an inspector', async () => {
    const report = async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/cases',
        token: city.tokens.clerk,
        payload: {
          source: 'hotline',
          description: '路边有暴露垃圾',
          lng: city.points.west[0],
          lat: city.points.west[1],
        },
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ state: string }>().state;
    };
    const west = await idOf('westinspector');
    await t.services.org.updateUser(admin, west, { inspectorGrids: [] });
    expect(await report()).toBe('reported');
    await t.services.org.updateUser(admin, west, { inspectorGrids: [city.grids.west] });
    expect(await report()).toBe('verifying');
  });
});
