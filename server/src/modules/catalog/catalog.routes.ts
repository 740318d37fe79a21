import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook';
import type { Services } from '../../services';
import {
  anyCodeParams,
  areaLimitsBody,
  catalogDocument,
  createComponentBody,
  createConditionBody,
  createMatterBody,
  currentCodeParams,
  idParams,
  importQuery,
  legacyKindQuery,
  listConditionsQuery,
  listEntriesQuery,
  overrideParams,
  putOverrideBody,
  putStageLimitsBody,
  resolveQuery,
  updateComponentBody,
  updateConditionBody,
  updateMatterBody,
} from './catalog.schema';
import type { CatalogKind } from './catalog.types';

/** Largest import document, bytes (the whole configuration of a city is far smaller). */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export function registerCatalogRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];
  const read = { auth: { permission: 'catalog.read' } } as const;
  const admin = { auth: { permission: 'catalog.admin' } } as const;

  const tables: { path: string; kind: CatalogKind; label: string }[] = [
    { path: 'components', kind: 'component', label: 'Component types (部件)' },
    { path: 'matters', kind: 'matter', label: 'Matter types (事项)' },
  ];
  for (const { path, kind, label } of tables) {
    r.get(`/api/v1/catalog/${path}`, {
      config: read,
      schema: {
        tags,
        summary: `${label}: filter by major class, text (code, legacy code, name, pinyin initials), active, standard`,
        querystring: listEntriesQuery,
      },
      handler: async (req) => {
        const items = await s.catalog.listEntries(kind, req.query);
        return { items, total: items.length };
      },
    });

    r.get(`/api/v1/catalog/${path}/:code`, {
      config: read,
      schema: {
        tags,
        summary: `One ${kind} by current or legacy code (01-10 → 06010, with resolvedFrom)`,
        params: anyCodeParams,
        querystring: legacyKindQuery,
      },
      handler: (req) =>
        s.catalog.getEntry(kind, req.params.code, {
          legacyKind: req.query.legacyKind,
          path: 'params.code',
        }),
    });

    r.post(`/api/v1/catalog/${path}`, {
      config: admin,
      schema: {
        tags,
        summary: `Create a local ${kind} extension (minor 090–099, or a local major class)`,
        body: kind === 'matter' ? createMatterBody : createComponentBody,
      },
      handler: async (req, reply) =>
        reply.status(201).send(await s.catalog.createEntry(requireActor(req), kind, req.body)),
    });

    r.patch(`/api/v1/catalog/${path}/:code`, {
      config: admin,
      schema: {
        tags,
        summary: `Change a ${kind} (standard entries: active and nameEn only)`,
        params: currentCodeParams,
        body: kind === 'matter' ? updateMatterBody : updateComponentBody,
      },
      handler: (req) => s.catalog.updateEntry(requireActor(req), kind, req.params.code, req.body),
    });
  }

  r.get('/api/v1/catalog/resolve', {
    config: read,
    schema: {
      tags,
      summary: 'Resolve a current or legacy code to a current catalog code',
      querystring: resolveQuery,
    },
    handler: async (req) => {
      const { code, kind, legacyKind } = req.query;
      const resolved = await s.catalog.resolveCode(code, { kind, legacyKind, path: 'query.code' });
      const { resolvedFrom: _, ...entry } = await s.catalog.getEntry(kind, resolved.code);
      return { ...resolved, entry };
    },
  });

  // --- registration conditions

  r.get('/api/v1/catalog/matters/:code/conditions', {
    config: read,
    schema: {
      tags,
      summary: 'Registration conditions of a matter with their limits per area class',
      params: anyCodeParams,
      querystring: listConditionsQuery,
    },
    handler: (req) => s.catalog.listConditions(req.params.code, req.query),
  });

  r.post('/api/v1/catalog/matters/:code/conditions', {
    config: admin,
    schema: {
      tags,
      summary: 'Add a registration condition with its A/B/C limits',
      params: currentCodeParams,
      body: createConditionBody,
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await s.catalog.createCondition(requireActor(req), req.params.code, req.body)),
  });

  r.get('/api/v1/catalog/conditions.csv', {
    config: read,
    schema: { tags, summary: 'Registration conditions and limits as CSV' },
    handler: async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="catalog-conditions.csv"')
        .send(await s.catalog.conditionsCsv()),
  });

  r.get('/api/v1/catalog/conditions/:id', {
    config: read,
    schema: { tags, summary: 'One registration condition', params: idParams },
    handler: (req) => s.catalog.getCondition(req.params.id),
  });

  r.patch('/api/v1/catalog/conditions/:id', {
    config: admin,
    schema: {
      tags,
      summary: 'Change a registration condition',
      params: idParams,
      body: updateConditionBody,
    },
    handler: (req) => s.catalog.updateCondition(requireActor(req), req.params.id, req.body),
  });

  r.delete('/api/v1/catalog/conditions/:id', {
    config: admin,
    schema: { tags, summary: 'Delete a registration condition', params: idParams },
    handler: async (req, reply) => {
      await s.catalog.deleteCondition(requireActor(req), req.params.id);
      return reply.status(204).send();
    },
  });

  r.put('/api/v1/catalog/conditions/:id/limits', {
    config: admin,
    schema: {
      tags,
      summary: 'Set the handling limits of a condition for area classes A, B and C',
      params: idParams,
      body: areaLimitsBody,
    },
    handler: (req) => s.catalog.setConditionLimits(requireActor(req), req.params.id, req.body),
  });

  // --- stage limits

  r.get('/api/v1/catalog/stage-limits', {
    config: read,
    schema: { tags, summary: 'City-wide limits of verify, register, dispatch, acknowledge, check' },
    handler: async () => ({ items: await s.catalog.listStageLimits() }),
  });

  r.put('/api/v1/catalog/stage-limits', {
    config: admin,
    schema: { tags, summary: 'Set stage limits (the ones given)', body: putStageLimitsBody },
    handler: async (req) => ({
      items: await s.catalog.putStageLimits(requireActor(req), req.body),
    }),
  });

  // --- legacy overrides

  r.get('/api/v1/catalog/legacy-overrides', {
    config: read,
    schema: { tags, summary: 'Explicit legacy → current code mappings' },
    handler: async () => ({ items: await s.catalog.listOverrides() }),
  });

  r.put('/api/v1/catalog/legacy-overrides/:legacyKind/:legacyCode', {
    config: admin,
    schema: {
      tags,
      summary: 'Map a legacy code explicitly (wins over the rule)',
      params: overrideParams,
      body: putOverrideBody,
    },
    handler: (req) =>
      s.catalog.putOverride(
        requireActor(req),
        req.params.legacyKind,
        req.params.legacyCode,
        req.body,
      ),
  });

  r.delete('/api/v1/catalog/legacy-overrides/:legacyKind/:legacyCode', {
    config: admin,
    schema: { tags, summary: 'Remove a legacy override', params: overrideParams },
    handler: async (req, reply) => {
      await s.catalog.deleteOverride(
        requireActor(req),
        req.params.legacyKind,
        req.params.legacyCode,
      );
      return reply.status(204).send();
    },
  });

  // --- import / export

  r.get('/api/v1/catalog/export', {
    config: read,
    schema: {
      tags,
      summary: 'Configuration document: extensions, conditions and limits, stage limits, overrides',
    },
    handler: () => s.catalog.exportDocument(),
  });

  r.post('/api/v1/catalog/import', {
    config: admin,
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Import a configuration document: all or nothing; dryRun=true reports only',
      querystring: importQuery,
      body: catalogDocument,
    },
    handler: (req) =>
      s.catalog.importDocument(requireActor(req), req.body, {
        dryRun: req.query.dryRun ?? false,
      }),
  });
}
