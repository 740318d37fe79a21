import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services';
import {
  calendarDocument,
  calendarQuery,
  deadlineQuery,
  importBody,
  importQuery,
  toWorkingPeriods,
  workingTimeBody,
  yearParams,
  yearScheduleBody,
} from './clock.schema';

export function registerClockRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['clock'];
  const read = { auth: { permission: 'clock.read' as const } };
  const admin = { auth: { permission: 'clock.admin' as const } };

  // CSV import bodies arrive as text; text/plain already is.
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => {
      done(null, body);
    });
  }

  r.get('/api/v1/clock/deadline', {
    config: read,
    schema: {
      tags,
      summary: 'Preview the deadline of a time limit on the working calendar',
      querystring: deadlineQuery,
    },
    handler: (req) => s.clock.preview(req.query.start, Number(req.query.amount), req.query.unit),
  });

  r.get('/api/v1/clock/calendar', {
    config: read,
    schema: {
      tags,
      summary: "One year's holidays and make-up workdays, the working periods and time zone",
      querystring: calendarQuery,
    },
    handler: (req) => s.clock.year(req.query.year),
  });

  r.get('/api/v1/clock/calendar/years', {
    config: read,
    schema: { tags, summary: 'Entered years with counts, and missing-year warnings' },
    handler: () => s.clock.years(s.ctx.clock.now()),
  });

  r.put('/api/v1/clock/calendar/years/:year', {
    config: admin,
    schema: {
      tags,
      summary: "Replace a year's special days (all at once)",
      params: yearParams,
      body: yearScheduleBody,
    },
    handler: (req) => s.clock.putYear(req.params.year, req.body),
  });

  r.delete('/api/v1/clock/calendar/years/:year', {
    config: admin,
    schema: { tags, summary: "Delete a year's special days", params: yearParams },
    handler: async (req, reply) => {
      await s.clock.deleteYear(req.params.year);
      return reply.status(204).send();
    },
  });

  r.put('/api/v1/clock/calendar/periods', {
    config: admin,
    schema: {
      tags,
      summary: 'Set the working periods of a working day (and the time zone)',
      body: workingTimeBody,
    },
    handler: (req) => s.clock.setPeriods(toWorkingPeriods(req.body.periods), req.body.timeZone),
  });

  r.get('/api/v1/clock/calendar/export', {
    config: read,
    schema: {
      tags,
      summary: 'Export one year (or every year) as a calendar document',
      querystring: calendarQuery,
    },
    handler: (req) => s.clock.exportDocument(req.query.year),
  });

  r.post('/api/v1/clock/calendar/import', {
    config: admin,
    schema: {
      tags,
      summary:
        'Import a calendar document (JSON) or one year as CSV date,kind,name lines (text/csv); all or nothing',
      querystring: importQuery,
      body: importBody,
    },
    handler: (req) => {
      const body = req.body;
      return typeof body === 'string'
        ? s.clock.importCsv(body, {
            year: req.query.year,
            official: req.query.official === undefined ? undefined : req.query.official === 'true',
          })
        : s.clock.importDocument(calendarDocument.parse(body));
    },
  });
}
