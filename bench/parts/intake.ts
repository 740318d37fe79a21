import { join } from 'node:path';
import { IntakeTraffic } from '../lib/city-traffic';
import { since, workDir, type BenchContext } from '../lib/context';
import { runLoad, type LoadRequest, type LoadResult } from '../lib/load';
import { benchSchema } from '../lib/pg';
import type { Figure } from '../lib/report';
import {
  startCityloop,
  startHello,
  startIntakeFloor,
  type ServerProcess,
} from '../lib/server-process';

export const DEMO_PASSWORD = 'bench-password-1';
/** Target: cases per second on SQLite (2 cores), and the share of the hello-world baseline. */
const TARGET_RATE = 5_000;
const TARGET_SHARE = 0.25;

interface Plan {
  connections: number;
  warmupMs: number;
  measureMs: number;
  maxRequests: number;
}

/** Signs in through the API and returns the session token. */
export async function login(origin: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) {
    throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  }
  return ((await res.json()) as { token: string }).token;
}

/** A measured run, with the server's CPU time per request. */
type Measured = LoadResult & { cpuMsPerRequest: number | null };

/** A warm-up, then the measured run of `request` against `server`, with its CPU per request. */
async function measureRate(
  server: ServerProcess,
  plan: Plan,
  request: () => LoadRequest,
): Promise<Measured> {
  const base = {
    origin: server.origin,
    connections: plan.connections,
    maxRequests: plan.maxRequests,
    request,
  };
  await runLoad({ ...base, durationMs: plan.warmupMs });
  const cpu0 = server.cpuMs();
  const r = await runLoad({ ...base, durationMs: plan.measureMs });
  const cpu1 = server.cpuMs();
  const cpuMsPerRequest = cpu0 !== null && cpu1 !== null && r.ok > 0 ? (cpu1 - cpu0) / r.ok : null;
  return { ...r, cpuMsPerRequest };
}

const perRequest = (ms: number | null) => (ms === null ? '?' : (ms * 1000).toFixed(0));

async function helloRate(ctx: BenchContext, dir: string, plan: Plan): Promise<Measured> {
  const hello = await startHello(join(dir, 'hello.log'));
  try {
    const r = await measureRate(hello, plan, () => ({ method: 'GET', path: '/hello' }));
    ctx.log(
      `  hello-world baseline: ${Math.round(r.rate)} req/s (p99 ${r.latencyMs.p99.toFixed(1)} ms; server CPU ${perRequest(r.cpuMsPerRequest)} µs per request)`,
    );
    return r;
  } finally {
    await hello.stop();
  }
}

type FloorMode = 'store' | 'raw';
const FLOORS: Record<FloorMode, string> = {
  store: "cityloop's data layer (Kysely, group commit)",
  raw: 'better-sqlite3 alone',
};

/**
 * The intake floor (bench/servers/intake-floor.ts) under the same bodies: Fastify and the
 * counter, case and event rows in the real schema, none of intake's logic. How far the
 * target is from the framework and the store alone.
 */
async function floorRate(
  ctx: BenchContext,
  dir: string,
  plan: Plan,
  mode: FloorMode,
): Promise<Measured> {
  const floor = await startIntakeFloor(
    mode,
    join(dir, `floor-${mode}`),
    join(dir, `floor-${mode}.log`),
  );
  try {
    const traffic = new IntakeTraffic();
    let n = 0;
    const r = await measureRate(floor, plan, () => ({
      method: 'POST',
      path: '/api/v1/cases',
      headers: { 'content-type': 'application/json' },
      body: traffic.body(n++),
    }));
    if (r.failed + r.networkErrors > 0) {
      throw new Error(`intake floor: ${r.failed} failed; first: ${r.firstFailure}`);
    }
    ctx.log(
      `  intake floor, ${FLOORS[mode]}: ${Math.round(r.rate)} cases/s (p99 ${r.latencyMs.p99.toFixed(1)} ms; server CPU ${perRequest(r.cpuMsPerRequest)} µs per case)`,
    );
    return r;
  } finally {
    await floor.stop();
  }
}

