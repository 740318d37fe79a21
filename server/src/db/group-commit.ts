import type { Kysely } from 'kysely';
import { runSql } from './run-sql';
import type { Database } from './database';

/**
 * Units of work that share one transaction, each in its own savepoint. A unit may hand
 * `defer` items (of type `D`) for the batch's `flush`, which runs once, in the transaction,
 * after the last unit and before the commit, with the items of the units that succeeded.
 */
export interface GroupCommit<D = never> {
  /**
   * Runs `work` inside a transaction shared with the other callers waiting at the same time,
   * in a savepoint of its own: when `work` throws, only its writes are rolled back and the
   * promise rejects; otherwise the promise resolves once the shared transaction has committed
   * (never before: the caller may acknowledge the write). If the commit fails, every caller of
   * the batch gets the error and none of their writes stays. As in any transaction on SQLite,
   * `work` must use `trx` only. If `flush` throws, the whole batch fails like a failed commit.
   */
  run<T>(work: (trx: Kysely<Database>, defer: (item: D) => void) => Promise<T>): Promise<T>;
}

interface Job<D> {
  work: (trx: Kysely<Database>, defer: (item: D) => void) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: writers that arrive while a transaction runs join the next one, so a burst of
 * intakes pays one commit instead of one each: on SQLite one WAL append of the pages they
 * share (the day's counters, rollups, index tails), on PostgreSQL one WAL flush and one
 * transaction holding the day's counter row instead of many queued on it. Callers see the
 * same results, rules and atomicity as with a transaction each; only the commit is shared.
 * Jobs run one after another, in arrival order; a batch starts on the event loop's next turn
 * and takes at most `maxBatch` of them.
 */
export function createGroupCommit<D = never>(
  db: Kysely<Database>,
  opts: {
    maxBatch?: number;
    /** Runs once per batch with the deferred items of the units that succeeded. */
    flush?: (trx: Kysely<Database>, items: D[]) => Promise<void>;
  } = {},
): GroupCommit<D> {
  const maxBatch = opts.maxBatch ?? 64;
  const queue: Job<D>[] = [];
  let running = false;

  async function runBatch(): Promise<void> {
    const done: { job: Job<D>; value: unknown }[] = [];
    // Failed units are told once the transaction has ended, so that what they do next (e.g.
    // look up the row a unit before them wrote) sees the batch committed or gone.
    const failed: { job: Job<D>; err: unknown }[] = [];
    const deferred: D[] = [];
    let current: Job<D> | undefined;
    let taken = 0;
    try {
      await db.transaction().execute(async (trx) => {
        for (let n = 0; n < maxBatch && queue.length > 0; n++) {
          current = queue.shift()!;
          taken++;
          await runSql(trx, 'savepoint group_commit', []);
          let value: unknown;
          const mine: D[] = [];
          try {
            value = await current.work(trx, (item) => mine.push(item));
          } catch (err) {
            // If the store has given up the whole transaction, this throws and the batch fails.
            await runSql(trx, 'rollback to savepoint group_commit', []);
            await runSql(trx, 'release savepoint group_commit', []);
            failed.push({ job: current, err });
            current = undefined;
            continue;
          }
          await runSql(trx, 'release savepoint group_commit', []);
          deferred.push(...mine);
          done.push({ job: current, value });
          current = undefined;
        }
        if (opts.flush && deferred.length > 0) {
          await opts.flush(trx, deferred);
        }
      });
    } catch (err) {
      current?.reject(err);
      for (const d of done) {
        d.job.reject(err);
      }
      for (const f of failed) {
        f.job.reject(f.err);
      }
      if (taken === 0) {
        // The transaction could not even start: fail the waiting jobs rather than spin.
        for (const job of queue.splice(0)) {
          job.reject(err);
        }
      }
      return;
    }
    for (const d of done) {
      d.job.resolve(d.value);
    }
    for (const f of failed) {
      f.job.reject(f.err);
    }
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) {
        await runBatch();
      }
    } finally {
      running = false;
    }
  }

  return {
    run<T>(work: (trx: Kysely<Database>, defer: (item: D) => void) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (!running) {
          running = true;
          // Start on the next turn of the event loop: the requests that arrived with this one
          // reach this point first and join the same batch.
          setImmediate(() => void drain());
        }
      });
    },
  };
}
