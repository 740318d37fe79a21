/**
 * The evaluation settings of a city: composite weights, volume bands, grade thresholds,
 * ranking and red/yellow list rules, the 721 targets, hotspot rules and what the public board
 * shows. Stored as JSON in app_setting 'evaluation.settings'; the defaults are the domain
 * brief's values (domain.md §6, §7). Settings are applied when figures are read, never when
 * facts are counted, so changing them needs no recomputation.
 */
import { PUBLIC_BOARD_SUBJECTS } from '@common/evaluation';
import { z } from 'zod';
import { INDICATORS, SUBJECTS, type IndicatorName, type Subject } from './indicators';

/** app_setting key of the evaluation settings. */
export const EVALUATION_SETTING_KEY = 'evaluation.settings';

const score = z.number().min(0).max(100);
const weight = z.number().min(0).max(1000);
const component = z.strictObject({ indicator: z.string().min(1).max(64), weight });
const band = z.strictObject({ min: z.number().min(0), score });

/** Every composite and band subject, with the published subset of the public board. */
const PUBLIC_SUBJECTS = PUBLIC_BOARD_SUBJECTS;

export const settingsSchema = z.strictObject({
  /** Lower bounds of grades A–D (E below D). */
  grades: z.strictObject({ A: score, B: score, C: score, D: score }),
  /** Weighted components of each subject's composite (weights are relative). */
  composites: z.strictObject(
    Object.fromEntries(SUBJECTS.map((s) => [s, z.array(component).min(1).max(20)])) as Record<
      Subject,
      z.ZodArray<typeof component>
    >,
  ),
  /**
   * Volume bands per subject: the score of the highest band whose `min` the volume reaches.
   * The volume is scaled to `bandBasisDays` days first (a 1-day board is comparable to a month).
   */
  bands: z.strictObject(
    Object.fromEntries(SUBJECTS.map((s) => [s, z.array(band).min(1).max(20)])) as Record<
      Subject,
      z.ZodArray<typeof band>
    >,
  ),
  bandBasisDays: z.number().int().min(1).max(366),
  /** Rankings and 红黄榜: top N (red, at least redMin) and bottom N (yellow, below yellowBelow). */
  rankings: z.strictObject({
    top: z.number().int().min(0).max(100),
    bottom: z.number().int().min(0).max(100),
    redMin: score,
    yellowBelow: score,
    /** Subjects with less activity (items worked on) in the period are not ranked. */
    minVolume: z.number().int().min(0).max(1_000_000),
  }),
  /** 721 targets in percent: service, management, enforcement. */
  ratio721: z.strictObject({ service: score, management: score, enforcement: score }),
  hotspots: z.strictObject({
    /** How many cells and grids a hotspot answer lists by default. */
    top: z.number().int().min(1).max(500),
    /** A (grid, matter) pair is a repeat location from this many cases in the period. */
    repeatMin: z.number().int().min(2).max(1000),
  }),
  /** What anonymous visitors see at GET /api/v1/public/board. Nothing unless enabled. */
  publicBoard: z.strictObject({
    enabled: z.boolean(),
    subjects: z.array(z.enum(PUBLIC_SUBJECTS)).max(PUBLIC_SUBJECTS.length),
    periods: z.array(z.enum(['week', 'month', 'quarter', 'year'])).max(4),
    /** Only periods that have ended are shown. */
    completedOnly: z.boolean(),
    /** Show the counts behind the scores, not just rank, composite and grade. */
    showCounts: z.boolean(),
    /** Show the red and yellow lists. */
    showLists: z.boolean(),
  }),
});

export type EvaluationSettings = z.infer<typeof settingsSchema>;

const c = (indicator: IndicatorName, w: number) => ({ indicator, weight: w });

const AREA_COMPOSITE = [
  c('public_rate', 10),
  c('volume', 20),
  c('closure_rate', 30),
  c('closure_on_time_rate', 40),
];

/** Bands from [min, score] pairs. */
const bands = (...pairs: [number, number][]) => pairs.map(([min, s]) => ({ min, score: s }));
const PEOPLE_BANDS = bands([0, 0], [1, 40], [100, 60], [300, 75], [600, 90], [1000, 100]);