/** Intake load against a running cityloop: warm-up, then the measured run. */
export async function intakeLoad(
  server: ServerProcess,
  plan: Plan,
  opts: { traffic: IntakeTraffic; token: string; offset?: number },
): Promise<{ warm: LoadResult; run: LoadResult; cpuMsPerCase: number | null; catchUpMs: number }> {
  let n = opts.offset ?? 0;
  const req = () => ({
    method: 'POST' as const,
    path: '/api/v1/cases',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
    body: opts.traffic.body(n++),
  });
  const base = { origin: server.origin, connections: plan.connections, request: req };
  const warm = await runLoad({ ...base, durationMs: plan.warmupMs, maxRequests: plan.maxRequests });
  await settleProjections(server, opts.token);
  const cpu0 = server.cpuMs();
  const run = await runLoad({ ...base, durationMs: plan.measureMs, maxRequests: plan.maxRequests });
  // The run ends when the cases' projections (search tokens, duplicates, rollups) are written
  // too: the server writes them behind the acknowledgments, and their work counts.
  const catchUpMs = await settleProjections(server, opts.token);
  const cpu1 = server.cpuMs();
  const cpuMsPerCase = cpu0 !== null && cpu1 !== null && run.ok > 0 ? (cpu1 - cpu0) / run.ok : null;
  const elapsedMs = run.elapsedMs + catchUpMs;
  return {
    warm,
    run: { ...run, elapsedMs, rate: run.ok / (elapsedMs / 1000) },
    cpuMsPerCase,
    catchUpMs,
  };
}

/**
 * Waits until the server has written every intake projection (a text search catches them up
 * before it answers); returns how long that took.
 */
async function settleProjections(server: ServerProcess, token: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${server.origin}/api/v1/cases?q=settle&pageSize=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) {
    throw new Error(`text search: ${res.status} ${await res.text()}`);
  }
  return performance.now() - t0;
}

