/**
 * The monthly evaluation report (月度综合评价报告) as data: pure assembly of the evaluation
 * service's answers into titled tables, KPIs and chart series. The Excel and PDF renderers
 * draw this model; neither computes a figure of its own.
 */
import type {
  EvaluationService,
  IndicatorsView,
  PeriodView,
  RankingsView,
  SubjectRow,
} from '../evaluation/evaluation.service';
import { NONE } from '../evaluation/facts';
import { indicatorsOf, type Evaluation, type Subject } from '../evaluation/indicators';

/** How a cell is shown: counts, rates (0–1), scores (0–100), changes, text. */
export type CellFormat =
  | 'int'
  | 'pct'
  | 'score'
  | 'signedInt'
  | 'signedScore'
  /** A change of a rate, in percentage points (the value is the change × 100). */
  | 'points'
  | 'text';

export type CellValue = string | number | null;

export interface ReportColumn {
  title: string;
  format: CellFormat;
  /** Width in Excel character units; the PDF scales the widths to the page. */
  width: number;
  /** Printed in the PDF too (false: Excel only, to keep the page readable). */
  pdf: boolean;
  /** Long text that wraps onto more lines in the PDF (other cells are cut with '…'). */
  wrap?: boolean;
}

/** 红榜 / 黄榜 mark of a ranked row. */
export type ListMark = 'red' | 'yellow' | null;

export interface ReportRow {
  cells: CellValue[];
  mark: ListMark;
}

export interface ReportTable {
  id: string;
  /** Section title, e.g. '处置单位综合评价排名'. */
  title: string;
  /** Worksheet name (≤ 31 characters). */
  sheet: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The column that gets a data bar in Excel (a composite, a count), if any. */
  barColumn?: number;
  note?: string;
}

export interface Kpi {
  key: string;
  title: string;
  format: 'int' | 'pct' | 'score';
  value: number | null;
  previous: number | null;
  /** value − previous (a rate's change as a fraction; the renderers show percentage points). */
  change: number | null;
  /** Relative change in per cent (counts only), null without a previous value. */
  changePct: number | null;
  /** Which direction is an improvement ('none': neither, e.g. intake). */
  better: 'up' | 'down' | 'none';
  /** The grade of a composite. */
  grade?: string | null;
}

export interface DailyPoint {
  /** Day of the month, 1-based. */
  day: number;
  date: string;
  reported: number;
  /** The same day of the previous month (null when that month is shorter). */
  previous: number | null;
}

export interface UnitBar {
  name: string;
  composite: number;
  grade: string | null;
  mark: ListMark;
}

export interface ListSummary {
  subject: Subject;
  title: string;
  red: string[];
  yellow: string[];
}

export interface MonthlyReport {
  /** '示范市云溪区 2026年11月 月度综合评价报告'. */
  title: string;
  region: {
    level: 'city' | 'district' | 'street';
    id: string | null;
    name: string;
    fullName: string;
  };
  month: string;
  monthLabel: string;
  previousMonth: string;
  previousMonthLabel: string;
  period: PeriodView;
  previousPeriod: PeriodView;
  /** The moment the report was built (ISO, the city's offset) and as local text. */
  generatedAt: string;
  generatedAtText: string;
  timeZone: string;
  /** Figures of open cases may still change: printed under the title. */
  asOfNote: string;
  kpis: Kpi[];
  daily: DailyPoint[];
  unitBars: UnitBar[];
  lists: ListSummary[];
  /** Red/yellow rules in effect (printed with the lists). */
  listRules: { redMin: number; yellowBelow: number; top: number; bottom: number };
  tables: ReportTable[];
}

export type HotspotsView = Awaited<ReturnType<EvaluationService['hotspots']>>;
export type Ratio721View = Awaited<ReturnType<EvaluationService['ratio721']>>;

/** One evaluated subject for the month and the month before. */
export interface SubjectInput {
  subject: Subject;
  current: IndicatorsView;
  previous: IndicatorsView;
  rankings: RankingsView;
}

