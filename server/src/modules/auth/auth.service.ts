import { createHash } from 'node:crypto';
import type { AppContext } from '../../context';
import { appError } from '../../lib/app-error';
import { BoundedMap } from '../../lib/bounded-map';
import { randomToken } from '../../lib/ids';
import type { OrgService, User } from '../org/org.service';
import { orgRepository } from '../org/org.repository';
import type { Actor } from './actor';
import { authRepository as repo } from './auth.repository';
import { dummyPasswordHash, verifyPassword } from './password';

/** How long a session found live serves requests without a read (SQLite; see resolve). */
const SESSION_CACHE_MS = 60_000;
const SESSION_CACHE_SIZE = 10_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface LoginResult {
  token: string;
  expiresAt: number;
  user: User;
}

export type AuthService = ReturnType<typeof createAuthService>;

/** Sign-in, sessions and the login rate limit. */
export function createAuthService(ctx: AppContext, org: OrgService) {
  const db = ctx.store.db;
  const { sessionTtlMs, loginMaxFailures, loginWindowMs } = ctx.config.auth;
  /**
   * Live sessions by token hash, in memory on SQLite (the store belongs to this process; every
   * request resolves its token): only sessions found live, dropped at logout and when the org
   * service changes their user (deactivation and a new password end them), checked against
   * their expiry on every use, and kept at most SESSION_CACHE_MS so that a revocation made
   * beside the server applies within that time. On PostgreSQL every request reads the store.
   */
  const cacheSessions = ctx.store.kind === 'sqlite';
  const sessions = new BoundedMap<string, { userId: string; expiresAt: number }>(
    SESSION_CACHE_SIZE,
    SESSION_CACHE_MS,
  );
  let sessionsGeneration = 0;
  org.onUserChanged((userId) => {
    sessionsGeneration++;
    sessions.deleteWhere((s) => s.userId === userId);
  });

  async function liveSession(tokenHash: string, now: number): Promise<string | null> {
    const hit = cacheSessions ? sessions.get(tokenHash) : undefined;
    if (hit && hit.expiresAt > now) {
      return hit.userId;
    }
    const generation = sessionsGeneration;
    const s = await repo.findLiveSession(db, tokenHash, now);
    if (!s) {
      sessions.delete(tokenHash);
      return null;
    }
    if (cacheSessions && generation === sessionsGeneration) {
      sessions.set(tokenHash, { userId: s.user_id, expiresAt: s.expires_at });
    }
    return s.user_id;
  }

  return {
    /**
     * Checks the credentials and opens a session.
     * @throws AUTH_RATE_LIMITED after too many failures for the username or the address
     * @throws AUTH_INVALID_CREDENTIALS for a wrong username or password (one message for both)
     */
    async login(input: {
      username: string;
      password: string;
      ip: string;
      userAgent?: string;
    }): Promise<LoginResult> {
      const now = ctx.clock.now();
      const since = now - loginWindowMs;
      const userKey = `user:${input.username}`;
      const ipKey = `ip:${input.ip}`;
      const [byUser, byIp] = await Promise.all([
        repo.countFailures(db, userKey, since),
        repo.countFailures(db, ipKey, since),
      ]);
      // The address limit is looser: many clerks may share one office NAT.
      if (byUser >= loginMaxFailures || byIp >= loginMaxFailures * 10) {
        throw appError('AUTH_RATE_LIMITED', 'Too many failed sign-ins; try again later', {
          retryAfterSeconds: Math.ceil(loginWindowMs / 1000),
        });
      }
      const row = await orgRepository.findUserByUsername(db, input.username);
      // Same work for unknown users, so timing does not tell which usernames exist.
      const ok = await verifyPassword(
        input.password,
        row?.password_hash ?? (await dummyPasswordHash()),
      );
      if (!row || !ok || row.active !== 1) {
        await repo.recordFailure(db, [userKey, ipKey], now);
        throw appError('AUTH_INVALID_CREDENTIALS', 'Wrong username or password');
      }
      await repo.clearFailures(db, userKey);
      const token = randomToken();
      const expiresAt = now + sessionTtlMs;
      await repo.insertSession(db, {
        token_hash: sha256(token),
        user_id: row.id,
        created_at: now,
        expires_at: expiresAt,
        revoked_at: null,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 200) ?? null,
      });
      return { token, expiresAt, user: await org.getUser(null, row.id) };
    },

    /** Revokes the session of a token; false when it was not live. */
    async logout(token: string): Promise<boolean> {
      const hash = sha256(token);
      const revoked = await repo.revokeSession(db, hash, ctx.clock.now());
      // After the write: a look-up that read the session before it must not keep it.
      sessionsGeneration++;
      sessions.delete(hash);
      return revoked > 0;
    },

    /** The actor of a live session token, or null. */
    async resolve(token: string): Promise<Actor | null> {
      const userId = await liveSession(sha256(token), ctx.clock.now());
      return userId ? org.loadActor(userId) : null;
    },

    /** Drops failure records older than the window (run by the background clock). */
    pruneFailures: () => repo.pruneFailures(db, ctx.clock.now() - loginWindowMs),
  };
}
