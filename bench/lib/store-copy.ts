import { closeSync, copyFileSync, fsyncSync, openSync, readSync } from 'node:fs';

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
