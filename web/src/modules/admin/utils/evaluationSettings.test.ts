import { describe, expect, it } from 'vitest';
import type { EvaluationSettings } from '../../../api/evaluation.api';
import { settingsProblems, shares, SUBJECTS } from './evaluationSettings';

const valid = (): EvaluationSettings =>
  ({
    grades: { A: 90, B: 75, C: 60, D: 40 },
    composites: Object.fromEntries(SUBJECTS.map((s) => [s, [{ indicator: 'volume', weight: 1 }]])),
    ratio721: { service: 70, management: 20, enforcement: 10 },
    publicBoard: {
      enabled: false,
      subjects: ['street', 'unit'],
      periods: ['month', 'quarter'],
      completedOnly: true,
      showCounts: false,
      showLists: true,
    },
  }) as unknown as EvaluationSettings;

describe(settingsProblems.name, () => {
  it('accepts the defaults', () => {
    expect(settingsProblems(valid())).toEqual([]);
  });

  it('finds repeated indicators, zero weights, grades out of order and 721 not adding up', () => {
    const s = valid();
    s.composites.unit = [
      { indicator: 'rework_rate', weight: 0 },
      { indicator: 'rework_rate', weight: 0 },
    ];
    s.grades.B = s.grades.A; // equal thresholds: as wrong as out of order (the server's rule)
    s.ratio721.service = 60;
    s.publicBoard = { ...s.publicBoard, enabled: true, periods: [] };
    expect(settingsProblems(s).map((p) => [p.where, p.subject ?? '', p.key])).toEqual([
      ['components', 'unit', 'eval.duplicate'],
      ['components', 'unit', 'eval.noWeight'],
      ['grades', '', 'eval.gradesRule'],
      ['ratio721', '', 'eval.ratioRule'],
      ['publicBoard', '', 'eval.boardRule'],
    ]);
  });
});

describe(shares.name, () => {
  it('gives each weight its share in percent', () => {
    expect(
      shares([
        { indicator: 'a', weight: 30 },
        { indicator: 'b', weight: 10 },
      ]),
    ).toEqual([75, 25]);
    expect(shares([{ indicator: 'a', weight: 0 }])).toEqual([0]);
  });
});
