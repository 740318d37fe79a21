import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook';
import type { Services } from '../../services';
import { inspectorReportBody } from './inspector.schema';

/** The inspector app: reports with client ids, field tasks, grids. */
export function registerInspectorRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inspector'];
  const inspector = { roles: ['inspector'] } as const;

  r.post('/api/v1/inspector/reports', {
    config: { auth: inspector },
    schema: {
      tags,
      summary:
        'Report a case from the app; a retry with the same clientId returns the same case (200)',
      body: inspectorReportBody,
    },
    handler: async (req, reply) => {
      const res = await s.inspector.report(requireActor(req), req.body);
      return reply
        .status(res.created ? 201 : 200)
        .header('idempotent-replay', res.created ? 'false' : 'true')
        .send(res.view);
    },
  });

  r.get('/api/v1/inspector/tasks', {
    config: { auth: inspector },
    schema: { tags, summary: 'Verify and check tasks in my grids, soonest deadline first' },
    handler: (req) => s.inspector.tasks(requireActor(req)),
  });

  r.get('/api/v1/inspector/grids', {
    config: { auth: inspector },
    schema: { tags, summary: 'My grids with geometry' },
    handler: (req) => s.inspector.grids(requireActor(req)),
  });
}
