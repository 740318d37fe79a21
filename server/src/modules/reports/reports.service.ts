import { latLngToCell } from 'h3-js';
import type { AppContext } from '../../context';
import { appError } from '../../lib/app-error';
import type { Actor } from '../auth/actor';
import { formatInstant } from '../clock';
import type { EvaluationService, IndicatorsView } from '../evaluation/evaluation.service';
import { NONE } from '../evaluation/facts';
import { evaluate, type Subject } from '../evaluation/indicators';
import { datesOf } from '../evaluation/period';
import type { RegionDirectory } from '../space/region-directory';
import { FONT_HELP, findCjkFont, loadFace, type CjkFontSpec, type LoadedFace } from './cjk-font';
import { renderMonthlyPdf } from './monthly-pdf';
import {
  buildMonthlyReport,
  type MatterCount,
  type MonthlyInputs,
  type MonthlyReport,
  type SubjectInput,
} from './monthly-report';
import { renderMonthlyXlsx } from './monthly-xlsx';
import type { MonthlyReportQuery } from './reports.schema';

/** What the reports need from the other modules (wired in services.ts). */
export interface ReportsPorts {
  evaluation: Pick<
    EvaluationService,
    'indicators' | 'rankings' | 'trends' | 'ratio721' | 'hotspots' | 'settings'
  >;
  regions(): RegionDirectory;
  /** The city's time zone (the working calendar's). */
  timeZone(): string;
  /** A matter's name by code, or null when unknown. */
  matterName(code: string): Promise<string | null>;
  /** The grid and community of a point (WGS84), or null outside every grid. */
  locate(lng: number, lat: number): { gridCode: string; communityName: string | null } | null;
  /** A grid's centre, name and community within the actor's jurisdiction, or null. */
  grid(
    actor: Actor,
    code: string,
  ): Promise<{
    center: [number, number];
    name: string | null;
    communityName: string | null;
  } | null>;
}

/** A report file and the names to save it under. */
export interface ReportFile {
  file: Buffer;
  /** ASCII file name ('cityloop-monthly-report-2026-11.pdf'). */
  filename: string;
  /** The Chinese file name ('云溪区东湖街道-2026年11月-月度综合评价报告.pdf'). */
  displayName: string;
}

/** H3 resolution of the report's hotspots (≈ 0.7 km² cells) and how many are listed. */
const HOTSPOT_RES = 8;
const HOTSPOT_TOP = 10;
/** The month's top matters whose cells are counted for the hotspots' main matters. */
const HOTSPOT_MATTERS = 10;
/** Top grids looked at to tell where each hotspot cell lies. */
const HOTSPOT_GRIDS = 100;
/** Repeat locations listed. */
const REPEATS_TOP = 50;
/** Main matters printed per hotspot. */
const MATTERS_PER_CELL = 3;
/** trends() returns at most this many keys; areas of one level in a scope stay below it. */
const TREND_TOP = 200;
/** trends() spans at most 24 periods. */
const TREND_MAX_COUNT = 24;

type Level = MonthlyReport['region']['level'];

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function subjectsOf(level: Level): Subject[] {
  const areas: Subject[] =
    level === 'city' ? ['district', 'street', 'community'] : ['street', 'community'];
  return ['unit', ...areas, 'inspector', 'intake_clerk', 'shift_leader', 'dispatcher'];
}

/**
 * The monthly evaluation report (月度综合评价报告) of the caller's jurisdiction: built from the
 * evaluation service's answers for the month and the month before, as data, Excel or PDF.
 */
