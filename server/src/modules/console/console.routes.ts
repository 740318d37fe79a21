import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook';
import type { Services } from '../../services';
import { VERSION } from '../../version';
import { createConsoleService } from './console.service';
import { exportCasesQuery } from './console.schema';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The web console's own endpoints: its public settings and the case export. */
export function registerConsoleRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const consoleService = createConsoleService(s);

  r.get('/api/v1/console/config', {
    config: { auth: 'public' },
    schema: {
      tags: ['console'],
      summary: 'Public settings of the web console (map tile URL, time zone, version)',
    },
    handler: () => ({ ...consoleService.config(), version: VERSION }),
  });

  r.get('/api/v1/cases/export.xlsx', {
    config: { auth: 'session' },
    schema: {
      tags: ['cases'],
      summary: 'The cases of a search (same filters as GET /cases) as an Excel workbook',
      querystring: exportCasesQuery,
    },
    handler: async (req, reply) => {
      const res = await consoleService.exportCases(requireActor(req), req.query);
      const stamp = new Date(s.ctx.clock.now()).toISOString().slice(0, 10).replaceAll('-', '');
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="cases-${stamp}.xlsx"`)
        .header('x-export-rows', String(res.rows))
        .header('x-export-truncated', String(res.truncated))
        .send(res.file);
    },
  });
}
