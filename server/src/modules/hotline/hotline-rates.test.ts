import { describe, expect, it } from 'vitest';
import {
  assignmentMetrics,
  casesBehind,
  compositeScore,
  emptyCounts,
  groupRates,
  orderMetrics,
  ratesOf,
  threeRates,
  type AssignmentFact,
  type OrderFact,
} from './hotline-rates';

const W = { response: 10, resolution: 50, satisfaction: 40 };

const order = (o: Partial<OrderFact> & { caseId: string }): OrderFact => ({
  number: `N-${o.caseId}`,
  unitId: 'u1',
  streetId: 's1',
  closedAt: null,
  handledAt: null,
  completionDeadline: null,
  repeat: false,
  callback: null,
  ...o,
});

const cb = (
  satisfaction: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null,
  o: { contacted?: boolean; solved?: boolean; valid?: boolean } = {},
) => ({
  valid: o.valid ?? true,
  contacted: o.contacted ?? satisfaction !== null,
  solved: o.solved ?? satisfaction !== 'unsatisfied',
  satisfaction,
});

describe(threeRates.name, () => {
  it('applies the formulas over valid callbacks', () => {
    const c = {
      ...emptyCounts(),
      valid: 4,
      contacted: 3,
      solved: 2,
      satisfied: 1,
      basically_satisfied: 1,
    };
    expect(threeRates(c)).toEqual({ response: 0.75, resolution: 0.5, satisfaction: 1.9 / 4 });
  });

  it('is null, not zero, without a valid callback', () => {
    expect(threeRates(emptyCounts())).toEqual({
      response: null,
      resolution: null,
      satisfaction: null,
    });
  });
});

describe(compositeScore.name, () => {
  it('weights the three rates to a 0–100 score', () => {
    expect(compositeScore({ response: 1, resolution: 0.5, satisfaction: 0.45 }, W)).toBeCloseTo(
      53,
      10,
    );
    expect(
      compositeScore(
        { response: 1, resolution: 1, satisfaction: 1 },
        { response: 30, resolution: 35, satisfaction: 35 },
      ),
    ).toBeCloseTo(100, 10);
  });

  it('is null when a rate is missing', () => {
    expect(compositeScore({ response: 1, resolution: null, satisfaction: 1 }, W)).toBeNull();
  });
});

describe(orderMetrics.name, () => {
  it('counts a contacted, solved, basically satisfied callback', () => {
    expect(
      orderMetrics(order({ caseId: 'a', closedAt: 5, callback: cb('basically_satisfied') })),
    ).toEqual([
      'orders',
      'closed',
      'callbacks',
      'valid',
      'contacted',
      'solved',
      'basically_satisfied',
    ]);
  });

  it('keeps an invalid callback out of the three rates but in the callback rate', () => {
    expect(
      orderMetrics(
        order({ caseId: 'a', closedAt: 5, callback: cb('unsatisfied', { valid: false }) }),
      ),
    ).toEqual(['orders', 'closed', 'callbacks']);
  });

  it('counts an unreached caller as valid but not contacted', () => {
    expect(orderMetrics(order({ caseId: 'a', closedAt: 5, callback: cb(null) }))).toEqual([
      'orders',
      'closed',
      'callbacks',
      'valid',
    ]);
  });

  it('judges completion against the deadline, and flags repeats', () => {
    expect(
      orderMetrics(order({ caseId: 'a', handledAt: 10, completionDeadline: 10, repeat: true })),
    ).toEqual(['orders', 'completed', 'completed_on_time', 'repeat']);
    expect(orderMetrics(order({ caseId: 'a', handledAt: 11, completionDeadline: 10 }))).toEqual([
      'orders',
      'completed',
    ]);
  });

  it('counts a reopened order (closure reset) as closed once it has a callback', () => {
    expect(
      orderMetrics(order({ caseId: 'a', closedAt: null, callback: cb('unsatisfied') })),
    ).toContain('closed');
  });
});

