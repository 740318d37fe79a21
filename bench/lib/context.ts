import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './report';

/** What every part is given. */
export interface BenchContext {
  /** bench/data: generated stores and server logs (gitignored). */
  dataDir: string;
  /** Smaller sizes and shorter runs, for trying the harness (not for the record). */
  quick: boolean;
  /** Keep the work folders of this run (server logs, copies of stores) for a look afterwards. */
  keep: boolean;
  /**
   * Rebuild the generated case stores (bench/data/cache) even when a matching one is there.
   * By default a store built by an earlier run with the same generator, sizes and migrations
   * is used again: building 10 M cases takes minutes.
   */
  fresh: boolean;
  /** PostgreSQL for the parts that also run there (from DATABASE_URL). */
  databaseUrl?: string;
  /** Write CPU profiles of the servers under test (bench/data/profiles). */
  cpuProf: boolean;
  log(msg: string): void;
}

export type Part = (ctx: BenchContext) => Promise<Figure[]>;

/** A fresh work folder under bench/data, removed by `done()` unless --keep. */
export function workDir(ctx: BenchContext, name: string): { dir: string; done(): void } {
  mkdirSync(ctx.dataDir, { recursive: true });
  const dir = mkdtempSync(join(ctx.dataDir, `${name}-`));
  return {
    dir,
    done() {
      if (!ctx.keep) {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Seconds since t0 (performance.now()), for progress lines. */
export function since(t0: number): string {
  return `${((performance.now() - t0) / 1000).toFixed(1)} s`;
}
