/**
 * Where the time of one intake goes, statement by statement: builds the app on a SQLite file
 * with the demo city, runs N intakes through app.inject (no network), and prints the SQL
 * statements by total time. A development tool for `intake`.
 *   node --import tsx bench/tools/intake-sql-profile.ts [N=3000]
 *   CONC=32                callers at once (they then share commits)
 *   PROF=file.cpuprofile   a CPU profile of the measured loop (see cpuprofile-top.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/src/app';
import { bootstrap } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config/config';
import { createDb } from '../../server/src/db/db';
import { migrateToLatest } from '../../server/src/db/migrate';
import { systemClock } from '../../server/src/lib/clock';
import { IntakeTraffic } from '../lib/city-traffic';
import { cpuProfile, timeStatements } from './statement-timer';

const N = Number(process.argv[2] ?? 3000);
const timer = timeStatements();

const dir = mkdtempSync(join(tmpdir(), 'intake-sql-'));
const config = loadConfig({
  DATA_DIR: dir,
  DEMO_MODE: 'true',
  DEMO_PASSWORD: 'bench-password-1',
  DEMO_HISTORY: '0',
  LOG_LEVEL: 'silent',
});
const store = createDb({ kind: 'sqlite', sqliteFile: join(dir, 'cityloop.sqlite') });
await migrateToLatest(store);
const { app, services } = await buildApp({ config, store, clock: systemClock });
await bootstrap(services);
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'clerk', password: 'bench-password-1' },
});
const token = login.json<{ token: string }>().token;
const traffic = new IntakeTraffic();
const send = (i: number) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: traffic.body(i),
  });
for (let i = 0; i < 300; i++) {
  await send(i);
}
// As in the server: the intake projections run behind the intakes, and the measured time
// ends when they have caught up.
services.cases.projections.start();
await services.cases.projections.catchUp();
timer.start();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// CONC concurrent clients (default 1: one intake at a time).
const conc = Number(process.env.CONC ?? 1);
let next = 0;
// PROF=<file.cpuprofile>: a CPU profile of the measured loop only.
await cpuProfile(process.env.PROF, () =>
  Promise.all(
    Array.from({ length: conc }, async () => {
      while (next < N) {
        const r = await send(1000 + next++);
        if (r.statusCode !== 201) {
          throw new Error(`${r.statusCode} ${r.body}`);
        }
      }
    }),
  ),
);
await services.cases.projections.catchUp();
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
timer.stop();
console.log(
  `${N} intakes in ${ms.toFixed(0)} ms: ${((ms / N) * 1000).toFixed(0)} µs each (CPU ${((cpu.user + cpu.system) / N).toFixed(0)} µs: user ${(cpu.user / N).toFixed(0)}, system ${(cpu.system / N).toFixed(0)}), of which SQL ${((timer.totalMs() / N) * 1000).toFixed(0)} µs`,
);
timer.print(N, 'case');
await services.stop();
await app.close();
await store.destroy();
rmSync(dir, { recursive: true, force: true });
