import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser, seedTinyCity } from '../../../test/factories';
import { seedCalendar } from './clock.seed';

/** A 2027 schedule for the tests (the real one is published in late 2026). */
const SCHEDULE_2027 = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d) => ({
    date: `2027-02-${d}`,
    kind: 'holiday',
    name: '春节',
  })),
  { date: '2027-02-20', kind: 'workday', name: '春节' },
];
const CSV_2027 = [
  'date,kind,name',
  ...SCHEDULE_2027.map((d) => `${d.date},${d.kind},${d.name}`),
].join('\n');

const paths = (res: { json(): { error: { details: { path: string }[] } } }): string[] =>
  res
    .json()
    .error.details.map((d) => d.path)
    .sort();

describe('clock API', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedTinyCity(t);
    await buildUser(t, { username: 'admin1', roles: ['admin'] });
    await buildUser(t, { username: 'clerk', roles: ['intake_clerk'] });
    admin = await login(t, 'admin1');
    clerk = await login(t, 'clerk');
  });
  afterAll(() => t.close());

  const deadline = (query: string, token = clerk) =>
    t.req({ method: 'GET', url: `/api/v1/clock/deadline?${query}`, token });

  describe('GET /api/v1/clock/deadline', () => {
    const ok = 'start=2026-02-13T16:00:00%2B08:00&amount=4&unit=working_hour';

    it('needs a session (401)', async () => {
      const res = await deadline(ok, '');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    });

    it.each([
      ['start=2026-02-30T10:00:00Z&amount=1&unit=hour', ['query.start']],
      ['start=yesterday&amount=1&unit=hour', ['query.start']],
      ['start=2026-02-13T16:00:00Z&amount=1.5&unit=hour', ['query.amount']],
      ['start=2026-02-13T16:00:00Z&amount=-1&unit=hour', ['query.amount']],
      ['start=2026-02-13T16:00:00Z&amount=&unit=hour', ['query.amount']],
      ['start=2026-02-13T16:00:00Z&amount=100001&unit=hour', ['query.amount']],
      ['start=2026-02-13T16:00:00Z&amount=1&unit=fortnight', ['query.unit']],
      ['amount=x&unit=fortnight', ['query.amount', 'query.start', 'query.unit']],
      ['start=2026-02-13T16:00:00Z&amount=1&unit=hour&zone=UTC', ['query.zone']],
    ])('names each invalid field: %s', async (query, expected) => {
      const res = await deadline(query);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(paths(res)).toEqual(expected);
    });

    it('runs over the Spring Festival make-up Saturday (2026-02-14)', async () => {
      // Fri 02-13 16:00–17:30 is 1.5 h; Sat 02-14 is a make-up workday: 08:30 + 2.5 h = 11:00.
      const res = await deadline(ok);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        start: '2026-02-13T16:00:00+08:00',
        amount: 4,
        unit: 'working_hour',
        deadline: '2026-02-14T11:00:00+08:00',
        workingMs: 4 * 3_600_000,
        warnings: [],
      });
    });

    it('skips the whole Spring Festival holiday (02-15 … 02-23)', async () => {
      // Sat 02-14 16:00–17:30 is 1.5 h; then Tue 02-24 08:30 + 2.5 h.
      const res = await deadline('start=2026-02-14T16:00:00%2B08:00&amount=4&unit=working_hour');
      expect(res.json().deadline).toBe('2026-02-24T11:00:00+08:00');
      const days = await deadline('start=2026-02-13T10:00:00Z&amount=2&unit=working_day');
      // 10:00Z is 18:00 local, after close: the close of the 2nd working day from Sat 02-14.
      expect(days.json()).toMatchObject({
        start: '2026-02-13T18:00:00+08:00',
        deadline: '2026-02-24T17:30:00+08:00',
        workingMs: 15 * 3_600_000,
      });
    });

    it('reads a start without an offset in the city zone and ignores the calendar for clock units', async () => {
      const res = await deadline('start=2026-02-15T10:00&amount=90&unit=minute');
      expect(res.json()).toEqual({
        start: '2026-02-15T10:00:00+08:00',
        amount: 90,
        unit: 'minute',
        deadline: '2026-02-15T11:30:00+08:00',
        warnings: [],
      });
    });

    it('warns when the deadline runs into a year without an official schedule', async () => {
      const res = await deadline('start=2026-12-31T16:00:00%2B08:00&amount=3&unit=working_day');
      expect(res.statusCode).toBe(200);
      expect(res.json().warnings).toEqual([
        expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING', year: 2027 }),
      ]);
    });
  });

  describe('GET /api/v1/clock/calendar and /years', () => {
    it('needs a session (401)', async () => {
      for (const url of ['/api/v1/clock/calendar', '/api/v1/clock/calendar/years']) {
        expect((await t.req({ method: 'GET', url })).statusCode).toBe(401);
      }
    });

    it('names an invalid year (400)', async () => {
      const res = await t.req({
        method: 'GET',
        url: '/api/v1/clock/calendar?year=20x6',
        token: clerk,
      });
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toEqual(['query.year']);
    });

    it('shows the seeded 2026 schedule, periods and zone', async () => {
      const res = await t.req({
        method: 'GET',
        url: '/api/v1/clock/calendar?year=2026',
        token: clerk,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        year: 2026,
        entered: true,
        official: true,
        timeZone: 'Asia/Shanghai',
        periods: [
          { start: '08:30', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
      });
      expect(body.days).toHaveLength(39);
      expect(body.days).toContainEqual({
        date: '2026-02-14',
        kind: 'workday',
        name: '春节',
        source: 'official-2026',
      });
      // Without ?year: the current year (2026 on the test clock).
      const current = await t.req({ method: 'GET', url: '/api/v1/clock/calendar', token: clerk });
      expect(current.json().year).toBe(2026);
    });

    it('lists the years with counts and warns that 2027 is missing', async () => {
      const res = await t.req({ method: 'GET', url: '/api/v1/clock/calendar/years', token: clerk });
      expect(res.statusCode).toBe(200);
      expect(res.json().years).toEqual([
        expect.objectContaining({ year: 2025, official: true, holidays: 28, workdays: 5 }),
        expect.objectContaining({ year: 2026, official: true, holidays: 33, workdays: 6 }),
      ]);
      expect(res.json().warnings).toEqual([
        expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING', year: 2027 }),
      ]);
    });
  });

  describe('PUT/DELETE /api/v1/clock/calendar/years/{year}', () => {
    const put = (year: string, payload: object, token = admin) =>
      t.req({ method: 'PUT', url: `/api/v1/clock/calendar/years/${year}`, payload, token });
    const valid = {
      official: false,
      days: [{ date: '2030-01-01', kind: 'holiday', name: '元旦' }],
    };

    it('needs a session (401)', async () => {
      expect((await put('2030', valid, '')).statusCode).toBe(401);
      const del = await t.req({ method: 'DELETE', url: '/api/v1/clock/calendar/years/2030' });
      expect(del.statusCode).toBe(401);
    });

    it.each([
      ['1969', valid, ['params.year']],
      ['2030', { ...valid, official: 'yes' }, ['body.official']],
      ['2030', { official: true }, ['body.days']],
      ['2030', { ...valid, extra: 1 }, ['body.extra']],
      [
        '2030',
        { official: true, days: [{ date: '2030-1-1', kind: 'off', name: '' }] },
        ['body.days.0.date', 'body.days.0.kind', 'body.days.0.name'],
      ],
    ])('names each invalid field (PUT %s)', async (year, payload, expected) => {
      const res = await put(year, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(paths(res)).toEqual(expected);
    });

    it('rejects a schedule that does not hold together, naming every day (400)', async () => {
      const res = await put('2030', {
        official: true,
        days: [
          { date: '2030-01-01', kind: 'holiday', name: '元旦' },
          { date: '2031-01-01', kind: 'holiday', name: '元旦' }, // another year
          { date: '2030-01-01', kind: 'holiday', name: '元旦' }, // twice
          { date: '2030-02-30', kind: 'holiday', name: '春节' }, // no such date
          { date: '2030-02-06', kind: 'workday', name: '春节' }, // a Wednesday
          { date: '2030-02-09', kind: 'workday', name: '春节' }, // Saturday: fine
          { date: '2030-02-10', kind: 'holiday', name: '春节' }, // Sunday holiday: fine
        ],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('CLOCK_SCHEDULE_INVALID');
      expect(paths(res)).toEqual([
        'body.days.1.date',
        'body.days.2.date',
        'body.days.3.date',
        'body.days.4.kind',
      ]);
      const after = await t.req({
        method: 'GET',
        url: '/api/v1/clock/calendar?year=2030',
        token: clerk,
      });
      expect(after.json()).toMatchObject({ entered: false, days: [] });
    });

    it('is for admins only (403)', async () => {
      expect((await put('2030', valid, clerk)).statusCode).toBe(403);
      const del = await t.req({
        method: 'DELETE',
        url: '/api/v1/clock/calendar/years/2030',
        token: clerk,
      });
      expect(del.statusCode).toBe(403);
      expect(del.json().error.code).toBe('AUTH_FORBIDDEN');
    });

    it('replaces a year, rebuilds the calendar as a new object, and deletes it (200, 204, 404)', async () => {
      const before = t.services.clock.calendar();
      const res = await put('2030', valid);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        year: 2030,
        entered: true,
        official: false,
        days: [{ date: '2030-01-01', kind: 'holiday', name: '元旦', source: 'admin' }],
      });
      const after = t.services.clock.calendar();
      expect(after).not.toBe(before);
      expect(Object.isFrozen(after)).toBe(true);
      expect(t.services.clock.calendar()).toBe(after);

      const replaced = await put('2030', {
        official: true,
        note: 'test',
        days: [{ date: '2030-10-01', kind: 'holiday', name: '国庆节' }],
      });
      expect(replaced.json().days.map((d: { date: string }) => d.date)).toEqual(['2030-10-01']);

      const del = await t.req({
        method: 'DELETE',
        url: '/api/v1/clock/calendar/years/2030',
        token: admin,
      });
      expect(del.statusCode).toBe(204);
      const again = await t.req({
        method: 'DELETE',
        url: '/api/v1/clock/calendar/years/2030',
        token: admin,
      });
      expect(again.statusCode).toBe(404);
      expect(again.json().error.code).toBe('CLOCK_YEAR_NOT_FOUND');
    });
  });

  describe('import and export', () => {
    const importJson = (payload: object, token = admin) =>
      t.req({ method: 'POST', url: '/api/v1/clock/calendar/import', payload, token });
    const importCsv = (csv: string, query = '', token = admin) =>
      t.req({
        method: 'POST',
        url: `/api/v1/clock/calendar/import${query}`,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
        payload: csv,
        token,
      });
    const doc2027 = {
      format: 'cityloop.calendar/v1',
      years: [{ year: 2027, official: true, note: null, days: SCHEDULE_2027 }],
    };

    it('needs a session (401) and an admin (403)', async () => {
      expect((await importJson(doc2027, '')).statusCode).toBe(401);
      expect((await importCsv(CSV_2027, '', '')).statusCode).toBe(401);
      expect((await importJson(doc2027, clerk)).statusCode).toBe(403);
      expect((await importCsv(CSV_2027, '', clerk)).statusCode).toBe(403);
      const exp = await t.req({ method: 'GET', url: '/api/v1/clock/calendar/export' });
      expect(exp.statusCode).toBe(401);
    });

    it('names each invalid field of a document (400)', async () => {
      const res = await importJson({
        format: 'cityloop.calendar/v0',
        years: [
          { year: 2027, official: 'yes', days: [{ date: '2027-01-01', kind: 'x', name: 'a' }] },
        ],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(paths(res)).toEqual([
        'body.format',
        'body.years.0.days.0.kind',
        'body.years.0.official',
      ]);
      const q = await importCsv(CSV_2027, '?official=maybe&year=27');
      expect(paths(q)).toEqual(['query.official', 'query.year']);
    });

    it('writes nothing when any part of a document is bad, and lists every problem', async () => {
      const res = await importJson({
        format: 'cityloop.calendar/v1',
        years: [
          doc2027.years[0],
          {
            year: 2028,
            official: true,
            days: [
              { date: '2028-01-03', kind: 'workday', name: '元旦' }, // Monday
              { date: '2027-12-31', kind: 'holiday', name: '元旦' }, // wrong year
            ],
          },
          { year: 2027, official: false, days: [] },
        ],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('CLOCK_IMPORT_INVALID');
      expect(paths(res)).toEqual([
        'body.years.1.days.0.kind',
        'body.years.1.days.1.date',
        'body.years.2.year',
      ]);
      const years = await t.req({
        method: 'GET',
        url: '/api/v1/clock/calendar/years',
        token: clerk,
      });
      expect(years.json().years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    });

    it('writes nothing from a CSV with bad lines, and lists every bad line', async () => {
      const csv = [
        'date,kind,name',
        '2027-01-01,holiday,元旦',
        '2027-02-03,workday,春节', // Wednesday
        '2027-02-30,holiday,春节', // no such date
        '2027-03-01,holiday', // missing name
        '2027-01-01,holiday,元旦', // twice
        '2027-04-05,vacation,清明节', // unknown kind
        '2028-01-01,holiday,元旦', // another year
      ].join('\n');
      const res = await importCsv(csv);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('CLOCK_IMPORT_INVALID');
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
        'body.line.3.kind',
        'body.line.4.date',
        'body.line.5',
        'body.line.6.date',
        'body.line.7.kind',
        'body.line.8.date',
      ]);
      const empty = await importCsv('date,kind,name\n');
      expect(empty.statusCode).toBe(400);
      expect(paths(empty)).toEqual(['body']);
      const years = await t.req({
        method: 'GET',
        url: '/api/v1/clock/calendar/years',
        token: clerk,
      });
      expect(years.json().years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    });

    it('imports 2027 from CSV: the warning goes and deadlines over 2027 holidays use it', async () => {
      const start = 'start=2027-02-05T16:00:00%2B08:00&amount=4&unit=working_hour';
      // Before: only weekends are off in 2027, so Mon 02-08 08:30 + 2.5 h.
      const before = await deadline(start);
      expect(before.json().deadline).toBe('2027-02-08T11:00:00+08:00');
      expect(before.json().warnings).toEqual([expect.objectContaining({ year: 2027 })]);

      const res = await importCsv(CSV_2027);
      expect(res.statusCode).toBe(200);
      expect(res.json().years).toEqual([
        expect.objectContaining({ year: 2027, official: true, holidays: 10, workdays: 1 }),
      ]);

      // After: 02-06 … 02-14 are off, so Mon 02-15 08:30 + 2.5 h; Sat 02-20 is a make-up day.
      const after = await deadline(start);
      expect(after.json()).toMatchObject({ deadline: '2027-02-15T11:00:00+08:00', warnings: [] });
      const makeUp = await deadline('start=2027-02-19T16:00:00%2B08:00&amount=4&unit=working_hour');
      expect(makeUp.json().deadline).toBe('2027-02-20T11:00:00+08:00');

      const years = await t.req({
        method: 'GET',
        url: '/api/v1/clock/calendar/years',
        token: clerk,
      });
      expect(years.json().warnings).toEqual([]);
      expect(t.services.clock.warnings(t.clock.now())).toEqual([]);
    });

    it('exports a year as a document that imports again unchanged', async () => {
      const exp = await t.req({
        method: 'GET',
        url: '/api/v1/clock/calendar/export?year=2027',
        token: clerk,
      });
      expect(exp.statusCode).toBe(200);
      expect(exp.json()).toEqual({
        format: 'cityloop.calendar/v1',
        years: [{ year: 2027, official: true, note: null, days: SCHEDULE_2027 }],
      });
      const all = await t.req({
        method: 'GET',
        url: '/api/v1/clock/calendar/export',
        token: clerk,
      });
      expect(all.json().years.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027]);

      const res = await importJson(exp.json());
      expect(res.statusCode).toBe(200);
      const again = await t.req({
        method: 'GET',
        url: '/api/v1/clock/calendar?year=2027',
        token: clerk,
      });
      expect(again.json().days).toHaveLength(SCHEDULE_2027.length);
      expect(again.json().days[0]).toMatchObject({ source: 'import' });
    });

    it('imports CSV sent as text/plain, unofficial when asked', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/clock/calendar/import?official=false',
        headers: { 'content-type': 'text/plain' },
        payload: '2029-01-01,holiday,元旦\n',
        token: admin,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().years).toEqual([expect.objectContaining({ year: 2029, official: false })]);
    });
  });

  describe('PUT /api/v1/clock/calendar/periods', () => {
    const put = (payload: object, token = admin) =>
      t.req({ method: 'PUT', url: '/api/v1/clock/calendar/periods', payload, token });
    const periods = [
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ];

    it('needs a session (401) and an admin (403)', async () => {
      expect((await put({ periods }, '')).statusCode).toBe(401);
      expect((await put({ periods }, clerk)).statusCode).toBe(403);
    });

    it.each([
      [{ periods: [] }, ['body.periods']],
      [{ periods: [{ start: '9:00', end: '12:00' }] }, ['body.periods.0.start']],
      [{ periods: [{ start: '09:00', end: '24:30' }] }, ['body.periods.0.end']],
      [{ periods, timeZone: 5 }, ['body.timeZone']],
    ])('names each invalid field', async (payload, expected) => {
      const res = await put(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(paths(res)).toEqual(expected);
    });

    it('rejects periods that overlap, run backwards, or an unknown zone', async () => {
      const res = await put({
        periods: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '10:00' },
        ],
        timeZone: 'Mars/Olympus',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('CLOCK_WORKING_TIME_INVALID');
      expect(paths(res)).toEqual(['body.periods.1', 'body.periods.1', 'body.timeZone']);
    });

    it('changes the periods, and the preview follows', async () => {
      const q = 'start=2026-03-03T11:30:00%2B08:00&amount=1&unit=working_hour';
      expect((await deadline(q)).json().deadline).toBe('2026-03-03T14:00:00+08:00');
      const res = await put({ periods });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ timeZone: 'Asia/Shanghai', periods });
      // 11:30–12:00 is 0.5 h; the afternoon now opens at 14:00.
      expect((await deadline(q)).json().deadline).toBe('2026-03-03T14:30:00+08:00');

      const utc = await put({ periods, timeZone: 'UTC' });
      expect(utc.json().timeZone).toBe('UTC');
      const inUtc = await deadline(q);
      // 11:30+08:00 is 03:30 UTC: before opening, so 09:00 + 1 h UTC, shown in UTC.
      expect(inUtc.json()).toMatchObject({
        start: '2026-03-03T03:30:00+00:00',
        deadline: '2026-03-03T10:00:00+00:00',
      });
      await put({
        periods: [
          { start: '08:30', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
        timeZone: 'Asia/Shanghai',
      });
    });
  });

  describe('seedCalendar', () => {
    it('is idempotent and never restores a year an admin deleted', async () => {
      const del = await t.req({
        method: 'DELETE',
        url: '/api/v1/clock/calendar/years/2025',
        token: admin,
      });
      expect(del.statusCode).toBe(204);
      const result = await seedCalendar(t.store.db, { timeZone: 'UTC', nowMs: t.clock.now() });
      expect(result).toEqual({ years: [], workingTime: false });
      await t.services.seeds.referenceData();
      await t.services.clock.reload();
      const years = await t.req({
        method: 'GET',
        url: '/api/v1/clock/calendar/years',
        token: clerk,
      });
      expect(years.json().years.map((y: { year: number }) => y.year)).not.toContain(2025);
      expect(t.services.clock.workingTime().timeZone).toBe('Asia/Shanghai');
    });
  });

  it('documents every clock route in the OpenAPI document', async () => {
    const res = await t.req({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const routes = Object.keys(res.json().paths as Record<string, unknown>);
    expect(routes).toEqual(
      expect.arrayContaining([
        '/api/v1/clock/deadline',
        '/api/v1/clock/calendar',
        '/api/v1/clock/calendar/years',
        '/api/v1/clock/calendar/years/{year}',
        '/api/v1/clock/calendar/periods',
        '/api/v1/clock/calendar/export',
        '/api/v1/clock/calendar/import',
      ]),
    );
  });
});