async function measureStore(
  ctx: BenchContext,
  dir: string,
  plan: Plan,
  store: 'sqlite' | 'postgres',
  databaseUrl?: string,
): Promise<{ run: LoadResult; cases: number; cpuMsPerCase: number | null }> {
  const t0 = performance.now();
  const server = await startCityloop({
    dataDir: join(dir, store),
    databaseUrl,
    demoPassword: DEMO_PASSWORD,
    logFile: join(dir, `cityloop-${store}.log`),
    nodeArgs: ctx.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${join(ctx.dataDir, 'profiles')}`] : [],
  });
  try {
    ctx.log(`  cityloop on ${store} started with the demo city in ${since(t0)}`);
    const token = await login(server.origin, 'clerk', DEMO_PASSWORD);
    const traffic = new IntakeTraffic();
    const { warm, run, cpuMsPerCase, catchUpMs } = await intakeLoad(server, plan, {
      traffic,
      token,
    });
    if (run.failed + run.networkErrors > 0 || warm.failed + warm.networkErrors > 0) {
      throw new Error(
        `intake on ${store}: ${run.failed + warm.failed} failed, ${run.networkErrors + warm.networkErrors} network errors; first: ${run.firstFailure ?? warm.firstFailure}`,
      );
    }
    const res = await fetch(`${server.origin}/api/v1/cases?pageSize=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const cases = ((await res.json()) as { total: number }).total;
    if (cases !== warm.ok + run.ok) {
      throw new Error(
        `intake on ${store}: ${warm.ok + run.ok} acknowledged but ${cases} cases stored`,
      );
    }
    ctx.log(
      `  intake on ${store}: ${Math.round(run.rate)} cases/s (p50 ${run.latencyMs.p50.toFixed(1)} ms, p99 ${run.latencyMs.p99.toFixed(1)} ms; projections caught up ${catchUpMs.toFixed(0)} ms after the last answer; ${cases} cases stored; server CPU ${cpuMsPerCase === null ? '?' : (cpuMsPerCase * 1000).toFixed(0)} µs per case)`,
    );
    return { run, cases, cpuMsPerCase };
  } finally {
    await server.stop();
  }
}

/** intake: cases created per second through HTTP, next to a hello-world route. */
export async function intakePart(ctx: BenchContext): Promise<Figure[]> {
  const w = workDir(ctx, 'intake');
  const plan: Plan = ctx.quick
    ? { connections: 32, warmupMs: 1_000, measureMs: 3_000, maxRequests: 200_000 }
    : { connections: 32, warmupMs: 3_000, measureMs: 10_000, maxRequests: 1_000_000 };
  try {
    const hello = await helloRate(ctx, w.dir, plan);
    const floors = {
      store: await floorRate(ctx, w.dir, plan, 'store'),
      raw: await floorRate(ctx, w.dir, plan, 'raw'),
    };
    const figures: Figure[] = [];
    const stores: ['sqlite' | 'postgres', string | undefined][] = [['sqlite', undefined]];
    let pgSchema: Awaited<ReturnType<typeof benchSchema>> | undefined;
    if (ctx.databaseUrl) {
      pgSchema = await benchSchema(ctx.databaseUrl);
      stores.push(['postgres', pgSchema.url]);
    }
    try {
      for (const [store, url] of stores) {
        const { run, cases, cpuMsPerCase } = await measureStore(ctx, w.dir, plan, store, url);
        const share = run.rate / hello.rate;
        figures.push({
          part: 'intake',
          name: `cases created per second, ${store} (POST /api/v1/cases, ${plan.connections} clients)`,
          value: run.rate,
          unit: 'cases/s',
          baseline: { name: 'Fastify hello world', value: hello.rate, unit: 'req/s' },
          vsBaseline: share,
          target:
            store === 'sqlite'
              ? `≥ ${TARGET_RATE.toLocaleString('en-US')}/s and ≥ ${TARGET_SHARE} × baseline`
              : `≥ ${TARGET_SHARE} × baseline`,
          met:
            store === 'sqlite'
              ? run.rate >= TARGET_RATE && share >= TARGET_SHARE
              : share >= TARGET_SHARE,
          details: {
            store,
            latencyMs: run.latencyMs,
            casesStored: cases,
            requests: run.requests,
            elapsedMs: run.elapsedMs,
            // CPU time of the server process per case (the rate a free core would give: 1000 ÷ this).
            serverCpuMsPerCase: cpuMsPerCase,
            // The same bodies to the intake floors (no logic), same run.
            floors: Object.fromEntries(
              Object.entries(floors).map(([mode, f]) => [
                mode,
                { rate: f.rate, serverCpuMsPerCase: f.cpuMsPerRequest },
              ]),
            ),
            hello: {
              rate: hello.rate,
              latencyMs: hello.latencyMs,
              serverCpuMsPerRequest: hello.cpuMsPerRequest,
            },
            plan,
          },
        });
      }
    } finally {
      await pgSchema?.drop();
    }
    for (const [mode, floor] of Object.entries(floors) as [FloorMode, Measured][]) {
      figures.push({
        part: 'intake',
        name: `intake floor, ${FLOORS[mode]}: the counter, case and event rows, no logic, sqlite (${plan.connections} clients)`,
        value: floor.rate,
        unit: 'cases/s',
        baseline: { name: 'Fastify hello world', value: hello.rate, unit: 'req/s' },
        vsBaseline: floor.rate / hello.rate,
        note: 'a reference, not a target: what Fastify and the store allow with none of intake’s logic',
        details: {
          mode,
          latencyMs: floor.latencyMs,
          requests: floor.requests,
          serverCpuMsPerCase: floor.cpuMsPerRequest,
          plan,
        },
      });
    }
    return figures;
  } finally {
    w.done();
  }
}
