import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoCity } from '../../server/src/modules/demo/demo-city';
import { bulkLoad, loadWorld, type BulkReport, type BulkShape } from './bulk-cases';
import { DEMO_GRIDS, DEMO_SEED } from './city-traffic';
import { since, type BenchContext } from './context';
import { cachedStore, openDemoStore, sqliteFileOf } from './demo-store';

/** Bump when the generator's output changes, so kept stores are rebuilt. */
const GENERATOR_VERSION = 3;

export interface CaseStore {
  dir: string;
  file: string;
  /** The instant the cases were generated against ("now" of the store). */
  now: number;
  report: BulkReport;
  reused: boolean;
  bytes: number;
}

/**
 * A demo-city store with `cases` bulk-generated cases, in bench/data/cache/<name> (used
 * again by later runs unless --fresh). `history`: a year of cases up to now; `open`: every
 * case open now.
 */
export async function caseStore(
  ctx: BenchContext,
  name: string,
  opts: { cases: number; shape: 'history' | 'open'; events: boolean; copies?: number },
): Promise<CaseStore> {
  const dir = join(ctx.dataDir, 'cache', name);
  const key = { v: GENERATOR_VERSION, ...opts, grids: DEMO_GRIDS, seed: DEMO_SEED };
  const t0 = performance.now();
  const reused = await cachedStore(dir, key, ctx.fresh, async (d) => {
    const copies = opts.copies ?? 1;
    ctx.log(
      `  building ${name}: demo city, then ${opts.cases.toLocaleString('en-US')} ${opts.shape} cases` +
        (copies > 1
          ? ` (${(opts.cases / copies).toLocaleString('en-US')} histories × ${copies})`
          : '') +
        (opts.events ? ' with events' : ''),
    );
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const open = await openDemoStore(d);
    try {
      const world = await loadWorld(
        open.services,
        generateDemoCity({ seed: DEMO_SEED, grids: DEMO_GRIDS }),
      );
      const shape: BulkShape =
        opts.shape === 'history'
          ? { kind: 'history', from: now - 365 * 86_400_000, to: now }
          : { kind: 'open', newlyOverdue: 0.1, marked: 0.05 };
      const report = bulkLoad(sqliteFileOf(d), world, {
        cases: opts.cases / copies,
        copies,
        now,
        shape,
        seed: 20261121,
        events: opts.events,
        log: (msg) => ctx.log(msg),
      });
      writeFileSync(join(d, 'bench-meta.json'), JSON.stringify({ now, report }));
    } finally {
      await open.close();
    }
  });
  const meta = JSON.parse(readFileSync(join(dir, 'bench-meta.json'), 'utf8')) as {
    now: number;
    report: BulkReport;
  };
  const file = sqliteFileOf(dir);
  const bytes = statSync(file).size;
  ctx.log(
    `  ${name}: ${meta.report.cases.toLocaleString('en-US')} cases, ${meta.report.events.toLocaleString('en-US')} events, ` +
      `${meta.report.rollupRows.toLocaleString('en-US')} rollup rows, ${(bytes / 2 ** 30).toFixed(2)} GiB` +
      (reused
        ? ' (kept from an earlier run)'
        : ` in ${since(t0)} (load ${(meta.report.ms / 1000).toFixed(0)} s)`),
  );
  return { dir, file, now: meta.now, report: meta.report, reused, bytes };
}
