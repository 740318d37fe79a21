/**
 * The write pattern of docs/OVERDUE-MARKS.md measured next to today's sweep, on the same due
 * set: copies the cached store of `npm run bench -- sweep` (run that first), marks its backlog
 * with the real sweep (not measured), moves the clock 30 s (the bench's "30 s later" run), then
 *   append: reads the deadlines passed meanwhile from an index that carries what a notice needs
 *           (built before, not measured) and writes one notice row per case, in transactions
 *           of 500, nothing else;
 *   sweep:  today's scheduled job on the same cases (the append run's notices removed first,
 *           the extra index dropped).
 * The append run leaves out what the design keeps for handling-stage marks (the rollup hook,
 * which reads the case's events): their share of the due set is printed. A development tool.
 *   node --import tsx bench/tools/append-marks-experiment.ts [ROUNDS=1]
 */
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { ManualClock } from '../../server/src/lib/clock';
import { uuidv7 } from '../../server/src/lib/ids';
import { chunks } from '../../server/src/db/chunks';
import {
  OVERDUE_SWEEP_BATCH,
  checkOverdueJob,
} from '../../server/src/modules/cases/check-overdue.job';
import { casesRepository } from '../../server/src/modules/cases/cases.repository';
import { openDemoStore } from '../lib/demo-store';
import { openCasesCopy } from '../lib/store-copy';

const ROUNDS = Number(process.argv[2] ?? 1);
const SKIPPED = ['hung', 'refused', 'voided', 'closed', 'handled'];
const { dir, now } = openCasesCopy('append-marks');
const clock = new ManualClock(now);
const open = await openDemoStore(dir, { clock });
const db = open.store.db;
const job = checkOverdueJob(open.services.cases);
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
try {
  // The backlog, as the bench's sweep leaves it before its scheduled runs.
  for (;;) {
    const r = await job.perform();
    if (!r.marked) {
      break;
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    const from = clock.now();
    clock.advance(30_000);
    const to = clock.now();
    await sql`create index exp_due_cover on case_file (stage_deadline_at, state, stage, unit_id, id)`.execute(
      db,
    );

    // append: one notice a case, nothing else.
    let cpu0 = process.cpuUsage();
    let t0 = performance.now();
    const due = (
      await sql<{ id: string; stage: string; unit_id: string | null; stage_deadline_at: number }>`
        select id, stage, unit_id, stage_deadline_at from case_file indexed by exp_due_cover
        where stage_deadline_at >= ${from} and stage_deadline_at < ${to}
          and state not in (${sql.join(SKIPPED)})
        order by stage_deadline_at`.execute(db)
    ).rows;
    const written: string[] = [];
    for (const part of chunks(due, OVERDUE_SWEEP_BATCH)) {
      await db.transaction().execute(async (trx) => {
        const rows = part.map((r) => ({
          id: uuidv7(to),
          case_id: r.id,
          kind: 'overdue' as const,
          stage: r.stage,
          unit_id: r.stage === 'handle' || r.stage === 'acknowledge' ? r.unit_id : null,
          deadline_at: r.stage_deadline_at,
          at: to,
          read_at: null,
          note: null,
        }));
        await casesRepository.insertNotices(trx, rows);
        written.push(...rows.map((r) => r.id));
      });
    }
    const appendMs = performance.now() - t0;
    const appendCpu = cpuMs(process.cpuUsage(cpu0));
    const handling = due.filter((r) => r.stage === 'handle').length;

    // Back to the state the sweep would find, without the extra index.
    for (const part of chunks(written)) {
      await db.deleteFrom('case_notice').where('id', 'in', part).execute();
    }
    await sql`drop index exp_due_cover`.execute(db);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);

    // sweep: today's job on the same cases.
    cpu0 = process.cpuUsage();
    t0 = performance.now();
    const r = await job.perform();
    const sweepMs = performance.now() - t0;
    const sweepCpu = cpuMs(process.cpuUsage(cpu0));

    const per = (ms: number, n: number) => `${((ms / Math.max(1, n)) * 1000).toFixed(0)} µs`;
    console.log(
      `round ${round + 1}: ${due.length} deadlines passed (${handling} in handling, ${((handling / Math.max(1, due.length)) * 100).toFixed(0)} %)\n` +
        `  append: ${appendMs.toFixed(0)} ms (${per(appendMs, due.length)} a mark, CPU ${per(appendCpu, due.length)})\n` +
        `  sweep:  ${sweepMs.toFixed(0)} ms for ${r.marked} (${per(sweepMs, r.marked ?? 0)} a mark, CPU ${per(sweepCpu, r.marked ?? 0)})`,
    );
  }
} finally {
  await open.close();
  rmSync(dir, { recursive: true, force: true });
}
