import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedLoopCity, type LoopCity } from '../../../test/loop-city';
import { multipartBody } from '../../../test/multipart';
import { csvRecords } from './csv-reader';

const at = (hhmm: string, day = '2026-11-23') => `${day}T${hhmm}:00+08:00`;

const HEADER = [
  '工单编号',
  '诉求类型',
  '来电人',
  '来电号码',
  '诉求内容',
  '事发地址',
  '经度',
  '纬度',
  '事项编码',
  '紧急程度',
  '办理时限',
  '保密',
];

type Cell = string | number | Date | null;

/**
 * The rows of a hotline file with good, duplicate and bad rows (row numbers as in the file,
 * the header being row 1). `p` prefixes the order numbers so a file can be made fresh.
 */
function hotlineRows(city: LoopCity, p: string): Cell[][] {
  const [e1lng, e1lat] = city.points.east1;
  const [e2lng, e2lat] = city.points.east2;
  const deadline = new Date(Date.UTC(2026, 10, 30, 18, 0)); // an Excel date cell: 18:00 local
  return [
    /* 2 */ [
      `${p}-1`,
      '投诉',
      '王女士',
      13812345678,
      '湖滨路18号门口垃圾两天无人清运',
      '湖滨路18号',
      e1lng,
      e1lat,
      '06010',
      '一般',
      deadline,
      '否',
    ],
    /* 3 */ [
      `${p}-2`,
      '求助',
      '张先生',
      '13900001111',
      '柳岸路路灯不亮, 晚上看不见',
      '柳岸路',
      e2lng,
      e2lat,
      null,
      '紧急',
      '2026-11-28 17:00',
      '是',
    ],
    /* 4 */ [
      `${p}-1`,
      '投诉',
      '王女士',
      '13812345678',
      '重复推送的同一工单',
      '湖滨路18号',
      e1lng,
      e1lat,
      '06010',
      '一般',
      null,
      '否',
    ],
    /* 5 */ [
      'GD-EXIST',
      '建议',
      null,
      null,
      '已经受理过的工单',
      null,
      e1lng,
      e1lat,
      null,
      null,
      null,
      null,
    ],
    /* 6 */ [
      `${p}-6`,
      '投诉',
      null,
      null,
      '坐标写错了',
      null,
      'abc',
      e1lat,
      null,
      null,
      null,
      null,
    ],
    /* 7 */ [`${p}-7`, '投诉', null, null, '坐标在城外', null, 121.5, 31.2, null, null, null, null],
    /* 8 */ [
      `${p}-8`,
      '投诉',
      null,
      null,
      '编码不存在',
      null,
      e1lng,
      e1lat,
      '99-99',
      null,
      null,
      null,
    ],
    /* 9 */ [`${p}-9`, '投诉', null, null, null, null, e1lng, e1lat, null, null, null, null],
    /* 10 */ [],
    /* 11 */ [
      `${p}-11`,
      '举报',
      null,
      '010-12345678',
      '旧编码工单：井盖缺失',
      null,
      e1lng,
      e1lat,
      '01-10',
      null,
      '2026-12-01',
      null,
    ],
  ];
}

