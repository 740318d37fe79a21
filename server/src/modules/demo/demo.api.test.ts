import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { TEST_DIALECT } from '../../../test/store';
import { seedDemoCity, type DemoSeedReport } from './demo-seed';

const PASSWORD = 'demo-password-1';

describe('demo city seeding', () => {
  let t: TestApp;
  let report: DemoSeedReport;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    report = (await seedDemoCity(t.services, { seed: 20261121, grids: 2000, password: PASSWORD }))!;
    console.log(
      `demo city on ${TEST_DIALECT}: ${report.grids} grids, ${report.components} components, ` +
        `${report.accounts} accounts in ${report.ms.total} ms (${JSON.stringify(report.ms)})`,
    );
    admin = await login(t, 'admin', PASSWORD);
  }, 120_000);
  afterAll(() => t.close());

  it('seeds 2,000 grids and ≥ 20,000 components in a few seconds', async () => {
    expect(report).toMatchObject({ grids: 2000 });
    expect(report.components).toBeGreaterThanOrEqual(20_000);
    expect(report.ms.total).toBeLessThan(30_000);
    const grids = await t.req({
      method: 'GET',
      url: '/api/v1/space/grids?pageSize=1',
      token: admin,
    });
    expect(grids.json().total).toBe(2000);
    const components = await t.req({
      method: 'GET',
      url: '/api/v1/space/components?pageSize=1',
      token: admin,
    });
    expect(components.json().total).toBe(report.components);
    expect(t.services.space.indexedGrids()).toBe(2000);
  });

  it('builds the region chain 示范市 → 云溪区 → streets → communities', async () => {
    const tree = await t.req({ method: 'GET', url: '/api/v1/space/regions/tree', token: admin });
    const [cityNode] = tree.json().items;
    expect(cityNode).toMatchObject({ code: '339900', name: '示范市', level: 'city' });
    const district = cityNode.children[0];
    expect(district).toMatchObject({ code: '339901', name: '云溪区' });
    expect(district.children.length).toBeGreaterThanOrEqual(3);
    for (const street of district.children) {
      expect(street.children.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('lets every demo account sign in with the shared password', async () => {
    const accounts = await t.services.seeds.demoAccounts();
    const names = accounts.map((a) => a.username);
    for (const u of [
      'admin',
      'clerk',
      'leader',
      'bureau',
      'dispatcher',
      'inspector',
      'unit',
      'unitlead',
      'chief',
      'inspector2',
    ]) {
      expect(names).toContain(u);
    }
    for (const a of accounts) {
      await expect(login(t, a.username, PASSWORD)).resolves.toBeTruthy();
    }
  });

  it('assigns the inspector the grids of one community, and locates grid centres back', async () => {
    const me = await t.req({
      method: 'GET',
      url: '/api/v1/auth/me',
      token: await login(t, 'inspector', PASSWORD),
    });
    const user = await t.req({
      method: 'GET',
      url: `/api/v1/org/users/${me.json().id}`,
      token: admin,
    });
    const grids: string[] = user.json().inspectorGrids;
    expect(grids.length).toBeGreaterThan(40);
    expect(new Set(grids.map((g) => g.slice(0, 12))).size).toBe(1);
    for (const code of grids.slice(0, 10)) {
      const g = await t.req({ method: 'GET', url: `/api/v1/space/grids/${code}`, token: admin });
      const [lng, lat] = g.json().center;
      const hit = await t.req({
        method: 'GET',
        url: `/api/v1/space/locate?lng=${lng}&lat=${lat}`,
        token: admin,
      });
      expect(hit.json().grid.code).toBe(code);
      expect(hit.json().district.code).toBe('339901');
    }
  });

  it('scopes the street chief to their street and the unit staff to the sanitation unit', async () => {
    const chief = await login(t, 'chief', PASSWORD);
    const res = await t.req({
      method: 'GET',
      url: '/api/v1/space/grids?pageSize=500',
      token: chief,
    });
    expect(res.json().total).toBeGreaterThan(0);
    expect(res.json().total).toBeLessThan(2000);
    expect(res.json().items.every((g: { code: string }) => g.code.startsWith('339901001'))).toBe(
      true,
    );
    const unitMe = await t.req({
      method: 'GET',
      url: '/api/v1/auth/me',
      token: await login(t, 'unit', PASSWORD),
    });
    const units = await t.req({ method: 'GET', url: '/api/v1/org/units', token: admin });
    const sanitation = units.json().items.find((u: { code: string }) => u.code === 'sanitation');
    expect(sanitation).toMatchObject({ name: '云溪区环境卫生管理所', kind: 'handling_unit' });
    expect(unitMe.json().scope).toMatchObject({ level: 'unit', unitId: sanitation.id });
    expect(units.json().items.filter((u: { kind: string }) => u.kind === 'centre')).toHaveLength(2);
  });

  it('routes matters to the units: by class, by street and for named matters', async () => {
    const rules = t.services.routing.list();
    expect(rules.length).toBe(report.routingRules);
    const units = new Map(
      (await t.services.org.listUnits({} as never, {})).map((u) => [u.id, u.code]),
    );
    const street = t.services.space.regions().byCode('339901002')!;
    const propose = (matterCode: string, streetId: string | null) =>
      units.get(
        t.services.routing.propose({
          matterCode,
          communityId: null,
          streetId,
          districtId: null,
          areaClass: null,
        })!.unitId,
      );
    expect(propose('06010', street.id)).toBe('sanitation');
    expect(propose('09006', street.id)).toBe('enforcement-339901002');
    expect(propose('09006', null)).toBe('enforcement');
    expect(propose('01037', street.id)).toBe('streetlight');
    expect(propose('10001', street.id)).toBe('street-office-339901002');
  });

  it('is idempotent and resets passwords', async () => {
    expect(
      await seedDemoCity(t.services, { seed: 20261121, grids: 2000, password: 'other-password-2' }),
    ).toBeNull();
    // A password reset ends the accounts' sessions, as any reset does.
    const stale = await t.req({
      method: 'GET',
      url: '/api/v1/space/grids?pageSize=1',
      token: admin,
    });
    expect(stale.statusCode).toBe(401);
    const fresh = await login(t, 'admin', 'other-password-2');
    const grids = await t.req({
      method: 'GET',
      url: '/api/v1/space/grids?pageSize=1',
      token: fresh,
    });
    expect(grids.json().total).toBe(2000);
    await expect(login(t, 'clerk', PASSWORD)).rejects.toThrow(/401/);
    await expect(login(t, 'clerk', 'other-password-2')).resolves.toBeTruthy();
    await t.services.seeds.setDemoPasswords(PASSWORD);
    await expect(login(t, 'clerk', PASSWORD)).resolves.toBeTruthy();
  });
});