export function createReportsService(ctx: AppContext, ports: ReportsPorts) {
  const ev = ports.evaluation;
  let fontCache: { configured: string; spec: CjkFontSpec } | null = null;

  function fontMissing(reason: string): never {
    ctx.log.warn({ reason }, 'PDF report: no usable font with Chinese glyphs');
    throw appError(
      'REPORT_FONT_MISSING',
      `The PDF report needs a font with Chinese glyphs and none is usable on the server: ${FONT_HELP}.`,
      { package: 'fonts-noto-cjk', variable: 'REPORT_FONT_PATH' },
    );
  }

  /** The CJK font to draw with (looked up once; a failed look-up is repeated next time). */
  function fontSpec(): CjkFontSpec {
    const configured = ctx.config.reports.fontPath;
    if (!fontCache || fontCache.configured !== configured) {
      const found = findCjkFont(configured);
      if (!found.ok) {
        fontMissing(found.reason);
      }
      fontCache = { configured, spec: found.spec };
    }
    return fontCache.spec;
  }

  /** The faces, read for one document. */
  function fonts(): { regular: LoadedFace; bold?: LoadedFace } {
    const { regular, bold } = fontSpec();
    try {
      return { regular: loadFace(regular), bold: bold ? loadFace(bold) : undefined };
    } catch (err) {
      fontCache = null;
      return fontMissing(`the font file can no longer be read (${(err as Error).message})`);
    }
  }

  let queue: Promise<unknown> = Promise.resolve();
  /** Runs jobs one after the other (a failed job does not stop the next). */
  function serially<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  function regionOf(actor: Actor): MonthlyReport['region'] {
    const regions = ports.regions();
    const { level, regionId } = actor.scope;
    if (level === 'unit') {
      throw appError(
        'AUTH_OUT_OF_SCOPE',
        'The monthly report covers an area (city, district or street); a unit reads its own figures at /api/v1/evaluation/indicators?subject=unit',
      );
    }
    if (level === 'city') {
      const root = (regionId ? regions.byId(regionId) : undefined) ?? regions.root();
      const name = root?.name ?? '全市';
      return { level, id: root?.id ?? null, name, fullName: name };
    }
    const node = regionId ? regions.byId(regionId) : undefined;
    if (!node) {
      throw appError('AUTH_OUT_OF_SCOPE', 'Your jurisdiction names no known region');
    }
    const chain = regions.chain(node.id);
    const parent = level === 'street' ? chain.district : chain.city;
    return { level, id: node.id, name: node.name, fullName: `${parent?.name ?? ''}${node.name}` };
  }

  /**
   * The region's own counts: the sum of the rows of its level (a city's: of its districts,
   * and of the cases outside any district), so the KPIs are exactly the evaluation's.
   */
  function sumCounts(v: IndicatorsView): Record<string, number> {
    const out: Record<string, number> = {};
    for (const row of v.rows) {
      for (const [k, n] of Object.entries(row.counts)) {
        out[k] = (out[k] ?? 0) + n;
      }
    }
    return out;
  }

  /** Reported cases per local day of [from, to], in windows of at most 24 days. */
  async function dailyIntake(
    actor: Actor,
    region: MonthlyReport['region'],
    p: { from: string; to: string },
  ): Promise<{ date: string; reported: number }[]> {
    const dates = datesOf(p);
    const byDate = new Map(dates.map((d) => [d, 0]));
    for (let end = dates.length; end > 0; end -= TREND_MAX_COUNT) {
      const count = Math.max(2, Math.min(TREND_MAX_COUNT, end));
      const t = await ev.trends(actor, {
        dimension: region.level,
        metric: 'reported',
        key: region.level === 'city' ? undefined : (region.id ?? undefined),
        count,
        top: TREND_TOP,
        period: 'day',
        date: dates[end - 1],
      });
      t.periods.forEach((per, i) => {
        if (byDate.has(per.from)) {
          byDate.set(
            per.from,
            t.series.reduce((a, s) => a + (s.values[i] ?? 0), 0),
          );
        }
      });
    }
    return dates.map((date) => ({ date, reported: byDate.get(date) ?? 0 }));
  }

  async function subjectInput(
    actor: Actor,
    subject: Subject,
    month: string,
    before: string,
  ): Promise<SubjectInput> {
    const q = { subject, period: 'month' as const };
    const current = await ev.indicators(actor, { ...q, date: month });
    const previous = await ev.indicators(actor, { ...q, date: before });
    const rankings = await ev.rankings(actor, { ...q, date: month });
    return { subject, current, previous, rankings };
  }

  async function build(actor: Actor, month: string): Promise<MonthlyReport> {
    const region = regionOf(actor);
    const tz = ports.timeZone();
    const generatedAt = formatInstant(ctx.clock.now(), tz);
    const before = previousMonth(month);
    const settings = await ev.settings();

    const subjects: SubjectInput[] = [];
    for (const s of subjectsOf(region.level)) {
      subjects.push(await subjectInput(actor, s, month, before));
    }
    const head: IndicatorsView = subjects[0]!.current;
    const period = head.period;
    const previousPeriod = subjects[0]!.previous.period;

    const areaSubject = region.level === 'street' ? 'street' : 'district';
    const rules = {
      components: settings.composites[areaSubject],
      bands: settings.bands[areaSubject],
      bandBasisDays: settings.bandBasisDays,
      grades: settings.grades,
    };
    const areaInput =
      subjects.find((x) => x.subject === areaSubject) ??
      (await subjectInput(actor, areaSubject, month, before));
    const counts = {
      current: sumCounts(areaInput.current),
      previous: sumCounts(areaInput.previous),
    };
    const area = {
      current: {
        counts: counts.current,
        evaluation: evaluate(areaSubject, counts.current, rules, period.days),
      },
      previous: {
        counts: counts.previous,
        evaluation: evaluate(areaSubject, counts.previous, rules, previousPeriod.days),
      },
    };

    const daily = await dailyIntake(actor, region, period);
    const previousDaily = await dailyIntake(actor, region, previousPeriod);
    const ratio721 = await ev.ratio721(actor, { groupBy: 'unit', period: 'month', date: month });
    const hot = await ev.hotspots(actor, {
      res: HOTSPOT_RES,
      top: HOTSPOT_GRIDS,
      period: 'month',
      date: month,
    });
    const hotspots = {
      ...hot,
      cells: hot.cells.slice(0, HOTSPOT_TOP),
      grids: hot.grids.slice(0, HOTSPOT_TOP),
      repeats: hot.repeats.slice(0, REPEATS_TOP),
    };

    // Matter names, looked up once each.
    const names = new Map<string, string>();
    const nameOf = async (code: string) => {
      if (!names.has(code)) {
        names.set(code, code === NONE ? '未分类' : ((await ports.matterName(code)) ?? code));
      }
      return names.get(code)!;
    };

    // The month's top matters, and their counts in each hotspot cell.
    const matterTrend = await ev.trends(actor, {
      dimension: 'matter',
      metric: 'reported',
      count: 2,
      top: HOTSPOT_MATTERS + 1,
      period: 'month',
      date: month,
    });
    const matters: MatterCount[] = [];
    for (const s of matterTrend.series) {
      const count = s.values[1] ?? 0;
      if (count > 0) {
        matters.push({
          code: s.key,
          name: await nameOf(s.key),
          count,
          previous: s.values[0] ?? 0,
        });
      }
    }
    const topCells = new Set(hotspots.cells.map((c) => c.cell));
    const perCell = new Map<string, { name: string; count: number }[]>();
    for (const m of matters.filter((x) => x.code !== NONE).slice(0, HOTSPOT_MATTERS)) {
      const h = await ev.hotspots(actor, {
        res: HOTSPOT_RES,
        matter: m.code,
        top: 500,
        period: 'month',
        date: month,
      });
      for (const c of h.cells) {
        if (topCells.has(c.cell)) {
          perCell.set(c.cell, [...(perCell.get(c.cell) ?? []), { name: m.name, count: c.count }]);
        }
      }
    }
    // Where each hotspot lies: the busiest grids whose centre falls in the cell.
    const gridsInCell = new Map<string, string[]>();
    for (const g of hot.grids) {
      const info = await ports.grid(actor, g.gridCode);
      if (!info) {
        continue;
      }
      const cell = latLngToCell(info.center[1], info.center[0], HOTSPOT_RES);
      if (topCells.has(cell)) {
        const label = `${info.communityName ?? ''} ${info.name ?? g.gridCode}（${g.count}件）`;
        gridsInCell.set(cell, [...(gridsInCell.get(cell) ?? []), label.trim()]);
      }
    }
    const cellMatters = new Map<string, { name: string; count: number }[]>();
    const cellPlaces = new Map<string, string>();
    for (const c of hotspots.cells) {
      const list = (perCell.get(c.cell) ?? []).sort((a, b) => b.count - a.count);
      const shown = list.slice(0, MATTERS_PER_CELL);
      const rest = c.count - shown.reduce((a, m) => a + m.count, 0);
      cellMatters.set(c.cell, rest > 0 ? [...shown, { name: '其他', count: rest }] : shown);
      const grids = gridsInCell.get(c.cell);
      const hit = ports.locate(c.center.lng, c.center.lat);
      cellPlaces.set(
        c.cell,
        grids
          ? grids.slice(0, 2).join('、')
          : hit
            ? `${hit.communityName ?? ''} ${hit.gridCode}`.trim()
            : '—',
      );
    }
    for (const r of hotspots.repeats) {
      await nameOf(r.matterCode);
    }
    const regions = ports.regions();

    const inputs: MonthlyInputs = {
      region,
      month,
      previousMonth: before,
      period,
      previousPeriod,
      generatedAt,
      timeZone: tz,
      area,
      daily,
      previousDaily,
      subjects,
      ratio721,
      hotspots,
      cellMatters,
      cellPlaces,
      gridPlace: (code) => regions.byCode(code.slice(0, 12))?.name ?? '',
      matterName: (code) => names.get(code) ?? code,
      matters: matters.slice(0, HOTSPOT_MATTERS),
    };
    return buildMonthlyReport(inputs);
  }

  const fileNames = (r: MonthlyReport, ext: string) => ({
    filename: `cityloop-monthly-report-${r.month}.${ext}`,
    displayName: `${r.region.fullName}-${r.monthLabel}-月度综合评价报告.${ext}`,
  });

  return {
    /**
     * The monthly report as data (what the files show), for the caller's jurisdiction: the
     * city, their district or their street.
     * @throws AUTH_OUT_OF_SCOPE (a unit-scoped user), EVALUATION_PERIOD_INVALID
     */
    async monthly(actor: Actor, q: MonthlyReportQuery): Promise<MonthlyReport> {
      return build(actor, q.month);
    },

    /**
     * The monthly report as an Excel workbook.
     * @throws AUTH_OUT_OF_SCOPE, EVALUATION_PERIOD_INVALID
     */
    async monthlyXlsx(actor: Actor, q: MonthlyReportQuery): Promise<ReportFile> {
      const r = await build(actor, q.month);
      return { file: await renderMonthlyXlsx(r), ...fileNames(r, 'xlsx') };
    },

    /**
     * The monthly report as a PDF with the Chinese font's used glyphs embedded.
     * @throws REPORT_FONT_MISSING (no font with Chinese glyphs: 503), AUTH_OUT_OF_SCOPE,
     *   EVALUATION_PERIOD_INVALID
     */
    async monthlyPdf(actor: Actor, q: MonthlyReportQuery): Promise<ReportFile> {
      regionOf(actor);
      fontSpec();
      const r = await build(actor, q.month);
      // One PDF at a time: each holds the font files (≈ 20 MB a face) while it draws.
      const out = await serially(async () => {
        const face = fonts();
        return renderMonthlyPdf(r, face.regular, face.bold);
      });
      if (out.missingGlyphs.length > 0) {
        ctx.log.warn(
          { chars: out.missingGlyphs.join('') },
          'PDF report: characters without a glyph in the font',
        );
      }
      return { file: out.file, ...fileNames(r, 'pdf') };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