async function xlsxOf(rows: Cell[][], header = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(header);
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) {
        cell.numFmt = 'yyyy-mm-dd hh:mm';
      }
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvOf(rows: Cell[][], header = HEADER): Buffer {
  const field = (v: Cell | undefined) => {
    if (v === null || v === undefined) {
      return '';
    }
    const s = v instanceof Date ? '2026-11-30 18:00' : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [header, ...rows].map((r) => r.map(field).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('imports API: bulk hotline orders and historical cases', () => {
  let t: TestApp;
  let city: LoopCity;
  let tk: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ now: at('08:00'), env: { SESSION_TTL_HOURS: '720' } });
    city = await seedLoopCity(t);
    tk = city.tokens;
    // An order taken in before the import: its row in the file is a duplicate.
    const res = await t.req({
      method: 'POST',
      url: '/api/v1/hotline/orders',
      token: tk.clerk!,
      payload: {
        orderNo: 'GD-EXIST',
        requestType: 'suggestion',
        originalText: '已经受理过的工单',
        lng: city.points.east1[0],
        lat: city.points.east1[1],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(() => t.close());

  const count = async (table: 'case_file' | 'hotline_order' | 'imported_case') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const upload = (
    query: string,
    file: { filename: string; data: Buffer; type?: string },
    token = tk.clerk!,
  ) => {
    const body = multipartBody([file]);
    return t.req({
      method: 'POST',
      url: `/api/v1/imports?${query}`,
      token,
      headers: body.headers,
      payload: body.payload,
    });
  };

  /** Uploads, waits for the background job, and returns the finished job and its result rows. */
  const runImport = async (query: string, file: { filename: string; data: Buffer }) => {
    const res = await upload(query, file);
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json();
    expect(res.headers.location).toBe(`/api/v1/imports/${job.id}`);
    await t.services.imports.waitFor(job.id);
    const done = (
      await t.req({ method: 'GET', url: `/api/v1/imports/${job.id}`, token: tk.clerk! })
    ).json();
    const csv = await t.req({
      method: 'GET',
      url: `/api/v1/imports/${job.id}/results.csv`,
      token: tk.clerk!,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const records: string[][] = [];
    for await (const r of csvRecords([csv.body.replace(/^\uFEFF/, '')])) {
      records.push(r);
    }
    const [head, ...lines] = records;
    expect(head).toEqual(['row', 'status', 'case_number', 'case_id', 'reason']);
    const rows = new Map(
      lines.map(
        ([row, status, number, caseId, reason]) =>
          [
            Number(row),
            { status: status!, number: number!, caseId: caseId!, reason: reason! },
          ] as const,
      ),
    );
    return { job: done, rows };
  };

  const expectHotlineOutcome = (
    rows: Map<number, { status: string; number: string; caseId: string; reason: string }>,
    created: string,
  ) => {
    expect([...rows.keys()]).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11]);
    expect(rows.get(2)!.status).toBe(created);
    expect(rows.get(3)!.status).toBe(created);
    expect(rows.get(11)!.status).toBe(created);
    expect(rows.get(4)!.status).toBe('duplicate');
    expect(rows.get(5)).toMatchObject({
      status: 'duplicate',
      reason: 'order number already taken in',
    });
    expect(rows.get(6)).toMatchObject({
      status: 'rejected',
      reason: 'IMPORT_VALUE_INVALID: 经度: not a number: "abc"',
    });
    expect(rows.get(7)!.status).toBe('rejected');
    expect(rows.get(7)!.reason).toMatch(/^CASE_LOCATION_OUTSIDE_GRIDS: /);
    expect(rows.get(8)!.status).toBe('rejected');
    expect(rows.get(8)!.reason).toMatch(/^CATALOG_CODE_\w+: /);
    expect(rows.get(9)).toMatchObject({
      status: 'rejected',
      reason: 'IMPORT_VALUE_MISSING: 诉求内容 is empty',
    });
  };

  it('dry-runs an .xlsx: every row judged, nothing written, progress 100 %', async () => {
    const data = await xlsxOf(hotlineRows(city, 'GX'));
    const cases = await count('case_file');
    const orders = await count('hotline_order');
    const { job, rows } = await runImport('kind=hotline&dryRun=true', {
      filename: 'orders.xlsx',
      data,
    });
    expect(job).toMatchObject({
      kind: 'hotline',
      dryRun: true,
      status: 'done',
      format: 'xlsx',
      fileName: 'orders.xlsx',
      progress: { processed: 9, total: 9, percent: 100 },
      counts: { created: 3, duplicate: 2, rejected: 4 },
      error: null,
    });
    expectHotlineOutcome(rows, 'would_create');
    expect(rows.get(4)!.reason).toBe('same 工单编号 as row 2');
    expect(await count('case_file')).toBe(cases);
    expect(await count('hotline_order')).toBe(orders);
  });

  it('imports an .xlsx: good rows become cases, duplicates link, bad rows say why; a re-run creates nothing', async () => {
    const data = await xlsxOf(hotlineRows(city, 'GX'));
    const before = await count('case_file');
    const { job, rows } = await runImport('kind=hotline&dryRun=false', {
      filename: 'orders.xlsx',
      data,
    });
    expect(job).toMatchObject({
      status: 'done',
      progress: { percent: 100 },
      counts: { created: 3, duplicate: 2, rejected: 4 },
    });
    expectHotlineOutcome(rows, 'created');
    expect(await count('case_file')).toBe(before + 3);
    // The in-file duplicate links to the case its first row created; the other to the old one.
    expect(rows.get(4)).toMatchObject({ number: rows.get(2)!.number, caseId: rows.get(2)!.caseId });
    const exist = await t.store.db
      .selectFrom('hotline_order')
      .select('case_id')
      .where('order_no', '=', 'GD-EXIST')
      .executeTakeFirstOrThrow();
    expect(rows.get(5)!.caseId).toBe(exist.case_id);

    const o1 = (
      await t.req({
        method: 'GET',
        url: `/api/v1/hotline/orders/${rows.get(2)!.caseId}`,
        token: tk.clerk!,
      })
    ).json();
    expect(o1).toMatchObject({
      orderNo: 'GX-1',
      requestType: 'complaint',
      caller: { name: '王女士', phone: '13812345678' },
      hotlineDeadline: '2026-11-30T10:00:00.000Z',
      case: {
        number: rows.get(2)!.number,
        source: 'hotline',
        matter: { code: '06010', originalCode: null },
      },
    });
    const o2 = (
      await t.req({
        method: 'GET',
        url: `/api/v1/hotline/orders/${rows.get(3)!.caseId}`,
        token: tk.clerk!,
      })
    ).json();
    expect(o2).toMatchObject({
      requestType: 'help',
      urgency: 'urgent',
      confidential: true,
      originalText: '柳岸路路灯不亮, 晚上看不见',
    });
    // A legacy code is mapped and the original kept; a date alone means the end of that day.
    const o11 = (
      await t.req({
        method: 'GET',
        url: `/api/v1/hotline/orders/${rows.get(11)!.caseId}`,
        token: tk.clerk!,
      })
    ).json();
    expect(o11).toMatchObject({
      requestType: 'report',
      hotlineDeadline: new Date(at('00:00', '2026-12-02')).toISOString(),
      case: { matter: { code: '06010', originalCode: '01-10' } },
    });

    const again = await runImport('kind=hotline&dryRun=false', { filename: 'orders.xlsx', data });
    expect(again.job.counts).toEqual({ created: 0, duplicate: 5, rejected: 4 });
    expect(await count('case_file')).toBe(before + 3);
    expect(again.rows.get(2)).toMatchObject({ status: 'duplicate', caseId: rows.get(2)!.caseId });
  });

  it('imports more rows than it processes at once, in row order, the first of a number created', async () => {
    const [template] = hotlineRows(city, 'BIG');
    const rows: Cell[][] = [];
    for (let i = 0; i < 70; i++) {
      // Row 60 of the file (i = 58) repeats the order number of row 2.
      rows.push([i === 58 ? 'BIG-0' : `BIG-${i}`, ...template!.slice(1)]);
    }
    const before = await count('case_file');
    const { job, rows: out } = await runImport('kind=hotline', {
      filename: 'big.csv',
      data: csvOf(rows),
    });
    expect(job).toMatchObject({
      status: 'done',
      progress: { processed: 70, percent: 100 },
      counts: { created: 69, duplicate: 1, rejected: 0 },
    });
    expect(await count('case_file')).toBe(before + 69);
    expect([...out.keys()]).toEqual(Array.from({ length: 70 }, (_, i) => i + 2));
    expect(out.get(60)).toMatchObject({ status: 'duplicate', caseId: out.get(2)!.caseId });
    expect(out.get(2)).toMatchObject({ status: 'created' });
  });

  it('imports the same rows from a CSV (quotes, commas, BOM), again idempotently', async () => {
    const data = csvOf(hotlineRows(city, 'CX'));
    const before = await count('case_file');
    const dry = await runImport('kind=hotline&dryRun=true', { filename: 'orders.csv', data });
    expect(dry.job).toMatchObject({
      format: 'csv',
      status: 'done',
      counts: { created: 3, duplicate: 2, rejected: 4 },
    });
    expect(await count('case_file')).toBe(before);
    const { job, rows } = await runImport('kind=hotline', { filename: 'orders.csv', data });
    expect(job).toMatchObject({
      status: 'done',
      dryRun: false,
      progress: { processed: 9, percent: 100 },
      counts: { created: 3, duplicate: 2, rejected: 4 },
    });
    expectHotlineOutcome(rows, 'created');
    expect(await count('case_file')).toBe(before + 3);
    const again = await runImport('kind=hotline', { filename: 'orders.csv', data });
    expect(again.job.counts).toEqual({ created: 0, duplicate: 5, rejected: 4 });
    expect(await count('case_file')).toBe(before + 3);
  });

  it('fails a file whose header lacks a required column, naming it', async () => {
    const header = HEADER.filter((h) => h !== '经度');
    const data = csvOf(
      [
        [
          'GZ-1',
          '投诉',
          null,
          null,
          '没有经度列',
          null,
          city.points.east1[1],
          null,
          null,
          null,
          null,
        ],
      ],
      header,
    );
    const { job, rows } = await runImport('kind=hotline', { filename: 'no-lng.csv', data });
    expect(job).toMatchObject({
      status: 'failed',
      error: { code: 'IMPORT_HEADER_INVALID', details: [{ column: '经度', alias: 'lng' }] },
      counts: { created: 0, duplicate: 0, rejected: 0 },
    });
    expect(rows.size).toBe(0);
  });

  it('accepts English headers too', async () => {
    const header = ['orderNo', 'requestType', 'content', 'lng', 'lat'];
    const data = csvOf(
      [['EN-1', 'complaint', 'English header row', city.points.east1[0], city.points.east1[1]]],
      header,
    );
    const { job } = await runImport('kind=hotline', { filename: 'en.csv', data });
    expect(job).toMatchObject({ status: 'done', counts: { created: 1 } });
  });

  it('imports historical cases by their old-system id, keeping the old code and state', async () => {
    const header = [
      '旧系统编号',
      '问题描述',
      '事发地址',
      '经度',
      '纬度',
      '事项编码',
      '编码类别',
      '上报时间',
      '原状态',
    ];
    const rows: Cell[][] = [
      [
        'OLD-1',
        '井盖破损',
        '湖滨路',
        city.points.east1[0],
        city.points.east1[1],
        '0101',
        '部件',
        '2025-06-01 09:15',
        '处置中',
      ],
      [
        'OLD-2',
        '乱堆物料',
        null,
        city.points.west[0],
        city.points.west[1],
        '01-10',
        null,
        null,
        null,
      ],
      ['OLD-3', '坐标错误', null, 'x', city.points.west[1], null, null, null, null],
    ];
    const before = await count('case_file');
    const { job, rows: out } = await runImport('kind=cases', {
      filename: 'old.csv',
      data: csvOf(rows, header),
    });
    expect(job).toMatchObject({
      kind: 'cases',
      status: 'done',
      counts: { created: 2, duplicate: 0, rejected: 1 },
    });
    expect(await count('case_file')).toBe(before + 2);
    const c1 = (
      await t.req({ method: 'GET', url: `/api/v1/cases/${out.get(2)!.caseId}`, token: tk.leader! })
    ).json();
    expect(c1).toMatchObject({
      source: 'import',
      state: 'pending_register',
      matter: { code: '01001', originalCode: '0101' },
    });
    const c2 = (
      await t.req({ method: 'GET', url: `/api/v1/cases/${out.get(3)!.caseId}`, token: tk.leader! })
    ).json();
    expect(c2).toMatchObject({
      matter: { code: '06010', originalCode: '01-10' },
      location: { streetId: city.westStreetId },
    });
    expect(out.get(4)).toMatchObject({
      status: 'rejected',
      reason: 'IMPORT_VALUE_INVALID: 经度: not a number: "x"',
    });
    const rec = await t.store.db
      .selectFrom('imported_case')
      .selectAll()
      .where('old_id', '=', 'OLD-1')
      .executeTakeFirstOrThrow();
    expect(rec).toMatchObject({
      case_id: c1.id,
      old_state: '处置中',
      old_reported_at: Date.parse('2025-06-01T09:15:00+08:00'),
      job_id: job.id,
    });
    const again = await runImport('kind=cases', { filename: 'old.csv', data: csvOf(rows, header) });
    expect(again.job.counts).toEqual({ created: 0, duplicate: 2, rejected: 1 });
    expect(await count('imported_case')).toBe(2);
  });

  it('serves a template that imports as it is', async () => {
    const res = await t.req({
      method: 'GET',
      url: '/api/v1/imports/template.xlsx?kind=hotline',
      token: tk.clerk!,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['热线工单', '填写说明']);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '工单编号*',
      '诉求类型*',
      '来电人',
      '来电号码',
      '诉求内容*',
      '事发地址',
      '经度*',
      '纬度*',
      '坐标系',
      '事项编码',
      '编码类别',
      '紧急程度',
      '办理时限',
      '保密',
      '受理时间',
    ]);
    const { job } = await runImport('kind=hotline&dryRun=true', {
      filename: 'template.xlsx',
      data: res.rawPayload,
    });
    expect(job).toMatchObject({
      status: 'done',
      counts: { created: 1, duplicate: 0, rejected: 0 },
    });
    const cases = await t.req({
      method: 'GET',
      url: '/api/v1/imports/template.xlsx?kind=cases',
      token: tk.clerk!,
    });
    expect(cases.statusCode).toBe(200);
  });

  it('refuses what is not an import, and keeps jobs to their owners', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const bad = await upload('kind=hotline', { filename: 'old.xls', data: xls });
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error.code).toBe('IMPORT_FILE_TYPE_UNSUPPORTED');
    // Known by its signature, even when no NUL byte follows it.
    const xlsText = Buffer.concat([xls.subarray(0, 8), Buffer.from('工单编号,诉求类型\n')]);
    const bad2 = await upload('kind=hotline', { filename: 'old2.xls', data: xlsText });
    expect(bad2.statusCode).toBe(415);
    const empty = await upload('kind=hotline', { filename: 'empty.csv', data: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('IMPORT_FILE_MISSING');
    const json = await t.req({
      method: 'POST',
      url: '/api/v1/imports?kind=hotline',
      token: tk.clerk!,
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(415);
    const kind = await upload('kind=pigeons', { filename: 'x.csv', data: Buffer.from('a\n') });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details[0].path).toBe('query.kind');
    expect(
      (await upload('kind=hotline', { filename: 'x.csv', data: Buffer.from('a\n') }, tk.dispatcher))
        .statusCode,
    ).toBe(403);
    expect((await t.req({ method: 'POST', url: '/api/v1/imports?kind=hotline' })).statusCode).toBe(
      401,
    );

    const mine = (await t.req({ method: 'GET', url: '/api/v1/imports', token: tk.clerk! })).json()
      .items;
    expect(mine.length).toBeGreaterThan(0);
    const id: string = mine[0].id;
    expect(
      (await t.req({ method: 'GET', url: `/api/v1/imports/${id}`, token: tk.westclerk! }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.req({
          method: 'GET',
          url: `/api/v1/imports/${id}/results.csv`,
          token: tk.westclerk!,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.req({ method: 'GET', url: `/api/v1/imports/${id}`, token: tk.leader! })).statusCode,
    ).toBe(200);
  });
});
