import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { cpuMsOf, rssOf } from './machine';

/** The repository root (bench/lib/ → ../../). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A server running in a child process, listening on 127.0.0.1. */
export interface ServerProcess {
  pid: number;
  origin: string;
  child: ChildProcess;
  /** SIGTERM (clean shutdown), then waits for the exit (SIGKILL after timeoutMs). */
  stop(timeoutMs?: number): Promise<void>;
  /** SIGKILL, and waits for the exit. */
  kill(): Promise<void>;
  /** Resident set size now (bytes), from /proc. */
  rss(): number | null;
  /** CPU time used so far (ms), from /proc. */
  cpuMs(): number | null;
  exited: Promise<number | null>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(
  origin: string,
  path: string,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (gone) {
      throw new Error('the server exited before it was ready');
    }
    try {
      const res = await fetch(`${origin}${path}`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms`);
}

function wrap(child: ChildProcess, origin: string): ServerProcess {
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve(child.exitCode);
    } else {
      child.once('exit', (code) => resolve(code));
    }
  });
  return {
    pid: child.pid!,
    origin,
    child,
    exited,
    async stop(timeoutMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(t);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
      await exited;
    },
    rss: () => rssOf(child.pid!),
    cpuMs: () => cpuMsOf(child.pid!),
  };
}

export interface CityloopOptions {
  /** DATA_DIR: the SQLite file and uploads. */
  dataDir: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** Demo mode with this password for every demo account. */
  demoPassword?: string;
  demoGrids?: number;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** stdout and stderr of the server go here. */
  logFile: string;
  readyTimeoutMs?: number;
}

/** Starts the real server (server/src/main.ts, as `npm start` does) in a child process. */
export async function startCityloop(o: CityloopOptions): Promise<ServerProcess> {
  const port = await freePort();
  const log = openSync(o.logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      ...(o.nodeArgs ?? []),
      '--import',
      'tsx',
      'server/src/main.ts',
      ...(o.demoPassword ? ['--demo'] : []),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', log, log],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TZ: process.env.TZ ?? '',
        DATA_DIR: o.dataDir,
        DATABASE_URL: o.databaseUrl ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_MODE: o.demoPassword ? 'true' : 'false',
        DEMO_PASSWORD: o.demoPassword ?? '',
        DEMO_GRIDS: String(o.demoGrids ?? 2000),
        // `--demo` would add a history of cases to the demo city: not in measurements.
        DEMO_HISTORY: '0',
        ...o.env,
      },
    },
  );
  closeSync(log);
  const origin = `http://127.0.0.1:${port}`;
  const p = wrap(child, origin);
  try {
    await waitReady(origin, '/api/health', p.exited, o.readyTimeoutMs ?? 180_000);
  } catch (err) {
    await p.kill();
    throw new Error(`cityloop did not start (see ${o.logFile}): ${(err as Error).message}`);
  }
  return p;
}

/** Starts the hello-world baseline server (bench/servers/hello.ts) in a child process. */
export function startHello(logFile: string): Promise<ServerProcess> {
  return startBenchServer('bench/servers/hello.ts', logFile, {});
}

/**
 * Starts the intake floor (bench/servers/intake-floor.ts: Fastify and the rows of an intake,
 * none of its logic, written through cityloop's data layer or better-sqlite3 alone) in a
 * child process, its SQLite file in `dataDir`.
 */
export function startIntakeFloor(
  mode: 'store' | 'raw',
  dataDir: string,
  logFile: string,
): Promise<ServerProcess> {
  return startBenchServer('bench/servers/intake-floor.ts', logFile, {
    DATA_DIR: dataDir,
    FLOOR: mode,
  });
}

async function startBenchServer(
  script: string,
  logFile: string,
  env: Record<string, string>,
): Promise<ServerProcess> {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    stdio: ['ignore', log, log],
    env: { PATH: process.env.PATH ?? '', TZ: process.env.TZ ?? '', PORT: String(port), ...env },
  });
  closeSync(log);
  const origin = `http://127.0.0.1:${port}`;
  const p = wrap(child, origin);
  await waitReady(origin, '/hello', p.exited, 60_000);
  return p;
}
