import type { AppContext } from '../../context';
import type { AuthService } from '../auth/auth.service';
import type { OrgService } from '../org/org.service';
import type { SpaceService } from '../space/space.service';

interface SeedDeps {
  ctx: AppContext;
  space: SpaceService;
  org: OrgService;
  auth: AuthService;
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
  void deps;
  return {
    referenceData: () => Promise.resolve(),
    demoCity: () => Promise.resolve(),
    demoAccounts: () => Promise.resolve([]),
    setDemoPasswords: () => Promise.resolve(),
  };
}