export interface MatterCount {
  code: string;
  name: string;
  count: number;
  previous: number;
}

/** Everything the report shows, gathered by the service from the evaluation service. */
export interface MonthlyInputs {
  region: MonthlyReport['region'];
  month: string;
  previousMonth: string;
  period: PeriodView;
  previousPeriod: PeriodView;
  generatedAt: string;
  timeZone: string;
  /** The region's own counts and evaluation (area formula), this month and last. */
  area: {
    current: { counts: Record<string, number>; evaluation: Evaluation };
    previous: { counts: Record<string, number>; evaluation: Evaluation };
  };
  daily: { date: string; reported: number }[];
  previousDaily: { date: string; reported: number }[];
  subjects: SubjectInput[];
  ratio721: Ratio721View;
  hotspots: HotspotsView;
  /** The top matters of each hotspot cell (from the month's top matters), by cell. */
  cellMatters: ReadonlyMap<string, { name: string; count: number }[]>;
  /** Where a hotspot cell's centre lies ('湖滨社区 339901001001001'), by cell. */
  cellPlaces: ReadonlyMap<string, string>;
  /** A grid's community name, by grid code. */
  gridPlace(gridCode: string): string;
  matterName(code: string): string;
  matters: MatterCount[];
}

const SUBJECT_TITLES: Record<Subject, { title: string; sheet: string; name: string }> = {
  unit: { title: '处置单位综合评价排名', sheet: '处置单位', name: '处置单位' },
  district: { title: '区县综合评价排名', sheet: '区县', name: '区县' },
  street: { title: '街道综合评价排名', sheet: '街道', name: '街道' },
  community: { title: '社区综合评价排名', sheet: '社区', name: '社区' },
  grid: { title: '网格综合评价排名', sheet: '网格', name: '网格' },
  inspector: { title: '监督员考核', sheet: '监督员', name: '监督员' },
  intake_clerk: { title: '受理员考核', sheet: '受理员', name: '受理员' },
  shift_leader: { title: '值班长考核', sheet: '值班长', name: '值班长' },
  dispatcher: { title: '派遣员考核', sheet: '派遣员', name: '派遣员' },
};

/** A subject's own columns: a count (`c:`) or a rate's value (`r:`). */
type SubjectColumn = {
  get: string;
  title: string;
  format: CellFormat;
  width: number;
  pdf?: boolean;
};

const AREA_COLUMNS: SubjectColumn[] = [
  { get: 'c:reported', title: '上报', format: 'int', width: 8 },
  { get: 'c:valid', title: '有效', format: 'int', width: 8 },
  { get: 'c:closed', title: '结案', format: 'int', width: 8 },
  { get: 'r:closure_rate', title: '结案率', format: 'pct', width: 10 },
  { get: 'r:closure_on_time_rate', title: '按期结案率', format: 'pct', width: 11 },
  { get: 'r:public_rate', title: '公众上报占比', format: 'pct', width: 12, pdf: false },
  { get: 'c:overdue', title: '超期', format: 'int', width: 8 },
];

