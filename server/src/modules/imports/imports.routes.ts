import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { requireActor } from '../../http/auth-hook';
import { appError } from '../../lib/app-error';
import type { Services } from '../../services';
import { jobIdParams, startImportQuery, templateQuery } from './imports.schema';
import { IMPORT_MAX_BYTES } from './imports.service';

/** Who may import: the intake desk (the import source is theirs). */
const IMPORTERS = ['intake_clerk', 'shift_leader'] as const;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerImportRoutes(app: FastifyInstance, s: Services): void {
  // Encapsulated: only the upload route parses multipart.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0, parts: 2 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['imports'];

    r.post('/api/v1/imports', {
      config: { auth: { roles: IMPORTERS } },
      schema: {
        tags,
        summary: 'Upload an .xlsx or CSV file of hotline orders or historical cases (202: job)',
        description:
          'multipart/form-data with one file part. The job runs in the background: poll ' +
          'GET /api/v1/imports/{id} for progress, then fetch the per-row result file.',
        consumes: ['multipart/form-data'],
        querystring: startImportQuery,
      },
      handler: async (req, reply) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) {
          throw appError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
        }
        let part;
        try {
          part = await req.file();
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          throw appError('REQUEST_INVALID', `Malformed multipart body: ${message}`);
        }
        if (!part) {
          throw appError('IMPORT_FILE_MISSING', 'The request holds no file part');
        }
        const job = await s.imports.receive(actor, {
          kind: req.query.kind,
          dryRun: req.query.dryRun,
          fileName: part.filename || null,
          stream: part.file,
          truncated: () => part.file.truncated,
        });
        return reply.status(202).header('location', `/api/v1/imports/${job.id}`).send(job);
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];

  r.get('/api/v1/imports', {
    config: { auth: { roles: IMPORTERS } },
    schema: { tags, summary: 'Your recent import jobs (a shift leader sees all)' },
    handler: async (req) => ({ items: await s.imports.list(requireActor(req)) }),
  });

  r.get('/api/v1/imports/template.xlsx', {
    config: { auth: 'session' },
    schema: { tags, summary: 'The import template (.xlsx) of a kind', querystring: templateQuery },
    handler: async (req, reply) => {
      const buf = await s.imports.template(req.query.kind);
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="cityloop-${req.query.kind}-template.xlsx"`,
        )
        .send(buf);
    },
  });

  r.get('/api/v1/imports/:id', {
    config: { auth: { roles: IMPORTERS } },
    schema: { tags, summary: 'Status, progress and counts of an import job', params: jobIdParams },
    handler: (req) => s.imports.get(requireActor(req), req.params.id),
  });

  r.get('/api/v1/imports/:id/results.csv', {
    config: { auth: { roles: IMPORTERS } },
    schema: {
      tags,
      summary:
        'Per-row results: row, status (created/would_create/duplicate/rejected), case, reason',
      params: jobIdParams,
    },
    handler: async (req, reply) => {
      const lines = await s.imports.results(requireActor(req), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${req.params.id}-results.csv"`)
        .send(Readable.from(lines));
    },
  });
}
