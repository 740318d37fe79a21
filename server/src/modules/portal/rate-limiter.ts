import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { Clock } from '../../lib/clock';
import { portalRepository as repo } from './portal.repository';

export interface RateDecision {
  allowed: boolean;
  /** Hits in the window, this one included. */
  count: number;
  /** When refused: how long until the oldest hit leaves the window. */
  retryAfterMs: number;
}

export interface RateLimiter {
  /**
   * Counts one attempt under `key` and says whether it stays within `limit` per `windowMs`.
   * The attempt is counted even when refused, so a client that keeps trying stays limited.
   */
  hit(key: string, limit: number, windowMs: number): Promise<RateDecision>;
  /** Hits of `key` within the last `windowMs`, without counting one. */
  count(key: string, windowMs: number): Promise<number>;
  /** Counts one hit without a decision. */
  record(key: string): Promise<void>;
  /** Deletes hits older than `olderThanMs`; returns how many went. */
  prune(olderThanMs: number): Promise<number>;
}

/**
 * A sliding-window rate limiter kept in the store, so every node of a deployment shares it;
 * time comes from the injected clock. Insert first, then count: two simultaneous attempts
 * both see each other, so the limit is never overshot.
 */
export function createRateLimiter(db: Kysely<Database>, clock: Clock): RateLimiter {
  return {
    async hit(key, limit, windowMs) {
      const now = clock.now();
      await repo.deleteHits(db, now - windowMs, key);
      await repo.insertHit(db, key, now);
      const { n, oldest } = await repo.countHits(db, key, now - windowMs);
      const allowed = n <= limit;
      return {
        allowed,
        count: n,
        retryAfterMs: allowed ? 0 : Math.max(0, (oldest ?? now) + windowMs - now),
      };
    },
    async count(key, windowMs) {
      return (await repo.countHits(db, key, clock.now() - windowMs)).n;
    },
    record: (key) => repo.insertHit(db, key, clock.now()),
    prune: (olderThanMs) => repo.deleteHits(db, clock.now() - olderThanMs),
  };
}
