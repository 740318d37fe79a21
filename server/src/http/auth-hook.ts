import type { Role } from '@common/roles';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appError } from '../lib/app-error';
import type { Actor } from '../modules/auth/actor';
import { hasPermission, type Permission } from '../modules/auth/policy';

/**
 * How a route is guarded; every route must declare one (checked when routes register):
 * 'public' (no session), 'session' (any signed-in user), or a permission of auth/policy.ts.
 */
export type RouteAuth =
  'public' | 'session' | { permission: Permission } | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'cityloop_session';

export interface SessionResolver {
  /** Returns the actor of a live session token, or null when unknown, revoked or expired. */
  resolve(token: string): Promise<Actor | null>;
}

function tokenOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) {
    return h.slice(7).trim() || null;
  }
  const c = req.cookies?.[SESSION_COOKIE];
  return c ?? null;
}

/** The signed-in actor, or a 401: for handlers of routes guarded by a session. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) {
    throw appError('AUTH_REQUIRED', 'Sign in first');
  }
  return req.actor;
}

/** Installs the session lookup and the per-route guard. */
export function registerAuthHook(app: FastifyInstance, sessions: SessionResolver): void {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    const isHead =
      route.method === 'HEAD' || (Array.isArray(route.method) && route.method.includes('HEAD'));
    if (
      !route.config?.auth &&
      !route.url.startsWith('/api/docs') &&
      !isHead &&
      !route.url.startsWith('/assets') &&
      route.url !== '/*'
    ) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no auth policy`);
    }
  });
  // onRequest: a caller without a session learns nothing about the body rules (401 before 400).
  app.addHook('onRequest', async (req) => {
    const auth = req.routeOptions.config.auth;
    if (!auth || auth === 'public') {
      return;
    }
    const token = tokenOf(req);
    if (!token) {
      throw appError('AUTH_REQUIRED', 'Sign in first');
    }
    const actor = await sessions.resolve(token);
    if (!actor) {
      throw appError(
        'AUTH_SESSION_EXPIRED',
        'The session has expired or was revoked; sign in again',
      );
    }
    req.actor = actor;
    if (auth === 'session') {
      return;
    }
    const ok =
      'permission' in auth
        ? hasPermission(actor, auth.permission)
        : actor.roles.some((r) => auth.roles.includes(r));
    if (!ok) {
      throw appError('AUTH_FORBIDDEN', 'Your role does not allow this');
    }
  });
}