const SUBJECT_COLUMNS: Record<Subject, SubjectColumn[]> = {
  unit: [
    { get: 'c:to_handle', title: '应处置', format: 'int', width: 8 },
    { get: 'c:handled', title: '已处置', format: 'int', width: 8 },
    { get: 'r:handling_rate', title: '处置率', format: 'pct', width: 10 },
    { get: 'r:handling_on_time_rate', title: '按期处置率', format: 'pct', width: 11 },
    { get: 'r:rework_rate', title: '返工率', format: 'pct', width: 10 },
    { get: 'c:overdue_unhandled', title: '超期未处置', format: 'int', width: 10 },
    { get: 'r:extension_rate', title: '延期率', format: 'pct', width: 10, pdf: false },
    { get: 'c:returned', title: '回退', format: 'int', width: 8, pdf: false },
    { get: 'c:hung', title: '挂账', format: 'int', width: 8, pdf: false },
  ],
  inspector: [
    { get: 'c:reported', title: '上报', format: 'int', width: 8 },
    { get: 'c:valid', title: '有效上报', format: 'int', width: 9 },
    { get: 'r:valid_rate', title: '有效上报率', format: 'pct', width: 11 },
    { get: 'r:missed_rate', title: '漏报率', format: 'pct', width: 10 },
    { get: 'r:verify_on_time_rate', title: '按时核实率', format: 'pct', width: 11 },
    { get: 'r:check_on_time_rate', title: '按时核查率', format: 'pct', width: 11 },
  ],
  intake_clerk: [
    { get: 'c:actions', title: '受理操作', format: 'int', width: 9 },
    {
      get: 'r:verify_dispatch_on_time_rate',
      title: '按时派发核实率',
      format: 'pct',
      width: 13,
    },
    { get: 'r:decision_on_time_rate', title: '按时受理决定率', format: 'pct', width: 13 },
  ],
  shift_leader: [
    { get: 'c:decided', title: '立案决定', format: 'int', width: 9 },
    { get: 'c:closed', title: '结案', format: 'int', width: 8 },
    { get: 'r:registration_on_time_rate', title: '按时立案率', format: 'pct', width: 11 },
    { get: 'r:registration_accuracy_rate', title: '立案准确率', format: 'pct', width: 11 },
    { get: 'r:closure_on_time_rate', title: '按期结案率', format: 'pct', width: 11 },
  ],
  dispatcher: [
    { get: 'c:dispatched', title: '派遣', format: 'int', width: 8 },
    { get: 'r:dispatch_on_time_rate', title: '按时派遣率', format: 'pct', width: 11 },
    { get: 'r:dispatch_accuracy_rate', title: '准确派遣率', format: 'pct', width: 11 },
  ],
  district: AREA_COLUMNS,
  street: AREA_COLUMNS,
  community: AREA_COLUMNS,
  grid: AREA_COLUMNS,
};

/** Chinese names of the indicators (the composite's components). */
export const INDICATOR_NAMES_ZH: Readonly<Record<string, string>> = {
  volume: '工作量',
  valid_rate: '有效上报率',
  missed_rate: '漏报率',
  verify_on_time_rate: '按时核实率',
  check_on_time_rate: '按时核查率',
  verify_dispatch_on_time_rate: '按时派发核实率',
  decision_on_time_rate: '按时受理决定率',
  registration_on_time_rate: '按时立案率',
  registration_accuracy_rate: '立案准确率',
  closure_on_time_rate: '按期结案率',
  dispatch_on_time_rate: '按时派遣率',
  dispatch_accuracy_rate: '准确派遣率',
  handling_rate: '处置率',
  handling_on_time_rate: '按期处置率',
  rework_rate: '返工率',
  overdue_unhandled_rate: '超期未处置率',
  extension_rate: '延期率',
  return_rate: '回退率',
  hang_rate: '挂账率',
  acknowledge_on_time_rate: '按时签收率',
  public_rate: '公众上报率',
  closure_rate: '结案率',
  registration_rate: '立案率',
};

const col = (title: string, format: CellFormat, width: number, pdf = true): ReportColumn => ({
  title,
  format,
  width,
  pdf,
});

function valueOf(row: SubjectRow, get: string): CellValue {
  const name = get.slice(2);
  return get.startsWith('c:') ? (row.counts[name] ?? 0) : (row.rates[name]?.value ?? null);
}

/** A composite's change against last month, rounded like the composites (2 decimals). */
function scoreDiff(cur: number | null, prev: number | null): number | null {
  return cur === null || prev === null ? null : Math.round((cur - prev) * 100) / 100;
}

/**
 * The ranking table of one subject: ranked rows in rank order (红榜/黄榜 marked), then the
 * subjects without a rank (no composite, or less activity than the rankings' minimum).
 */