describe(assignmentMetrics.name, () => {
  const a = (o: Partial<AssignmentFact>): AssignmentFact => ({
    caseId: 'a',
    number: 'N',
    unitId: 'u1',
    streetId: 's1',
    ackDeadlineAt: 100,
    acknowledgedAt: null,
    returnedAt: null,
    ...o,
  });

  it('is due once acknowledged or past the deadline', () => {
    expect(assignmentMetrics(a({}), 50)).toEqual(['assignments']);
    expect(assignmentMetrics(a({}), 101)).toEqual(['assignments', 'ack_due']);
    expect(assignmentMetrics(a({ acknowledgedAt: 100 }), 50)).toEqual([
      'assignments',
      'ack_due',
      'acknowledged_on_time',
    ]);
    expect(assignmentMetrics(a({ acknowledgedAt: 101, returnedAt: 200 }), 300)).toEqual([
      'assignments',
      'ack_due',
      'returned',
    ]);
  });
});

describe(ratesOf.name, () => {
  it('rounds rates to 4 decimals and the composite to 2', () => {
    const c = {
      ...emptyCounts(),
      valid: 3,
      contacted: 3,
      solved: 2,
      satisfied: 1,
      basically_satisfied: 1,
      orders: 3,
      repeat: 1,
    };
    const r = ratesOf(c, W);
    expect(r).toMatchObject({
      response: 1,
      resolution: 0.6667,
      satisfaction: 0.6333,
      repeatRate: 0.3333,
    });
    // 10 × 1 + 50 × 2/3 + 40 × 1.9/3 = 68.6666…
    expect(r.composite).toBe(68.67);
    expect(r.onTimeAcknowledgement).toBeNull();
  });
});

describe(groupRates.name, () => {
  const orders = [
    order({ caseId: 'a', closedAt: 1, callback: cb('satisfied') }),
    order({ caseId: 'b', closedAt: 1, callback: cb('unsatisfied', { solved: false }) }),
    order({
      caseId: 'c',
      unitId: 'u2',
      streetId: 's1',
      closedAt: 1,
      callback: cb('basically_satisfied'),
    }),
    order({ caseId: 'd', unitId: null, streetId: 's2' }),
  ];
  const assignments: AssignmentFact[] = [
    {
      caseId: 'a',
      number: 'N-a',
      unitId: 'u1',
      streetId: 's1',
      ackDeadlineAt: 10,
      acknowledgedAt: 5,
      returnedAt: null,
    },
    {
      caseId: 'b',
      number: 'N-b',
      unitId: 'u3',
      streetId: 's1',
      ackDeadlineAt: 10,
      acknowledgedAt: 5,
      returnedAt: 6,
    },
    {
      caseId: 'b',
      number: 'N-b',
      unitId: 'u1',
      streetId: 's1',
      ackDeadlineAt: 20,
      acknowledgedAt: 30,
      returnedAt: null,
    },
  ];

  it('groups per unit, orders by their current unit, dispatches by theirs, best first', () => {
    const g = groupRates(orders, assignments, 'unit', 100, W);
    expect(g.map((x) => x.key)).toEqual(['u2', 'u1', 'u3']);
    const u1 = g.find((x) => x.key === 'u1')!;
    expect(u1.counts).toMatchObject({
      orders: 2,
      valid: 2,
      contacted: 2,
      solved: 1,
      satisfied: 1,
      unsatisfied: 1,
      assignments: 2,
      acknowledged_on_time: 1,
    });
    expect(u1.rates).toMatchObject({
      response: 1,
      resolution: 0.5,
      satisfaction: 0.5,
      composite: 55,
      onTimeAcknowledgement: 0.5,
      returnRate: 0,
    });
    expect(g.find((x) => x.key === 'u3')!.rates).toMatchObject({ returnRate: 1, composite: null });
  });

  it('groups per street, leaving no order out', () => {
    const g = groupRates(orders, assignments, 'street', 100, W);
    expect(g.find((x) => x.key === 's1')!.counts).toMatchObject({
      orders: 3,
      valid: 3,
      assignments: 3,
      returned: 1,
    });
    expect(g.find((x) => x.key === 's2')!.counts.orders).toBe(1);
  });

  it('drills a figure down to its cases', () => {
    expect(casesBehind(orders, assignments, 'unit', 'u1', 'unsatisfied', 100)).toEqual([
      { caseId: 'b', number: 'N-b' },
    ]);
    expect(casesBehind(orders, assignments, 'street', 's1', 'returned', 100)).toEqual([
      { caseId: 'b', number: 'N-b' },
    ]);
    expect(
      casesBehind(orders, assignments, 'unit', 'u1', 'valid', 100).map((x) => x.caseId),
    ).toEqual(['a', 'b']);
  });
});
