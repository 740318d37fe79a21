import type { AppContext } from '../../context';
import type { AuthService } from '../auth/auth.service';
import { seedReferenceCatalog } from '../catalog/catalog.seed';
import { seedCalendar } from '../clock/clock.seed';
import { seedOpen311Services } from '../open311/open311.service';
import type { OrgService } from '../org/org.service';
import type { RoutingService } from '../routing/routing.service';
import type { SpaceService } from '../space/space.service';
import { listDemoAccounts, seedDemoCity, setDemoPasswords } from './demo-seed';

interface SeedDeps {
  ctx: AppContext;
  space: SpaceService;
  org: OrgService;
  auth: AuthService;
  routing?: Pick<RoutingService, 'list' | 'import'>;
}

export interface Seeds {
  /** Reference data every deployment needs (code tables, calendar, default limits); idempotent. */
  referenceData(): Promise<void>;
  /** Builds the demo city (regions, grids, components, units, routing, accounts). */
  demoCity(opts: { seed: number; grids: number; password: string }): Promise<void>;
  /** The demo accounts, for the start banner. */
  demoAccounts(): Promise<{ username: string; role: string }[]>;
  /** Resets every demo account's password. */
  setDemoPasswords(password: string): Promise<void>;
}

export function createSeeds(deps: SeedDeps): Seeds {
  return {
    referenceData: async () => {
      await seedReferenceCatalog(deps.ctx.store.db);
      await seedCalendar(deps.ctx.store.db, {
        timeZone: deps.ctx.config.timezone,
        nowMs: deps.ctx.clock.now(),
      });
      // After the catalog: the default public subset of matters (once).
      await seedOpen311Services(deps.ctx.store.db, deps.ctx.clock.now());
    },
    demoCity: async (opts) => {
      await seedDemoCity(deps, opts);
    },
    demoAccounts: () => listDemoAccounts(deps),
    setDemoPasswords: (password) => setDemoPasswords(deps, password),
  };
}