export function subjectTable(input: SubjectInput): ReportTable {
  const meta = SUBJECT_TITLES[input.subject];
  const own = SUBJECT_COLUMNS[input.subject];
  const columns: ReportColumn[] = [
    col('排名', 'int', 6),
    col(meta.name, 'text', input.subject === 'unit' ? 22 : 16),
    ...own.map((c) => col(c.title, c.format, c.width, c.pdf ?? true)),
    col('综合得分', 'score', 10),
    col('等级', 'text', 6),
    col('上月得分', 'score', 10),
    col('较上月', 'signedScore', 9),
    col('榜单', 'text', 7),
  ];
  const rank = new Map(input.rankings.ranked.map((r) => [r.key, r.rank]));
  const red = new Set(input.rankings.red.map((r) => r.key));
  const yellow = new Set(input.rankings.yellow.map((r) => r.key));
  const before = new Map(input.previous.rows.map((r) => [r.key, r.composite]));
  const ordered = [
    ...input.rankings.ranked
      .map((r) => input.current.rows.find((x) => x.key === r.key))
      .filter((x): x is SubjectRow => x !== undefined),
    ...input.current.rows.filter((r) => !rank.has(r.key)),
  ];
  const rows: ReportRow[] = ordered.map((r) => {
    const mark: ListMark = red.has(r.key) ? 'red' : yellow.has(r.key) ? 'yellow' : null;
    const prev = before.get(r.key) ?? null;
    return {
      mark,
      cells: [
        rank.get(r.key) ?? null,
        r.name,
        ...own.map((c) => valueOf(r, c.get)),
        r.composite,
        r.grade,
        prev,
        scoreDiff(r.composite, prev),
        mark === 'red' ? '红榜' : mark === 'yellow' ? '黄榜' : null,
      ],
    };
  });
  const defs = indicatorsOf(input.subject);
  const weights = input.current.components
    .map((c) => {
      const name = INDICATOR_NAMES_ZH[c.indicator] ?? c.indicator;
      return `${defs[c.indicator]?.kind === 'bad' ? `(1−${name})` : name} ${c.weight}`;
    })
    .join('、');
  return {
    id: input.subject,
    title: meta.title,
    sheet: meta.sheet,
    columns,
    rows,
    barColumn: 2 + own.length,
    note: `综合得分 = 加权（${weights}）；无排名：无综合得分或工作量不足。`,
  };
}

const pctChange = (cur: number | null, prev: number | null) =>
  cur === null || prev === null || prev === 0
    ? null
    : Math.round(((cur - prev) / prev) * 10_000) / 100;

function kpi(
  key: string,
  title: string,
  format: Kpi['format'],
  better: Kpi['better'],
  value: number | null,
  previous: number | null,
): Kpi {
  const change =
    value === null || previous === null ? null : Math.round((value - previous) * 1e6) / 1e6;
  return {
    key,
    title,
    format,
    value,
    previous,
    change,
    changePct: format === 'int' ? pctChange(value, previous) : null,
    better,
  };
}

/** The headline figures of the region, this month against last month. */
export function kpisOf(area: MonthlyInputs['area']): Kpi[] {
  const c = area.current;
  const p = area.previous;
  const n = (x: typeof c, k: string) => x.counts[k] ?? 0;
  const r = (x: typeof c, k: string) => x.evaluation.rates[k]?.value ?? null;
  const composite = kpi(
    'composite',
    '区域综合得分',
    'score',
    'up',
    c.evaluation.composite,
    p.evaluation.composite,
  );
  composite.grade = c.evaluation.grade;
  return [
    kpi('reported', '受理案件', 'int', 'none', n(c, 'reported'), n(p, 'reported')),
    kpi('valid', '有效案件', 'int', 'none', n(c, 'valid'), n(p, 'valid')),
    kpi('closed', '结案', 'int', 'up', n(c, 'closed'), n(p, 'closed')),
    kpi('closure_rate', '结案率', 'pct', 'up', r(c, 'closure_rate'), r(p, 'closure_rate')),
    kpi(
      'closure_on_time_rate',
      '按期结案率',
      'pct',
      'up',
      r(c, 'closure_on_time_rate'),
      r(p, 'closure_on_time_rate'),
    ),
    kpi(
      'handling_on_time_rate',
      '按期处置率',
      'pct',
      'up',
      r(c, 'handling_on_time_rate'),
      r(p, 'handling_on_time_rate'),
    ),
    kpi('overdue', '超期案件', 'int', 'down', n(c, 'overdue'), n(p, 'overdue')),
    composite,
  ];
}

