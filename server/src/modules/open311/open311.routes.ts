import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../../http/error-codes';
import { requireActor } from '../../http/auth-hook';
import { DomainError } from '../../lib/errors';
import type { Services } from '../../services';
import type { OpenedBlob } from '../attachments';
import { OPEN311_XML_ITEMS } from './open311.presenter';
import { createKeyBody, keyIdParams, matterCodeParams, putServiceBody } from './open311.schema';
import type { Params } from './open311.service';
import { renderXml, type XmlValue } from './xml';

type Format = 'xml' | 'json';

const CONTENT_TYPE: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The format a URL asks for: `.json` → JSON, anything else → XML (the mandatory format). */
function formatOfUrl(url: string): Format {
  return /\.json$/i.test(url.split('?')[0] ?? '') ? 'json' : 'xml';
}

/** Sends a GeoReport answer: a JSON value, or XML under `root` with list items named per spec. */
function send(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200) {
  const body =
    format === 'json' ? JSON.stringify(value) : renderXml(root, value, OPEN311_XML_ITEMS);
  return reply.status(status).type(CONTENT_TYPE[format]).send(body);
}

/** A GeoReport error list: 404 unknown resource, 403 bad key, 400 anything else. */
function sendErrors(reply: FastifyReply, format: Format, status: number, description: string) {
  return send(reply, format, 'errors', [{ code: status, description }], status);
}

/** The Open311 status of an error: 403/404/429 as they are, any other 4xx is 400. */
function open311Status(status: number): number {
  if (status === 403 || status === 404 || status === 429) {
    return status;
  }
  return status >= 400 && status < 500 ? 400 : 500;
}

function baseUrlOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

function paramsOf(req: FastifyRequest): Params {
  const query = (req.query ?? {}) as Params;
  const body = req.body && typeof req.body === 'object' ? (req.body as Params) : {};
  return { ...query, ...body };
}

async function sendMedia(req: FastifyRequest, reply: FastifyReply, blob: OpenedBlob) {
  void reply
    .header('etag', blob.etag)
    .header('cache-control', 'public, max-age=86400')
    .header('x-content-type-options', 'nosniff');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === blob.etag)) {
    return reply.status(304).send();
  }
  void reply.type(blob.mime).header('content-disposition', `inline; filename="${blob.filename}"`);
  if (blob.bytes !== null) {
    void reply.header('content-length', blob.bytes);
  }
  return reply.send(await blob.stream());
}

const formatParams = z.object({ format: z.string() });
const tags = ['open311'];

/**
 * Open311 GeoReport v2 at /open311/v2 (each resource with .xml and .json), the public media
 * route, and the admin API for keys and services. The GeoReport routes live in their own
 * scope: form bodies are parsed there only, and errors are GeoReport error lists in the asked
 * format.
 */
