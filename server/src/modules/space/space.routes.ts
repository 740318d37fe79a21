import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook';
import type { Services } from '../../services';
import {
  exportQuery,
  featureCollectionBody,
  gridCodeParams,
  idParams,
  importQuery,
  listComponentsQuery,
  listGridsQuery,
  listRegionsQuery,
  locateQuery,
} from './space.schema';

const GEOJSON = 'application/geo+json; charset=utf-8';

export function registerSpaceRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['space'];
  const read = { auth: { permission: 'space.read' as const } };
  const admin = { auth: { permission: 'space.admin' as const } };
  // Import files are larger than ordinary JSON bodies.
  const bodyLimit = Math.max(s.ctx.config.uploads.limitBytes, s.ctx.config.http.bodyLimitBytes);

  // GeoJSON files are sent as application/geo+json (RFC 7946) as often as application/json.
  if (!app.hasContentTypeParser('application/geo+json')) {
    app.addContentTypeParser(
      'application/geo+json',
      { parseAs: 'string' },
      app.getDefaultJsonParser('error', 'error'),
    );
  }

  r.get('/api/v1/space/locate', {
    config: read,
    schema: {
      tags,
      summary: 'The unit grid and region chain of a point (WGS84 or GCJ-02)',
      querystring: locateQuery,
    },
    handler: (req) => {
      const { lng, lat, crs } = req.query;
      return s.space.locateOrFail(lng, lat, crs);
    },
  });

  r.get('/api/v1/space/regions', {
    config: read,
    schema: { tags, summary: 'Regions inside your jurisdiction', querystring: listRegionsQuery },
    handler: (req) => ({ items: s.space.listRegions(requireActor(req), req.query) }),
  });

  r.get('/api/v1/space/regions/tree', {
    config: read,
    schema: { tags, summary: 'Regions as a tree (city → district → street → community)' },
    handler: (req) => ({ items: s.space.regionTree(requireActor(req)) }),
  });

  r.get('/api/v1/space/regions/export', {
    config: read,
    schema: { tags, summary: 'Regions as a GeoJSON FeatureCollection', querystring: exportQuery },
    handler: async (req, reply) =>
      reply.type(GEOJSON).send(await s.space.exportRegions(requireActor(req), req.query)),
  });

  r.get('/api/v1/public/outlines', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: "The city's region outlines for the public map (codes, names, levels; GeoJSON)",
    },
    handler: async (_req, reply) =>
      reply
        .type(GEOJSON)
        .header('cache-control', 'public, max-age=300')
        .send(await s.space.publicOutlines()),
  });

  r.get('/api/v1/space/regions/:id', {
    config: read,
    schema: { tags, summary: 'One region with its geometry and children', params: idParams },
    handler: (req) => s.space.getRegion(requireActor(req), req.params.id),
  });

  r.post('/api/v1/space/regions/import', {
    config: admin,
    bodyLimit,
    schema: {
      tags,
      summary: 'Import regions from GeoJSON (all or nothing; upsert by code)',
      querystring: importQuery,
      body: featureCollectionBody,
    },
    handler: (req) => s.space.importRegions(req.body, { dryRun: req.query.dryRun }),
  });

  r.get('/api/v1/space/grids', {
    config: read,
    schema: {
      tags,
      summary: 'Unit grids inside your jurisdiction (no geometry unless withGeometry=true)',
      querystring: listGridsQuery,
    },
    handler: (req) => s.space.listGrids(requireActor(req), req.query),
  });

  r.get('/api/v1/space/grids/export', {
    config: read,
    schema: {
      tags,
      summary: 'Unit grids as a GeoJSON FeatureCollection',
      querystring: exportQuery,
    },
    handler: async (req, reply) =>
      reply.type(GEOJSON).send(await s.space.exportGrids(requireActor(req), req.query)),
  });

  r.get('/api/v1/space/grids/:code', {
    config: read,
    schema: { tags, summary: 'One unit grid with its geometry', params: gridCodeParams },
    handler: (req) => s.space.getGrid(requireActor(req), req.params.code),
  });

  r.post('/api/v1/space/grids/import', {
    config: admin,
    bodyLimit,
    schema: {
      tags,
      summary: 'Import unit grids from GeoJSON (all or nothing; upsert by code)',
      querystring: importQuery,
      body: featureCollectionBody,
    },
    handler: (req) => s.space.importGrids(req.body, { dryRun: req.query.dryRun }),
  });

  r.get('/api/v1/space/components', {
    config: read,
    schema: {
      tags,
      summary: 'Components (管理部件) inside your jurisdiction',
      querystring: listComponentsQuery,
    },
    handler: (req) => s.space.listComponents(requireActor(req), req.query),
  });

  r.get('/api/v1/space/components/export', {
    config: read,
    schema: { tags, summary: 'Components as GeoJSON Points', querystring: exportQuery },
    handler: async (req, reply) =>
      reply.type(GEOJSON).send(await s.space.exportComponents(requireActor(req), req.query)),
  });

  r.post('/api/v1/space/components/import', {
    config: admin,
    bodyLimit,
    schema: {
      tags,
      summary: 'Import components from GeoJSON Points (all or nothing; upsert by code)',
      querystring: importQuery,
      body: featureCollectionBody,
    },
    handler: (req) => s.space.importComponents(req.body, { dryRun: req.query.dryRun }),
  });
}