function ratioTable(v: Ratio721View): ReportTable {
  const shape = (r: Ratio721View['total']): CellValue[] => [
    r.name,
    r.service,
    r.management,
    r.enforcement,
    r.total,
    r.shares.service,
    r.shares.management,
    r.shares.enforcement,
    r.deviation.service,
  ];
  return {
    id: 'ratio721',
    title: '721 工作法（服务 / 管理 / 执法）',
    sheet: '721',
    columns: [
      col('处置单位', 'text', 22),
      col('服务', 'int', 8),
      col('管理', 'int', 8),
      col('执法', 'int', 8),
      col('合计', 'int', 8),
      col('服务占比', 'pct', 10),
      col('管理占比', 'pct', 10),
      col('执法占比', 'pct', 10),
      col('服务偏差(百分点)', 'signedScore', 14),
    ],
    rows: [
      ...v.rows.map((r) => ({ cells: shape(r), mark: null })),
      { cells: shape(v.total), mark: null },
    ],
    note: `目标 ${v.target.service} / ${v.target.management} / ${v.target.enforcement}；按处置反馈的处置方式统计。`,
  };
}

function hotspotTables(inputs: MonthlyInputs): ReportTable[] {
  const h = inputs.hotspots;
  const cells: ReportTable = {
    id: 'hotspots',
    title: `热点区域（H3 分辨率 ${h.res}，马路办公）`,
    sheet: '热点区域',
    columns: [
      col('排名', 'int', 6),
      { ...col('位置', 'text', 30), wrap: true },
      col('案件数', 'int', 8),
      col('占比', 'pct', 9),
      col('上月', 'int', 8),
      col('较上月', 'signedInt', 8),
      { ...col('主要事项', 'text', 30), wrap: true },
      col('H3 单元', 'text', 18, false),
      col('中心经度', 'text', 12, false),
      col('中心纬度', 'text', 12, false),
    ],
    rows: h.cells.map((c, i) => ({
      mark: null,
      cells: [
        i + 1,
        inputs.cellPlaces.get(c.cell) ?? '—',
        c.count,
        c.share,
        c.previous,
        c.change.abs,
        (inputs.cellMatters.get(c.cell) ?? []).map((m) => `${m.name} ${m.count}`).join('、'),
        c.cell,
        c.center.lng.toFixed(6),
        c.center.lat.toFixed(6),
      ],
    })),
    barColumn: 2,
    note: `本月共 ${h.total} 件；主要事项取本月高发事项在该区域的件数，其余计入“其他”。`,
  };
  const grids: ReportTable = {
    id: 'hotspot_grids',
    title: '案件最多的网格',
    sheet: '热点网格',
    columns: [
      col('排名', 'int', 6),
      col('网格', 'text', 18),
      col('社区', 'text', 16),
      col('案件数', 'int', 8),
    ],
    rows: h.grids.map((g, i) => ({
      mark: null,
      cells: [i + 1, g.gridCode, inputs.gridPlace(g.gridCode), g.count],
    })),
    barColumn: 3,
  };
  const repeats: ReportTable = {
    id: 'repeats',
    title: `重复发生点位（同一网格同一事项 ≥ ${h.repeatMin} 次）`,
    sheet: '重复发生',
    columns: [
      col('网格', 'text', 18),
      col('社区', 'text', 16),
      col('事项编码', 'text', 10),
      col('事项', 'text', 20),
      col('次数', 'int', 8),
    ],
    rows: h.repeats.map((r) => ({
      mark: null,
      cells: [
        r.gridCode,
        inputs.gridPlace(r.gridCode),
        r.matterCode === NONE ? null : r.matterCode,
        inputs.matterName(r.matterCode),
        r.count,
      ],
    })),
  };
  const matters: ReportTable = {
    id: 'matters',
    title: '高发事项',
    sheet: '高发事项',
    columns: [
      col('排名', 'int', 6),
      col('事项编码', 'text', 10),
      col('事项', 'text', 22),
      col('本月', 'int', 8),
      col('上月', 'int', 8),
      col('较上月', 'signedInt', 8),
    ],
    rows: inputs.matters.map((m, i) => ({
      mark: null,
      cells: [
        i + 1,
        m.code === NONE ? null : m.code,
        m.name,
        m.count,
        m.previous,
        m.count - m.previous,
      ],
    })),
    barColumn: 3,
  };
  return [cells, grids, repeats, matters];
}

