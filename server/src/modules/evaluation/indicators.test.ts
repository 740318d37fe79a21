import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  settingsIssues,
  settingsSchema,
  withDefaults,
} from './evaluation.settings';
import {
  bandScore,
  composite,
  evaluate,
  gradeOf,
  rankSubjects,
  rate,
  rateScore,
  round2,
  type EvaluationRules,
} from './indicators';

const grades = DEFAULT_SETTINGS.grades;

describe('grades', () => {
  it('cuts at A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below', () => {
    const cases: [number, string][] = [
      [100, 'A'], [90, 'A'], [89.99, 'B'], [75, 'B'], [74.99, 'C'], [60, 'C'],
      [59.99, 'D'], [40, 'D'], [39.99, 'E'], [0, 'E'],
    ]; // prettier-ignore
    for (const [c, g] of cases) {
      expect(gradeOf(c, grades), String(c)).toBe(g);
    }
  });

  it('grades the composite as shown (rounded to 2 decimals)', () => {
    expect(gradeOf(89.995, grades)).toBe('A'); // shown as 90.00
    expect(gradeOf(89.994, grades)).toBe('B'); // shown as 89.99
    expect(gradeOf(null, grades)).toBeNull();
  });

  it('follows configured thresholds', () => {
    expect(gradeOf(85, { A: 85, B: 70, C: 55, D: 30 })).toBe('A');
    expect(gradeOf(54.99, { A: 85, B: 70, C: 55, D: 30 })).toBe('D');
  });
});

describe('rates and scores', () => {
  it('scores good rates as rate × 100 and bad rates as (1 − rate) × 100', () => {
    expect(rateScore('good', 0.8)).toBe(80);
    expect(rateScore('bad', 0.8)).toBe(20); // (1 − 0.8) × 100
    expect(rateScore('good', 2 / 3)).toBe(66.67);
    expect(rateScore('bad', 1 / 3)).toBe(66.67);
    expect(rateScore('good', null)).toBeNull();
  });

  it('has no rate without items', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 4)).toBe(0.75);
  });

  it('rounds half up to 2 decimals', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(26.666_666)).toBe(26.67);
    expect(round2(54.285_7)).toBe(54.29);
  });

  it('scores a volume by the highest band reached, scaled to the basis days', () => {
    const bands = [
      { min: 0, score: 40 },
      { min: 20, score: 60 },
      { min: 60, score: 75 },
    ];
    expect(bandScore(bands, 0, 30, 30)).toBe(40);
    expect(bandScore(bands, 19, 30, 30)).toBe(40);
    expect(bandScore(bands, 20, 30, 30)).toBe(60);
    expect(bandScore(bands, 2, 1, 30)).toBe(75); // 2 in one day = 60 a month
    expect(bandScore(bands, 30, 31, 30)).toBe(60); // 30 × 30 / 31 = 29.03
    expect(bandScore([{ min: 1, score: 40 }], 0, 30, 30)).toBe(0); // below every band
  });
});

describe('composite', () => {
  it('is the weighted mean of the scores', () => {
    // (40×10 + 40×20 + 60×30 + 60×40) / 100 = 54
    expect(composite([
      { score: 40, weight: 10 },
      { score: 40, weight: 20 },
      { score: 60, weight: 30 },
      { score: 60, weight: 40 },
    ])).toBe(54); // prettier-ignore
  });

  it('re-weights when a component has no items, and is null when none has', () => {
    // (0×10 + 40×20) / 30 = 26.67
    expect(composite([
      { score: 0, weight: 10 },
      { score: 40, weight: 20 },
      { score: null, weight: 30 },
      { score: null, weight: 40 },
    ])).toBe(26.67); // prettier-ignore
    expect(composite([{ score: null, weight: 10 }])).toBeNull();
    expect(composite([{ score: 50, weight: 0 }])).toBeNull();
  });
});

