import type {
  DrillCount,
  DrillItem,
  DrillView,
  EvaluationPeriod,
  IndicatorsView as CommonIndicatorsView,
  RankedRow,
  Ratio721View,
  RankingsView,
  PublicBoard,
} from '@common/evaluation';
import {
  cellToBoundary,
  cellToChildren,
  cellToLatLng,
  cellToParent,
  getResolution,
  isValidCell,
} from 'h3-js';
import type { AppContext } from '../../context';
import { appError } from '../../lib/app-error';
import type { Actor } from '../auth/actor';
import { formatInstant, toLocalTime, type WorkingCalendar } from '../clock';
import type { RegionDirectory } from '../space/region-directory';
import { evaluationRepository as repo, type CandidateFilter } from './evaluation.repository';
import {
  areaKeyInScope,
  areaRead,
  regionlessRead,
  scopeViewOf,
  type ScopeView,
  type ScopedRead,
} from './evaluation.scope';
import type {
  DrillDimension,
  DrillQuery,
  HotspotsQuery,
  IndicatorsQuery,
  PeriodQuery,
  PublicBoardQuery,
  RankingsQuery,
  Ratio721Query,
  RollupRange,
  TrendDimension,
  TrendsQuery,
} from './evaluation.schema';
import {
  DEFAULT_SETTINGS,
  EVALUATION_SETTING_KEY,
  settingsIssues,
  settingsSchema,
  withDefaults,
  type EvaluationSettings,
} from './evaluation.settings';
import {
  AREA_KINDS,
  CASE_METRICS,
  CATEGORY_METRICS,
  DISPOSAL_METRICS,
  NONE,
  PERSON_METRICS,
  UNIT_METRICS,
  type AreaKind,
  type Fact,
  type PersonRole,
} from './facts';
import {
  evaluate,
  indicatorsOf,
  isAreaSubject,
  rankSubjects,
  type Evaluation,
  type EvaluationRules,
  type Subject,
} from './indicators';
import {
  MAX_PERIOD_DAYS,
  PeriodError,
  datesOf,
  previousPeriod,
  resolvePeriod,
  shiftPeriod,
  yearAgo,
  zoned,
  type Period,
  type ZonedPeriod,
} from './period';
import { createRollupEngine, type RecomputeResult, type RollupMismatch } from './rollups';

/** What the evaluation module needs from the others (wired in services.ts). */
export interface EvaluationPorts {
  /** The working calendar: its time zone is the city's, which periods are read in. */
  calendar(): WorkingCalendar;
  regions(): RegionDirectory;
  /**
   * Brings the rollups up to the event log: the cases module's intake projections add the
   * report events of recent intakes a moment after their commit.
   */
  catchUp(): Promise<void>;
}

/** A period as the API shows it. */
export type PeriodView = EvaluationPeriod;

/** One evaluated subject: counts behind the figures, rates, scores, composite and grade. */
export interface SubjectRow extends Evaluation {
  key: string;
  name: string;
  counts: Record<string, number>;
}

export type IndicatorsView = CommonIndicatorsView<SubjectRow>;
export type { DrillCount, DrillItem, DrillView, RankedRow, RankingsView };

type Counts = Map<string, Record<string, number>>;

const FAMILY_PREFIX = (family: string) => `${family}.`;
const caseMetrics = CASE_METRICS.map((m) => `case.${m}`);

/** Count names (without family) of a subject, in a stable order. */
function countNamesOf(subject: Subject): string[] {
  if (isAreaSubject(subject)) {
    return [...CASE_METRICS];
  }
  if (subject === 'unit') {
    return [...UNIT_METRICS];
  }
  const own: string[] = [...PERSON_METRICS[subject]];
  return subject === 'inspector' ? [...own, 'missed', 'grid_valid'] : own;
}

/**
 * Evaluation: indicators, rankings and red/yellow lists, drill-down, hotspots, trends and the
 * 721 ratio, read from the incremental rollups (drill-down reads the event log), within the
 * caller's jurisdiction; the settings; and the rollups' upkeep (event hook, recompute, check).
 */
