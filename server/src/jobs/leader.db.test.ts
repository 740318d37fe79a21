import { describe, expect, it } from 'vitest';
import { postgresLeader, soleLeader } from './leader';

const url = process.env.TEST_DATABASE_URL;

describe('background clock leadership', () => {
  it('a single SQLite node always leads', async () => {
    expect(await soleLeader.isLeader()).toBe(true);
  });

  it.runIf(process.env.TEST_DIALECT === 'postgres' && url)(
    'on PostgreSQL exactly one of several nodes leads, and another takes over when it goes',
    async () => {
      const key = 900_000 + Math.floor(Math.random() * 100_000);
      const a = postgresLeader(url!, key);
      const b = postgresLeader(url!, key);
      const c = postgresLeader(url!, key);
      try {
        const first = await Promise.all([a.isLeader(), b.isLeader(), c.isLeader()]);
        expect(first.filter(Boolean)).toHaveLength(1);
        expect(await a.isLeader()).toBe(first[0]);
        const leader = [a, b, c][first.indexOf(true)]!;
        await leader.release();
        const others = [a, b, c].filter((x) => x !== leader);
        const next = await Promise.all(others.map((x) => x.isLeader()));
        expect(next.filter(Boolean)).toHaveLength(1);
      } finally {
        await Promise.all([a.release(), b.release(), c.release()]);
      }
    },
  );
});
