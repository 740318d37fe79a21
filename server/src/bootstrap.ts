import { randomBytes } from 'node:crypto';
import { settingsRepository } from './db/settings.repository';
import type { Services } from './services';

export interface BootstrapResult {
  demo: boolean;
  accounts: { username: string; role: string }[];
  password?: string;
}

const SETTING_INITIALISED = 'initialised_at';

/**
 * First-start setup, idempotent: reference data always; then either the demo city with its
 * accounts, and on its first start DEMO_HISTORY finished cases of history (demo mode), or the
 * first administrator (ADMIN_PASSWORD required). Outside demo mode no default credentials
 * exist.
 */
export async function bootstrap(s: Services): Promise<BootstrapResult> {
  const { config, store, clock } = s.ctx;
  const db = store.db;
  await s.seeds.referenceData();
  const initialised = await settingsRepository.get(db, SETTING_INITIALISED);

  if (config.demo.enabled) {
    const password = config.demo.password || randomBytes(9).toString('base64url');
    if (!initialised) {
      await s.seeds.demoCity({ seed: config.demo.seed, grids: config.demo.grids, password });
      if (config.demo.history > 0) {
        await s.seeds.demoHistory({ seed: config.demo.seed, cases: config.demo.history });
      }
      await markInitialised(s);
      return { demo: true, accounts: await s.seeds.demoAccounts(), password };
    }
    // On later starts the demo password stays whatever it was, unless DEMO_PASSWORD resets it.
    if (config.demo.password) {
      await s.seeds.setDemoPasswords(config.demo.password);
    }
    return {
      demo: true,
      accounts: await s.seeds.demoAccounts(),
      password: config.demo.password || undefined,
    };
  }

  const anyAdmin = await db
    .selectFrom('user_role')
    .select('user_id')
    .where('role', '=', 'admin')
    .executeTakeFirst();
  if (!anyAdmin) {
    if (!config.admin.password) {
      throw new Error(
        'No administrator exists and ADMIN_PASSWORD is not set. Set ADMIN_PASSWORD (12+ characters) for the first start, or run with DEMO_MODE=true.',
      );
    }
    const root = s.space.regions().root();
    await s.org.createUser(null, {
      username: config.admin.username,
      displayName: 'Administrator',
      password: config.admin.password,
      roles: ['admin'],
      scope: { level: 'city', regionId: root?.id ?? null },
    });
    if (!initialised) {
      await markInitialised(s);
    }
  }
  void clock;
  return { demo: false, accounts: [{ username: config.admin.username, role: 'admin' }] };
}

async function markInitialised(s: Services): Promise<void> {
  const at = s.ctx.clock.now();
  await settingsRepository.put(
    s.ctx.store.db,
    SETTING_INITIALISED,
    JSON.stringify(new Date(at).toISOString()),
    at,
  );
}
