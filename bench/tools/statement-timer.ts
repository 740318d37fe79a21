/**
 * Development helpers of the profiling tools: time every statement better-sqlite3 runs
 * (grouped by SQL text), and take a CPU profile of a stretch of code (PROF=file.cpuprofile).
 * Import this module before the store is opened: it wraps `prepare` of every connection.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import SQLite from 'better-sqlite3';

export interface StatementTimer {
  start(): void;
  stop(): void;
  /** Total time in statements, ms. */
  totalMs(): number;
  /** The statements by total time, per `per` units of work (a case, a mark). */
  print(per: number, unit: string, top?: number): void;
}

export function timeStatements(): StatementTimer {
  const stats = new Map<string, { n: number; ms: number }>();
  let on = false;
  const proto = SQLite.prototype as unknown as {
    prepare: (sql: string) => Record<string, unknown>;
  };
  const prepare = proto.prepare;
  proto.prepare = function (this: unknown, sql: string) {
    const stmt = prepare.call(this, sql);
    for (const m of ['run', 'all', 'get']) {
      const f = stmt[m] as (...a: unknown[]) => unknown;
      stmt[m] = (...a: unknown[]) => {
        const t0 = performance.now();
        try {
          return f.apply(stmt, a);
        } finally {
          if (on) {
            const key = sql.replace(/\s+/g, ' ').slice(0, 160);
            const s = stats.get(key) ?? { n: 0, ms: 0 };
            s.n++;
            s.ms += performance.now() - t0;
            stats.set(key, s);
          }
        }
      };
    }
    return stmt;
  };
  return {
    start: () => {
      on = true;
    },
    stop: () => {
      on = false;
    },
    totalMs: () => [...stats.values()].reduce((a, s) => a + s.ms, 0),
    print(per, unit, top = 30) {
      for (const [sql, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
        console.log(
          `${((s.ms / per) * 1000).toFixed(1).padStart(7)} µs/${unit} ${(s.n / per).toFixed(2).padStart(5)}×  ${sql}`,
        );
      }
    },
  };
}

/** Runs `work` under the V8 CPU profiler when `file` is given, writing the profile there. */
export async function cpuProfile<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) {
    return work();
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
