/**
 * Indicator formulas (综合评价), pure: counts in, rates, scores, composite and grade out.
 *
 * - A rate is numerator / denominator over the same items (the numerator's items are a subset
 *   of the denominator's); it is null (not applicable) when the denominator is 0.
 * - Score of a good rate: rate × 100. Score of a bad rate: (1 − rate) × 100.
 * - Score of a volume: the band score of the count scaled to `bandBasisDays` days
 *   (count × basis / period days), the highest band whose min it reaches.
 * - Composite: Σ weight × score / Σ weight over the configured components whose score is
 *   defined; a component without items (rate null) drops out and the others are re-weighted.
 *   No defined component: no composite.
 * - Scores and composites are rounded half up to 2 decimals; the grade is read from the
 *   rounded composite: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below (thresholds configurable).
 */

import { EVALUATION_SUBJECTS, type RateValue } from '@common/evaluation';

/** Who or what is evaluated. */
export const SUBJECTS = EVALUATION_SUBJECTS;
export type Subject = (typeof SUBJECTS)[number];

export const PERSON_SUBJECTS = ['inspector', 'intake_clerk', 'shift_leader', 'dispatcher'] as const;
export const AREA_SUBJECTS = ['grid', 'community', 'street', 'district'] as const;
export type AreaSubject = (typeof AREA_SUBJECTS)[number];

export function isAreaSubject(s: string): s is AreaSubject {
  return (AREA_SUBJECTS as readonly string[]).includes(s);
}

/** A rate: numerator and denominator are count names of the subject. */
export interface RateDef {
  kind: 'good' | 'bad';
  numerator: string;
  denominator: string;
}

/** A volume scored by bands: the sum of the named counts. */
export interface VolumeDef {
  kind: 'band';
  counts: readonly string[];
}

export type IndicatorDef = RateDef | VolumeDef;

const good = (numerator: string, denominator: string): RateDef => ({
  kind: 'good',
  numerator,
  denominator,
});
const bad = (numerator: string, denominator: string): RateDef => ({
  kind: 'bad',
  numerator,
  denominator,
});
const volume = (...counts: string[]): VolumeDef => ({ kind: 'band', counts });

const AREA_INDICATORS = {
  volume: volume('valid'),
  public_rate: bad('public', 'reported'),
  closure_rate: good('closed', 'valid'),
  closure_on_time_rate: good('closed_on_time', 'valid'),
  registration_rate: good('registered', 'reported'),
  handling_on_time_rate: good('handled_on_time', 'handled'),
  rework_rate: bad('rework', 'handled'),
  missed_rate: bad('missed', 'valid'),
} as const;

/**
 * Every indicator of every subject. Count names are the subject's fact metrics without the
 * family (unit.handled → handled); the inspector's `missed` and `grid_valid` are the case
 * facts `case.missed` and `case.valid` of the grids the inspector is assigned to.
 */
export const INDICATORS = {
  inspector: {
    volume: volume('reported', 'verified', 'checked'),
    valid_rate: good('valid', 'reported'),
    missed_rate: bad('missed', 'grid_valid'),
    verify_on_time_rate: good('verified_on_time', 'verified'),
    check_on_time_rate: good('checked_on_time', 'checked'),
  },
  intake_clerk: {
    volume: volume('actions'),
    verify_dispatch_on_time_rate: good('verify_sent_on_time', 'verify_sent'),
    decision_on_time_rate: good('decided_on_time', 'decided'),
  },
  shift_leader: {
    volume: volume('decided', 'closed'),
    registration_on_time_rate: good('decided_on_time', 'decided'),
    registration_accuracy_rate: good('registered_accurate', 'registered'),
    closure_on_time_rate: good('closed_on_time', 'closed'),
  },
  dispatcher: {
    volume: volume('dispatched'),
    dispatch_on_time_rate: good('dispatched_on_time', 'dispatched'),
    dispatch_accuracy_rate: good('accurate', 'dispatched'),
  },
  unit: {
    volume: volume('to_handle'),
    handling_rate: good('handled', 'to_handle'),
    handling_on_time_rate: good('handled_on_time', 'to_handle'),
    rework_rate: bad('rework', 'handled'),
    overdue_unhandled_rate: bad('overdue_unhandled', 'to_handle'),
    extension_rate: bad('extended', 'to_handle'),
    return_rate: bad('returned', 'to_handle'),
    hang_rate: bad('hung', 'to_handle'),
    acknowledge_on_time_rate: good('acknowledged_on_time', 'to_handle'),
  },
  grid: AREA_INDICATORS,
  community: AREA_INDICATORS,
  street: AREA_INDICATORS,
  district: AREA_INDICATORS,
} as const satisfies Record<Subject, Record<string, IndicatorDef>>;

/**
 * The items a subject worked on in a period (its activity): a subject with fewer than the
 * rankings' `minVolume`, or none, is not ranked.
 */
export const ACTIVITY: Readonly<Record<Subject, readonly string[]>> = {
  inspector: ['reported', 'verified', 'checked'],
  intake_clerk: ['actions'],
  shift_leader: ['decided', 'closed'],
  dispatcher: ['dispatched'],
  unit: ['to_handle'],
  grid: ['reported'],
  community: ['reported'],
  street: ['reported'],
  district: ['reported'],
};

