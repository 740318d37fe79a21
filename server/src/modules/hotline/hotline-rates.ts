/**
 * The hotline indicators (domain.md §5), pure: counts from facts about orders and dispatches,
 * rates from counts, grouping by unit or street, and the cases behind each count.
 *
 * The three rates ("三率") are taken over valid callbacks, one per order: the latest callback
 * of the order (a redo after an unsatisfied callback is judged by the callback after it), and
 * only when the desk did not rule it invalid:
 * - response rate     = contacted / valid
 * - resolution rate   = solved / valid
 * - satisfaction rate = (satisfied + 0.9 × basically satisfied) / valid
 * - composite score   = Σ weight × rate, with weights per city adding up to 100 (default
 *   10 / 50 / 40), so the score runs 0–100.
 * Besides them:
 * - on-time acknowledgement = dispatches acknowledged by their deadline / dispatches due
 *   (acknowledged, or past the acknowledgement deadline);
 * - on-time completion = orders whose (last) feedback came by the hotline's deadline (the
 *   handling deadline when the hotline gave none) / orders fed back;
 * - return rate = dispatches the unit returned / dispatches;
 * - repeat-complaint rate = orders flagged as repeats / orders;
 * - callback rate = orders with a callback / orders closed at least once.
 * A rate with an empty denominator is null (no data), never 0.
 */
import type { HotlineSatisfaction } from '@common/hotline';

/** Weights of the composite score, per city; they add up to 100. */
export interface RateWeights {
  response: number;
  resolution: number;
  satisfaction: number;
}

export const DEFAULT_RATE_WEIGHTS: RateWeights = Object.freeze({
  response: 10,
  resolution: 50,
  satisfaction: 40,
});

/** How much a "basically satisfied" answer counts towards satisfaction. */
export const BASICALLY_SATISFIED_WEIGHT = 0.9;

/** What the rates need to know about one hotline order. */
export interface OrderFact {
  caseId: string;
  number: string;
  /** The unit handling the order now (the last dispatch), or null before dispatch. */
  unitId: string | null;
  streetId: string | null;
  closedAt: number | null;
  /** The last feedback of the unit, or null. */
  handledAt: number | null;
  /** The hotline's deadline, or the case's handling deadline when the hotline gave none. */
  completionDeadline: number | null;
  repeat: boolean;
  /** The latest callback, or null before the first. */
  callback: {
    valid: boolean;
    contacted: boolean;
    solved: boolean;
    satisfaction: HotlineSatisfaction | null;
  } | null;
}

/** What the rates need to know about one dispatch of an order to a unit. */
export interface AssignmentFact {
  caseId: string;
  number: string;
  unitId: string;
  streetId: string | null;
  ackDeadlineAt: number | null;
  acknowledgedAt: number | null;
  returnedAt: number | null;
}

/** Counts over orders. */
export const ORDER_METRICS = [
  'orders',
  'closed',
  'callbacks',
  'valid',
  'contacted',
  'solved',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'completed',
  'completed_on_time',
  'repeat',
] as const;

/** Counts over dispatches. */
export const ASSIGNMENT_METRICS = [
  'assignments',
  'ack_due',
  'acknowledged_on_time',
  'returned',
] as const;

export type OrderMetric = (typeof ORDER_METRICS)[number];
export type AssignmentMetric = (typeof ASSIGNMENT_METRICS)[number];
export type RateMetric = OrderMetric | AssignmentMetric;

export const RATE_METRICS = [...ORDER_METRICS, ...ASSIGNMENT_METRICS] as const;

export type RateCounts = Record<RateMetric, number>;

export interface Rates {
  response: number | null;
  resolution: number | null;
  satisfaction: number | null;
  /** 0–100. */
  composite: number | null;
  onTimeAcknowledgement: number | null;
  onTimeCompletion: number | null;
  returnRate: number | null;
  repeatRate: number | null;
  callbackRate: number | null;
}

/** The counts each order adds to. */
export function orderMetrics(f: OrderFact): OrderMetric[] {
  const out: OrderMetric[] = ['orders'];
  if (f.closedAt !== null || f.callback !== null) {
    out.push('closed');
  }
  if (f.callback) {
    out.push('callbacks');
    if (f.callback.valid) {
      out.push('valid');
      if (f.callback.contacted) {
        out.push('contacted');
        if (f.callback.solved) {
          out.push('solved');
        }
        if (f.callback.satisfaction) {
          out.push(f.callback.satisfaction);
        }
      }
    }
  }
  if (f.handledAt !== null) {
    out.push('completed');
    if (f.completionDeadline === null || f.handledAt <= f.completionDeadline) {
      out.push('completed_on_time');
    }
  }
  if (f.repeat) {
    out.push('repeat');
  }
  return out;
}

/** The counts each dispatch adds to, at `now` (a dispatch not yet due is not counted due). */
export function assignmentMetrics(a: AssignmentFact, now: number): AssignmentMetric[] {
  const out: AssignmentMetric[] = ['assignments'];
  const due = a.acknowledgedAt !== null || (a.ackDeadlineAt !== null && now > a.ackDeadlineAt);
  if (due) {
    out.push('ack_due');
  }
  if (
    a.acknowledgedAt !== null &&
    (a.ackDeadlineAt === null || a.acknowledgedAt <= a.ackDeadlineAt)
  ) {
    out.push('acknowledged_on_time');
  }
  if (a.returnedAt !== null) {
    out.push('returned');
  }
  return out;
}

