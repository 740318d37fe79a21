import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook';
import type { Services } from '../../services';
import {
  callbackBody,
  caseIdParams,
  hotlineOrderBody,
  listOrdersQuery,
  rateCasesQuery,
  ratesQuery,
  replyBody,
  reviewBody,
  settingsBody,
} from './hotline.schema';

/** The hotline desk; the hotline system's service account is an intake_clerk too. */
const DESK = ['intake_clerk', 'shift_leader'] as const;
const UNIT = ['unit_staff', 'unit_leader'] as const;
/** Who may read the rates (each within their jurisdiction). */
const RATE_READERS = [
  'intake_clerk',
  'shift_leader',
  'dispatcher',
  'bureau_leader',
  'street_chief',
  'unit_leader',
  'admin',
] as const;

export function registerHotlineRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hotline'];

  r.post('/api/v1/hotline/orders', {
    config: { auth: { roles: DESK } },
    schema: {
      tags,
      summary: 'Take in a 12345 work order as a case; the order number makes retries safe',
      description:
        'The hotline system calls this with a service account of role intake_clerk. 201 when ' +
        'the order is new, 200 with the same case when the order number was seen before.',
      body: hotlineOrderBody,
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const res = await s.hotline.intake(actor, req.body);
      return reply
        .status(res.created ? 201 : 200)
        .header('idempotent-replay', res.created ? 'false' : 'true')
        .send(await s.hotline.get(actor, res.caseId));
    },
  });

  r.get('/api/v1/hotline/orders', {
    config: { auth: 'session' },
    schema: {
      tags,
      summary: 'Hotline orders within your jurisdiction (callers masked)',
      querystring: listOrdersQuery,
    },
    handler: (req) => s.hotline.list(requireActor(req), req.query),
  });

  r.get('/api/v1/hotline/orders/:caseId', {
    config: { auth: 'session' },
    schema: {
      tags,
      summary: 'One hotline order with its case, reply, callback and repeat chain',
      params: caseIdParams,
    },
    handler: (req) => s.hotline.get(requireActor(req), req.params.caseId),
  });

  r.post('/api/v1/hotline/orders/:caseId/reply', {
    config: { auth: { roles: UNIT } },
    schema: {
      tags,
      summary: "The handling unit's reply to the citizen (reviewed by the hotline desk)",
      params: caseIdParams,
      body: replyBody,
    },
    handler: (req) => s.hotline.reply(requireActor(req), req.params.caseId, req.body),
  });

  r.post('/api/v1/hotline/orders/:caseId/reply/review', {
    config: { auth: { roles: DESK } },
    schema: {
      tags,
      summary: "The hotline desk accepts the unit's reply, or sends it back for redo",
      params: caseIdParams,
      body: reviewBody,
    },
    handler: (req) => s.hotline.review(requireActor(req), req.params.caseId, req.body),
  });

  r.post('/api/v1/hotline/orders/:caseId/callback', {
    config: { auth: { roles: DESK } },
    schema: {
      tags,
      summary: 'Record a callback (回访) on a closed order',
      params: caseIdParams,
      body: callbackBody,
    },
    handler: (req) => s.hotline.callback(requireActor(req), req.params.caseId, req.body),
  });

  r.get('/api/v1/hotline/orders/:caseId/callbacks', {
    config: { auth: 'session' },
    schema: { tags, summary: 'Every callback of an order, oldest first', params: caseIdParams },
    handler: async (req) => ({
      items: await s.hotline.callbacks(requireActor(req), req.params.caseId),
    }),
  });

  r.get('/api/v1/hotline/rates', {
    config: { auth: { roles: RATE_READERS } },
    schema: {
      tags,
      summary: 'Response, resolution and satisfaction rates (三率) and more, per unit or street',
      querystring: ratesQuery,
    },
    handler: (req) => s.hotline.rates(requireActor(req), req.query),
  });

  r.get('/api/v1/hotline/rates/cases', {
    config: { auth: { roles: RATE_READERS } },
    schema: {
      tags,
      summary: 'The cases behind one count of a unit or street (drill-down)',
      querystring: rateCasesQuery,
    },
    handler: (req) => s.hotline.rateCases(requireActor(req), req.query),
  });

  r.get('/api/v1/hotline/settings', {
    config: { auth: 'session' },
    schema: { tags, summary: 'Composite weights and repeat-complaint rules of the city' },
    handler: () => s.hotline.settings(),
  });

  r.put('/api/v1/hotline/settings', {
    config: { auth: { roles: ['admin'] } },
    schema: { tags, summary: 'Replace the hotline settings (admin)', body: settingsBody },
    handler: (req) => s.hotline.putSettings(req.body),
  });
}