export type IndicatorName = {
  [S in Subject]: keyof (typeof INDICATORS)[S];
}[Subject];

/** The indicator definitions of a subject, by name. */
export function indicatorsOf(subject: Subject): Readonly<Record<string, IndicatorDef>> {
  return INDICATORS[subject];
}

export interface Band {
  min: number;
  score: number;
}

export interface Grades {
  A: number;
  B: number;
  C: number;
  D: number;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

/** Rounds half up to 2 decimals (scores and composites as shown). */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;
}

/** numerator / denominator, or null when the denominator is 0. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Score of a rate: good → rate × 100, bad → (1 − rate) × 100; null stays null. */
export function rateScore(kind: 'good' | 'bad', r: number | null): number | null {
  if (r === null) {
    return null;
  }
  return round2(kind === 'good' ? r * 100 : (1 - r) * 100);
}

/** The score of the highest band whose min the (scaled) count reaches; 0 below every band. */
export function bandScore(
  bands: readonly Band[],
  count: number,
  periodDays: number,
  basisDays: number,
): number {
  const scaled = (count * basisDays) / Math.max(1, periodDays);
  let s = 0;
  for (const b of bands) {
    if (scaled >= b.min - 1e-9) {
      s = b.score;
    }
  }
  return s;
}

/** Grade of a composite (rounded to 2 decimals first); null without a composite. */
export function gradeOf(composite: number | null, g: Grades): Grade | null {
  if (composite === null) {
    return null;
  }
  const c = round2(composite);
  return c >= g.A ? 'A' : c >= g.B ? 'B' : c >= g.C ? 'C' : c >= g.D ? 'D' : 'E';
}

/** Weighted mean of the defined scores; null when none is defined. */
export function composite(
  parts: readonly { score: number | null; weight: number }[],
): number | null {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    if (p.score !== null && p.weight > 0) {
      sum += p.score * p.weight;
      weights += p.weight;
    }
  }
  return weights > 0 ? round2(sum / weights) : null;
}

export type { RateValue };

export interface Evaluation {
  rates: Record<string, RateValue>;
  /** Score (0–100) of every indicator of the subject; null when not applicable. */
  scores: Record<string, number | null>;
  /** The count the volume band scores. */
  volume: number;
  /** The items worked on (ranking eligibility). */
  activity: number;
  composite: number | null;
  grade: Grade | null;
}

export interface EvaluationRules {
  components: readonly { indicator: string; weight: number }[];
  bands: readonly Band[];
  bandBasisDays: number;
  grades: Grades;
}

/** Rates, scores, composite and grade of one subject's counts over a period of `days` days. */
export function evaluate(
  subject: Subject,
  counts: Readonly<Record<string, number>>,
  rules: EvaluationRules,
  days: number,
): Evaluation {
  const n = (k: string) => counts[k] ?? 0;
  const rates: Record<string, RateValue> = {};
  const scores: Record<string, number | null> = {};
  let vol = 0;
  for (const [name, def] of Object.entries(indicatorsOf(subject))) {
    if (def.kind === 'band') {
      const v = def.counts.reduce((a, k) => a + n(k), 0);
      vol = v;
      scores[name] = bandScore(rules.bands, v, days, rules.bandBasisDays);
    } else {
      const r = rate(n(def.numerator), n(def.denominator));
      rates[name] = { value: r, numerator: n(def.numerator), denominator: n(def.denominator) };
      scores[name] = rateScore(def.kind, r);
    }
  }
  const c = composite(
    rules.components.map((p) => ({ score: scores[p.indicator] ?? null, weight: p.weight })),
  );
  const activity = ACTIVITY[subject].reduce((a, k) => a + n(k), 0);
  return { rates, scores, volume: vol, activity, composite: c, grade: gradeOf(c, rules.grades) };
}

export interface Rankable {
  key: string;
  composite: number | null;
  activity: number;
}

export interface Ranked<T> {
  rank: number;
  item: T;
}

/**
 * Ranks subjects by composite (high first), then activity (high first), then key: competition
 * ranking (1, 2, 2, 4) on equal composites. Subjects without a composite, without activity or
 * with less activity than `minVolume` are left out. Red list: the first `top` with a composite ≥ redMin;
 * yellow list: the last `bottom` with a composite < yellowBelow, worst first.
 */
export function rankSubjects<T extends Rankable>(
  items: readonly T[],
  r: { top: number; bottom: number; redMin: number; yellowBelow: number; minVolume: number },
): { ranked: Ranked<T>[]; red: Ranked<T>[]; yellow: Ranked<T>[] } {
  const eligible = items
    .filter((i) => i.composite !== null && i.activity >= r.minVolume && i.activity > 0)
    .sort(
      (a, b) =>
        b.composite! - a.composite! ||
        b.activity - a.activity ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  const ranked: Ranked<T>[] = [];
  eligible.forEach((item, i) => {
    const prev = ranked[i - 1];
    const rank = prev && prev.item.composite === item.composite ? prev.rank : i + 1;
    ranked.push({ rank, item });
  });
  const red = ranked.filter((x) => x.item.composite! >= r.redMin).slice(0, r.top);
  const yellow = ranked
    .filter((x) => x.item.composite! < r.yellowBelow)
    .reverse()
    .slice(0, r.bottom);
  return { ranked, red, yellow };
}
