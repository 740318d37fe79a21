import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook';
import type { Services } from '../../services';
import { inScope } from '../auth/policy';
import { actionBody, caseIdParams, createCaseBody, listCasesQuery } from './cases.schema';

const INTAKE_ROLES = ['inspector', 'intake_clerk', 'shift_leader'] as const;
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(100).optional() });

export function registerCasesRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  r.post('/api/v1/cases', {
    config: { auth: { roles: INTAKE_ROLES } },
    schema: {
      tags,
      summary: 'Report a case (intake); Idempotency-Key makes retries safe',
      body: createCaseBody,
      headers: idempotencyHeaders,
    },
    handler: async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const res = await s.cases.intake(requireActor(req), req.body, {
        idempotencyKey: key ? `api:${key}` : undefined,
      });
      return reply
        .status(res.created ? 201 : 200)
        .header('idempotent-replay', res.created ? 'false' : 'true')
        .send(res.view);
    },
  });

  r.get('/api/v1/cases', {
    config: { auth: 'session' },
    schema: {
      tags,
      summary: 'Cases within your jurisdiction, filtered, sorted and paginated',
      querystring: listCasesQuery,
    },
    handler: (req) => s.cases.list(requireActor(req), req.query),
  });

  r.get('/api/v1/cases/:id', {
    config: { auth: 'session' },
    schema: { tags, summary: 'One case, with the actions you may take now', params: caseIdParams },
    handler: (req) => s.cases.get(requireActor(req), req.params.id),
  });

  r.get('/api/v1/cases/:id/events', {
    config: { auth: 'session' },
    schema: {
      tags,
      summary:
        'The event history of a case, and the stages it went through with the time each used',
      params: caseIdParams,
    },
    handler: (req) => s.cases.history(requireActor(req), req.params.id),
  });

  r.post('/api/v1/cases/:id/actions', {
    config: { auth: 'session' },
    schema: {
      tags,
      summary: 'Run a workflow action; 409 on a stale version, 422 when not allowed now',
      params: caseIdParams,
      body: actionBody,
    },
    handler: (req) => s.cases.act(requireActor(req), req.params.id, req.body),
  });

  r.get('/api/v1/events/stream', {
    config: { auth: 'session' },
    schema: { tags, summary: 'Server-Sent Events: case events within your jurisdiction' },
    handler: (req, reply) => {
      const actor = requireActor(req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 3000\n: connected ${new Date(s.ctx.clock.now()).toISOString()}\n\n`);
      const unsubscribe = s.live.subscribe((e) => {
        if (
          !inScope(actor, {
            cityId: e.cityId,
            districtId: e.districtId,
            streetId: e.streetId,
            unitId: e.unitId,
          })
        ) {
          return;
        }
        res.write(
          `id: ${e.caseId}:${e.seq ?? `${e.action}@${e.at}`}\nevent: case\ndata: ${JSON.stringify({ ...e, at: new Date(e.at).toISOString() })}\n\n`,
        );
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  });
}
