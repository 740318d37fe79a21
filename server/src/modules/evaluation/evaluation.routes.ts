import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook';
import type { Services } from '../../services';
import {
  drillQuery,
  hotspotsQuery,
  indicatorsQuery,
  publicBoardQuery,
  rankingsQuery,
  ratio721Query,
  rollupRangeBody,
  rollupRangeQuery,
  trendsQuery,
} from './evaluation.schema';
import { settingsSchema } from './evaluation.settings';

const READ = { permission: 'evaluation.read' } as const;
const ADMIN = { permission: 'evaluation.admin' } as const;

export function registerEvaluationRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];

  r.get('/api/v1/evaluation/indicators', {
    config: { auth: READ },
    schema: {
      tags,
      summary: 'Indicators per subject: counts, rates, scores, composite, grade',
      querystring: indicatorsQuery,
    },
    handler: (req) => s.evaluation.indicators(requireActor(req), req.query),
  });

  r.get('/api/v1/evaluation/rankings', {
    config: { auth: READ },
    schema: {
      tags,
      summary: 'Ranking by composite with the red and yellow lists (红黄榜)',
      querystring: rankingsQuery,
    },
    handler: (req) => s.evaluation.rankings(requireActor(req), req.query),
  });

  r.get('/api/v1/evaluation/drill', {
    config: { auth: READ },
    schema: {
      tags,
      summary: 'The cases behind one figure, from the event log',
      querystring: drillQuery,
    },
    handler: (req) => s.evaluation.drill(requireActor(req), req.query),
  });

  r.get('/api/v1/evaluation/hotspots', {
    config: { auth: READ },
    schema: {
      tags,
      summary: 'H3 hotspots, top grids and repeat locations (马路办公)',
      querystring: hotspotsQuery,
    },
    handler: (req) => s.evaluation.hotspots(requireActor(req), req.query),
  });

  r.get('/api/v1/evaluation/trends', {
    config: { auth: READ },
    schema: {
      tags,
      summary: 'A figure over consecutive periods with period-over-period change',
      querystring: trendsQuery,
    },
    handler: (req) => s.evaluation.trends(requireActor(req), req.query),
  });

  r.get('/api/v1/evaluation/ratio721', {
    config: { auth: READ },
    schema: {
      tags,
      summary: '721 ratio: disposals by mode per unit or area',
      querystring: ratio721Query,
    },
    handler: (req) => s.evaluation.ratio721(requireActor(req), req.query),
  });

  r.get('/api/v1/evaluation/settings', {
    config: { auth: READ },
    schema: { tags, summary: 'Weights, bands, grades, ranking rules and public board settings' },
    handler: () => s.evaluation.settings(),
  });

  r.put('/api/v1/evaluation/settings', {
    config: { auth: ADMIN },
    schema: { tags, summary: 'Replace the evaluation settings', body: settingsSchema },
    handler: (req) => s.evaluation.putSettings(requireActor(req), req.body),
  });

  r.post('/api/v1/evaluation/rollups/recompute', {
    config: { auth: ADMIN },
    schema: {
      tags,
      summary: 'Rebuild the rollups of local days [from, to] from the event log',
      body: rollupRangeBody,
    },
    handler: (req) => s.evaluation.recomputeRollups(req.body.from, req.body.to),
  });

  r.get('/api/v1/evaluation/rollups/check', {
    config: { auth: ADMIN },
    schema: {
      tags,
      summary: 'Rollup cells that differ from a recomputation (empty: exact)',
      querystring: rollupRangeQuery,
    },
    handler: async (req) => ({
      mismatches: await s.evaluation.checkRollups(req.query.from, req.query.to),
    }),
  });

  r.get('/api/v1/public/board', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'The public performance board (what the city publishes)',
      querystring: publicBoardQuery,
    },
    handler: (req) => s.evaluation.publicBoard(req.query),
  });
}
