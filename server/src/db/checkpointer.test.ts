import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    rmSync(d, { recursive: true, force: true });
  }
});

/** A WAL-mode file whose connection never checkpoints by itself. */
function walFile(): { file: string; db: SQLite.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'cityloop-ckpt-'));
  dirs.push(dir);
  const file = join(dir, 'store.sqlite');
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('create table t (id integer primary key, v text)');
  return { file, db };
}

describe('background checkpoints', () => {
  it('copies every committed page back into the database file while the writer stays open', async () => {
    const { file, db } = walFile();
    const insert = db.prepare('insert into t (v) values (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) {
        insert.run(`row ${i} `.repeat(20));
      }
    })();
    const failures: Error[] = [];
    const cp = startCheckpointer(file, (e) => failures.push(e), 60_000);
    try {
      const r = await cp.checkpoint();
      expect(r).not.toBeNull();
      expect(r!.log).toBeGreaterThan(50);
      expect(r!.checkpointed).toBe(r!.log);
      // The writer goes on, from the start of the WAL again (all of it was copied back), and
      // the next pass copies what it added.
      insert.run('one more');
      const again = await cp.checkpoint();
      expect(again!.log).toBeGreaterThan(0);
      expect(again!.log).toBeLessThan(r!.log);
      expect(again!.checkpointed).toBe(again!.log);
      // Every row is in the database file itself: a copy of it alone, without the WAL, holds them.
      const copy = `${file}.copy`;
      copyFileSync(file, copy);
      const reader = new SQLite(copy, { readonly: true });
      expect(reader.prepare('select count(*) as n from t').get()).toEqual({ n: 2001 });
      reader.close();
    } finally {
      await cp.stop();
      db.close();
    }
    expect(failures).toEqual([]);
  });

  it('reports a thread that cannot run once, so the writer checkpoints by itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cityloop-ckpt-'));
    dirs.push(dir);
    let failure: (e: Error) => void = () => {};
    const failed = new Promise<Error>((resolve) => (failure = resolve));
    const cp = startCheckpointer(join(dir, 'missing.sqlite'), (e) => failure(e), 60_000);
    expect((await failed).message).toMatch(/unable to open|does not exist|SQLITE_CANTOPEN/i);
    expect(await cp.checkpoint()).toBeNull();
    await cp.stop();
  });
});