describe('evaluate', () => {
  const unitRules: EvaluationRules = {
    components: DEFAULT_SETTINGS.composites.unit,
    bands: DEFAULT_SETTINGS.bands.unit,
    bandBasisDays: 30,
    grades,
  };

  it('computes the handling unit formula of the brief', () => {
    // 10 to handle, 8 handled, 6 on time, 2 reworked, 1 overdue unhandled, 3 extended:
    // handling 80, on time 60, rework (1 − 2/8) 75, overdue (1 − 1/10) 90, extension (1 − 3/10) 70
    // (80×30 + 60×20 + 75×20 + 90×20 + 70×10) / 100 = (2400 + 1200 + 1500 + 1800 + 700) / 100 = 76
    const e = evaluate(
      'unit',
      {
        to_handle: 10,
        handled: 8,
        handled_on_time: 6,
        rework: 2,
        overdue_unhandled: 1,
        extended: 3,
      },
      unitRules,
      30,
    );
    expect(e.scores).toMatchObject({
      handling_rate: 80,
      handling_on_time_rate: 60,
      rework_rate: 75,
      overdue_unhandled_rate: 90,
      extension_rate: 70,
    });
    expect(e.composite).toBe(76);
    expect(e.grade).toBe('B');
    expect(e.activity).toBe(10);
  });

  it('computes the area formula of the brief', () => {
    // 40 reported, 10 public → (1 − 0.25) × 100 = 75; 30 valid → street band 60;
    // 27 closed → 90; 24 on time → 80: (75×10 + 60×20 + 90×30 + 80×40) / 100 = 78.5
    const e = evaluate(
      'street',
      { reported: 40, public: 10, valid: 30, closed: 27, closed_on_time: 24 },
      {
        components: DEFAULT_SETTINGS.composites.street,
        bands: DEFAULT_SETTINGS.bands.street,
        bandBasisDays: 30,
        grades,
      },
      30,
    );
    expect(e.composite).toBe(78.5);
    expect(e.grade).toBe('B');
  });

  it('computes the inspector, intake clerk, shift leader and dispatcher formulas', () => {
    const rules = (
      s: 'inspector' | 'intake_clerk' | 'shift_leader' | 'dispatcher',
    ): EvaluationRules => ({
      components: DEFAULT_SETTINGS.composites[s],
      bands: DEFAULT_SETTINGS.bands[s],
      bandBasisDays: 30,
      grades,
    });
    // valid 9/10 → 90; missed 1/4 → 75; verify 4/5 → 80; check 1/2 → 50
    // 90×0.4 + 75×0.2 + 80×0.2 + 50×0.2 = 36 + 15 + 16 + 10 = 77
    expect(
      evaluate(
        'inspector',
        {
          reported: 10,
          valid: 9,
          missed: 1,
          grid_valid: 4,
          verified: 5,
          verified_on_time: 4,
          checked: 2,
          checked_on_time: 1,
        },
        rules('inspector'),
        30,
      ).composite,
    ).toBe(77);
    // 300 actions → 75; verify dispatch 9/10 → 90; decisions 7/10 → 70
    // 75×0.25 + 90×0.4 + 70×0.35 = 18.75 + 36 + 24.5 = 79.25
    expect(
      evaluate(
        'intake_clerk',
        { actions: 300, verify_sent: 10, verify_sent_on_time: 9, decided: 10, decided_on_time: 7 },
        rules('intake_clerk'),
        30,
      ).composite,
    ).toBe(79.25);
    // on time 1/2 → 50; accurate 3/4 → 75; closure 4/5 → 80: 12.5 + 30 + 28 = 70.5
    expect(
      evaluate(
        'shift_leader',
        {
          decided: 2,
          decided_on_time: 1,
          registered: 4,
          registered_accurate: 3,
          closed: 5,
          closed_on_time: 4,
        },
        rules('shift_leader'),
        30,
      ).composite,
    ).toBe(70.5);
    // 400 dispatches → 90; on time 380/400 → 95; accurate 360/400 → 90: 18 + 38 + 36 = 92
    expect(
      evaluate(
        'dispatcher',
        { dispatched: 400, dispatched_on_time: 380, accurate: 360 },
        rules('dispatcher'),
        30,
      ).composite,
    ).toBe(92);
  });
});

describe('rankSubjects', () => {
  const r = { top: 2, bottom: 2, redMin: 90, yellowBelow: 60, minVolume: 2 };

  it('ranks by composite with ties sharing a rank, and lists red and yellow', () => {
    const items = [
      { key: 'a', composite: 95, activity: 5 },
      { key: 'b', composite: 91, activity: 5 },
      { key: 'c', composite: 91, activity: 9 },
      { key: 'd', composite: 50, activity: 5 },
      { key: 'e', composite: 30, activity: 5 },
      { key: 'f', composite: 10, activity: 1 }, // too little activity
      { key: 'g', composite: null, activity: 5 }, // nothing to score
    ];
    const out = rankSubjects(items, r);
    expect(out.ranked.map((x) => [x.item.key, x.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['b', 2],
      ['d', 4],
      ['e', 5],
    ]);
    expect(out.red.map((x) => x.item.key)).toEqual(['a', 'c']);
    expect(out.yellow.map((x) => x.item.key)).toEqual(['e', 'd']);
  });
});

describe('settings', () => {
  it('defaults to the brief and passes its own checks', () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(settingsIssues(DEFAULT_SETTINGS)).toEqual([]);
    expect(DEFAULT_SETTINGS.composites.dispatcher).toEqual([
      { indicator: 'volume', weight: 20 },
      { indicator: 'dispatch_on_time_rate', weight: 40 },
      { indicator: 'dispatch_accuracy_rate', weight: 40 },
    ]);
  });

  it('reports each broken rule with its path', () => {
    const bad = structuredClone(DEFAULT_SETTINGS);
    bad.composites.unit = [{ indicator: 'handling_rate', weight: 0 }];
    bad.bands.grid = [
      { min: 1, score: 40 },
      { min: 1, score: 50 },
    ];
    bad.ratio721 = { service: 70, management: 20, enforcement: 20 };
    expect(settingsIssues(bad).map((i) => i.path)).toEqual([
      'body.composites.unit',
      'body.bands.grid.0.min',
      'body.bands.grid.1.min',
      'body.ratio721',
    ]);
  });

  it('completes stored settings with defaults, and ignores a broken document', () => {
    expect(withDefaults({ grades: { A: 95 } }).grades).toEqual({ A: 95, B: 75, C: 60, D: 40 });
    expect(withDefaults({ grades: 'x' })).toEqual(DEFAULT_SETTINGS);
  });
});