export function emptyCounts(): RateCounts {
  return Object.fromEntries(RATE_METRICS.map((m) => [m, 0])) as RateCounts;
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** The three rates over valid callbacks, unrounded; null without a valid callback. */
export function threeRates(
  c: Pick<RateCounts, 'valid' | 'contacted' | 'solved' | 'satisfied' | 'basically_satisfied'>,
): {
  response: number | null;
  resolution: number | null;
  satisfaction: number | null;
} {
  return {
    response: ratio(c.contacted, c.valid),
    resolution: ratio(c.solved, c.valid),
    satisfaction: ratio(c.satisfied + BASICALLY_SATISFIED_WEIGHT * c.basically_satisfied, c.valid),
  };
}

/** The composite score (0–100) of the three rates; null when any of them is. */
export function compositeScore(
  r: { response: number | null; resolution: number | null; satisfaction: number | null },
  w: RateWeights,
): number | null {
  if (r.response === null || r.resolution === null || r.satisfaction === null) {
    return null;
  }
  return w.response * r.response + w.resolution * r.resolution + w.satisfaction * r.satisfaction;
}

/** Every rate of a set of counts: rates rounded to 4 decimals, the composite to 2. */
export function ratesOf(c: RateCounts, w: RateWeights): Rates {
  const three = threeRates(c);
  const composite = compositeScore(three, w);
  const r4 = (x: number | null) => (x === null ? null : round(x, 4));
  return {
    response: r4(three.response),
    resolution: r4(three.resolution),
    satisfaction: r4(three.satisfaction),
    composite: composite === null ? null : round(composite, 2),
    onTimeAcknowledgement: r4(ratio(c.acknowledged_on_time, c.ack_due)),
    onTimeCompletion: r4(ratio(c.completed_on_time, c.completed)),
    returnRate: r4(ratio(c.returned, c.assignments)),
    repeatRate: r4(ratio(c.repeat, c.orders)),
    callbackRate: r4(ratio(c.callbacks, c.closed)),
  };
}

export type RateGroupBy = 'unit' | 'street';

const orderKey = (f: OrderFact, by: RateGroupBy) => (by === 'unit' ? f.unitId : f.streetId);
const assignmentKey = (a: AssignmentFact, by: RateGroupBy) =>
  by === 'unit' ? a.unitId : a.streetId;

/**
 * Counts and rates per unit (orders by their current unit, dispatches by the unit they went
 * to) or per street. Orders without a unit (not dispatched yet) or street are left out.
 * Sorted by composite score, best first (no score last), then by key.
 */
export function groupRates(
  orders: readonly OrderFact[],
  assignments: readonly AssignmentFact[],
  by: RateGroupBy,
  now: number,
  weights: RateWeights,
): { key: string; counts: RateCounts; rates: Rates }[] {
  const groups = new Map<string, RateCounts>();
  const countsOf = (key: string) => {
    let c = groups.get(key);
    if (!c) {
      c = emptyCounts();
      groups.set(key, c);
    }
    return c;
  };
  for (const f of orders) {
    const key = orderKey(f, by);
    if (key) {
      const c = countsOf(key);
      for (const m of orderMetrics(f)) {
        c[m]++;
      }
    }
  }
  for (const a of assignments) {
    const key = assignmentKey(a, by);
    if (key) {
      const c = countsOf(key);
      for (const m of assignmentMetrics(a, now)) {
        c[m]++;
      }
    }
  }
  return [...groups.entries()]
    .map(([key, counts]) => ({ key, counts, rates: ratesOf(counts, weights) }))
    .sort(
      (a, b) => (b.rates.composite ?? -1) - (a.rates.composite ?? -1) || a.key.localeCompare(b.key),
    );
}

/** The orders (or dispatches) behind one count of one group: the drill-down of a figure. */
export function casesBehind(
  orders: readonly OrderFact[],
  assignments: readonly AssignmentFact[],
  by: RateGroupBy,
  key: string,
  metric: RateMetric,
  now: number,
): { caseId: string; number: string }[] {
  const seen = new Set<string>();
  const out: { caseId: string; number: string }[] = [];
  const add = (caseId: string, number: string) => {
    if (!seen.has(caseId)) {
      seen.add(caseId);
      out.push({ caseId, number });
    }
  };
  if ((ORDER_METRICS as readonly string[]).includes(metric)) {
    for (const f of orders) {
      if (orderKey(f, by) === key && orderMetrics(f).includes(metric as OrderMetric)) {
        add(f.caseId, f.number);
      }
    }
  } else {
    for (const a of assignments) {
      if (
        assignmentKey(a, by) === key &&
        assignmentMetrics(a, now).includes(metric as AssignmentMetric)
      ) {
        add(a.caseId, a.number);
      }
    }
  }
  return out;
}
