/**
 * The monthly report as a PDF (A4, pdfkit): every string in the embedded CJK font (pdfkit
 * embeds the subset of glyphs used), charts drawn as vector graphics, tables that repeat their
 * header across pages, and a page header and footer on every page.
 */
import PDFDocument from 'pdfkit';
import type { LoadedFace } from './cjk-font';
import type {
  CellFormat,
  CellValue,
  DailyPoint,
  Kpi,
  ListMark,
  MonthlyReport,
  ReportTable,
  UnitBar,
} from './monthly-report';

/** Rows of one table printed in the PDF; the Excel file has them all. */
export const PDF_ROW_LIMIT = 40;
/** Bars of the unit chart. */
export const PDF_BAR_LIMIT = 25;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 50, bottom: 50, left: 40, right: 40 };
const CONTENT_W = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

const C = {
  text: '#1f2933',
  muted: '#6b7785',
  rule: '#d5dbe1',
  grid: '#e6eaee',
  head: '#eef2f6',
  zebra: '#f8fafb',
  accent: '#1f5fa8',
  previous: '#9aa5b1',
  good: '#2e7d32',
  bad: '#c62828',
  redRow: '#fdecea',
  yellowRow: '#fff6d6',
  red: '#c62828',
  yellow: '#b7791f',
  note: '#fff8e1',
};

const GRADE_COLORS: Record<string, string> = {
  A: '#2e7d32',
  B: '#00897b',
  C: '#1e88e5',
  D: '#fb8c00',
  E: '#e53935',
};

const group = (n: number) => Math.round(n).toLocaleString('en-US');

