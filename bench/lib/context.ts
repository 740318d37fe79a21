import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './report';

/** What every part is given. */
export interface BenchContext {
  /** bench/data: generated stores and server logs (gitignored). */
  dataDir: string;
  /** Smaller sizes and shorter runs, for trying the harness (not for the record). */
  quick: boolean;
  /** Keep generated stores between runs (bench/data/cache) instead of deleting them. */
  keep: boolean;
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
