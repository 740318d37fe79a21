/**
 * Where the overdue sweep's time goes, statement by statement: copies the cached store of
 * `npm run bench -- sweep` (run that first), runs the sweep in the job's batches over a slice
 * of the backlog, and prints the SQL statements by total time. A development tool for `sweep`.
 *   node --import tsx bench/tools/sweep-profile.ts [MARKS=20000]
 *   PROF=file.cpuprofile   a CPU profile of the sweep (see cpuprofile-top.ts)
 *   LATER=1                the bench's "30 s later" run instead: the whole backlog is marked
 *                          first (not measured), then the clock moves 30 s and that run is
 *                          profiled
 *   PRAGMAS="a=1;b=2"      SQLite pragmas set after the store is opened (experiments)
 *   WAL=1                  checkpoint before the measured run, no automatic checkpoint in
 *                          it, and print the WAL frames (pages) it wrote
 */
import { rmSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import { ManualClock } from '../../server/src/lib/clock';
import { OVERDUE_SWEEP_BATCH } from '../../server/src/modules/cases/check-overdue.job';
import { openDemoStore, sqliteFileOf } from '../lib/demo-store';
import { openCasesCopy } from '../lib/store-copy';
import { cpuProfile, timeStatements } from './statement-timer';

const MARKS = Number(process.argv[2] ?? 20_000);
const { dir, now } = openCasesCopy('sweep-profile');
const timer = timeStatements();
const clock = new ManualClock(now);
const open = await openDemoStore(dir, { clock });
for (const p of (process.env.PRAGMAS ?? '').split(';').filter(Boolean)) {
  await sql.raw(`pragma ${p}`).execute(open.store.db);
}
try {
  if (process.env.LATER) {
    for (;;) {
      const b = await open.services.cases.sweepOverdue({ limit: OVERDUE_SWEEP_BATCH });
      if (!b.more) {
        break;
      }
    }
    clock.advance(30_000);
  }
  if (process.env.WAL) {
    await sql.raw('pragma wal_checkpoint(TRUNCATE)').execute(open.store.db);
    await sql.raw('pragma wal_autocheckpoint = 0').execute(open.store.db);
  }
  timer.start();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await cpuProfile(process.env.PROF, async () => {
    const sum = { marked: 0, failed: 0 };
    while (sum.marked + sum.failed < MARKS) {
      const b = await open.services.cases.sweepOverdue({ limit: OVERDUE_SWEEP_BATCH });
      sum.marked += b.marked;
      sum.failed += b.failed;
      if (!b.more) {
        break;
      }
    }
    return sum;
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  timer.stop();
  console.log(
    `${r.marked} marked (${r.failed} failed) in ${ms.toFixed(0)} ms: ${((ms / Math.max(1, r.marked)) * 1000).toFixed(0)} µs each (CPU ${(((cpu.user + cpu.system) / 1000 / Math.max(1, r.marked)) * 1000).toFixed(0)} µs)`,
  );
  if (process.env.WAL) {
    const frames = statSync(`${sqliteFileOf(dir)}-wal`).size / (4096 + 24);
    console.log(
      `WAL: ${frames.toFixed(0)} frames, ${(frames / Math.max(1, r.marked)).toFixed(2)} a mark`,
    );
  }
  timer.print(Math.max(1, r.marked), 'mark');
} finally {
  await open.close();
  rmSync(dir, { recursive: true, force: true });
}
