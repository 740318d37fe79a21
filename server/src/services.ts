import type { AppContext } from './context';
import { createAuthService, type AuthService } from './modules/auth/auth.service';
import { createSeeds, type Seeds } from './modules/demo/seeds';
import { createOrgService, type OrgService } from './modules/org/org.service';
import { createSpaceService, type SpaceService } from './modules/space/space.service';

/** Every module service, built once per app from the context. */
export interface Services {
  ctx: AppContext;
  space: SpaceService;
  org: OrgService;
  auth: AuthService;
  seeds: Seeds;
  /** Starts background work (the clock's sweeps); main.ts calls it, tests drive jobs directly. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createServices(ctx: AppContext): Promise<Services> {
  const space = await createSpaceService(ctx);
  const org = createOrgService(ctx, () => space.regions());
  const auth = createAuthService(ctx, org);
  const partial = { ctx, space, org, auth };
  const seeds = createSeeds(partial);
  const timers: NodeJS.Timeout[] = [];
  return {
    ...partial,
    seeds,
    start() {
      timers.push(setInterval(() => void auth.pruneFailures(), 10 * 60_000).unref());
      return Promise.resolve();
    },
    stop() {
      timers.forEach(clearInterval);
      return Promise.resolve();
    },
  };
}