/** '2026-11' → '2026年11月'. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

/** '2026-12-02T09:00:00.000+08:00' → '2026-12-02 09:00'. */
function localText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Assembles the report from the evaluation's answers. Pure. */
export function buildMonthlyReport(inputs: MonthlyInputs): MonthlyReport {
  const label = monthLabel(inputs.month);
  const prevByDay = new Map(
    inputs.previousDaily.map((d) => [Number(d.date.slice(8, 10)), d.reported]),
  );
  const daily: DailyPoint[] = inputs.daily.map((d) => {
    const day = Number(d.date.slice(8, 10));
    return { day, date: d.date, reported: d.reported, previous: prevByDay.get(day) ?? null };
  });
  const units = inputs.subjects.find((s) => s.subject === 'unit');
  const unitBars: UnitBar[] = units
    ? units.rankings.ranked.map((r) => ({
        name: r.name,
        composite: r.composite,
        grade: r.grade,
        mark: units.rankings.red.some((x) => x.key === r.key)
          ? 'red'
          : units.rankings.yellow.some((x) => x.key === r.key)
            ? 'yellow'
            : null,
      }))
    : [];
  const rules = inputs.subjects[0]?.rankings.rules;
  return {
    title: `${inputs.region.fullName} ${label} 月度综合评价报告`,
    region: inputs.region,
    month: inputs.month,
    monthLabel: label,
    previousMonth: inputs.previousMonth,
    previousMonthLabel: monthLabel(inputs.previousMonth),
    period: inputs.period,
    previousPeriod: inputs.previousPeriod,
    generatedAt: inputs.generatedAt,
    generatedAtText: localText(inputs.generatedAt),
    timeZone: inputs.timeZone,
    asOfNote:
      `本报告数据截至 ${localText(inputs.generatedAt)}（${inputs.timeZone}）。` +
      '案件按上报日、派遣等环节按发生日计入本月；未结案件的后续处置、核查和结案仍会改变本月的数字，' +
      '之后重新生成的报告可能与本报告不同。',
    kpis: kpisOf(inputs.area),
    daily,
    unitBars,
    lists: inputs.subjects.map((s) => ({
      subject: s.subject,
      title: SUBJECT_TITLES[s.subject].name,
      red: s.rankings.red.map((r) => r.name),
      yellow: s.rankings.yellow.map((r) => r.name),
    })),
    listRules: {
      redMin: rules?.redMin ?? 90,
      yellowBelow: rules?.yellowBelow ?? 60,
      top: rules?.top ?? 5,
      bottom: rules?.bottom ?? 5,
    },
    tables: [
      ...inputs.subjects.map(subjectTable),
      ratioTable(inputs.ratio721),
      ...hotspotTables(inputs),
    ],
  };
}