/** The domain brief's values. */
export const DEFAULT_SETTINGS: EvaluationSettings = {
  grades: { A: 90, B: 75, C: 60, D: 40 },
  composites: {
    inspector: [
      c('valid_rate', 40),
      c('missed_rate', 20),
      c('verify_on_time_rate', 20),
      c('check_on_time_rate', 20),
    ],
    intake_clerk: [
      c('volume', 25),
      c('verify_dispatch_on_time_rate', 40),
      c('decision_on_time_rate', 35),
    ],
    shift_leader: [
      c('registration_on_time_rate', 25),
      c('registration_accuracy_rate', 40),
      c('closure_on_time_rate', 35),
    ],
    dispatcher: [c('volume', 20), c('dispatch_on_time_rate', 40), c('dispatch_accuracy_rate', 40)],
    unit: [
      c('handling_rate', 30),
      c('handling_on_time_rate', 20),
      c('rework_rate', 20),
      c('overdue_unhandled_rate', 20),
      c('extension_rate', 10),
    ],
    grid: AREA_COMPOSITE,
    community: AREA_COMPOSITE,
    street: AREA_COMPOSITE,
    district: AREA_COMPOSITE,
  },
  bands: {
    inspector: PEOPLE_BANDS,
    intake_clerk: PEOPLE_BANDS,
    shift_leader: PEOPLE_BANDS,
    dispatcher: bands([0, 0], [1, 40], [50, 60], [200, 75], [400, 90], [800, 100]),
    unit: bands([0, 0], [1, 40], [50, 60], [200, 75], [500, 90], [1000, 100]),
    grid: bands([0, 40], [1, 60], [3, 75], [6, 90], [10, 100]),
    community: bands([0, 40], [5, 60], [15, 75], [30, 90], [50, 100]),
    street: bands([0, 40], [20, 60], [60, 75], [120, 90], [200, 100]),
    district: bands([0, 40], [100, 60], [300, 75], [600, 90], [1000, 100]),
  },
  bandBasisDays: 30,
  rankings: { top: 5, bottom: 5, redMin: 90, yellowBelow: 60, minVolume: 1 },
  ratio721: { service: 70, management: 20, enforcement: 10 },
  hotspots: { top: 20, repeatMin: 3 },
  publicBoard: {
    enabled: false,
    subjects: ['street', 'unit'],
    periods: ['month', 'quarter'],
    completedOnly: true,
    showCounts: false,
    showLists: true,
  },
};

/** A field problem of a settings document: path (body.…) and message. */
export interface SettingsIssue {
  path: string;
  message: string;
}

/**
 * The rules zod cannot say: known indicators per subject, a positive weight sum, bands sorted
 * by a rising min that starts at 0, grades falling from A to D.
 */
export function settingsIssues(s: EvaluationSettings): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  for (const subject of SUBJECTS) {
    const comps = s.composites[subject];
    const known = INDICATORS[subject];
    const seen = new Set<string>();
    comps.forEach((comp, i) => {
      if (!(comp.indicator in known)) {
        issues.push({
          path: `body.composites.${subject}.${i}.indicator`,
          message: `unknown for ${subject}; one of ${Object.keys(known).join(', ')}`,
        });
      }
      if (seen.has(comp.indicator)) {
        issues.push({ path: `body.composites.${subject}.${i}.indicator`, message: 'listed twice' });
      }
      seen.add(comp.indicator);
    });
    if (comps.reduce((a, x) => a + x.weight, 0) <= 0) {
      issues.push({
        path: `body.composites.${subject}`,
        message: 'the weights must add up to more than 0',
      });
    }
    const b = s.bands[subject];
    if (b[0] && b[0].min !== 0) {
      issues.push({
        path: `body.bands.${subject}.0.min`,
        message: 'the first band must start at 0',
      });
    }
    for (let i = 1; i < b.length; i++) {
      if (b[i]!.min <= b[i - 1]!.min) {
        issues.push({
          path: `body.bands.${subject}.${i}.min`,
          message: 'must be greater than the band before',
        });
      }
    }
  }
  const g = s.grades;
  if (!(g.A > g.B && g.B > g.C && g.C > g.D)) {
    issues.push({ path: 'body.grades', message: 'must fall strictly from A to D' });
  }
  const r = s.ratio721;
  if (Math.abs(r.service + r.management + r.enforcement - 100) > 1e-9) {
    issues.push({ path: 'body.ratio721', message: 'the three targets must add up to 100' });
  }
  const b = s.publicBoard;
  if (b.enabled && (b.subjects.length === 0 || b.periods.length === 0)) {
    issues.push({
      path: 'body.publicBoard',
      message: 'a published board needs at least one subject and one period',
    });
  }
  return issues;
}

/** Settings stored before a field existed get that field's default. */
export function withDefaults(stored: unknown): EvaluationSettings {
  const merged = deepMerge(DEFAULT_SETTINGS, stored);
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (
    base &&
    over &&
    typeof base === 'object' &&
    typeof over === 'object' &&
    !Array.isArray(base) &&
    !Array.isArray(over)
  ) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(over as Record<string, unknown>)) {
      out[k] = k in out ? deepMerge(out[k], v) : v;
    }
    return out;
  }
  return over === undefined ? base : over;
}
