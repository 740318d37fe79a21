/**
 * The monthly report as an Excel workbook (exceljs): a summary sheet (title, the moment it was
 * built, KPIs against last month, 红黄榜), the daily intake, and one sheet per table. Figures
 * are numbers with number formats, so they can be summed and charted.
 *
 * Charts: Excel's own conditional-formatting data bars on the composites, counts and the daily
 * intake (they render in Excel, WPS and LibreOffice and follow edits), not embedded images:
 * exceljs cannot write native charts, and a picture of a chart would not follow the data.
 */
import ExcelJS from 'exceljs';
import type { CellFormat, Kpi, MonthlyReport, ReportTable } from './monthly-report';

export const SUMMARY_SHEET = '概览';
export const DAILY_SHEET = '每日受理';

const NUM_FMT: Record<CellFormat, string | undefined> = {
  int: '#,##0',
  pct: '0.00%',
  score: '0.00',
  signedInt: '+#,##0;-#,##0;0',
  signedScore: '+0.00;-0.00;0.00',
  points: '+0.00" 个百分点";-0.00" 个百分点";0.00" 个百分点"',
  text: undefined,
};

const FILL = {
  head: 'FFE8EEF5',
  red: 'FFFDECEA',
  yellow: 'FFFFF6D6',
  note: 'FFFFF8E1',
  title: 'FF163F6E',
};
const BAR = 'FF5B9BD5';

const solid = (argb: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
});

function dataBar(ws: ExcelJS.Worksheet, ref: string, max?: number): void {
  const rule: ExcelJS.DataBarRuleType & { color: { argb: string } } = {
    type: 'dataBar',
    priority: 1,
    gradient: false,
    cfvo: [
      { type: 'num', value: 0 },
      max === undefined ? { type: 'max' } : { type: 'num', value: max },
    ],
    // exceljs writes the bar colour though its types do not declare it.
    color: { argb: BAR },
  };
  ws.addConditionalFormatting({ ref, rules: [rule] });
}

/** Title (row 1), note (row 2), header (row 3), data from row 4; frozen header, filter. */
function tableSheet(wb: ExcelJS.Workbook, r: MonthlyReport, t: ReportTable): void {
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = t.columns.map((c) => ({ width: c.width }));
  const last = t.columns.length;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = `${t.title}（${r.monthLabel}）`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = `${t.note ? `${t.note} ` : ''}数据截至 ${r.generatedAtText}。`;
  ws.getCell(2, 1).font = { size: 9, color: { argb: 'FF6B7785' } };
  ws.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 28;
  const head = ws.getRow(3);
  t.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.title;
    cell.font = { bold: true };
    cell.fill = solid(FILL.head);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  t.rows.forEach((row, ri) => {
    const xr = ws.getRow(4 + ri);
    row.cells.forEach((v, ci) => {
      const cell = xr.getCell(ci + 1);
      cell.value = v;
      const fmt = NUM_FMT[t.columns[ci]!.format];
      if (fmt && typeof v === 'number') {
        cell.numFmt = fmt;
      }
      if (row.mark) {
        cell.fill = solid(row.mark === 'red' ? FILL.red : FILL.yellow);
      }
    });
  });
  if (t.rows.length > 0) {
    ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + t.rows.length, column: last } };
    if (t.barColumn !== undefined) {
      const letter = ws.getColumn(t.barColumn + 1).letter;
      const isScore = t.columns[t.barColumn]!.format === 'score';
      dataBar(ws, `${letter}4:${letter}${3 + t.rows.length}`, isScore ? 100 : undefined);
    }
  } else {
    ws.getCell(4, 1).value = '本月无数据';
  }
}

function kpiRow(k: Kpi): (string | number | null)[] {
  const change = k.change === null ? null : k.format === 'pct' ? k.change * 100 : k.change;
  return [
    k.title,
    k.value,
    k.previous,
    change,
    k.changePct === null ? null : k.changePct / 100,
    k.grade ?? null,
  ];
}