export function createEvaluationService(ctx: AppContext, ports: EvaluationPorts) {
  const db = ctx.store.db;
  const engine = createRollupEngine({
    db,
    kind: ctx.store.kind,
    timeZone: () => ports.calendar().timeZone,
  });
  const tz = () => ports.calendar().timeZone;
  const today = () => toLocalTime(tz(), ctx.clock.now()).date;

  function periodOf(q: PeriodQuery): ZonedPeriod {
    try {
      return zoned(resolvePeriod(q, today()), tz());
    } catch (err) {
      if (err instanceof PeriodError) {
        throw appError('EVALUATION_PERIOD_INVALID', err.message, [
          { path: `query.${err.field}`, message: err.message },
        ]);
      }
      throw err;
    }
  }

  function present(p: Period): PeriodView {
    const z = zoned(p, tz());
    return {
      kind: p.kind,
      label: p.label,
      from: p.from,
      to: p.to,
      days: p.days,
      start: formatInstant(z.startMs, tz()),
      end: formatInstant(z.endMs, tz()),
    };
  }

  async function settings(): Promise<EvaluationSettings> {
    const raw = await repo.getSetting(db, EVALUATION_SETTING_KEY);
    if (raw === undefined) {
      return DEFAULT_SETTINGS;
    }
    try {
      return withDefaults(JSON.parse(raw));
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  const sv = (actor: Actor) => scopeViewOf(actor.scope, ports.regions());

  async function read(r: ScopedRead, p: Period, metrics: readonly string[], extraPrefix = '') {
    await ports.catchUp();
    const sums = await repo.sumRollups(db, {
      kind: r.kind,
      from: p.from,
      to: p.to,
      metrics,
      keys: r.keys,
      keyPrefix:
        r.keyPrefix !== undefined || extraPrefix ? `${r.keyPrefix ?? ''}${extraPrefix}` : undefined,
    });
    return sums.map((s) => ({ ...s, key: s.key.slice(r.strip) }));
  }

  /** The counts of every subject of a kind in the period and scope, by key. */
  async function subjectCounts(subject: Subject, p: Period, scope: ScopeView): Promise<Counts> {
    const out: Counts = new Map();
    const add = (key: string, name: string, n: number) => {
      const c = out.get(key) ?? {};
      c[name] = (c[name] ?? 0) + n;
      out.set(key, c);
    };
    if (isAreaSubject(subject)) {
      for (const s of await read(areaRead(subject, scope, ports.regions()), p, caseMetrics)) {
        add(s.key, s.metric.slice('case.'.length), s.count);
      }
      return out;
    }
    const family = subject;
    const metrics = countNamesOf(subject)
      .filter((m) => m !== 'missed' && m !== 'grid_valid')
      .map((m) => `${family}.${m}`);
    for (const s of await read(regionlessRead(family, scope), p, metrics)) {
      add(s.key, s.metric.slice(FAMILY_PREFIX(family).length), s.count);
    }
    if (subject === 'inspector') {
      // Missed reports are counted per grid; an inspector answers for the grids assigned now.
      const grids = new Map<string, { missed: number; valid: number }>();
      for (const s of await read(areaRead('grid', scope, ports.regions()), p, [
        'case.missed',
        'case.valid',
      ])) {
        const g = grids.get(s.key) ?? { missed: 0, valid: 0 };
        if (s.metric === 'case.missed') {
          g.missed += s.count;
        } else {
          g.valid += s.count;
        }
        grids.set(s.key, g);
      }
      for (const a of await repo.inspectorGrids(db)) {
        const g = grids.get(a.gridCode);
        if (g) {
          add(a.userId, 'missed', g.missed);
          add(a.userId, 'grid_valid', g.valid);
        }
      }
    }
    return out;
  }

  async function namesFor(kind: string, keys: readonly string[]): Promise<Map<string, string>> {
    const regions = ports.regions();
    if (kind === 'unit') {
      return repo.unitNames(db, keys);
    }
    if ((PERSON_METRICS as Record<string, unknown>)[kind]) {
      return repo.userNames(db, keys);
    }
    const out = new Map<string, string>();
    for (const k of keys) {
      out.set(k, regions.byId(k)?.name ?? k);
    }
    return out;
  }

  function rulesOf(s: EvaluationSettings, subject: Subject): EvaluationRules {
    return {
      components: s.composites[subject],
      bands: s.bands[subject],
      bandBasisDays: s.bandBasisDays,
      grades: s.grades,
    };
  }

  async function evaluateSubjects(
    subject: Subject,
    p: Period,
    scope: ScopeView,
    s: EvaluationSettings,
  ) {
    const counts = await subjectCounts(subject, p, scope);
    const names = await namesFor(subject, [...counts.keys()]);
    const rules = rulesOf(s, subject);
    const rows: SubjectRow[] = [...counts].map(([key, c]) => {
      const full: Record<string, number> = {};
      for (const n of countNamesOf(subject)) {
        full[n] = c[n] ?? 0;
      }
      return {
        key,
        name: names.get(key) ?? key,
        counts: full,
        ...evaluate(subject, full, rules, p.days),
      };
    });
    rows.sort(
      (a, b) =>
        (b.composite ?? -1) - (a.composite ?? -1) ||
        b.activity - a.activity ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    return { rows, rules };
  }

  function ranking(rows: SubjectRow[], r: EvaluationSettings['rankings']) {
    const res = rankSubjects(rows, r);
    const toRow = (x: { rank: number; item: SubjectRow }): RankedRow => ({
      rank: x.rank,
      key: x.item.key,
      name: x.item.name,
      composite: x.item.composite!,
      grade: x.item.grade,
      activity: x.item.activity,
    });
    return {
      ranked: res.ranked.map(toRow),
      red: res.red.map(toRow),
      yellow: res.yellow.map(toRow),
    };
  }

  // --- drill-down

  type MetricSpec = { metric: string; viaInspectorGrids?: boolean };

  /** The full metric name of a count of a dimension, or null when it has no such count. */
  function resolveCount(dim: DrillDimension, name: string): MetricSpec | null {
    const short = name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
    const family = name.includes('.') ? name.slice(0, name.indexOf('.')) : null;
    const disposal = (m: string) =>
      DISPOSAL_METRICS.includes(`disposal.${m}`) && (family === null || family === 'disposal')
        ? { metric: `disposal.${m}` }
        : null;
    if (dim === 'unit') {
      if (
        (family === null || family === 'unit') &&
        (UNIT_METRICS as readonly string[]).includes(short)
      ) {
        return { metric: `unit.${short}` };
      }
      return disposal(short);
    }
    if (dim in PERSON_METRICS) {
      const role = dim as PersonRole;
      if (
        role === 'inspector' &&
        family === null &&
        (short === 'missed' || short === 'grid_valid')
      ) {
        return {
          metric: short === 'missed' ? 'case.missed' : 'case.valid',
          viaInspectorGrids: true,
        };
      }
      if (
        (family === null || family === role) &&
        (PERSON_METRICS[role] as readonly string[]).includes(short)
      ) {
        return { metric: `${role}.${short}` };
      }
      return null;
    }
    const allowed: readonly string[] =
      dim === 'h3' || dim === 'grid_matter'
        ? ['reported']
        : dim === 'major' || dim === 'matter' || dim === 'source'
          ? [...CATEGORY_METRICS]
          : CASE_METRICS;
    if ((family === null || family === 'case') && allowed.includes(short)) {
      return { metric: `case.${short}` };
    }
    return (AREA_KINDS as readonly string[]).includes(dim) ? disposal(short) : null;
  }

  async function drillCount(
    actor: Actor,
    q: DrillQuery,
    p: ZonedPeriod,
    spec: MetricSpec,
  ): Promise<DrillCount> {
    const scope = sv(actor);
    const regions = ports.regions();
    const dim = q.dimension;
    const key = q.key;
    const family = spec.metric.slice(0, spec.metric.indexOf('.'));
    const base: Omit<CandidateFilter, 'anchor'> = {
      startMs: p.startMs,
      endMs: p.endMs,
      scope: scope.level === 'district' || scope.level === 'street' ? actor.scope : undefined,
    };
    let anchor: CandidateFilter['anchor'] = family === 'case' ? 'report' : 'event';
    let match: (f: Fact) => boolean;

    if (spec.viaInspectorGrids) {
      if (scope.level === 'unit') {
        return outOfScopeGrids();
      }
      const inScope = new Set(
        (await repo.inspectorGrids(db, [key]))
          .map((a) => a.gridCode)
          .filter((g) => areaKeyInScope('grid', g, scope, regions)),
      );
      base.gridCodes = [...inScope];
      match = (f) => f.dims.some(([k, v]) => k === 'grid' && inScope.has(v));
    } else if ((AREA_KINDS as readonly string[]).includes(dim)) {
      const kind = dim as AreaKind;
      if (!areaKeyInScope(kind, key, scope, regions)) {
        areaRead(kind, scope, regions);
        throw appError('AUTH_OUT_OF_SCOPE', `${kind} ${key} lies outside your jurisdiction`);
      }
      const column = {
        city: 'city_id',
        district: 'district_id',
        street: 'street_id',
        community: 'community_id',
        grid: 'grid_code',
      } as const;
      base.column = { name: column[kind], value: key === NONE ? null : key };
      match = (f) => f.dims.some(([k, v]) => k === kind && v === key);
    } else if (dim === 'grid_matter') {
      const [grid = '', matter = ''] = key.split('|');
      if (!areaKeyInScope('grid', grid, scope, regions)) {
        areaRead('grid', scope, regions);
        throw appError('AUTH_OUT_OF_SCOPE', `grid ${grid} lies outside your jurisdiction`);
      }
      base.gridCodes = [grid];
      base.column = {
        name: 'matter_code',
        value: matter === NONE || matter === '' ? null : matter,
      };
      match = (f) => f.dims.some(([k, v]) => k === 'grid_matter' && v === key);
    } else if (dim === 'h3') {
      if (!isValidCell(key) || getResolution(key) < 7 || getResolution(key) > 9) {
        throw appError('VALIDATION_FAILED', 'key must be an H3 cell of resolution 7–9', [
          { path: 'query.key', message: 'not an H3 cell of resolution 7–9' },
        ]);
      }
      const res = getResolution(key);
      const baseKind = q.matter ? (q.matter.length === 2 ? 'h3_major' : 'h3_matter') : 'h3';
      const r = regionlessRead(baseKind, scope);
      const prefix = `${r.keyPrefix ?? ''}${q.matter ? `${q.matter}|` : ''}`;
      base.h3In = res === 9 ? [key] : cellToChildren(key, 9);
      match = (f) =>
        f.dims.some(
          ([k, v]) =>
            k === r.kind &&
            v.startsWith(prefix) &&
            cellToParent(v.slice(prefix.length), res) === key,
        );
    } else {
      // unit, people, major, matter, source: regionless kinds, read through the scoped copy.
      const r = regionlessRead(dim, scope);
      if (r.keys && !r.keys.includes(key)) {
        throw appError('AUTH_OUT_OF_SCOPE', `${dim} ${key} lies outside your jurisdiction`);
      }
      const full = `${r.keyPrefix ?? ''}${key}`;
      match = (f) => f.dims.some(([k, v]) => k === r.kind && v === full);
      if (dim === 'unit') {
        // Cases of the unit now, or returned once (its earlier assignments). A unit-scoped
        // user has no case filter: the unit's own history includes the cases it returned.
        base.unitId = key;
      } else if (dim in PERSON_METRICS) {
        anchor = 'actor';
        base.actorId = key;
      } else if (dim === 'major' || dim === 'matter') {
        base.column = {
          name: dim === 'major' ? 'major_code' : 'matter_code',
          value: key === NONE ? null : key,
        };
      } else if (dim === 'source') {
        base.column = { name: 'source', value: key };
      }
    }

    const ids = await repo.candidateCaseIds(db, { ...base, anchor });
    const items: DrillItem[] = [];
    for (const c of await engine.factsOf(db, ids)) {
      for (const f of c.facts) {
        if (f.metric !== spec.metric) {
          continue;
        }
        const day = engine.dayOf(f.at);
        if (day < p.from || day > p.to || !match(f)) {
          continue;
        }
        items.push({
          caseId: c.static.id,
          number: c.static.number,
          seq: f.seq,
          at: formatInstant(f.at, tz()),
          metric: spec.metric,
        });
      }
    }
    items.sort((a, b) =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : a.number < b.number ? -1 : a.seq - b.seq,
    );
    return { metric: spec.metric, count: items.length, items };
  }

  function outOfScopeGrids(): never {
    throw appError('AUTH_OUT_OF_SCOPE', 'Grids lie outside your jurisdiction');
  }

  function unknownIndicator(q: DrillQuery): never {
    throw appError(
      'EVALUATION_INDICATOR_UNKNOWN',
      `No indicator ${q.indicator} for dimension ${q.dimension}`,
      [{ path: 'query.indicator', message: `unknown for ${q.dimension}` }],
    );
  }

  // --- trends

  function trendFamily(dim: TrendDimension): string {
    if (dim === 'unit' || dim in PERSON_METRICS) {
      return dim;
    }
    return 'case';
  }

  function trendRead(dim: TrendDimension, scope: ScopeView): ScopedRead {
    return (AREA_KINDS as readonly string[]).includes(dim)
      ? areaRead(dim as AreaKind, scope, ports.regions())
      : regionlessRead(dim, scope);
  }

  const pct = (cur: number | null, prev: number | null) =>
    cur === null || prev === null
      ? null
      : prev === 0
        ? null
        : Math.round(((cur - prev) / prev) * 10_000) / 100;
  const diff = (cur: number | null, prev: number | null) =>
    cur === null || prev === null ? null : Math.round((cur - prev) * 10_000) / 10_000;

  return {
    /** The case event hook (subscribe it to the cases service's events). */
    onCaseEvent: engine.onCaseEvent,

    /** The settings in effect (stored, completed with defaults). */
    settings,

    /**
     * Replaces the settings.
     * @throws VALIDATION_FAILED (shape, via the route schema), EVALUATION_SETTINGS_INVALID
     *   (details: body.<path>)
     */
    async putSettings(_actor: Actor, body: unknown): Promise<EvaluationSettings> {
      const parsed = settingsSchema.safeParse(body);
      if (!parsed.success) {
        throw appError(
          'EVALUATION_SETTINGS_INVALID',
          'The settings are invalid',
          parsed.error.issues.map((i) => ({
            path: ['body', ...i.path.map(String)].join('.'),
            message: i.message,
          })),
        );
      }
      const issues = settingsIssues(parsed.data);
      if (issues.length > 0) {
        throw appError('EVALUATION_SETTINGS_INVALID', 'The settings are invalid', issues);
      }
      await repo.putSetting(
        db,
        EVALUATION_SETTING_KEY,
        JSON.stringify(parsed.data),
        ctx.clock.now(),
      );
      return parsed.data;
    },

    /**
     * Rows per subject with counts, rates, scores, composite and grade, within the caller's
     * jurisdiction, from the rollups.
     * @throws EVALUATION_PERIOD_INVALID, AUTH_OUT_OF_SCOPE
     */
    async indicators(actor: Actor, q: IndicatorsQuery): Promise<IndicatorsView> {
      const p = periodOf(q);
      const s = await settings();
      const { rows, rules } = await evaluateSubjects(q.subject, p, sv(actor), s);
      return { subject: q.subject, period: present(p), components: [...rules.components], rows };
    },

    /**
     * The ranking by composite with the red (红榜) and yellow (黄榜) lists.
     * @throws EVALUATION_PERIOD_INVALID, AUTH_OUT_OF_SCOPE
     */
    async rankings(actor: Actor, q: RankingsQuery): Promise<RankingsView> {
      const p = periodOf(q);
      const s = await settings();
      const rules = {
        ...s.rankings,
        top: q.top ?? s.rankings.top,
        bottom: q.bottom ?? s.rankings.bottom,
      };
      const { rows } = await evaluateSubjects(q.subject, p, sv(actor), s);
      return { subject: q.subject, period: present(p), rules, ...ranking(rows, rules) };
    },

    /**
     * The cases behind one figure, read from the event log (not the rollups): exactly the items
     * the figure counts, each with the case number and the event it is anchored at.
     * @throws EVALUATION_PERIOD_INVALID, EVALUATION_INDICATOR_UNKNOWN, AUTH_OUT_OF_SCOPE,
     *   VALIDATION_FAILED (query.key not an H3 cell)
     */
    async drill(actor: Actor, q: DrillQuery): Promise<DrillView> {
      const p = periodOf(q);
      const head = {
        dimension: q.dimension,
        key: q.key,
        indicator: q.indicator,
        period: present(p),
      };
      const def = INDICATOR_SUBJECTS[q.dimension]
        ? (indicatorsOf(q.dimension as Subject)[q.indicator] ?? null)
        : null;
      if (def && def.kind === 'band') {
        const parts: DrillCount[] = [];
        for (const name of def.counts) {
          const spec = resolveCount(q.dimension, name) ?? unknownIndicator(q);
          parts.push(await drillCount(actor, q, p, spec));
        }
        const items = parts.flatMap((x) => x.items);
        return { ...head, kind: 'volume', count: items.length, items };
      }
      if (def) {
        const num = resolveCount(q.dimension, def.numerator) ?? unknownIndicator(q);
        const den = resolveCount(q.dimension, def.denominator) ?? unknownIndicator(q);
        const numerator = await drillCount(actor, q, p, num);
        const denominator = await drillCount(actor, q, p, den);
        return {
          ...head,
          kind: 'rate',
          count: numerator.count,
          items: numerator.items,
          rate: denominator.count > 0 ? numerator.count / denominator.count : null,
          numerator,
          denominator,
        };
      }
      const spec = resolveCount(q.dimension, q.indicator) ?? unknownIndicator(q);
      const c = await drillCount(actor, q, p, spec);
      return { ...head, kind: 'count', count: c.count, items: c.items };
    },

    /**
     * H3 hotspots of reported cases (resolution 7–9, from the cases' res-9 cells), the top
     * grids and the repeat locations (same grid and matter at least `repeatMin` times), with the
     * previous period's counts.
     * @throws EVALUATION_PERIOD_INVALID, AUTH_OUT_OF_SCOPE
     */
    async hotspots(actor: Actor, q: HotspotsQuery) {
      const p = periodOf(q);
      const s = await settings();
      const scope = sv(actor);
      const top = q.top ?? s.hotspots.top;
      const baseKind = q.matter ? (q.matter.length === 2 ? 'h3_major' : 'h3_matter') : 'h3';
      const r = regionlessRead(baseKind, scope);
      const matterPrefix = q.matter ? `${q.matter}|` : '';
      const cellsOf = async (per: Period) => {
        const out = new Map<string, number>();
        for (const x of await read(r, per, ['case.reported'], matterPrefix)) {
          const cell = cellToParent(x.key.slice(matterPrefix.length), q.res);
          out.set(cell, (out.get(cell) ?? 0) + x.count);
        }
        return out;
      };
      const prev = previousPeriod(p);
      const [now, before] = [await cellsOf(p), await cellsOf(prev)];
      const total = [...now.values()].reduce((a, b) => a + b, 0);
      const cells = [...now]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, top)
        .map(([cell, count]) => {
          const [lat, lng] = cellToLatLng(cell);
          const previous = before.get(cell) ?? 0;
          return {
            cell,
            res: q.res,
            count,
            share: total > 0 ? Math.round((count / total) * 10_000) / 10_000 : 0,
            previous,
            change: { abs: count - previous, pct: pct(count, previous) },
            center: { lng, lat },
            boundary: cellToBoundary(cell, true),
          };
        });

      // Grids and repeat locations: the (grid, matter) counts inside the scope.
      const gridRead = areaRead('grid', scope, ports.regions());
      const pairs = (
        await read({ kind: 'grid_matter', keyPrefix: gridRead.keyPrefix, strip: 0 }, p, [
          'case.reported',
        ])
      )
        .map((x) => {
          const [gridCode = '', matterCode = NONE] = x.key.split('|');
          return { gridCode, matterCode, count: x.count };
        })
        .filter((x) => !q.matter || x.matterCode.startsWith(q.matter));
      const byGrid = new Map<string, number>();
      for (const x of pairs) {
        byGrid.set(x.gridCode, (byGrid.get(x.gridCode) ?? 0) + x.count);
      }
      const grids = [...byGrid]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, top)
        .map(([gridCode, count]) => ({ gridCode, count }));
      const repeats = pairs
        .filter((x) => x.matterCode !== NONE && x.count >= s.hotspots.repeatMin)
        .sort((a, b) => b.count - a.count || (a.gridCode < b.gridCode ? -1 : 1))
        .slice(0, top);
      return {
        period: present(p),
        previousPeriod: present(prev),
        res: q.res,
        matter: q.matter ?? null,
        total,
        cells,
        grids,
        repeats,
        repeatMin: s.hotspots.repeatMin,
      };
    },

    /**
     * A figure per key over `count` consecutive periods ending with the one asked for, with
     * the change against the period before and against the same period a year earlier.
     * @throws EVALUATION_PERIOD_INVALID, EVALUATION_INDICATOR_UNKNOWN, AUTH_OUT_OF_SCOPE
     */
    async trends(actor: Actor, q: TrendsQuery) {
      const p = periodOf(q);
      const scope = sv(actor);
      const s = await settings();
      const family = trendFamily(q.dimension);
      const metric =
        q.metric ??
        (family === 'case'
          ? 'reported'
          : family === 'unit'
            ? 'to_handle'
            : PERSON_METRICS[family as PersonRole][0]);
      const subject = INDICATOR_SUBJECTS[q.dimension] ? (q.dimension as Subject) : null;
      const counts =
        family === 'case'
          ? CATEGORY_ONLY.has(q.dimension)
            ? [...CATEGORY_METRICS]
            : [...CASE_METRICS]
          : countNamesOf(family as Subject);
      const isCount = counts.includes(metric) && !(metric === 'missed' || metric === 'grid_valid');
      const isIndicator =
        subject !== null && (metric === 'composite' || metric in indicatorsOf(subject));
      if (!isCount && !isIndicator) {
        throw appError(
          'EVALUATION_INDICATOR_UNKNOWN',
          `No metric ${metric} for dimension ${q.dimension}`,
          [{ path: 'query.metric', message: `unknown for ${q.dimension}` }],
        );
      }
      const periods: Period[] = [];
      for (let i = q.count - 1; i >= 0; i--) {
        periods.push(shiftPeriod(p, -i));
      }
      const ago = yearAgo(p);
      const valuesOf = async (per: Period): Promise<Map<string, number | null>> => {
        const out = new Map<string, number | null>();
        if (isCount) {
          const r = trendRead(q.dimension, scope);
          for (const x of await read(r, per, [`${family}.${metric}`])) {
            if (!q.key || x.key === q.key) {
              out.set(x.key, (out.get(x.key) ?? 0) + x.count);
            }
          }
          return out;
        }
        const { rows } = await evaluateSubjects(subject!, per, scope, s);
        for (const row of rows) {
          if (!q.key || row.key === q.key) {
            const v =
              metric === 'composite'
                ? row.composite
                : (row.rates[metric]?.value ?? row.scores[metric] ?? null);
            out.set(row.key, v);
          }
        }
        return out;
      };
      const series = new Map<string, (number | null)[]>();
      for (const [i, per] of periods.entries()) {
        for (const [k, v] of await valuesOf(per)) {
          const arr = series.get(k) ?? periods.map(() => (isCount ? 0 : null));
          arr[i] = v;
          series.set(k, arr);
        }
      }
      const agoValues = await valuesOf(ago);
      const keys = [...series.keys()];
      const names = await namesFor(family === 'case' ? q.dimension : family, keys);
      const rows = keys
        .map((k) => {
          const values = series.get(k)!;
          const cur = values.at(-1) ?? null;
          const prev = values.at(-2) ?? null;
          const a = agoValues.get(k) ?? (isCount ? 0 : null);
          return {
            key: k,
            name: names.get(k) ?? k,
            values,
            change: { previous: prev, abs: diff(cur, prev), pct: pct(cur, prev) },
            yearAgo: { value: a, abs: diff(cur, a), pct: pct(cur, a) },
          };
        })
        .sort(
          (x, y) => (y.values.at(-1) ?? -1) - (x.values.at(-1) ?? -1) || (x.key < y.key ? -1 : 1),
        )
        .slice(0, q.top);
      return {
        dimension: q.dimension,
        metric,
        periods: periods.map(present),
        yearAgo: present(ago),
        series: rows,
      };
    },

    /**
     * The 721 ratio: handled assignments by disposal mode (service / management /
     * enforcement) per unit or area, with the shares and their distance to the targets.
     * @throws EVALUATION_PERIOD_INVALID, AUTH_OUT_OF_SCOPE
     */
    async ratio721(actor: Actor, q: Ratio721Query): Promise<Ratio721View> {
      const p = periodOf(q);
      const s = await settings();
      const scope = sv(actor);
      const r =
        q.groupBy === 'unit'
          ? regionlessRead('unit', scope)
          : areaRead(q.groupBy, scope, ports.regions());
      const by = new Map<string, { service: number; management: number; enforcement: number }>();
      for (const x of await read(r, p, DISPOSAL_METRICS)) {
        const row = by.get(x.key) ?? { service: 0, management: 0, enforcement: 0 };
        row[x.metric.slice('disposal.'.length) as keyof typeof row] += x.count;
        by.set(x.key, row);
      }
      const names = await namesFor(q.groupBy, [...by.keys()]);
      const shape = (
        key: string,
        name: string,
        c: { service: number; management: number; enforcement: number },
      ) => {
        const total = c.service + c.management + c.enforcement;
        const share = (n: number) => (total > 0 ? Math.round((n / total) * 10_000) / 10_000 : null);
        const dev = (n: number, target: number) => {
          const sh = share(n);
          return sh === null ? null : Math.round((sh * 100 - target) * 100) / 100;
        };
        return {
          key,
          name,
          ...c,
          total,
          shares: {
            service: share(c.service),
            management: share(c.management),
            enforcement: share(c.enforcement),
          },
          deviation: {
            service: dev(c.service, s.ratio721.service),
            management: dev(c.management, s.ratio721.management),
            enforcement: dev(c.enforcement, s.ratio721.enforcement),
          },
        };
      };
      const rows = [...by]
        .map(([k, c]) => shape(k, names.get(k) ?? k, c))
        .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
      const sum = { service: 0, management: 0, enforcement: 0 };
      for (const c of by.values()) {
        sum.service += c.service;
        sum.management += c.management;
        sum.enforcement += c.enforcement;
      }
      return {
        groupBy: q.groupBy,
        period: present(p),
        target: s.ratio721,
        rows,
        total: shape('total', '合计', sum),
      };
    },

    /**
     * The public performance board: what the city chose to publish (settings.publicBoard),
     * city-wide, for ended periods unless configured otherwise.
     * @throws EVALUATION_BOARD_NOT_PUBLISHED, EVALUATION_PERIOD_INVALID
     */
    async publicBoard(q: PublicBoardQuery): Promise<PublicBoard> {
      const s = await settings();
      const pb = s.publicBoard;
      const subject = q.subject ?? pb.subjects[0];
      const kind = q.period ?? pb.periods[0];
      if (
        !pb.enabled ||
        !subject ||
        !kind ||
        !pb.subjects.includes(subject) ||
        !pb.periods.includes(kind)
      ) {
        throw appError('EVALUATION_BOARD_NOT_PUBLISHED', 'This board is not published');
      }
      let per: Period;
      try {
        per = resolvePeriod({ period: kind, date: q.date }, today());
      } catch (err) {
        if (err instanceof PeriodError) {
          throw appError('EVALUATION_PERIOD_INVALID', err.message, [
            { path: `query.${err.field}`, message: err.message },
          ]);
        }
        throw err;
      }
      if (pb.completedOnly && !q.date) {
        per = shiftPeriod(per, -1);
      }
      if (pb.completedOnly && zoned(per, tz()).endMs > ctx.clock.now()) {
        throw appError('EVALUATION_BOARD_NOT_PUBLISHED', 'This period has not ended yet');
      }
      const { rows } = await evaluateSubjects(subject, per, { level: 'city' }, s);
      const ranked = ranking(rows, s.rankings);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const show = (r: RankedRow) => ({
        rank: r.rank,
        name: r.name,
        composite: r.composite,
        grade: r.grade,
        ...(pb.showCounts ? { counts: byKey.get(r.key)?.counts ?? {} } : {}),
      });
      return {
        subject,
        // `kind` is one of the published periods (checked above).
        period: present(per) as PublicBoard['period'],
        /** What else the city publishes, so a page can offer exactly those boards. */
        published: { subjects: pb.subjects, periods: pb.periods },
        ranked: ranked.ranked.map(show),
        ...(pb.showLists ? { red: ranked.red.map(show), yellow: ranked.yellow.map(show) } : {}),
      };
    },

    /**
     * Rebuilds the rollups of local days [from, to] from the event log.
     * @throws EVALUATION_PERIOD_INVALID (more than 366 days, to before from)
     */
    async recomputeRollups(from: string, to: string): Promise<RecomputeResult> {
      checkRange({ from, to }, 'body');
      await ports.catchUp();
      return engine.recompute(from, to);
    },

    /**
     * Cells of days [from, to] whose stored rollups differ from a recomputation (empty when
     * the rollups are exact).
     * @throws EVALUATION_PERIOD_INVALID
     */
    async checkRollups(from: string, to: string): Promise<RollupMismatch[]> {
      checkRange({ from, to }, 'query');
      await ports.catchUp();
      return engine.check(from, to);
    },
  };
}

const INDICATOR_SUBJECTS: Readonly<Record<string, boolean | undefined>> = {
  unit: true,
  inspector: true,
  intake_clerk: true,
  shift_leader: true,
  dispatcher: true,
  grid: true,
  community: true,
  street: true,
  district: true,
};

/** Dimensions whose case facts are kept for the category metrics only. */
const CATEGORY_ONLY: ReadonlySet<string> = new Set(['major', 'matter', 'source']);

function checkRange(r: RollupRange, where: 'body' | 'query'): void {
  try {
    const p = resolvePeriod({ period: 'custom', from: r.from, to: r.to }, r.from);
    if (datesOf(p).length > MAX_PERIOD_DAYS) {
      throw new PeriodError('to', 'too long');
    }
  } catch (err) {
    if (err instanceof PeriodError) {
      throw appError('EVALUATION_PERIOD_INVALID', err.message, [
        { path: `${where}.${err.field}`, message: err.message },
      ]);
    }
    throw err;
  }
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
