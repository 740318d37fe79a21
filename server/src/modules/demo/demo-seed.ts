import type { AppContext } from '../../context';
import { DomainError } from '../../lib/errors';
import type { Actor } from '../auth/actor';
import type { OrgService } from '../org/org.service';
import type { RoutingService } from '../routing/routing.service';
import type { SpaceService } from '../space/space.service';
import {
  componentFeature,
  generateComponents,
  generateDemoCity,
  gridFeatureCollection,
  regionFeatureCollection,
  type DemoCity,
} from './demo-city';
import { demoAccountSpecs, demoRouting, demoUnits } from './demo-org';
import { demoRepository as repo, type StoredDemoAccount } from './demo.repository';

export interface DemoSeedDeps {
  ctx: AppContext;
  space: SpaceService;
  org: OrgService;
  routing?: Pick<RoutingService, 'list' | 'import'>;
}

export interface DemoSeedReport {
  regions: number;
  grids: number;
  components: number;
  units: number;
  routingRules: number;
  accounts: number;
  /** Wall time per step, ms. */
  ms: { generate: number; space: number; components: number; org: number; total: number };
}

/** Components per import call: each call is one transaction. */
const COMPONENT_BATCH = 25_000;

/** The seeder acts as a city-wide administrator of its own making. */
const SEEDER: Actor = {
  userId: 'demo-seeder',
  username: 'demo-seeder',
  displayName: 'demo seeder',
  roles: ['admin'],
  unitId: null,
  scope: { level: 'city', regionId: null, unitId: null },
};

function isCode(err: unknown, code: string): boolean {
  return err instanceof DomainError && err.code === code;
}

/**
 * Builds the demo city in the store through the modules' own services (so everything the
 * generator makes passes the same validation as an import): regions and grids as GeoJSON
 * imports, components in batches, units, routing rules, accounts. Idempotent: when the demo
 * accounts exist already it only sets their password. Returns null in that case.
 * @throws SPACE_IMPORT_INVALID if the generator ever produced an invalid feature (a bug)
 */
export async function seedDemoCity(
  deps: DemoSeedDeps,
  opts: { seed: number; grids: number; password: string; city?: DemoCity },
): Promise<DemoSeedReport | null> {
  const { ctx, space, org } = deps;
  const db = ctx.store.db;
  if (await repo.readAccounts(db)) {
    await setDemoPasswords(deps, opts.password);
    return null;
  }
  const t0 = performance.now();
  const city = opts.city ?? generateDemoCity({ seed: opts.seed, grids: opts.grids });
  const t1 = performance.now();

  await space.importRegions(regionFeatureCollection(city));
  await space.importGrids(gridFeatureCollection(city));
  const t2 = performance.now();

  // Units first: components name their maintainer.
  const regionId = (code: string | null) =>
    code ? (space.regions().byCode(code)?.id ?? null) : null;
  const unitIds = new Map((await org.listUnits(SEEDER, {})).map((u) => [u.code, u.id] as const));
  const units = demoUnits(city);
  for (const u of units) {
    if (unitIds.has(u.code)) {
      continue;
    }
    const created = await org.createUnit(null, {
      code: u.code,
      name: u.name,
      nameEn: u.nameEn,
      kind: u.kind,
      parentId: u.parentCode ? (unitIds.get(u.parentCode) ?? null) : null,
      regionId: regionId(u.regionCode),
      matterMajors: u.matterMajors,
    });
    unitIds.set(u.code, created.id);
  }
  const t3 = performance.now();

  let components = 0;
  let batch: ReturnType<typeof componentFeature>[] = [];
  const flush = async () => {
    if (batch.length > 0) {
      await space.importComponents({ features: batch });
      components += batch.length;
      batch = [];
    }
  };
  for (const c of generateComponents(city)) {
    batch.push(componentFeature(c, unitIds));
    if (batch.length >= COMPONENT_BATCH) {
      await flush();
    }
  }
  await flush();
  const t4 = performance.now();

  const rules = demoRouting(city);
  if (deps.routing && deps.routing.list().length === 0) {
    await deps.routing.import({
      format: 'cityloop.routing/v1',
      replace: false,
      rules: rules.map((r) => ({
        matterCode: r.matterCode,
        majorCode: r.majorCode,
        regionId: regionId(r.regionCode),
        areaClass: null,
        unitId: unitIds.get(r.unitCode)!,
        priority: r.priority,
        note: r.note,
      })),
    });
  }

  // Accounts left by a half-finished earlier run are kept (their password is reset below).
  const existing = new Map<string, string>();
  for (let page = 1; ; page++) {
    const users = await org.listUsers(SEEDER, { page, pageSize: 500 });
    users.forEach((u) => existing.set(u.username, u.id));
    if (users.length < 500) {
      break;
    }
  }
  const stored: StoredDemoAccount[] = [];
  let reused = 0;
  for (const a of demoAccountSpecs(city)) {
    const id = existing.get(a.username);
    if (id) {
      stored.push({ id, username: a.username, role: a.role });
      reused++;
      continue;
    }
    const user = await org.createUser(null, {
      username: a.username,
      displayName: a.displayName,
      password: opts.password,
      roles: a.roles,
      unitId: a.unitCode ? (unitIds.get(a.unitCode) ?? null) : null,
      scope: {
        level: a.scope.level,
        regionId: regionId(a.scope.regionCode),
        unitId: a.scope.unitCode ? (unitIds.get(a.scope.unitCode) ?? null) : null,
      },
      inspectorGrids: a.inspectorGrids,
    });
    stored.push({ id: user.id, username: a.username, role: a.role });
  }
  await repo.writeAccounts(db, stored, ctx.clock.now());
  if (reused > 0) {
    await setDemoPasswords(deps, opts.password);
  }
  const t5 = performance.now();
  const report: DemoSeedReport = {
    regions: city.regions.length,
    grids: city.grids.length,
    components,
    units: units.length,
    routingRules: rules.length,
    accounts: stored.length,
    ms: {
      generate: Math.round(t1 - t0),
      space: Math.round(t2 - t1),
      components: Math.round(t4 - t3),
      org: Math.round(t3 - t2 + (t5 - t4)),
      total: Math.round(t5 - t0),
    },
  };
  ctx.log.info(report, 'demo city seeded');
  return report;
}

/** The demo accounts (username and main role), or [] when no demo city was built. */
export async function listDemoAccounts(
  deps: Pick<DemoSeedDeps, 'ctx'>,
): Promise<{ username: string; role: string }[]> {
  const stored = (await repo.readAccounts(deps.ctx.store.db)) ?? [];
  return stored.map(({ username, role }) => ({ username, role }));
}

/** Sets every demo account's password (their sessions end, as for any password reset). */
export async function setDemoPasswords(deps: DemoSeedDeps, password: string): Promise<void> {
  const stored = (await repo.readAccounts(deps.ctx.store.db)) ?? [];
  for (const a of stored) {
    try {
      await deps.org.updateUser(SEEDER, a.id, { password });
    } catch (err) {
      // An account an administrator deleted since is simply skipped.
      if (!isCode(err, 'ORG_USER_NOT_FOUND')) {
        throw err;
      }
    }
  }
}
