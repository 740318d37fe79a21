import type { AppContext } from '../../context';
import type { Clock } from '../../lib/clock';
import type { Services, ServicesOptions } from '../../services';
import type { AuthService } from '../auth/auth.service';
import { seedReferenceCatalog } from '../catalog/catalog.seed';
import { seedCalendar } from '../clock/clock.seed';
import { seedOpen311Services } from '../open311/open311.service';
import type { OrgService } from '../org/org.service';
import type { RoutingService } from '../routing/routing.service';
import type { SpaceService } from '../space/space.service';
import { seedDemoHistory, type DemoHistoryOptions, type DemoHistoryReport } from './demo-history';
import { listDemoAccounts, seedDemoCity, setDemoPasswords } from './demo-seed';

interface SeedDeps {
  ctx: AppContext;
  space: SpaceService;
  org: OrgService;
  auth: AuthService;
  routing?: Pick<RoutingService, 'list' | 'import'>;
  /** Another services instance over the same store on a clock of its own (the history's). */
  servicesAt?: (clock: Clock, opts?: ServicesOptions) => Promise<Services>;
}

export interface Seeds {
  /** Reference data every deployment needs (code tables, calendar, default limits); idempotent. */
  referenceData(): Promise<void>;
  /** Builds the demo city (regions, grids, components, units, routing, accounts). */
  demoCity(opts: { seed: number; grids: number; password: string }): Promise<void>;
  /**
   * Tells `cases` finished cases of history into a new demo city (demo-history.ts); nothing
   * when the store holds cases already.
   */
  demoHistory(opts: DemoHistoryOptions): Promise<DemoHistoryReport | null>;
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
    demoHistory: (opts) => {
      const servicesAt = deps.servicesAt;
      if (!servicesAt) {
        return Promise.reject(new Error('demo history: no services factory was wired'));
      }
      return seedDemoHistory({ ctx: deps.ctx, servicesAt }, opts);
    },
    demoAccounts: () => listDemoAccounts(deps),
    setDemoPasswords: (password) => setDemoPasswords(deps, password),
  };
}
