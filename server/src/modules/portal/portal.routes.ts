import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import {
  publicReportBody,
  putPortalSettingsBody,
  ratingBody,
  trackingParams,
} from './portal.schema';

/** The public reporting API (no account) and its settings. */
export function registerPortalRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];

  r.get('/api/v1/public/categories', {
    config: { auth: 'public' },
    schema: { tags, summary: 'Categories a resident may choose (the public Open311 services)' },
    handler: async () => ({ items: await s.portal.categories() }),
  });

  r.post('/api/v1/public/reports', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary:
        'Report a problem without an account; photos from POST /api/v1/public/attachments. Answers a tracking number',
      body: publicReportBody,
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.portal.report(req.body, { ip: req.ip })),
  });

  r.get('/api/v1/public/reports/:trackingNumber', {
    config: { auth: 'public' },
    schema: { tags, summary: 'The public status and history of a report', params: trackingParams },
    handler: (req) => s.portal.track(req.params.trackingNumber),
  });

  r.post('/api/v1/public/reports/:trackingNumber/rating', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'Rate a closed report once: satisfied, basically_satisfied or unsatisfied',
      params: trackingParams,
      body: ratingBody,
    },
    handler: (req) => s.portal.rate(req.params.trackingNumber, req.body),
  });

  r.get('/api/v1/admin/portal/settings', {
    config: { auth: { permission: 'open311.admin' } },
    schema: {
      tags: ['open311 admin'],
      summary: 'Rate limits and spam guards of the public channels',
    },
    handler: () => s.portal.settings(),
  });

  r.put('/api/v1/admin/portal/settings', {
    config: { auth: { permission: 'open311.admin' } },
    schema: {
      tags: ['open311 admin'],
      summary: 'Change rate limits and spam guards (absent fields keep their value)',
      body: putPortalSettingsBody,
    },
    handler: (req) => s.portal.updateSettings(req.body),
  });
}
