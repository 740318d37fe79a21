import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedLoopCity, type LoopCity } from '../../../test/loop-city';

const at = (hhmm: string) => `2026-11-23T${hhmm}:00+08:00`;

async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: ws.name, rows };
}

describe('console API', () => {
  let t: TestApp;
  let city: LoopCity;

  beforeAll(async () => {
    t = await createTestApp({
      now: at('09:00'),
      env: { MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' },
    });
    city = await seedLoopCity(t);
    const report = (description: string, point: [number, number]) =>
      t.req({
        method: 'POST',
        url: '/api/v1/cases',
        token: city.tokens.clerk,
        payload: {
          source: 'hotline',
          description,
          lng: point[0],
          lat: point[1],
          matterCode: '06010',
        },
      });
    for (const [d, p] of [
      ['东湖暴露垃圾一堆', city.points.east1],
      ['东湖第二处暴露垃圾', city.points.east2],
      ['西郊路边垃圾成堆', city.points.west],
    ] as const) {
      const res = await report(d, [...p] as [number, number]);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  describe('GET /api/v1/console/config', () => {
    it('gives the map tile URL and time zone without a session', async () => {
      const res = await t.req({ method: 'GET', url: '/api/v1/console/config' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        mapTileUrl: 'https://tiles.example/{z}/{x}/{y}.png',
        timeZone: 'Asia/Shanghai',
      });
    });
  });

  describe('GET /api/v1/cases/export.xlsx', () => {
    const exportAs = (token: string | undefined, query = '') =>
      t.req({ method: 'GET', url: `/api/v1/cases/export.xlsx${query}`, token });

    it('needs a session', async () => {
      const res = await exportAs(undefined);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    });

    it('rejects a bad filter with the field', async () => {
      const res = await exportAs(city.tokens.clerk, '?state=nope');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details[0].path).toMatch(/^query\.state/);
      const lang = await exportAs(city.tokens.clerk, '?lang=fr');
      expect(lang.statusCode).toBe(400);
      expect(lang.json().error.details[0].path).toBe('query.lang');
      // A range the wrong way round is an error on `to`, in the export as in the list.
      for (const url of [
        '/api/v1/cases/export.xlsx?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z',
        '/api/v1/cases?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z',
        '/api/v1/hotline/orders?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00%2B08:00',
        '/api/v1/hotline/rates?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z',
      ]) {
        const r = await t.req({ method: 'GET', url, token: city.tokens.clerk });
        expect(r.statusCode, url).toBe(400);
        expect(r.json().error.details[0], url).toMatchObject({
          path: 'query.to',
          message: 'must not be before from',
        });
      }
    });

    it('writes every case of the search as a workbook, headers in Chinese', async () => {
      const res = await exportAs(city.tokens.clerk);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toMatch(
        /attachment; filename="cases-\d{8}\.xlsx"/,
      );
      const { name, rows } = await sheetOf(res.rawPayload);
      expect(name).toBe('案件');
      expect(rows[0]).toContain('案件编号');
      expect(rows[0]).toContain('事项名称');
      expect(rows).toHaveLength(4);
      const descriptions = rows.slice(1).map((r) => r[5]);
      expect(descriptions).toEqual(
        expect.arrayContaining(['东湖暴露垃圾一堆', '东湖第二处暴露垃圾', '西郊路边垃圾成堆']),
      );
      expect(rows[1]).toContain('暴露垃圾');
      expect(rows[1]).toContain('核实中');
    });

    it('applies the list filters and the language', async () => {
      const res = await exportAs(city.tokens.clerk, `?q=${encodeURIComponent('西郊')}&lang=en`);
      expect(res.statusCode).toBe(200);
      const { name, rows } = await sheetOf(res.rawPayload);
      expect(name).toBe('Cases');
      expect(rows[0]).toContain('Number');
      expect(rows).toHaveLength(2);
      expect(rows[1]).toContain('Verifying');
      expect(res.headers['x-export-rows']).toBe('1');
    });

    it('keeps to the jurisdiction of the caller', async () => {
      const res = await exportAs(city.tokens.westclerk);
      const { rows } = await sheetOf(res.rawPayload);
      expect(rows.slice(1).map((r) => r[5])).toEqual(['西郊路边垃圾成堆']);
    });
  });
});
