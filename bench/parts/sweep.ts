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
/** States the sweep leaves alone (cases.repository findNewlyOverdue). */
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
    const due = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*) as n from case_file
            where stage_deadline_at < ${clock.now()} and stage_overdue = 0
            and state not in (${sql.join(SKIPPED)})`.execute(db)
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
    const firstBatch = await casesRepository.findNewlyOverdue(db, clock.now(), { limit: 500 });
    const findMs = performance.now() - t;

    // Baseline for finding: every open case read and its deadline checked in code.
    t = performance.now();
    const all = await sql<{ id: string; stage_deadline_at: number | null; stage_overdue: number }>`
      select id, stage_deadline_at, stage_overdue from case_file where state not in (${sql.join(SKIPPED)})`.execute(
      db,
    );
    const scanned = all.rows.filter(
      (r) =>
        r.stage_deadline_at !== null && r.stage_deadline_at < clock.now() && r.stage_overdue === 0,
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
      if ((r.marked ?? 0) === 0 && (r.failed ?? 0) === 0) {
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
    // The next scheduled run, 30 s later: a few deadlines have passed since.
    clock.advance(30_000);
    const nextDue = await due();
    t = performance.now();
    const next = await job.perform();
    const nextMs = performance.now() - t;
    ctx.log(
      `  find (first batch of 500): ${findMs.toFixed(1)} ms; full scan in code: ${scanMs.toFixed(0)} ms (${scanned} found); ` +
        `sweep with nothing new: ${quietMs.toFixed(1)} ms (${quiet.marked} marked); 30 s later: ${nextMs.toFixed(1)} ms (${next.marked} of ${nextDue} marked)`,
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
      next30s: { due: nextDue, marked: next.marked, ms: nextMs },
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
        name: `overdue sweep marking ${marked.toLocaleString('en-US')} newly overdue cases (an event and a notice each), ${label} open cases`,
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
        name: `overdue sweep 30 s later: the ${(next.marked ?? 0).toLocaleString('en-US')} deadlines passed meanwhile marked, ${label} open cases`,
        value: nextMs,
        unit: 'ms',
        baseline: {
          name: 'all open cases read, deadlines checked in code',
          value: scanMs,
          unit: 'ms',
        },
        vsBaseline: scanMs / nextMs,
        target: `< ${TARGET_MS.toLocaleString('en-US')} ms`,
        met: nextMs < TARGET_MS && next.marked === nextDue,
        details,
      },
    ];
  } finally {
    await open.close();
    w.done();
  }
}
