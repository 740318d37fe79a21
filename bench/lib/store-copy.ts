import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { sqliteFileOf } from './demo-store';

/**
 * Copies a generated store to a working file the measured part may write, then makes the copy
 * look like the store of a server that has been running: written back to disk (fsync), so the
 * part's commits do not share the disk with the write-back of a multi-GB copy, and read through
 * once, so its pages are in the OS page cache as a running server's would be (a full bench run
 * reads the 13 GB 10 M-case store just before and evicts whatever was there). Returns the
 * milliseconds it took.
 */
export function copySettled(from: string, to: string): number {
  const t = performance.now();
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
    const buf = Buffer.allocUnsafe(16 * 1024 * 1024);
    let pos = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) {
        break;
      }
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return performance.now() - t;
}

/**
 * For development tools: a settled working copy of the cached open-cases store of `npm run
 * bench -- sweep` in `bench/data/<work>` (one fixed place, replaced by the next run, so a run
 * cut off leaves at most this one behind), with the store's "now". Exits with a hint when the
 * bench has not built the store yet.
 */
export function openCasesCopy(work: string): { dir: string; now: number } {
  const data = join(import.meta.dirname, '../data');
  const cache = join(data, 'cache');
  const name = existsSync(cache)
    ? readdirSync(cache).find((d) => d.startsWith('open-'))
    : undefined;
  if (!name) {
    console.error('No open-cases store in bench/data/cache: run `npm run bench -- sweep` first.');
    process.exit(1);
  }
  const meta = JSON.parse(readFileSync(join(cache, name, 'bench-meta.json'), 'utf8')) as {
    now: number;
  };
  const dir = join(data, work);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copySettled(sqliteFileOf(join(cache, name)), sqliteFileOf(dir));
  return { dir, now: meta.now };
}
