import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, SESSION_COOKIE } from '../../http/auth-hook';
import type { Services } from '../../services';

const loginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
  /** true: also set an HttpOnly session cookie (the web console). */
  cookie: z.boolean().optional(),
});

export function registerAuthRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/auth/login', {
    config: { auth: 'public' },
    schema: { tags: ['auth'], summary: 'Sign in; returns a Bearer token', body: loginBody },
    handler: async (req, reply) => {
      const result = await s.auth.login({
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      if (req.body.cookie) {
        void reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: s.ctx.config.auth.cookieSecure,
          path: '/',
          expires: new Date(result.expiresAt),
        });
      }
      return {
        token: result.token,
        expiresAt: new Date(result.expiresAt).toISOString(),
        user: result.user,
      };
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { auth: 'session' },
    schema: { tags: ['auth'], summary: 'Revoke the current session' },
    handler: async (req, reply) => {
      const h = req.headers.authorization;
      const token = h?.startsWith('Bearer ') ? h.slice(7).trim() : req.cookies[SESSION_COOKIE];
      if (token) {
        await s.auth.logout(token);
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  });

  r.get('/api/v1/auth/me', {
    config: { auth: 'session' },
    schema: { tags: ['auth'], summary: 'The signed-in user' },
    handler: async (req) => s.org.getUser(null, requireActor(req).userId),
  });
}
