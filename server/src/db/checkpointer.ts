import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background thread checkpoints the WAL. */
export const CHECKPOINT_INTERVAL_MS = 250;

/** The thread's code: CommonJS, evaluated by the worker (no build step, no loader). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('cache_size = -512');
} catch (err) {
  parentPort.postMessage({ error: String((err && err.message) || err) });
  process.exit(1);
}
const run = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    return { log: r.log, checkpointed: r.checkpointed };
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
    return null;
  }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'checkpoint') {
    parentPort.postMessage({ done: run() });
  } else if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/** What a checkpoint found: WAL frames in all, and how many of them are in the database file. */
export interface CheckpointResult {
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  /** Checkpoints now, on the thread (null if it failed). */
  checkpoint(): Promise<CheckpointResult | null>;
  /** Stops the thread and closes its connection (before the writing connection closes). */
  stop(): Promise<void>;
}

/**
 * Checkpoints a SQLite file's WAL on a background thread with its own connection, so that no
 * commit on the server's thread (an intake, a sweep batch) pays for copying pages back into
 * the database file and syncing it. A PASSIVE checkpoint never waits for readers or writers,
 * so the thread never holds up the server; writes go on appending to the WAL while it copies.
 *
 * The writing connection keeps its own automatic checkpoints: only a checkpoint that finds
 * every frame copied lets the next write start the WAL over, and under sustained writes a
 * passive one on another thread never does. Those now find little left to copy.
 *
 * `onFailure` is called once if the thread cannot run (the writer's own checkpoints go on).
 */
export function startCheckpointer(
  file: string,
  onFailure: (err: Error) => void,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs },
    // Not the server's flags (a loader such as tsx would load into the thread too).
    execArgv: [],
    // A checkpoint needs no JavaScript heap to speak of.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  worker.unref();
  let failed = false;
  const fail = (err: Error) => {
    if (!failed) {
      failed = true;
      void worker.terminate();
      onFailure(err);
    }
  };
  // An error thrown in the thread arrives cloned (a driver's own error class as a plain object).
  worker.on('error', (e: unknown) =>
    fail(
      new Error(
        `background checkpoint: ${(e as { message?: string } | null)?.message ?? String(e)}`,
      ),
    ),
  );
  // Answers to checkpoint(), in the order asked (the thread answers one message at a time).
  const waiting: ((r: CheckpointResult | null) => void)[] = [];
  worker.on('message', (m: { error?: string; done?: CheckpointResult | null }) => {
    if (m.error) {
      fail(new Error(`background checkpoint: ${m.error}`));
    } else if ('done' in m) {
      waiting.shift()?.(m.done ?? null);
    }
  });
  let alive = true;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      alive = false;
      for (const w of waiting.splice(0)) {
        w(null);
      }
      resolve();
    }),
  );
  return {
    checkpoint() {
      return new Promise((resolve) => {
        if (!alive) {
          resolve(null);
          return;
        }
        waiting.push(resolve);
        worker.postMessage('checkpoint');
      });
    },
    async stop() {
      worker.postMessage('stop');
      // The thread closes its connection and exits; if it is stuck, end it.
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