/** A cell as printed: counts grouped, rates in per cent, scores with 2 decimals, '—' for none. */
export function formatCell(v: CellValue, f: CellFormat): string {
  if (v === null || v === '') {
    return '—';
  }
  if (typeof v === 'string') {
    return v;
  }
  switch (f) {
    case 'int':
      return group(v);
    case 'pct':
      return `${(v * 100).toFixed(2)}%`;
    case 'score':
      return v.toFixed(2);
    case 'signedInt':
      return v > 0 ? `+${group(v)}` : v < 0 ? `−${group(-v)}` : '0';
    case 'signedScore':
      return v > 0 ? `+${v.toFixed(2)}` : v < 0 ? `−${(-v).toFixed(2)}` : '0.00';
    case 'points':
      return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)} 个百分点`;
    case 'text':
      return String(v);
  }
}

/** The change line of a KPI ('较上月 +12（+8.00%）'), and whether it is good news. */
export function kpiChange(k: Kpi): { text: string; tone: 'good' | 'bad' | 'neutral' } {
  if (k.change === null) {
    return { text: '上月无数据', tone: 'neutral' };
  }
  const text =
    k.format === 'pct'
      ? `较上月 ${formatCell(k.change * 100, 'points')}`
      : k.format === 'score'
        ? `较上月 ${formatCell(k.change, 'signedScore')}`
        : `较上月 ${formatCell(k.change, 'signedInt')}${
            k.changePct !== null
              ? `（${formatCell(k.changePct / 100, 'pct').replace(/^(\d)/, '+$1')}）`
              : ''
          }`;
  const tone =
    k.better === 'none' || k.change === 0
      ? 'neutral'
      : k.change > 0 === (k.better === 'up')
        ? 'good'
        : 'bad';
  return { text, tone };
}

/** A y-axis maximum at a round number at or above `max`, and its step for 5 ticks. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (max <= 0) {
    return { max: ticks, step: 1 };
  }
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw - 1e-9)!;
  const s = Number.isInteger(max) ? Math.max(1, step) : step;
  return { max: Math.ceil(max / s) * s, step: s };
}

type Font = 'body' | 'bold';

interface TextOpts {
  size: number;
  /** Shrink the font (down to 5 pt) rather than cut the text: numbers are never cut. */
  shrink?: boolean;
  font?: Font;
  color?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
}

class Writer {
  readonly doc: PDFKit.PDFDocument;
  y = MARGIN.top;
  /** Characters the font has no glyph for (drawn as .notdef): must stay empty. */
  readonly missing = new Set<string>();

  constructor(
    readonly report: MonthlyReport,
    private readonly face: LoadedFace,
    bold: LoadedFace | undefined,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: report.title,
        Author: 'cityloop',
        Subject: `${report.region.fullName} ${report.monthLabel} 月度综合评价报告`,
        Creator: 'cityloop',
        Producer: 'cityloop (pdfkit)',
        CreationDate: new Date(report.generatedAt),
      },
    });
    this.doc.registerFont('body', face.data, face.face);
    this.doc.registerFont('bold', (bold ?? face).data, (bold ?? face).face);
    this.doc.font('body');
  }

  check(s: string): void {
    for (const ch of s) {
      if (ch.trim() !== '' && !this.face.hasGlyph(ch.codePointAt(0)!)) {
        this.missing.add(ch);
      }
    }
  }

  use(o: TextOpts): void {
    this.doc
      .font(o.font ?? 'body')
      .fontSize(o.size)
      .fillColor(o.color ?? C.text);
  }

  lineHeight(size: number, font: Font = 'body'): number {
    this.doc.font(font).fontSize(size);
    return this.doc.currentLineHeight();
  }

  /** Shortens a string with '…' to fit `width` in the current font. */
  fit(s: string, width: number): string {
    if (this.doc.widthOfString(s) <= width) {
      return s;
    }
    const chars = [...s];
    while (chars.length > 0 && this.doc.widthOfString(`${chars.join('')}…`) > width) {
      chars.pop();
    }
    return `${chars.join('')}…`;
  }

  /** One line at (x, y), clipped to `width` with an ellipsis. */
  line(s: string, x: number, y: number, o: TextOpts): void {
    this.use(o);
    const w = o.width ?? CONTENT_W;
    let dy = 0;
    if (o.shrink && this.doc.widthOfString(s) > w) {
      const full = this.doc.currentLineHeight();
      let size = o.size;
      while (size > 5 && this.doc.widthOfString(s) > w) {
        size -= 0.5;
        this.doc.fontSize(size);
      }
      dy = (full - this.doc.currentLineHeight()) / 2;
    }
    const t = this.fit(s, w);
    this.check(t);
    this.doc.text(t, x, y + dy, { width: w, align: o.align ?? 'left', lineBreak: false });
  }

  /** Wrapped text at the current y; moves y below it. */
  para(s: string, o: TextOpts & { x?: number; gap?: number }): void {
    this.use(o);
    const w = o.width ?? CONTENT_W;
    const h = this.doc.heightOfString(s, { width: w });
    this.ensure(h);
    this.use(o);
    this.check(s);
    this.doc.text(s, o.x ?? MARGIN.left, this.y, { width: w, align: o.align ?? 'left' });
    this.y += h + (o.gap ?? 4);
  }

  ensure(h: number): void {
    if (this.y + h > BOTTOM) {
      this.doc.addPage();
      this.y = MARGIN.top;
    }
  }

  /** A heading kept together with the first `need` points of what follows it. */
  heading(s: string, level: 1 | 2 = 1, need = 70): void {
    const size = level === 1 ? 13 : 10.5;
    const h = this.lineHeight(size, 'bold');
    this.ensure(h + 10 + need);
    this.y += level === 1 ? 10 : 6;
    if (level === 1) {
      this.doc.rect(MARGIN.left, this.y + 2, 3, h - 4).fill(C.accent);
      this.line(s, MARGIN.left + 8, this.y, { size, font: 'bold', color: C.accent });
      this.doc.outline.addItem(s);
    } else {
      this.line(s, MARGIN.left, this.y, { size, font: 'bold' });
    }
    this.y += h + 4;
  }
}

function drawTitle(w: Writer): void {
  const r = w.report;
  const doc = w.doc;
  doc.rect(0, 0, PAGE.width, 118).fill('#163f6e');
  w.line(r.region.fullName, MARGIN.left, 26, { size: 13, color: '#d6e4f5' });
  w.line(`${r.monthLabel} 月度综合评价报告`, MARGIN.left, 46, {
    size: 24,
    font: 'bold',
    color: '#ffffff',
  });
  w.line(
    `统计周期 ${r.period.from} 至 ${r.period.to}（${r.period.days} 天） · 对比 ${r.previousMonthLabel}`,
    MARGIN.left,
    88,
    { size: 9, color: '#d6e4f5' },
  );
  w.y = 132;
  w.line(`生成时间：${r.generatedAtText}（${r.timeZone}）`, MARGIN.left, w.y, {
    size: 9,
    color: C.muted,
  });
  w.y += 16;
  // The "as of" note: figures of open cases still move.
  w.use({ size: 8.5 });
  const h = doc.heightOfString(r.asOfNote, { width: CONTENT_W - 16 }) + 10;
  doc.rect(MARGIN.left, w.y, CONTENT_W, h).fill(C.note);
  doc.rect(MARGIN.left, w.y, 3, h).fill('#f0b429');
  const y0 = w.y;
  w.y += 5;
  w.para(r.asOfNote, { size: 8.5, x: MARGIN.left + 10, width: CONTENT_W - 16, color: '#5c4813' });
  w.y = y0 + h + 4;
}

function drawKpis(w: Writer): void {
  const perRow = 4;
  const gap = 8;
  const bw = (CONTENT_W - gap * (perRow - 1)) / perRow;
  const bh = 58;
  const kpis = w.report.kpis;
  for (let i = 0; i < kpis.length; i += perRow) {
    w.ensure(bh + gap);
    kpis.slice(i, i + perRow).forEach((k, j) => {
      const x = MARGIN.left + j * (bw + gap);
      const y = w.y;
      w.doc.roundedRect(x, y, bw, bh, 4).lineWidth(0.6).fillAndStroke('#ffffff', C.rule);
      w.line(k.title, x + 8, y + 6, { size: 8.5, color: C.muted, width: bw - 16 });
      const value =
        k.format === 'pct'
          ? formatCell(k.value, 'pct')
          : k.format === 'score'
            ? `${formatCell(k.value, 'score')}${k.grade ? ` ${k.grade}` : ''}`
            : formatCell(k.value, 'int');
      w.line(value, x + 8, y + 19, { size: 16, font: 'bold', width: bw - 16 });
      const ch = kpiChange(k);
      w.line(ch.text, x + 8, y + 41, {
        size: 7.5,
        width: bw - 16,
        color: ch.tone === 'good' ? C.good : ch.tone === 'bad' ? C.bad : C.muted,
      });
    });
    w.y += bh + gap;
  }
}

const DAILY_H = 170;

/** Line chart of the daily intake, this month (solid) against last month (dashed). */
function drawDaily(w: Writer, points: DailyPoint[]): void {
  const doc = w.doc;
  const h = DAILY_H;
  w.ensure(h);
  const x0 = MARGIN.left + 34;
  const x1 = MARGIN.left + CONTENT_W - 8;
  const yTop = w.y + 18;
  const yBase = w.y + h - 22;
  const max = Math.max(1, ...points.map((p) => Math.max(p.reported, p.previous ?? 0)));
  const scale = niceScale(max);
  const days = Math.max(points.length, 2);
  const px = (day: number) => x0 + ((day - 1) / (days - 1)) * (x1 - x0);
  const py = (v: number) => yBase - (v / scale.max) * (yBase - yTop);

  // Legend.
  const lx = x1 - 150;
  doc
    .moveTo(lx, w.y + 6)
    .lineTo(lx + 18, w.y + 6)
    .lineWidth(1.6)
    .stroke(C.accent);
  w.line(`${w.report.monthLabel}`, lx + 22, w.y + 1, { size: 7.5, width: 60 });
  doc
    .moveTo(lx + 80, w.y + 6)
    .lineTo(lx + 98, w.y + 6)
    .lineWidth(1.2)
    .dash(3, { space: 2 })
    .stroke(C.previous);
  doc.undash();
  w.line(`${w.report.previousMonthLabel}`, lx + 102, w.y + 1, { size: 7.5, width: 60 });
  w.line('件', MARGIN.left, w.y + 1, { size: 7.5, color: C.muted, width: 30 });

  // Grid and axes.
  for (let v = 0; v <= scale.max + 1e-9; v += scale.step) {
    const y = py(v);
    doc
      .moveTo(x0, y)
      .lineTo(x1, y)
      .lineWidth(0.5)
      .stroke(v === 0 ? C.muted : C.grid);
    w.line(formatCell(v, Number.isInteger(scale.step) ? 'int' : 'score'), MARGIN.left, y - 5, {
      size: 7,
      color: C.muted,
      width: 30,
      align: 'right',
    });
  }
  for (const p of points) {
    if (p.day === 1 || p.day % 5 === 0 || p.day === points.length) {
      doc
        .moveTo(px(p.day), yBase)
        .lineTo(px(p.day), yBase + 3)
        .lineWidth(0.5)
        .stroke(C.muted);
      w.line(String(p.day), px(p.day) - 10, yBase + 5, {
        size: 7,
        color: C.muted,
        width: 20,
        align: 'center',
      });
    }
  }
  w.line('日', x1 - 10, yBase + 13, { size: 7, color: C.muted, width: 20, align: 'right' });

  // Last month, dashed.
  const prev = points.filter((p) => p.previous !== null);
  if (prev.length > 1) {
    prev.forEach((p, i) =>
      i === 0 ? doc.moveTo(px(p.day), py(p.previous!)) : doc.lineTo(px(p.day), py(p.previous!)),
    );
    doc.lineWidth(1).dash(3, { space: 2 }).stroke(C.previous);
    doc.undash();
  }
  // This month, solid with dots.
  if (points.length > 0) {
    points.forEach((p, i) =>
      i === 0 ? doc.moveTo(px(p.day), py(p.reported)) : doc.lineTo(px(p.day), py(p.reported)),
    );
    doc.lineWidth(1.6).lineJoin('round').stroke(C.accent);
    for (const p of points) {
      doc.circle(px(p.day), py(p.reported), 1.8).fill(C.accent);
    }
  }
  w.y += h;
}

const BAR = { h: 11, row: 16 };

/** Height of the unit chart. */
function barsHeight(bars: UnitBar[]): number {
  return bars.length === 0 ? 20 : Math.min(bars.length, PDF_BAR_LIMIT) * BAR.row + 40;
}

/** Horizontal bar chart of the units' composites with the red and yellow list lines. */
function drawUnitBars(w: Writer, bars: UnitBar[]): void {
  const doc = w.doc;
  const rules = w.report.listRules;
  if (bars.length === 0) {
    w.para('本月没有可排名的处置单位。', { size: 9, color: C.muted });
    return;
  }
  const shown = bars.slice(0, PDF_BAR_LIMIT);
  const labelW = 120;
  const x0 = MARGIN.left + labelW + 6;
  const x1 = MARGIN.left + CONTENT_W - 52;
  w.ensure(barsHeight(bars));
  const top = w.y + 4;
  const px = (v: number) => x0 + (Math.max(0, Math.min(100, v)) / 100) * (x1 - x0);
  const bottom = top + shown.length * BAR.row;
  for (let v = 0; v <= 100; v += 20) {
    doc
      .moveTo(px(v), top)
      .lineTo(px(v), bottom)
      .lineWidth(0.5)
      .stroke(v === 0 ? C.muted : C.grid);
    w.line(String(v), px(v) - 10, bottom + 3, {
      size: 7,
      color: C.muted,
      width: 20,
      align: 'center',
    });
  }
  for (const [v, label, color] of [
    [rules.yellowBelow, `黄榜线 ${rules.yellowBelow}`, C.yellow],
    [rules.redMin, `红榜线 ${rules.redMin}`, C.red],
  ] as const) {
    doc
      .moveTo(px(v), top - 2)
      .lineTo(px(v), bottom)
      .lineWidth(0.8)
      .dash(2, { space: 2 })
      .stroke(color);
    doc.undash();
    w.line(label, px(v) - 30, bottom + 12, { size: 7, color, width: 60, align: 'center' });
  }
  shown.forEach((b, i) => {
    const y = top + i * BAR.row + (BAR.row - BAR.h) / 2;
    w.line(b.name, MARGIN.left, y + 1, { size: 8, width: labelW, align: 'right' });
    const color = GRADE_COLORS[b.grade ?? ''] ?? C.accent;
    doc.rect(x0, y, Math.max(0.5, px(b.composite) - x0), BAR.h).fill(color);
    const label = `${b.composite.toFixed(2)} ${b.grade ?? ''}${b.mark === 'red' ? ' 红榜' : b.mark === 'yellow' ? ' 黄榜' : ''}`;
    w.use({ size: 7.5 });
    const lw = doc.widthOfString(label) + 4;
    doc.rect(px(b.composite) + 1, y, lw, BAR.h).fill('#ffffff');
    w.line(label, px(b.composite) + 3, y + 1, {
      size: 7.5,
      width: 60,
      color: b.mark === 'red' ? C.red : b.mark === 'yellow' ? C.yellow : C.text,
    });
  });
  w.y = bottom + 26;
  if (bars.length > shown.length) {
    w.para(`仅显示前 ${shown.length} 个单位（共 ${bars.length} 个）。`, {
      size: 7.5,
      color: C.muted,
    });
  }
}

function drawLists(w: Writer): void {
  const r = w.report.listRules;
  w.para(
    `红榜：综合得分 ≥ ${r.redMin} 的前 ${r.top} 名；黄榜：综合得分低于 ${r.yellowBelow} 的后 ${r.bottom} 名（最差在前）。`,
    { size: 8.5, color: C.muted },
  );
  for (const l of w.report.lists) {
    const red = l.red.length > 0 ? l.red.join('、') : '（无）';
    const yellow = l.yellow.length > 0 ? l.yellow.join('、') : '（无）';
    w.ensure(28);
    w.line(l.title, MARGIN.left, w.y, { size: 9, font: 'bold', width: 70 });
    w.doc.roundedRect(MARGIN.left + 72, w.y, 26, 12, 2).fill(C.red);
    w.line('红榜', MARGIN.left + 72, w.y + 0.5, {
      size: 7.5,
      color: '#fff',
      width: 26,
      align: 'center',
    });
    w.para(red, { size: 8.5, x: MARGIN.left + 104, width: CONTENT_W - 104, gap: 2 });
    w.ensure(14);
    w.doc.roundedRect(MARGIN.left + 72, w.y, 26, 12, 2).fill(C.yellow);
    w.line('黄榜', MARGIN.left + 72, w.y + 0.5, {
      size: 7.5,
      color: '#fff',
      width: 26,
      align: 'center',
    });
    w.para(yellow, { size: 8.5, x: MARGIN.left + 104, width: CONTENT_W - 104, gap: 6 });
  }
}

function drawTable(w: Writer, t: ReportTable): void {
  const doc = w.doc;
  const cols = t.columns.map((c, i) => ({ ...c, i })).filter((c) => c.pdf);
  const total = cols.reduce((a, c) => a + c.width, 0);
  // Narrow tables keep a natural width instead of stretching over the page.
  const perUnit = Math.min(CONTENT_W / total, 6.5);
  const widths = cols.map((c) => c.width * perUnit);
  const tableW = total * perUnit;
  const size = 7.5;
  const pad = 3;
  const rowH = 15;
  doc.font('bold').fontSize(size);
  const headH =
    Math.max(...cols.map((c, j) => doc.heightOfString(c.title, { width: widths[j]! - 2 * pad }))) +
    8;
  const lh = w.lineHeight(size);
  const header = () => {
    let x = MARGIN.left;
    doc.rect(MARGIN.left, w.y, tableW, headH).fill(C.head);
    cols.forEach((c, j) => {
      w.use({ size, font: 'bold' });
      w.check(c.title);
      doc.text(c.title, x + pad, w.y + 4, {
        width: widths[j]! - 2 * pad,
        align: c.format === 'text' ? 'left' : 'center',
      });
      x += widths[j]!;
    });
    w.y += headH;
  };
  const rows = t.rows.slice(0, PDF_ROW_LIMIT);
  w.ensure(headH + rowH * Math.min(3, Math.max(1, rows.length)));
  header();
  if (rows.length === 0) {
    w.line('本月无数据', MARGIN.left + pad, w.y + (rowH - lh) / 2, { size, color: C.muted });
    w.y += rowH;
  }
  rows.forEach((r, ri) => {
    // Wrapping columns may make a row taller.
    w.use({ size });
    const h = Math.max(
      rowH,
      ...cols.map((c, j) =>
        c.wrap
          ? doc.heightOfString(formatCell(r.cells[c.i] ?? null, c.format), {
              width: widths[j]! - 2 * pad,
            }) + 5
          : 0,
      ),
    );
    if (w.y + h > BOTTOM) {
      doc.addPage();
      w.y = MARGIN.top;
      header();
    }
    const bg: Record<Exclude<ListMark, null>, string> = { red: C.redRow, yellow: C.yellowRow };
    const fill = r.mark ? bg[r.mark] : ri % 2 === 1 ? C.zebra : null;
    if (fill) {
      doc.rect(MARGIN.left, w.y, tableW, h).fill(fill);
    }
    let x = MARGIN.left;
    cols.forEach((c, j) => {
      const v = r.cells[c.i] ?? null;
      const s = formatCell(v, c.format);
      if (c.wrap) {
        w.use({ size });
        w.check(s);
        doc.text(s, x + pad, w.y + (rowH - lh) / 2, { width: widths[j]! - 2 * pad });
        x += widths[j]!;
        return;
      }
      const color =
        c.title === '榜单' && v === '红榜'
          ? C.red
          : c.title === '榜单' && v === '黄榜'
            ? C.yellow
            : c.title === '等级' && typeof v === 'string'
              ? (GRADE_COLORS[v] ?? C.text)
              : C.text;
      w.line(s, x + pad, w.y + (rowH - lh) / 2, {
        size,
        width: widths[j]! - 2 * pad,
        align: c.format === 'text' ? 'left' : 'right',
        color,
        font: c.title === '等级' || c.title === '榜单' ? 'bold' : 'body',
        shrink: c.format !== 'text',
      });
      x += widths[j]!;
    });
    w.y += h;
  });
  doc
    .moveTo(MARGIN.left, w.y)
    .lineTo(MARGIN.left + tableW, w.y)
    .lineWidth(0.6)
    .stroke(C.rule);
  w.y += 4;
  const notes = [
    t.note,
    t.rows.length > rows.length
      ? `仅列出前 ${rows.length} 行（共 ${t.rows.length} 行），完整数据见 Excel 版。`
      : undefined,
  ].filter((x): x is string => Boolean(x));
  for (const n of notes) {
    w.para(n, { size: 7.5, color: C.muted, gap: 2 });
  }
  w.y += 6;
}

function drawPageFrames(w: Writer): void {
  const doc = w.doc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (i > range.start) {
      w.line(w.report.title, MARGIN.left, 22, { size: 7.5, color: C.muted });
      doc
        .moveTo(MARGIN.left, 34)
        .lineTo(MARGIN.left + CONTENT_W, 34)
        .lineWidth(0.5)
        .stroke(C.rule);
    }
    w.line(`生成于 ${w.report.generatedAtText} · cityloop`, MARGIN.left, PAGE.height - 32, {
      size: 7,
      color: C.muted,
      width: CONTENT_W / 2,
    });
    w.line(
      `第 ${i - range.start + 1} 页 / 共 ${range.count} 页`,
      MARGIN.left + CONTENT_W / 2,
      PAGE.height - 32,
      { size: 7, color: C.muted, width: CONTENT_W / 2, align: 'right' },
    );
    doc.page.margins.bottom = bottom;
  }
}

const SECTION_OF: Record<string, string> = {
  unit: '处置单位',
  district: '区域',
  street: '区域',
  community: '区域',
  inspector: '人员',
  intake_clerk: '人员',
  shift_leader: '人员',
  dispatcher: '人员',
  ratio721: '721',
  hotspots: '热点',
  hotspot_grids: '热点',
  repeats: '热点',
  matters: '热点',
};

const SECTION_TITLES: Record<string, string> = {
  处置单位: '处置单位排名',
  区域: '区域排名',
  人员: '人员考核',
  721: '721 工作法',
  热点: '热点与高发问题（马路办公）',
};

const NUMERALS = '一二三四五六七八九十';

/**
 * Draws the report. Resolves with the PDF bytes and the characters the font could not draw
 * (empty with a CJK font; the caller logs any).
 */
export function renderMonthlyPdf(
  report: MonthlyReport,
  face: LoadedFace,
  bold?: LoadedFace,
): Promise<{ file: Buffer; missingGlyphs: string[] }> {
  const w = new Writer(report, face, bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    w.doc.on('data', (c: Buffer) => chunks.push(c));
    w.doc.on('end', () => resolve(Buffer.concat(chunks)));
    w.doc.on('error', reject);
  });
  let n = 0;
  const section = (title: string, need?: number) =>
    w.heading(`${NUMERALS[n++] ?? n}、${title}`, 1, need);

  drawTitle(w);
  section('主要指标', 2 * 66);
  drawKpis(w);
  section('每日受理趋势', DAILY_H);
  drawDaily(w, report.daily);
  section('处置单位综合得分', barsHeight(report.unitBars));
  drawUnitBars(w, report.unitBars);
  section('红黄榜');
  drawLists(w);
  let current = '';
  const sectionOf = (t: ReportTable) => SECTION_OF[t.id] ?? t.title;
  for (const t of report.tables) {
    const s = sectionOf(t);
    if (s !== current) {
      current = s;
      section(SECTION_TITLES[s] ?? s);
    }
    // A section of one table needs no second title.
    if (report.tables.filter((x) => sectionOf(x) === s).length > 1) {
      w.heading(t.title, 2);
    }
    drawTable(w, t);
  }
  drawPageFrames(w);
  w.doc.end();
  return done.then((file) => ({ file, missingGlyphs: [...w.missing] }));
}
