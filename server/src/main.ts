import { buildApp } from './app';
import { bootstrap } from './bootstrap';
import { ConfigError, DEMO_FLAG_HISTORY, loadConfig } from './config/config';
import { createDb } from './db/db';
import { migrateToLatest } from './db/migrate';
import { systemClock } from './lib/clock';

async function main(): Promise<void> {
  let config;
  try {
    // `--demo` (npm start) turns demo mode on unless DEMO_MODE says otherwise: demo mode is
    // always an explicit choice, never a silent default. It also gives the new demo city a
    // history of finished cases unless DEMO_HISTORY says otherwise.
    const demoFlag = process.argv.includes('--demo');
    config = loadConfig({
      ...process.env,
      DEMO_MODE: process.env.DEMO_MODE ?? (demoFlag ? 'true' : 'false'),
      DEMO_HISTORY: process.env.DEMO_HISTORY ?? (demoFlag ? String(DEMO_FLAG_HISTORY) : '0'),
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const store = createDb({
    kind: config.db.kind,
    url: config.db.url,
    sqliteFile: config.db.sqliteFile,
  });
  const applied = await migrateToLatest(store);
  const { app, services } = await buildApp({ config, store, clock: systemClock }, { logger: true });
  if (applied.length > 0) {
    app.log.info({ migrations: applied }, 'migrations applied');
  }
  const boot = await bootstrap(services);
  await services.start();
  await app.listen({ port: config.http.port, host: config.http.host });

  const url = `http://localhost:${config.http.port}`;
  const lines = [
    '',
    `cityloop is running at ${url}  (store: ${store.kind}${store.kind === 'sqlite' ? `, ${config.db.sqliteFile}` : ''})`,
    `  API docs: ${url}/api/docs`,
  ];
  if (boot.demo) {
    lines.push('  Demo mode: demo city and accounts (not for production).');
    lines.push(`  Accounts: ${boot.accounts.map((a) => `${a.username} (${a.role})`).join(', ')}`);
    lines.push(
      boot.password
        ? `  Password for every demo account: ${boot.password}`
        : '  Demo password: as set on first start (set DEMO_PASSWORD to reset it).',
    );
  }
  console.log(lines.join('\n') + '\n');

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await services.stop();
    await app.close();
    await store.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
