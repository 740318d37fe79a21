import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook';
import type { Services } from '../../services';
import type { ReportFile } from './reports.service';
import { monthlyReportQuery } from './reports.schema';

const READ = { permission: 'evaluation.read' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';

/** Sends a report file as a download with an ASCII and a UTF-8 (RFC 6266) file name. */
function sendFile(reply: FastifyReply, type: string, f: ReportFile) {
  return reply
    .type(type)
    .header(
      'content-disposition',
      `attachment; filename="${f.filename}"; filename*=UTF-8''${encodeURIComponent(f.displayName)}`,
    )
    .header('cache-control', 'no-store')
    .send(f.file);
}

export function registerReportsRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  r.get('/api/v1/reports/monthly', {
    config: { auth: READ },
    schema: {
      tags,
      summary: 'The monthly evaluation report of your jurisdiction as data (what the files show)',
      querystring: monthlyReportQuery,
    },
    handler: (req) => s.reports.monthly(requireActor(req), req.query),
  });

  r.get('/api/v1/reports/monthly.xlsx', {
    config: { auth: READ },
    schema: {
      tags,
      summary: 'The monthly evaluation report (月度综合评价报告) as an Excel workbook',
      querystring: monthlyReportQuery,
    },
    handler: async (req, reply) =>
      sendFile(reply, XLSX, await s.reports.monthlyXlsx(requireActor(req), req.query)),
  });

  r.get('/api/v1/reports/monthly.pdf', {
    config: { auth: READ },
    schema: {
      tags,
      summary: 'The monthly evaluation report as a PDF (Chinese font embedded; 503 without one)',
      querystring: monthlyReportQuery,
    },
    handler: async (req, reply) =>
      sendFile(reply, PDF, await s.reports.monthlyPdf(requireActor(req), req.query)),
  });
}
