import { sql } from 'kysely';
import { ManualClock } from '../../server/src/lib/clock';
import { checkOverdueJob } from '../../server/src/modules/cases/check-overdue.job';
import { casesRepository } from '../../server/src/modules/cases/cases.repository';
import { caseStore } from '../lib/case-stores';
import { copySettled } from '../lib/store-copy';
import { workDir, type BenchContext } from '../lib/context';
import { openDemoStore, sqliteFileOf } from '../lib/demo-store';
import type { Figure } from '../lib/report';

const TARGET_MS = 1_000;
/** States the sweep does not mark (terminal and awaiting closure have no deadline; hung). */
const SKIPPED = ['hung', 'refused', 'voided', 'closed', 'handled'];

/** sweep: the overdue sweep over 1 M open cases, a tenth of them newly overdue. */
export async function sweepPart(ctx: BenchContext): Promise<Figure[]> {
  const cases = ctx.quick ? 100_000 : 1_000_000;
  const label = cases >= 1_000_000 ? `${cases / 1_000_000} M` : `${cases / 1_000} k`;
  const s = await caseStore(ctx, `open-${cases}`, { cases, shape: 'open', events: true });
  // The sweep writes: it runs on a copy, so the generated store stays as it was; the copy is
  // settled (on disk, in the page cache) before anything is measured.
  const w = workDir(ctx, 'sweep');
  const copyMs = copySettled(s.file, sqliteFileOf(w.dir));
  ctx.log(`  working copy written back and read through in ${(copyMs / 1000).toFixed(1)} s`);
  const clock = new ManualClock(s.now);
  const open = await openDemoStore(w.dir, { clock });
  try {
    const db = open.store.db;
    // Deadlines passed and not yet marked: no overdue notice for the case's stage and deadline.
    const due = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*) as n from case_file c
            where c.stage_deadline_at < ${clock.now()} and c.state not in (${sql.join(SKIPPED)})
            and not exists (select 1 from case_notice n where n.deadline_at = c.stage_deadline_at
              and n.case_id = c.id and n.kind = 'overdue' and n.stage = c.stage)`.execute(db)
        ).rows[0]!.n,
      );
    const openCount = Number(
      (
        await sql<{
          n: number;
        }>`select count(*) as n from case_file where state not in (${sql.join(SKIPPED.slice(1))})`.execute(
          db,
        )
      ).rows[0]!.n,
    );
    const newly = await due();
    ctx.log(
      `  ${openCount.toLocaleString('en-US')} open cases, ${newly.toLocaleString('en-US')} newly overdue (deadline passed, not yet marked)`,
    );

    // Finding: the sweep's query for its first batch.
    let t = performance.now();
    const firstBatch = await casesRepository.dueAfter(db, null, clock.now(), 500);
    const findMs = performance.now() - t;

    // Baseline for finding: every open case read and its deadline checked in code.
    t = performance.now();
    const all = await sql<{ id: string; stage_deadline_at: number | null }>`
      select id, stage_deadline_at from case_file where state not in (${sql.join(SKIPPED)})`.execute(
      db,
    );
    const scanned = all.rows.filter(
      (r) => r.stage_deadline_at !== null && r.stage_deadline_at < clock.now(),
    ).length;
    const scanMs = performance.now() - t;

    // Marking: the scheduled job, run until a run marks nothing (bounded in runs and time).
    const job = checkOverdueJob(open.services.cases);
    let marked = 0;
    let failed = 0;
    let runs = 0;
    const budgetMs = ctx.quick ? 120_000 : 600_000;
    t = performance.now();
    while (runs < 50 && performance.now() - t < budgetMs) {
      const r = await job.perform();
      runs++;
      marked += r.marked ?? 0;
      failed += r.failed ?? 0;
      // A run looks at up to 100 batches of deadlines, marked or not: loop until none is left.
      if ((r.failed ?? 0) === 0 && (await due()) === 0) {
        break;
      }
    }
    const markMs = performance.now() - t;
    const left = await due();
    ctx.log(
      `  marked ${marked.toLocaleString('en-US')} in ${(markMs / 1000).toFixed(1)} s over ${runs} runs of the job (${failed} failed, ${left} left): ${((markMs / Math.max(1, marked)) * 1000).toFixed(0)} µs per case`,
    );

    // Nothing new: the next run right after.
    t = performance.now();
    const quiet = await job.perform();
    const quietMs = performance.now() - t;
    // The next scheduled runs, 30 s apart: the deadlines that passed meanwhile. Three of them,
    // and the slowest is the figure (each run must stay under the target, and one run on a
    // shared machine is a coin toss near it).
    const later: { due: number; marked: number; ms: number }[] = [];
    for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
      clock.advance(30_000);
      const runDue = await due();
      t = performance.now();
      const r = await job.perform();
      later.push({ due: runDue, marked: r.marked ?? 0, ms: performance.now() - t });
    }
    const slowest = later.reduce((a, b) => (b.ms > a.ms ? b : a));
    const nextMs = slowest.ms;
    ctx.log(
      `  find (first batch of 500): ${findMs.toFixed(1)} ms; full scan in code: ${scanMs.toFixed(0)} ms (${scanned} found); ` +
        `sweep with nothing new: ${quietMs.toFixed(1)} ms (${quiet.marked} marked); ` +
        `the next runs, 30 s apart: ${later.map((r) => `${r.ms.toFixed(1)} ms (${r.marked} of ${r.due} marked)`).join(', ')}`,
    );
    const details = {
      openCases: openCount,
      newlyOverdue: newly,
      firstBatch: firstBatch.length,
      findFirstBatchMs: findMs,
      fullScanMs: scanMs,
      fullScanFound: scanned,
      marked,
      failed,
      left,
      jobRuns: runs,
      markAllMs: markMs,
      perCaseMs: markMs / Math.max(1, marked),
      nothingNewMs: quietMs,
      next30s: later,
      store: {
        cases: s.report.cases,
        events: s.report.events,
        rollupRows: s.report.rollupRows,
        notices: s.report.notices,
        reused: s.reused,
      },
    };
    return [
      {
        part: 'sweep',
        name: `overdue sweep with nothing new, ${label} open cases`,
        value: quietMs,
        unit: 'ms',
        baseline: {
          name: 'all open cases read, deadlines checked in code',
          value: scanMs,
          unit: 'ms',
        },
        vsBaseline: scanMs / quietMs,
        target: `< ${TARGET_MS.toLocaleString('en-US')} ms`,
        met: quietMs < TARGET_MS,
        details,
      },
      {
        part: 'sweep',
        name: `overdue sweep marking ${marked.toLocaleString('en-US')} newly overdue cases (a notice each; in handling also an event and flags), ${label} open cases`,
        value: markMs,
        unit: 'ms',
        baseline: {
          name: 'all open cases read, deadlines checked in code',
          value: scanMs,
          unit: 'ms',
        },
        vsBaseline: null,
        target: `< ${TARGET_MS.toLocaleString('en-US')} ms`,
        met: markMs < TARGET_MS && left === 0,
        details,
      },
      {
        part: 'sweep',
        name: `overdue sweep 30 s later, the slowest of ${later.length} runs 30 s apart: the ${slowest.marked.toLocaleString('en-US')} deadlines passed meanwhile marked, ${label} open cases`,
        value: nextMs,
        unit: 'ms',
        baseline: {
          name: 'all open cases read, deadlines checked in code',
          value: scanMs,
          unit: 'ms',
        },
        vsBaseline: scanMs / nextMs,
        target: `< ${TARGET_MS.toLocaleString('en-US')} ms`,
        met: later.every((r) => r.ms < TARGET_MS && r.marked === r.due),
        details,
      },
    ];
  } finally {
    await open.close();
    w.done();
  }
}
