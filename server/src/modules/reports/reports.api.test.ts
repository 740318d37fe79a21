import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser } from '../../../test/factories';
import { seedLoopCity, type LoopCity } from '../../../test/loop-city';
import { createCaseDriver, type CaseDriver } from '../evaluation/testing/case-driver';
import { findCjkFont } from './cjk-font';

/**
 * A small history in the loop city (示范市 → 云溪区 → 东湖街道 / 西山街道), driven through
 * services.cases: two cases in October, eight in November, one in December. The report of
 * November must show the figures the evaluation service gives for the same month.
 */
const at = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`;
const MONTH = '2026-11';
const dialect = process.env.TEST_DIALECT ?? 'sqlite';

const toolPresent = (cmd: string) => spawnSync(cmd, ['-v']).error === undefined;
const font = findCjkFont('');
const pdfMissing = [
  toolPresent('pdftoppm') ? null : 'pdftoppm',
  toolPresent('pdftotext') ? null : 'pdftotext',
  toolPresent('pdffonts') ? null : 'pdffonts',
  toolPresent('pdfinfo') ? null : 'pdfinfo',
].filter(Boolean);
const pdfSkipReason =
  pdfMissing.length > 0
    ? `poppler-utils is not installed (missing ${pdfMissing.join(', ')}): apt-get install poppler-utils`
    : !font.ok
      ? `no CJK font (${font.reason}): apt-get install fonts-noto-cjk`
      : null;
// Outside CI a machine without the tools skips, saying why; CI installs them and must run.
const skipPdf = pdfSkipReason !== null && !process.env.CI;
if (skipPdf) {
  console.warn(`reports.api.test: skipping the PDF rendering checks: ${pdfSkipReason}`);
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The rows of a table sheet (header on row 3) as objects by header. */
function tableRows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const head = (ws.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    if (values.length === 0 || values.every((v) => v === null || v === undefined)) {
      continue;
    }
    rows.push(Object.fromEntries(head.map((h, i) => [h, values[i] ?? null])));
  }
  return rows;
}

/** Summary sheet: the KPI row by its title → [this month, last month, change]. */
function kpiOf(ws: ExcelJS.Worksheet, title: string): unknown[] {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === title) {
      return [ws.getCell(r, 2).value, ws.getCell(r, 3).value, ws.getCell(r, 4).value];
    }
  }
  throw new Error(`no KPI ${title}`);
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  }
  return r.stdout;
}

describe('reports API: the monthly evaluation report', () => {
  let t: TestApp;
  let city: LoopCity;
  let d: CaseDriver;
  const tk: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ now: at('2026-10-12', '08:00'), env: { SESSION_TTL_HOURS: '720' } });
    city = await seedLoopCity(t);
    d = await createCaseDriver(t, city);
    Object.assign(tk, city.tokens);
    for (const [username, roles, level, o] of [
      ['eastchief', ['street_chief'], 'street', { regionId: city.eastStreetId }],
      ['sanleader', ['unit_leader'], 'unit', { unitId: city.units.sanitation }],
    ] as const) {
      await buildUser(t, { username, roles: [...roles], level, ...o });
      tk[username] = await login(t, username);
    }
    const { east1, east2, west } = city.points;
    const S = city.units.sanitation;
    const M = city.units.municipal;
    const id: Record<string, string> = {};
    const relogin = async () => {
      for (const username of Object.keys(tk)) {
        tk[username] = await login(t, username);
        if (username in city.tokens) {
          city.tokens[username] = tk[username];
        }
      }
    };
    const steps: [string, string, () => Promise<unknown>][] = [
      // October: O1 closed on time, O2 registered.
      [
        '2026-10-12',
        '09:00',
        async () =>
          (id.O1 = (
            await d.report('clerk', { point: east1, source: 'public', matterCode: '06010' })
          ).id),
      ],
      ['2026-10-12', '09:10', () => d.act('inspector', id.O1!, 'verify', { verifyResult: true })],
      ['2026-10-12', '09:15', () => d.act('clerk', id.O1!, 'register', { matterCode: '06010' })],
      ['2026-10-12', '09:20', () => d.act('dispatcher', id.O1!, 'dispatch', { targetUnitId: S })],
      ['2026-10-12', '09:30', () => d.act('unit', id.O1!, 'acknowledge')],
      [
        '2026-10-12',
        '10:00',
        () =>
          d.act('unit', id.O1!, 'feedback', {
            description: '已清运',
            disposalMode: 'service',
            photo: true,
          }),
      ],
      ['2026-10-12', '10:10', () => d.act('inspector', id.O1!, 'check_pass', { photo: true })],
      ['2026-10-12', '10:20', () => d.act('leader', id.O1!, 'close')],
      [
        '2026-10-20',
        '10:00',
        async () =>
          (id.O2 = (await d.report('inspector', { point: east2, matterCode: '06011' })).id),
      ],
      ['2026-10-20', '10:10', () => d.act('leader', id.O2!, 'register', { matterCode: '06011' })],
      // Sessions last at most 30 days: sign in again for November.
      ['2026-11-01', '08:00', relogin],
      // November. A: closed on time (service).
      [
        '2026-11-02',
        '09:00',
        async () =>
          (id.A = (
            await d.report('clerk', { point: east1, source: 'public', matterCode: '06010' })
          ).id),
      ],
      ['2026-11-02', '09:10', () => d.act('inspector', id.A!, 'verify', { verifyResult: true })],
      ['2026-11-02', '09:15', () => d.act('clerk', id.A!, 'register', { matterCode: '06010' })],
      ['2026-11-02', '09:20', () => d.act('dispatcher', id.A!, 'dispatch', { targetUnitId: S })],
      ['2026-11-02', '09:30', () => d.act('unit', id.A!, 'acknowledge')],
      [
        '2026-11-02',
        '10:00',
        () =>
          d.act('unit', id.A!, 'feedback', {
            description: '已清运',
            disposalMode: 'service',
            photo: true,
          }),
      ],
      ['2026-11-02', '10:10', () => d.act('inspector', id.A!, 'check_pass', { photo: true })],
      ['2026-11-02', '10:20', () => d.act('leader', id.A!, 'close')],
      // B: sent to the wrong unit, returned, re-sent, closed (management).
      [
        '2026-11-05',
        '09:00',
        async () =>
          (id.B = (await d.report('inspector', { point: east2, matterCode: '06011' })).id),
      ],
      ['2026-11-05', '09:10', () => d.act('leader', id.B!, 'register', { matterCode: '06011' })],
      ['2026-11-05', '09:20', () => d.act('dispatcher', id.B!, 'dispatch', { targetUnitId: M })],
      ['2026-11-05', '09:30', () => d.act('unit2', id.B!, 'acknowledge')],
      [
        '2026-11-05',
        '09:40',
        () => d.act('unit2', id.B!, 'request_return', { reason: '不属于本单位' }),
      ],
      ['2026-11-05', '09:50', () => d.act('dispatcher', id.B!, 'approve_return')],
      ['2026-11-05', '10:00', () => d.act('dispatcher', id.B!, 'dispatch', { targetUnitId: S })],
      ['2026-11-05', '10:10', () => d.act('unit', id.B!, 'acknowledge')],
      [
        '2026-11-05',
        '11:00',
        () =>
          d.act('unit', id.B!, 'feedback', {
            description: '已清理',
            disposalMode: 'management',
            photo: true,
          }),
      ],
      ['2026-11-05', '11:10', () => d.act('inspector', id.B!, 'check_pass', { photo: true })],
      ['2026-11-05', '11:20', () => d.act('leader', id.B!, 'close')],
      // C: hotline, voided after verification (west).
      [
        '2026-11-09',
        '09:00',
        async () => (id.C = (await d.report('clerk', { point: west, source: 'hotline' })).id),
      ],
      [
        '2026-11-09',
        '09:30',
        () => d.act('westinspector', id.C!, 'verify', { verifyResult: true }),
      ],
      ['2026-11-09', '09:40', () => d.act('clerk', id.C!, 'void', { voidReason: 'invalid' })],
      // D: self-handled by the inspector.
      [
        '2026-11-10',
        '13:40',
        async () =>
          (id.D = (await d.report('inspector', { point: east1, matterCode: '06010' })).id),
      ],
      [
        '2026-11-10',
        '13:45',
        () => d.act('inspector', id.D!, 'self_handle', { photo: true, description: '已自行清理' }),
      ],
      ['2026-11-10', '14:00', () => d.act('leader', id.D!, 'audit_pass')],
      // E: dispatched, goes overdue unhandled.
      [
        '2026-11-16',
        '09:00',
        async () =>
          (id.E = (
            await d.report('clerk', { point: east1, source: 'public', matterCode: '06010' })
          ).id),
      ],
      ['2026-11-16', '09:20', () => d.act('inspector', id.E!, 'verify', { verifyResult: true })],
      ['2026-11-16', '09:25', () => d.act('leader', id.E!, 'register', { matterCode: '06010' })],
      ['2026-11-16', '09:30', () => d.act('dispatcher', id.E!, 'dispatch', { targetUnitId: S })],
      ['2026-11-16', '09:40', () => d.act('unit', id.E!, 'acknowledge')],
      ['2026-11-16', '16:00', () => t.services.cases.sweepOverdue({ limit: 100 })],
      // F: municipal, handled by enforcement, not yet checked.
      [
        '2026-11-20',
        '09:00',
        async () =>
          (id.F = (
            await d.report('clerk', { point: east2, source: 'public', matterCode: '01001' })
          ).id),
      ],
      ['2026-11-20', '09:10', () => d.act('inspector', id.F!, 'verify', { verifyResult: true })],
      ['2026-11-20', '09:15', () => d.act('clerk', id.F!, 'register', { matterCode: '01001' })],
      ['2026-11-20', '09:20', () => d.act('dispatcher', id.F!, 'dispatch', { targetUnitId: M })],
      ['2026-11-20', '09:30', () => d.act('unit2', id.F!, 'acknowledge')],
      [
        '2026-11-20',
        '10:00',
        () =>
          d.act('unit2', id.F!, 'feedback', {
            description: '已立案处罚',
            disposalMode: 'enforcement',
            photo: true,
          }),
      ],
      // G1, G2: two more reports in east1 (a repeat location: east1 × 06010).
      [
        '2026-11-23',
        '09:00',
        () => d.report('clerk', { point: east1, source: 'public', matterCode: '06010' }),
      ],
      [
        '2026-11-23',
        '10:00',
        () => d.report('clerk', { point: east1, source: 'public', matterCode: '06010' }),
      ],
      // December: outside the month.
      [
        '2026-12-01',
        '09:00',
        () => d.report('clerk', { point: east1, source: 'public', matterCode: '06010' }),
      ],
    ];
    for (const [date, hhmm, step] of steps) {
      t.clock.set(at(date, hhmm));
      await step();
    }
    t.clock.set(at('2026-12-02', '09:00'));
    await relogin();
  });
  afterAll(() => t.close());

  const get = (url: string, token: string | undefined = tk.bureau) =>
    t.req({ method: 'GET', url, token });
  const json = async (url: string, token: string | undefined = tk.bureau) => {
    const res = await get(url, token);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const evalQ = `period=month&date=${MONTH}`;

  describe('GET /api/v1/reports/monthly.xlsx', () => {
    let wb: ExcelJS.Workbook;

    beforeAll(async () => {
      const res = await get(`/api/v1/reports/monthly.xlsx?month=${MONTH}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain(
        'filename="cityloop-monthly-report-2026-11.xlsx"',
      );
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('示范市-2026年11月-月度综合评价报告.xlsx')}`,
      );
      expect(res.headers['cache-control']).toBe('no-store');
      wb = await workbook(res.rawPayload);
    });

    it('has the summary, daily, ranking, 721 and hotspot sheets', () => {
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        '概览',
        '每日受理',
        '处置单位',
        '区县',
        '街道',
        '社区',
        '监督员',
        '受理员',
        '值班长',
        '派遣员',
        '721',
        '热点区域',
        '热点网格',
        '重复发生',
        '高发事项',
      ]);
    });

    it('titles the report and prints when it was built, saying open cases may still change', () => {
      const ws = wb.getWorksheet('概览')!;
      expect(ws.getCell('A1').value).toBe('示范市 2026年11月 月度综合评价报告');
      const texts: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
      expect(texts).toContain('2026-12-02 09:00（Asia/Shanghai）');
      expect(texts.some((s) => s.includes('未结案件') && s.includes('仍会改变'))).toBe(true);
    });

    it('gives the KPIs of the month and of the month before, as the evaluation counts them', async () => {
      const ws = wb.getWorksheet('概览')!;
      const nov = (await json(`/api/v1/evaluation/indicators?subject=district&${evalQ}`)).rows;
      const oct = (
        await json('/api/v1/evaluation/indicators?subject=district&period=month&date=2026-10')
      ).rows;
      expect(nov).toHaveLength(1);
      // Worked out from the history: 8 reports in November, 2 in October.
      expect(kpiOf(ws, '受理案件')).toEqual([8, 2, 6]);
      expect(nov[0].counts.reported).toBe(8);
      expect(oct[0].counts.reported).toBe(2);
      expect(kpiOf(ws, '有效案件').slice(0, 2)).toEqual([nov[0].counts.valid, oct[0].counts.valid]);
      expect(kpiOf(ws, '结案').slice(0, 2)).toEqual([nov[0].counts.closed, oct[0].counts.closed]);
      expect(kpiOf(ws, '结案')[0]).toBe(3); // A, B and the self-handled D
      expect(kpiOf(ws, '结案率')[0]).toBeCloseTo(nov[0].rates.closure_rate.value, 10);
      expect(kpiOf(ws, '按期结案率')[0]).toBeCloseTo(nov[0].rates.closure_on_time_rate.value, 10);
      expect(kpiOf(ws, '超期案件')[0]).toBe(nov[0].counts.overdue);
      expect(kpiOf(ws, '超期案件')[0]).toBe(1); // E
      // The single district's composite is the region's composite (same formula, same counts).
      expect(kpiOf(ws, '区域综合得分')[0]).toBe(nov[0].composite);
    });

    it('ranks the units with composites, grades and the red/yellow lists of the evaluation', async () => {
      const ind = await json(`/api/v1/evaluation/indicators?subject=unit&${evalQ}`);
      const rk = await json(`/api/v1/evaluation/rankings?subject=unit&${evalQ}`);
      const rows = tableRows(wb.getWorksheet('处置单位')!);
      expect(rows.map((r) => r['处置单位'])).toEqual(
        rk.ranked.map((r: { name: string }) => r.name),
      );
      expect(rows.length).toBe(ind.rows.length);
      for (const row of rows) {
        const e = ind.rows.find((x: { name: string }) => x.name === row['处置单位']);
        const r = rk.ranked.find((x: { name: string }) => x.name === row['处置单位']);
        expect(row['排名']).toBe(r.rank);
        expect(row['综合得分']).toBe(e.composite);
        expect(row['等级']).toBe(e.grade);
        expect(row['应处置']).toBe(e.counts.to_handle);
        expect(row['已处置']).toBe(e.counts.handled);
        expect(row['超期未处置']).toBe(e.counts.overdue_unhandled);
        const list = rk.red.some((x: { name: string }) => x.name === row['处置单位'])
          ? '红榜'
          : rk.yellow.some((x: { name: string }) => x.name === row['处置单位'])
            ? '黄榜'
            : null;
        expect(row['榜单']).toBe(list);
      }
      // Worked out: sanitation got A, B (2nd) and E; municipal got B (returned) and F.
      const byName = Object.fromEntries(rows.map((r) => [r['处置单位'], r]));
      expect(byName['云溪区环卫所']!['应处置']).toBe(3);
      expect(byName['云溪区市政所']!['应处置']).toBe(2);
      expect(byName['云溪区环卫所']!['超期未处置']).toBe(1);
    });

    it('has street, community and people tables matching the evaluation', async () => {
      for (const [sheet, subject] of [
        ['街道', 'street'],
        ['社区', 'community'],
        ['监督员', 'inspector'],
        ['派遣员', 'dispatcher'],
      ] as const) {
        const ind = await json(`/api/v1/evaluation/indicators?subject=${subject}&${evalQ}`);
        const rows = tableRows(wb.getWorksheet(sheet)!);
        const nameCol = Object.keys(rows[0] ?? {})[1]!;
        expect(rows.map((r) => r[nameCol]).sort(), sheet).toEqual(
          ind.rows.map((r: { name: string }) => r.name).sort(),
        );
        for (const row of rows) {
          const e = ind.rows.find((x: { name: string }) => x.name === row[nameCol]);
          expect(row['综合得分'], `${sheet} ${String(row[nameCol])}`).toBe(e.composite);
        }
      }
      const streets = tableRows(wb.getWorksheet('街道')!);
      expect(streets.find((r) => r['街道'] === '东湖街道')!['上报']).toBe(7);
      expect(streets.find((r) => r['街道'] === '西山街道')!['上报']).toBe(1);
      const dispatchers = tableRows(wb.getWorksheet('派遣员')!);
      expect(dispatchers[0]!['派遣']).toBe(5); // A, B twice, E, F
    });

    it('gives the 721 ratio per unit and in total', async () => {
      const r = await json(`/api/v1/evaluation/ratio721?groupBy=unit&${evalQ}`);
      const rows = tableRows(wb.getWorksheet('721')!);
      const total = rows.find((x) => x['处置单位'] === '合计')!;
      expect([total['服务'], total['管理'], total['执法'], total['合计']]).toEqual([
        r.total.service,
        r.total.management,
        r.total.enforcement,
        r.total.total,
      ]);
      expect([total['服务'], total['管理'], total['执法']]).toEqual([1, 1, 1]);
      expect(total['服务占比']).toBe(r.total.shares.service);
    });

    it('lists the hotspots with their main matters, the repeat locations and the top matters', async () => {
      const h = await json(`/api/v1/evaluation/hotspots?res=8&${evalQ}`);
      const cells = tableRows(wb.getWorksheet('热点区域')!);
      expect(cells.map((c) => [c['H3 单元'], c['案件数']])).toEqual(
        h.cells.slice(0, 10).map((c: { cell: string; count: number }) => [c.cell, c.count]),
      );
      // East (A, B, D, E, F, G1, G2) and west (C, a hotline report without a matter).
      expect(cells.map((c) => c['案件数'])).toEqual([7, 1]);
      expect(cells.map((c) => c['主要事项'])).toEqual([
        '暴露垃圾 5、供水井盖异常 1、积存垃圾渣土 1',
        '其他 1',
      ]);
      expect(cells.map((c) => c['位置'])).toEqual([
        `湖滨社区 ${city.grids.east1}（5件）、柳岸社区 ${city.grids.east2}（2件）`,
        `松岭社区 ${city.grids.west}（1件）`,
      ]);
      const repeats = tableRows(wb.getWorksheet('重复发生')!);
      expect(repeats).toEqual([
        {
          网格: city.grids.east1,
          社区: '湖滨社区',
          事项编码: '06010',
          事项: '暴露垃圾',
          次数: 5,
        },
      ]);
      const matters = tableRows(wb.getWorksheet('高发事项')!);
      expect(matters[0]).toMatchObject({ 事项: '暴露垃圾', 本月: 5, 上月: 1, 较上月: 4 });
    });

    it('gives the daily intake of every day of the month with last month alongside', () => {
      const ws = wb.getWorksheet('每日受理')!;
      const rows: unknown[][] = [];
      ws.eachRow((row, n) => {
        if (n > 1) {
          rows.push((row.values as unknown[]).slice(1));
        }
      });
      expect(rows).toHaveLength(31); // 30 days and the total
      const byDate = Object.fromEntries(rows.map((r) => [r[0], r]));
      expect(byDate['2026-11-23']!.slice(1, 3)).toEqual([2, 0]);
      expect(byDate['2026-11-12']![2]).toBe(1); // O1 on 12 October
      expect(byDate['2026-11-20']![2]).toBe(1); // O2 on 20 October
      expect(byDate['合计']!.slice(1, 3)).toEqual([8, 2]);
    });

    it('carries Excel data bars on the composites and the daily intake', () => {
      const bars = (sheet: string) =>
        (
          wb.getWorksheet(sheet) as unknown as {
            conditionalFormattings: { ref: string; rules: { type: string; cfvo: unknown[] }[] }[];
          }
        ).conditionalFormattings;
      const units = tableRows(wb.getWorksheet('处置单位')!);
      expect(bars('处置单位')).toEqual([
        {
          ref: `L4:L${3 + units.length}`,
          rules: [
            expect.objectContaining({
              type: 'dataBar',
              cfvo: [
                { type: 'num', value: 0 },
                { type: 'num', value: 100 },
              ],
            }),
          ],
        },
      ]);
      expect(wb.getWorksheet('处置单位')!.getCell('L3').value).toBe('综合得分');
      expect(bars('每日受理')[0]).toMatchObject({ ref: 'B2:B31', rules: [{ type: 'dataBar' }] });
      for (const sheet of ['街道', '社区', '监督员', '派遣员', '热点区域']) {
        expect(bars(sheet), sheet).toHaveLength(1);
      }
    });
  });

  describe('jurisdiction and input', () => {
    it("gives a street chief their street's report", async () => {
      const res = await get(`/api/v1/reports/monthly.xlsx?month=${MONTH}`, tk.eastchief);
      expect(res.statusCode, res.body).toBe(200);
      const wb = await workbook(res.rawPayload);
      expect(wb.getWorksheet('概览')!.getCell('A1').value).toBe(
        '云溪区东湖街道 2026年11月 月度综合评价报告',
      );
      expect(wb.getWorksheet('区县')).toBeUndefined();
      expect(tableRows(wb.getWorksheet('街道')!).map((r) => r['街道'])).toEqual(['东湖街道']);
      const communities = tableRows(wb.getWorksheet('社区')!).map((r) => r['社区']);
      expect(communities.sort()).toEqual(['柳岸社区', '湖滨社区'].sort());
      const st = await json(`/api/v1/evaluation/indicators?subject=street&${evalQ}`, tk.eastchief);
      expect(kpiOf(wb.getWorksheet('概览')!, '受理案件')[0]).toBe(st.rows[0].counts.reported);
      expect(kpiOf(wb.getWorksheet('概览')!, '受理案件')[0]).toBe(7);
      expect(kpiOf(wb.getWorksheet('概览')!, '区域综合得分')[0]).toBe(st.rows[0].composite);
    });

    it('refuses a unit-scoped user (the report covers an area) and roles without evaluation.read', async () => {
      const unit = await get(`/api/v1/reports/monthly.pdf?month=${MONTH}`, tk.sanleader);
      expect(unit.statusCode).toBe(403);
      expect(unit.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
      const clerk = await get(`/api/v1/reports/monthly.xlsx?month=${MONTH}`, tk.clerk);
      expect(clerk.statusCode).toBe(403);
      const anonymous = await t.req({
        method: 'GET',
        url: `/api/v1/reports/monthly.xlsx?month=${MONTH}`,
      });
      expect(anonymous.statusCode).toBe(401);
    });

    it('needs a month YYYY-MM of a year it can evaluate', async () => {
      for (const q of [
        '',
        '?month=2026-13',
        '?month=2026-1',
        '?month=2026-11&x=1',
        '?month=0000-01',
        '?month=9999-12',
      ]) {
        const res = await get(`/api/v1/reports/monthly.pdf${q}`);
        expect(res.statusCode, q).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION_FAILED');
        expect(res.json().error.details[0].path).toMatch(/^query\.(month|x)$/);
      }
    });

    it('gives an empty month as a report of zeros, not an error', async () => {
      const x = await get('/api/v1/reports/monthly.xlsx?month=2026-06');
      expect(x.statusCode, x.body).toBe(200);
      const wb = await workbook(x.rawPayload);
      expect(kpiOf(wb.getWorksheet('概览')!, '受理案件')).toEqual([0, 0, 0]);
      expect(kpiOf(wb.getWorksheet('概览')!, '结案率')).toEqual([null, null, null]);
      expect(wb.getWorksheet('处置单位')!.getCell('A4').value).toBe('本月无数据');
      if (!skipPdf) {
        const pdf = await get('/api/v1/reports/monthly.pdf?month=2026-06');
        expect(pdf.statusCode, pdf.body).toBe(200);
        expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
    });

    it('gives the same report as data', async () => {
      const r = await json(`/api/v1/reports/monthly?month=${MONTH}`);
      expect(r.title).toBe('示范市 2026年11月 月度综合评价报告');
      expect(r.generatedAt).toBe('2026-12-02T09:00:00+08:00');
      expect(r.kpis[0]).toMatchObject({ key: 'reported', value: 8, previous: 2, change: 6 });
      expect(r.daily).toHaveLength(30);
    });
  });

  describe.skipIf(skipPdf)('GET /api/v1/reports/monthly.pdf', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cityloop-report-'));
    const shots = join(tmpdir(), 'cityloop-reports');

    const pdfOf = async (token: string | undefined, name: string) => {
      const res = await get(`/api/v1/reports/monthly.pdf?month=${MONTH}`, token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, res.rawPayload);
      return { res, file };
    };

    it('is a PDF whose text is Chinese, in an embedded CJK font subset', async () => {
      const { res, file } = await pdfOf(tk.bureau, 'bureau');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(res.headers['content-disposition']).toContain(
        'filename="cityloop-monthly-report-2026-11.pdf"',
      );
      const text = run('pdftotext', ['-layout', file, '-']);
      for (const s of [
        '示范市',
        '月度综合评价报告',
        '2026年11月',
        '云溪区',
        '东湖街道',
        '云溪区环卫所',
        '红黄榜',
        '热点区域',
        '湖滨社区',
        '未结案件',
        '2026-12-02 09:00',
      ]) {
        expect(text, s).toContain(s);
      }
      const fonts = run('pdffonts', [file]);
      // name type encoding emb sub uni: every font embedded and subset (ABCDEF+Name).
      const rows = fonts.split('\n').slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row, row).toMatch(/^[A-Z]{6}\+\S*CJK\S*\s.*\byes\s+yes\s+yes\b/);
      }
      // Subset: far smaller than the 16+ MB font collection.
      expect(res.rawPayload.length).toBeLessThan(1_500_000);
    });

    it('renders to PNG (the page a person sees)', async () => {
      const { file } = await pdfOf(tk.bureau, 'bureau-render');
      mkdirSync(shots, { recursive: true });
      for (const page of [1, 2]) {
        const out = join(shots, `monthly-${dialect}-bureau-p${page}`);
        run('pdftoppm', [
          '-png',
          '-r',
          '90',
          '-f',
          String(page),
          '-l',
          String(page),
          '-singlefile',
          file,
          out,
        ]);
        const png = readFileSync(`${out}.png`);
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(png.length).toBeGreaterThan(20_000);
      }
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
      expect(pages).toBeGreaterThanOrEqual(3);
    });

    it("gives a street chief their street's PDF", async () => {
      const { file } = await pdfOf(tk.eastchief, 'eastchief');
      const text = run('pdftotext', [file, '-']);
      expect(text).toContain('云溪区东湖街道');
      expect(text).toContain('月度综合评价报告');
      expect(text).not.toContain('西山街道');
      expect(text).not.toContain('松岭社区');
    });
  });
});

describe('reports API: PDF without a usable Chinese font', () => {
  let t: TestApp;
  let token: string;
  const dir = mkdtempSync(join(tmpdir(), 'cityloop-font-'));
  const notAFont = join(dir, 'fake-cjk.ttf');
  writeFileSync(notAFont, 'this is not a font');

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_FONT_PATH: notAFont } });
    await seedLoopCity(t);
    token = await login(t, 'bureau');
  });
  afterAll(() => t.close());

  it('answers 503 REPORT_FONT_MISSING naming the package to install, never a PDF with boxes', async () => {
    const res = await t.req({
      method: 'GET',
      url: `/api/v1/reports/monthly.pdf?month=${MONTH}`,
      token,
    });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/json');
    const body = res.json();
    expect(body.error.code).toBe('REPORT_FONT_MISSING');
    expect(body.error.message).toContain('fonts-noto-cjk');
    expect(body.error.message).toContain('REPORT_FONT_PATH');
    expect(body.error.details).toEqual({ package: 'fonts-noto-cjk', variable: 'REPORT_FONT_PATH' });
  });

  it('still gives the Excel report, which needs no font', async () => {
    const res = await t.req({
      method: 'GET',
      url: `/api/v1/reports/monthly.xlsx?month=${MONTH}`,
      token,
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
