import { spawn } from 'node:child_process';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { IntakeTraffic } from '../lib/city-traffic';
import { workDir, type BenchContext } from '../lib/context';
import { BENCH_PASSWORD, sqliteFileOf } from '../lib/demo-store';
import { runLoad } from '../lib/load';
import { benchSchema } from '../lib/pg';
import type { Figure } from '../lib/report';
import { ROOT, startCityloop } from '../lib/server-process';
import { login } from './intake';

/** `npm run audit:verify` against a store: exit code and its last line. */
function auditVerify(env: Record<string, string>): Promise<{ ok: boolean; line: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/src/modules/audit/audit-verify.cli.ts'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) =>
      resolve({ ok: code === 0, line: out.trim().split('\n').at(-1) ?? '' }),
    );
  });
}

async function killTest(
  ctx: BenchContext,
  store: 'sqlite' | 'postgres',
  dir: string,
  databaseUrl?: string,
): Promise<Figure> {
  const dataDir = join(dir, store);
  const logFile = join(dir, `cityloop-${store}.log`);
  const first = await startCityloop({
    dataDir,
    databaseUrl,
    demoPassword: BENCH_PASSWORD,
    logFile,
  });
  const token = await login(first.origin, 'clerk', BENCH_PASSWORD);
  const traffic = new IntakeTraffic({ trafficSeed: 11 });
  const acknowledged = new Set<string>();
  let n = 0;
  const killAfterMs = ctx.quick ? 2_000 : 5_000;
  // Sustained intake; SIGKILL lands in the middle of it.
  const load = runLoad({
    origin: first.origin,
    connections: 16,
    durationMs: killAfterMs + 10_000,
    maxRequests: 500_000,
    readBody: true,
    stopOnNetworkError: true,
    request: () => ({
      method: 'POST',
      path: '/api/v1/cases',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: traffic.body(n++),
    }),
    onResponse: (_i, status, body) => {
      if (status === 201) {
        acknowledged.add((JSON.parse(body) as { id: string }).id);
      }
    },
  });
  await new Promise((r) => setTimeout(r, killAfterMs));
  const ackAtKill = acknowledged.size;
  await first.kill();
  const result = await load;
  ctx.log(
    `  ${store}: SIGKILL after ${killAfterMs / 1000} s of intake: ${acknowledged.size} cases acknowledged (201), ${result.networkErrors} requests cut off`,
  );

  // The store opens clean.
  let integrity = 'n/a (PostgreSQL)';
  if (store === 'sqlite') {
    const db = new SQLite(sqliteFileOf(dataDir));
    integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? '?';
    db.close();
  }
  // Restart on the same store; every acknowledged case is there.
  const second = await startCityloop({
    dataDir,
    databaseUrl,
    demoPassword: BENCH_PASSWORD,
    logFile,
  });
  let found = 0;
  let stored = 0;
  try {
    const t2 = await login(second.origin, 'clerk', BENCH_PASSWORD);
    const ids = [...acknowledged];
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += 16) {
      const part = ids.slice(i, i + 16);
      const res = await Promise.all(
        part.map((id) =>
          fetch(`${second.origin}/api/v1/cases/${id}`, {
            headers: { authorization: `Bearer ${t2}` },
          }),
        ),
      );
      res.forEach((r, k) => {
        if (r.ok) {
          found++;
        } else {
          missing.push(part[k]!);
        }
      });
      await Promise.all(res.map((r) => r.arrayBuffer()));
    }
    const list = await fetch(`${second.origin}/api/v1/cases?pageSize=1`, {
      headers: { authorization: `Bearer ${t2}` },
    });
    stored = ((await list.json()) as { total: number }).total;
    if (missing.length > 0) {
      ctx.log(
        `  ${store}: MISSING after restart: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}`,
      );
    }
  } finally {
    await second.stop();
  }
  const audit = await auditVerify(
    databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir },
  );
  ctx.log(
    `  ${store}: after restart ${found} of ${acknowledged.size} acknowledged found (${stored} stored in all); integrity_check: ${integrity}; ${audit.line}`,
  );
  const clean = (store === 'postgres' || integrity === 'ok') && audit.ok;
  return {
    part: 'durability',
    name: `acknowledged cases found after SIGKILL and restart, ${store}`,
    value: found,
    unit: 'cases',
    baseline: {
      name: 'acknowledged (201) before the kill',
      value: acknowledged.size,
      unit: 'cases',
    },
    vsBaseline: acknowledged.size > 0 ? found / acknowledged.size : null,
    target: 'all found; store opens clean; audit passes',
    met: found === acknowledged.size && acknowledged.size > 0 && clean,
    note: clean ? undefined : `integrity_check: ${integrity}; audit: ${audit.line}`,
    details: {
      acknowledged: acknowledged.size,
      acknowledgedBeforeKillSignal: ackAtKill,
      found,
      storedAfterRestart: stored,
      inFlightAtKill: result.networkErrors,
      integrity,
      audit: audit.line,
      requestsSent: result.requests,
    },
  };
}

/** durability: SIGKILL under sustained intake; every acknowledged case survives. */
export async function durabilityPart(ctx: BenchContext): Promise<Figure[]> {
  const w = workDir(ctx, 'durability');
  try {
    const figures = [await killTest(ctx, 'sqlite', w.dir)];
    if (ctx.databaseUrl) {
      const pg = await benchSchema(ctx.databaseUrl);
      try {
        figures.push(await killTest(ctx, 'postgres', w.dir, pg.url));
      } finally {
        await pg.drop();
      }
    }
    return figures;
  } finally {
    w.done();
  }
}
