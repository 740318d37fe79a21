import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shanghaiDay } from '../lib/bulk-cases';
import { caseStore } from '../lib/case-stores';
import { workDir, type BenchContext } from '../lib/context';
import { BENCH_PASSWORD, openDemoStore } from '../lib/demo-store';
import type { Figure } from '../lib/report';
import { startCityloop, type ServerProcess } from '../lib/server-process';
import { login } from './intake';

const TARGET_BYTES = 300 * 2 ** 20;

/** Peak resident set size (VmHWM) of a process, bytes. */
function peakRss(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** What a few users do first: case lists, a case, the month's boards. */
async function warm(server: ServerProcess, month: string): Promise<number> {
  const clerk = await login(server.origin, 'clerk', BENCH_PASSWORD);
  const bureau = await login(server.origin, 'bureau', BENCH_PASSWORD);
  const get = async (path: string, token: string) => {
    const res = await fetch(`${server.origin}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) {
      throw new Error(`GET ${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    }
    return (await res.json()) as Record<string, unknown>;
  };
  let n = 0;
  for (let page = 1; page <= 5; page++) {
    const list = await get(`/api/v1/cases?page=${page}&pageSize=50`, clerk);
    n++;
    for (const item of (list.items as { id: string }[]).slice(0, 5)) {
      await get(`/api/v1/cases/${item.id}`, clerk);
      await get(`/api/v1/cases/${item.id}/events`, clerk);
      n += 2;
    }
  }
  for (const q of [
    'state=handling',
    'overdue=true',
    'matter=06',
    'sort=stage_deadline_at&order=asc',
    'q=垃圾',
  ]) {
    await get(`/api/v1/cases?${q}&pageSize=50`, clerk);
    n++;
  }
  for (const subject of ['street', 'community', 'unit', 'grid', 'dispatcher']) {
    await get(
      `/api/v1/evaluation/indicators?subject=${subject}&period=month&date=${month}`,
      bureau,
    );
    await get(`/api/v1/evaluation/rankings?subject=${subject}&period=month&date=${month}`, bureau);
    n += 2;
  }
  return n;
}

async function measure(dataDir: string, logFile: string, month: string) {
  // As in production (`npm run serve`): no demo mode, so no demo password reset at start.
  const server = await startCityloop({ dataDir, logFile });
  try {
    const started = server.rss();
    const requests = await warm(server, month);
    const rss = server.rss();
    return { started, rss, peak: peakRss(server.pid), requests };
  } finally {
    await server.stop();
  }
}

/** memory: the server's RSS with 1 M cases in its store, next to the same server on none. */
export async function memoryPart(ctx: BenchContext): Promise<Figure[]> {
  const cases = ctx.quick ? 100_000 : 1_000_000;
  const label = cases >= 1_000_000 ? `${cases / 1_000_000} M` : `${cases / 1_000} k`;
  // The evaluation part's store (built here if that part did not run).
  const s = await caseStore(ctx, `history-${cases}`, {
    cases,
    shape: 'history',
    events: true,
    copies: 1,
  });
  const w = workDir(ctx, 'memory');
  try {
    const today = shanghaiDay(s.now);
    const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    // Baseline: the same server and requests on a store with the demo city and no cases
    // (built first, so the measured start does not build the demo city).
    const emptyDir = join(w.dir, 'empty');
    await (await openDemoStore(emptyDir)).close();
    const empty = await measure(emptyDir, join(w.dir, 'empty.log'), month);
    // On the generated store itself (a copy would be gigabytes): the server writes its
    // sessions there, and its overdue sweep may mark the few cases open at the store's "now"
    // (rollups follow in the same transactions, so the store stays exact).
    const loaded = await measure(s.dir, join(w.dir, 'loaded.log'), month);
    const mb = (b: number | null) => (b === null ? '?' : `${Math.round(b / 2 ** 20)} MB`);
    ctx.log(
      `  RSS with ${label} cases: ${mb(loaded.rss)} after ${loaded.requests} requests (peak ${mb(loaded.peak)}, at start ${mb(loaded.started)}); ` +
        `empty store: ${mb(empty.rss)} (peak ${mb(empty.peak)})`,
    );
    return [
      {
        part: 'memory',
        name: `server RSS with ${label} cases, after list, case and board requests`,
        value: loaded.rss,
        unit: 'bytes',
        baseline: { name: 'same server and requests, no cases', value: empty.rss, unit: 'bytes' },
        vsBaseline: null,
        target: '< 300 MB',
        met: loaded.rss !== null && loaded.rss < TARGET_BYTES,
        details: { loaded, empty, storeBytes: s.bytes, cases: s.report.cases },
      },
    ];
  } finally {
    w.done();
  }
}
