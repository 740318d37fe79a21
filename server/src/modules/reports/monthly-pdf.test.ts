import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCjkFont, loadFace } from './cjk-font';
import { PDF_ROW_LIMIT, formatCell, kpiChange, niceScale, renderMonthlyPdf } from './monthly-pdf';
import type { Kpi, MonthlyReport } from './monthly-report';

describe(formatCell.name, () => {
  it('prints counts, rates, scores and changes the way the report reads', () => {
    expect(formatCell(12345, 'int')).toBe('12,345');
    expect(formatCell(0.8765, 'pct')).toBe('87.65%');
    expect(formatCell(86.5, 'score')).toBe('86.50');
    expect(formatCell(3, 'signedInt')).toBe('+3');
    expect(formatCell(-3, 'signedInt')).toBe('−3');
    expect(formatCell(0, 'signedScore')).toBe('0.00');
    expect(formatCell(-2.5, 'signedScore')).toBe('−2.50');
    expect(formatCell(10, 'points')).toBe('+10.00 个百分点');
    expect(formatCell(null, 'pct')).toBe('—');
    expect(formatCell('红榜', 'text')).toBe('红榜');
  });
});

describe(kpiChange.name, () => {
  const k = (o: Partial<Kpi>): Kpi => ({
    key: 'x',
    title: 'x',
    format: 'int',
    value: 5,
    previous: 4,
    change: 1,
    changePct: 25,
    better: 'up',
    ...o,
  });
  it('says whether a change is good news', () => {
    expect(kpiChange(k({}))).toEqual({ text: '较上月 +1（+25.00%）', tone: 'good' });
    expect(kpiChange(k({ better: 'down' })).tone).toBe('bad');
    expect(kpiChange(k({ better: 'none' })).tone).toBe('neutral');
    expect(kpiChange(k({ change: null })).text).toBe('上月无数据');
    expect(kpiChange(k({ format: 'pct', change: -0.05, changePct: null }))).toEqual({
      text: '较上月 −5.00 个百分点',
      tone: 'bad',
    });
  });
});

describe(niceScale.name, () => {
  it('rounds an axis up to a round step', () => {
    expect(niceScale(0)).toEqual({ max: 5, step: 1 });
    expect(niceScale(2)).toEqual({ max: 2, step: 1 });
    expect(niceScale(37)).toEqual({ max: 40, step: 10 });
    expect(niceScale(1234)).toEqual({ max: 1250, step: 250 });
  });
});

const font = findCjkFont('');
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

/** A month with many units and long names: tables must break across pages and stay legible. */
function bigReport(): MonthlyReport {
  const names = Array.from(
    { length: 70 },
    (_, i) => `云溪区第${i + 1}城市管理综合执法中队（东湖片区）`,
  );
  const unitRows = names.map((name, i) => ({
    mark: i < 5 ? ('red' as const) : i >= 65 ? ('yellow' as const) : null,
    cells: [
      i + 1,
      name,
      100 - i,
      90 - i,
      0.9,
      0.8,
      0.05,
      i % 3,
      0.01,
      0,
      0,
      95 - i,
      'B',
      94 - i,
      1,
      null,
    ],
  }));
  return {
    title: '示范市 2026年11月 月度综合评价报告',
    region: { level: 'city', id: null, name: '示范市', fullName: '示范市' },
    month: '2026-11',
    monthLabel: '2026年11月',
    previousMonth: '2026-10',
    previousMonthLabel: '2026年10月',
    period: {
      kind: 'month',
      label: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      days: 30,
      start: '',
      end: '',
    },
    previousPeriod: {
      kind: 'month',
      label: '2026-10',
      from: '2026-10-01',
      to: '2026-10-31',
      days: 31,
      start: '',
      end: '',
    },
    generatedAt: '2026-12-02T09:00:00+08:00',
    generatedAtText: '2026-12-02 09:00',
    timeZone: 'Asia/Shanghai',
    asOfNote: '本报告数据截至 2026-12-02 09:00。',
    kpis: [],
    daily: Array.from({ length: 30 }, (_, i) => ({
      day: i + 1,
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      reported: 1000 + ((i * 37) % 400),
      previous: 900 + ((i * 53) % 500),
    })),
    unitBars: names.map((name, i) => ({ name, composite: 95 - i, grade: 'B', mark: null })),
    lists: [
      { subject: 'unit', title: '处置单位', red: names.slice(0, 5), yellow: names.slice(65) },
    ],
    listRules: { redMin: 90, yellowBelow: 60, top: 5, bottom: 5 },
    tables: [
      {
        id: 'unit',
        title: '处置单位综合评价排名',
        sheet: '处置单位',
        columns: [
          '排名',
          '处置单位',
          '应处置',
          '已处置',
          '处置率',
          '按期处置率',
          '返工率',
          '超期未处置',
          '延期率',
          '回退',
          '挂账',
          '综合得分',
          '等级',
          '上月得分',
          '较上月',
          '榜单',
        ].map((title, i) => ({
          title,
          format: (
            [
              'int',
              'text',
              'int',
              'int',
              'pct',
              'pct',
              'pct',
              'int',
              'pct',
              'int',
              'int',
              'score',
              'text',
              'score',
              'signedScore',
              'text',
            ] as const
          )[i]!,
          width: i === 1 ? 22 : 9,
          pdf: i !== 8,
        })),
        rows: unitRows,
        barColumn: 11,
      },
    ],
  };
}

const skipReason = !font.ok
  ? `no CJK font (${font.reason}): apt-get install fonts-noto-cjk`
  : !hasPdftotext
    ? 'pdftotext is not installed: apt-get install poppler-utils'
    : null;
// Outside CI a machine without them skips, saying why; CI installs them and must run.
const skip = skipReason !== null && !process.env.CI;
if (skip) {
  console.warn(`monthly-pdf.test: skipping the rendering check: ${skipReason}`);
}

describe.skipIf(skip)(renderMonthlyPdf.name, () => {
  it('breaks long tables over pages, cuts them at the PDF row limit and draws every glyph', async () => {
    const spec = font.ok ? font.spec : null;
    const regular = loadFace(spec!.regular);
    const out = await renderMonthlyPdf(
      bigReport(),
      regular,
      spec!.bold ? loadFace(spec!.bold) : undefined,
    );
    expect(out.missingGlyphs).toEqual([]);
    const file = join(mkdtempSync(join(tmpdir(), 'cityloop-pdf-')), 'big.pdf');
    writeFileSync(file, out.file);
    const raw = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    // pdftotext drops the spaces between CJK and Latin text: compare without spaces.
    const text = raw.replace(/[ \t]+/g, '');
    expect(text).toContain(`仅列出前${PDF_ROW_LIMIT}行（共70行）`);
    expect(text).toContain('仅显示前25个单位（共70个）');
    expect(text).toContain('第1页/共3页');
    // The table header repeats on the page a table continues on.
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.filter((p) => p.includes('排名处置单位')).length).toBeGreaterThanOrEqual(2);
    // Numbers are shrunk to fit, never cut.
    expect(text).not.toMatch(/\d…/);
  });
});
