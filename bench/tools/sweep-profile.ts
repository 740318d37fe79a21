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
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ManualClock } from '../../server/src/lib/clock';
import { OVERDUE_SWEEP_BATCH } from '../../server/src/modules/cases/check-overdue.job';
import { openDemoStore, sqliteFileOf } from '../lib/demo-store';
import { copySettled } from '../lib/store-copy';
import { cpuProfile, timeStatements } from './statement-timer';

const MARKS = Number(process.argv[2] ?? 20_000);
const cache = join(import.meta.dirname, '../data/cache');
const name = existsSync(cache) ? readdirSync(cache).find((d) => d.startsWith('open-')) : undefined;
if (!name) {
  console.error('No open-cases store in bench/data/cache: run `npm run bench -- sweep` first.');
  process.exit(1);
}
const meta = JSON.parse(readFileSync(join(cache, name, 'bench-meta.json'), 'utf8')) as {
  now: number;
};
// One working copy in a fixed place, replaced by the next run: a run cut off (Ctrl-C, a closed
// pipe) leaves at most this one behind instead of a store-sized file in the temp folder.
const dir = join(import.meta.dirname, '../data/sweep-profile');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
copySettled(sqliteFileOf(join(cache, name)), sqliteFileOf(dir));
const timer = timeStatements();
const clock = new ManualClock(meta.now);
const open = await openDemoStore(dir, { clock });
for (const p of (process.env.PRAGMAS ?? '').split(';').filter(Boolean)) {
  await sql.raw(`pragma ${p}`).execute(open.store.db);
}
try {
  if (process.env.LATER) {
    for (;;) {
      const b = await open.services.cases.sweepOverdue({ limit: OVERDUE_SWEEP_BATCH });
      if (b.marked + b.failed < OVERDUE_SWEEP_BATCH) {
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
      if (b.marked + b.failed < OVERDUE_SWEEP_BATCH) {
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
