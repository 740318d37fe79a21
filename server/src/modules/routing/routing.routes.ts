import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services';
import { routingImportBody, routingRuleBody } from './routing.schema';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export function registerRoutingRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['routing'];
  const read = { auth: { permission: 'routing.read' as const } };
  const admin = { auth: { permission: 'routing.admin' as const } };

  r.get('/api/v1/routing/rules', {
    config: read,
    schema: { tags, summary: 'The routing matrix (matter × region/area → handling unit)' },
    handler: () => ({ items: s.routing.list() }),
  });
  r.post('/api/v1/routing/rules', {
    config: admin,
    schema: { tags, summary: 'Add a routing rule', body: routingRuleBody },
    handler: async (req, reply) => reply.status(201).send(await s.routing.create(req.body)),
  });
  r.put('/api/v1/routing/rules/:id', {
    config: admin,
    schema: { tags, summary: 'Replace a routing rule', params: idParams, body: routingRuleBody },
    handler: (req) => s.routing.update(req.params.id, req.body),
  });
  r.delete('/api/v1/routing/rules/:id', {
    config: admin,
    schema: { tags, summary: 'Delete a routing rule', params: idParams },
    handler: async (req, reply) => {
      await s.routing.remove(req.params.id);
      return reply.status(204).send();
    },
  });
  r.get('/api/v1/routing/export', {
    config: admin,
    schema: { tags, summary: 'Export the routing matrix as JSON' },
    handler: () => s.routing.export(),
  });
  r.post('/api/v1/routing/import', {
    config: admin,
    schema: { tags, summary: 'Import a routing matrix (all or nothing)', body: routingImportBody },
    handler: (req) => s.routing.import(req.body),
  });
}