export function registerOpen311Routes(app: FastifyInstance, s: Services): void {
  void app.register(
    async (scope) => {
      await scope.register(formbody);
      scope.setErrorHandler((err: FastifyError, req, reply) => {
        const format = formatOfUrl(req.url);
        const code = err instanceof DomainError ? (err as DomainError).code : null;
        if (code !== null && Object.hasOwn(ERROR_STATUS, code)) {
          const status = open311Status(ERROR_STATUS[code as ErrorCode]);
          if (status >= 500) {
            req.log.error({ err }, 'open311 error');
          }
          return sendErrors(reply, format, status, err.message);
        }
        const status = err.statusCode ?? 500;
        if (status >= 400 && status < 500) {
          return sendErrors(reply, format, open311Status(status), err.message);
        }
        req.log.error({ err }, 'open311 unhandled error');
        return sendErrors(reply, format, 500, 'Internal server error');
      });
      // Unknown paths under /open311/v2 answer a GeoReport 404 too (a route, so that a
      // catch-all of the web console elsewhere never takes them).
      scope.route({
        method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        url: '/*',
        config: { auth: 'public' },
        schema: { hide: true },
        handler: (req, reply) =>
          sendErrors(reply, formatOfUrl(req.url), 404, `No resource ${req.url.split('?')[0]}`),
      });
      const r = scope.withTypeProvider<ZodTypeProvider>();

      /** Declares one GET resource in both formats; an unknown format is a 404. */
      const resource = (
        path: string,
        summary: string,
        params: z.ZodObject,
        handle: (req: FastifyRequest, p: Params) => Promise<{ root: string; value: XmlValue }>,
      ) =>
        r.get(`${path}.:format`, {
          config: { auth: 'public' },
          schema: { tags, summary, params: params.extend(formatParams.shape) },
          handler: async (req, reply) => {
            const format = (req.params as { format: string }).format;
            if (format !== 'xml' && format !== 'json') {
              return sendErrors(reply, formatOfUrl(req.url), 404, `Unknown format .${format}`);
            }
            const { root, value } = await handle(req, paramsOf(req));
            return send(reply, format, root, value);
          },
        });

      resource('/discovery', 'Service discovery', z.object({}), async (req, p) => ({
        root: 'discovery',
        value: await s.open311.discovery(p, baseUrlOf(req)),
      }));
      resource(
        '/services',
        'The public services (a subset of the matters)',
        z.object({}),
        async (_req, p) => ({
          root: 'services',
          value: await s.open311.services(p),
        }),
      );
      resource(
        '/services/:service_code',
        'The definition (attributes) of a service',
        z.object({ service_code: z.string() }),
        async (req, p) => ({
          root: 'service_definition',
          value: await s.open311.serviceDefinition(
            (req.params as { service_code: string }).service_code,
            p,
          ),
        }),
      );
      resource(
        '/requests',
        'Service requests: service_request_id, service_code, start_date, end_date, status; extensions page, page_size, updated_after, updated_before, extensions',
        z.object({}),
        async (req, p) => ({
          root: 'service_requests',
          value: await s.open311.listRequests(p, baseUrlOf(req)),
        }),
      );
      resource(
        '/requests/:service_request_id',
        'One service request (a list of one)',
        z.object({ service_request_id: z.string() }),
        async (req, p) => ({
          root: 'service_requests',
          value: await s.open311.getRequest(
            (req.params as { service_request_id: string }).service_request_id,
            p,
            baseUrlOf(req),
          ),
        }),
      );
      resource(
        '/tokens/:token',
        'The request id behind a token',
        z.object({ token: z.string() }),
        async (req, p) => ({
          root: 'service_requests',
          value: await s.open311.token((req.params as { token: string }).token, p),
        }),
      );
      resource(
        '/servicerequestupdates',
        'Status changes of requests (extension): updated_after, updated_before, page, page_size',
        z.object({}),
        async (_req, p) => ({ root: 'service_request_updates', value: await s.open311.updates(p) }),
      );

      r.post('/requests.:format', {
        config: { auth: 'public' },
        schema: {
          tags,
          summary:
            'Create a service request (application/x-www-form-urlencoded; api_key required). lat and long are required: address_string alone is not geocoded',
          params: formatParams,
        },
        handler: async (req, reply) => {
          const format = req.params.format;
          if (format !== 'xml' && format !== 'json') {
            return sendErrors(reply, formatOfUrl(req.url), 404, `Unknown format .${format}`);
          }
          return send(
            reply,
            format,
            'service_requests',
            await s.open311.createRequest(paramsOf(req)),
            201,
          );
        },
      });

      const mediaParams = z.object({ id: z.string().min(1).max(64) });
      r.get('/media/:id', {
        config: { auth: 'public' },
        schema: {
          tags,
          summary: 'A report photo of a public request (media_url)',
          params: mediaParams,
        },
        handler: async (req, reply) => {
          await s.open311.assertPublicMedia(req.params.id);
          return sendMedia(req, reply, await s.attachments.open(req.params.id, 'original'));
        },
      });
      r.get('/media/:id/thumb', {
        config: { auth: 'public' },
        schema: { tags, summary: 'The thumbnail of a public report photo', params: mediaParams },
        handler: async (req, reply) => {
          await s.open311.assertPublicMedia(req.params.id);
          return sendMedia(req, reply, await s.attachments.open(req.params.id, 'thumb'));
        },
      });
    },
    { prefix: '/open311/v2' },
  );

  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { permission: 'open311.admin' } as const;
  const adminTags = ['open311 admin'];

  r.post('/api/v1/admin/open311/keys', {
    config: { auth: admin },
    schema: {
      tags: adminTags,
      summary: 'Issue an API key for a client (shown once)',
      body: createKeyBody,
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.open311.createKey(requireActor(req), req.body)),
  });

  r.get('/api/v1/admin/open311/keys', {
    config: { auth: admin },
    schema: { tags: adminTags, summary: 'API keys (never the key itself)' },
    handler: async () => ({ items: await s.open311.listKeys() }),
  });

  r.delete('/api/v1/admin/open311/keys/:id', {
    config: { auth: admin },
    schema: { tags: adminTags, summary: 'Revoke an API key', params: keyIdParams },
    handler: async (req, reply) => {
      await s.open311.revokeKey(req.params.id);
      return reply.status(204).send();
    },
  });

  r.get('/api/v1/admin/open311/services', {
    config: { auth: admin },
    schema: { tags: adminTags, summary: 'The Open311 services (enabled or not)' },
    handler: async () => ({ items: await s.open311.listServiceConfigs() }),
  });

  r.put('/api/v1/admin/open311/services/:matterCode', {
    config: { auth: admin },
    schema: {
      tags: adminTags,
      summary: 'Offer a matter as an Open311 service, or change its public names and attributes',
      params: matterCodeParams,
      body: putServiceBody,
    },
    handler: (req) => s.open311.putService(req.params.matterCode, req.body),
  });

  r.delete('/api/v1/admin/open311/services/:matterCode', {
    config: { auth: admin },
    schema: {
      tags: adminTags,
      summary: 'Stop offering a matter through Open311',
      params: matterCodeParams,
    },
    handler: async (req, reply) => {
      await s.open311.deleteService(req.params.matterCode);
      return reply.status(204).send();
    },
  });
}