function summarySheet(wb: ExcelJS.Workbook, r: MonthlyReport): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET);
  ws.columns = [
    { width: 18 },
    { width: 14 },
    { width: 14 },
    { width: 18 },
    { width: 12 },
    { width: 8 },
  ];
  ws.mergeCells('A1:F1');
  const title = ws.getCell('A1');
  title.value = r.title;
  title.font = { bold: true, size: 16, color: { argb: 'FFFFFFFF' } };
  title.fill = solid(FILL.title);
  ws.getRow(1).height = 30;
  const meta: [string, string][] = [
    ['统计范围', r.region.fullName],
    ['统计周期', `${r.period.from} 至 ${r.period.to}（${r.period.days} 天）`],
    ['对比月份', `${r.previousMonthLabel}（${r.previousPeriod.from} 至 ${r.previousPeriod.to}）`],
    ['生成时间', `${r.generatedAtText}（${r.timeZone}）`],
  ];
  meta.forEach(([k, v], i) => {
    ws.getCell(2 + i, 1).value = k;
    ws.getCell(2 + i, 1).font = { bold: true };
    ws.mergeCells(2 + i, 2, 2 + i, 6);
    ws.getCell(2 + i, 2).value = v;
  });
  const noteRow = 2 + meta.length;
  ws.getCell(noteRow, 1).value = '说明';
  ws.getCell(noteRow, 1).font = { bold: true };
  ws.mergeCells(noteRow, 2, noteRow, 6);
  const note = ws.getCell(noteRow, 2);
  note.value = r.asOfNote;
  note.alignment = { wrapText: true, vertical: 'top' };
  note.fill = solid(FILL.note);
  ws.getRow(noteRow).height = 48;

  const head = noteRow + 2;
  ['指标', '本月', '上月', '较上月', '变化率', '等级'].forEach((h, i) => {
    const c = ws.getCell(head, i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = solid(FILL.head);
  });
  r.kpis.forEach((k, i) => {
    const row = ws.getRow(head + 1 + i);
    kpiRow(k).forEach((v, ci) => {
      row.getCell(ci + 1).value = v;
    });
    const fmt = NUM_FMT[k.format]!;
    row.getCell(2).numFmt = fmt;
    row.getCell(3).numFmt = fmt;
    row.getCell(4).numFmt =
      NUM_FMT[k.format === 'pct' ? 'points' : k.format === 'score' ? 'signedScore' : 'signedInt']!;
    row.getCell(5).numFmt = '+0.00%;-0.00%;0.00%';
  });

  let y = head + r.kpis.length + 2;
  ws.getCell(y, 1).value = '红黄榜';
  ws.getCell(y, 1).font = { bold: true, size: 12 };
  y += 1;
  const rules = r.listRules;
  ws.mergeCells(y, 1, y, 6);
  ws.getCell(y, 1).value =
    `红榜：综合得分 ≥ ${rules.redMin} 的前 ${rules.top} 名；黄榜：低于 ${rules.yellowBelow} 的后 ${rules.bottom} 名（最差在前）。`;
  ws.getCell(y, 1).font = { size: 9, color: { argb: 'FF6B7785' } };
  y += 1;
  for (const l of r.lists) {
    for (const [kind, names, fill] of [
      ['红榜', l.red, FILL.red],
      ['黄榜', l.yellow, FILL.yellow],
    ] as const) {
      ws.getCell(y, 1).value = `${l.title} ${kind}`;
      ws.getCell(y, 1).fill = solid(fill);
      ws.mergeCells(y, 2, y, 6);
      ws.getCell(y, 2).value = names.length > 0 ? names.join('、') : '（无）';
      y += 1;
    }
  }
}

function dailySheet(wb: ExcelJS.Workbook, r: MonthlyReport): void {
  const ws = wb.addWorksheet(DAILY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '日期', width: 12 },
    { header: `${r.monthLabel}受理`, width: 14 },
    { header: `${r.previousMonthLabel}同日受理`, width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => {
    c.fill = solid(FILL.head);
  });
  r.daily.forEach((d) => {
    const row = ws.addRow([d.date, d.reported, d.previous]);
    row.getCell(2).numFmt = NUM_FMT.int!;
    row.getCell(3).numFmt = NUM_FMT.int!;
  });
  const total = ws.addRow([
    '合计',
    r.daily.reduce((a, d) => a + d.reported, 0),
    r.daily.reduce((a, d) => a + (d.previous ?? 0), 0),
  ]);
  total.font = { bold: true };
  if (r.daily.length > 0) {
    dataBar(ws, `B2:B${1 + r.daily.length}`);
  }
}

/** Writes the workbook. */
export async function renderMonthlyXlsx(r: MonthlyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cityloop';
  wb.title = r.title;
  wb.created = new Date(r.generatedAt);
  wb.modified = new Date(r.generatedAt);
  summarySheet(wb, r);
  dailySheet(wb, r);
  for (const t of r.tables) {
    tableSheet(wb, r, t);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
