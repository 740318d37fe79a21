import type { Job } from '../../jobs/scheduler';
import type { CasesService } from './cases.service';

/** How often the overdue sweep runs. */
export const OVERDUE_SWEEP_INTERVAL_MS = 30_000;
/**
 * Deadlines looked at per batch (one transaction); the sweep loops batches until none are
 * left. On SQLite a batch holds the only connection, so its size bounds the pause other
 * requests see.
 */
export const OVERDUE_SWEEP_BATCH = 500;

/** The overdue sweep as a scheduled job: batches until no passed deadline is left to look at. */
export function checkOverdueJob(cases: CasesService): Job {
  return {
    name: 'check-overdue',
    intervalMs: OVERDUE_SWEEP_INTERVAL_MS,
    async perform() {
      let marked = 0;
      let failed = 0;
      for (let i = 0; i < 100; i++) {
        const r = await cases.sweepOverdue({ limit: OVERDUE_SWEEP_BATCH });
        marked += r.marked;
        failed += r.failed;
        if (!r.more) {
          break;
        }
      }
      return { marked, failed };
    },
  };
}
