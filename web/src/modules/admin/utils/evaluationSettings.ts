import { EVALUATION_SUBJECTS } from '@common/evaluation';
import type {
  EvaluationSettings,
  EvaluationSubject,
  WeightedComponent,
} from '../../../api/evaluation.api';

/** Subjects in the order an admin reads them (the API's order). */
export const SUBJECTS: readonly EvaluationSubject[] = EVALUATION_SUBJECTS;

const AREA = [
  'volume',
  'public_rate',
  'closure_rate',
  'closure_on_time_rate',
  'registration_rate',
  'handling_on_time_rate',
  'rework_rate',
  'missed_rate',
] as const;

/** The indicators each subject has (server evaluation/indicators.ts, INDICATORS). */
export const SUBJECT_INDICATORS: Readonly<Record<EvaluationSubject, readonly string[]>> = {
  inspector: ['volume', 'valid_rate', 'missed_rate', 'verify_on_time_rate', 'check_on_time_rate'],
  intake_clerk: ['volume', 'verify_dispatch_on_time_rate', 'decision_on_time_rate'],
  shift_leader: [
    'volume',
    'registration_on_time_rate',
    'registration_accuracy_rate',
    'closure_on_time_rate',
  ],
  dispatcher: ['volume', 'dispatch_on_time_rate', 'dispatch_accuracy_rate'],
  unit: [
    'volume',
    'handling_rate',
    'handling_on_time_rate',
    'rework_rate',
    'overdue_unhandled_rate',
    'extension_rate',
    'return_rate',
    'hang_rate',
    'acknowledge_on_time_rate',
  ],
  grid: AREA,
  community: AREA,
  street: AREA,
  district: AREA,
};

/** A problem found before sending: where, and which message key says what. */
export interface SettingsProblem {
  where: 'components' | 'grades' | 'ratio721' | 'publicBoard';
  subject?: EvaluationSubject;
  key:
    | 'eval.duplicate'
    | 'eval.noWeight'
    | 'eval.indicatorRequired'
    | 'eval.gradesRule'
    | 'eval.ratioRule'
    | 'eval.boardRule';
}

/** The same rules as the server, checked before saving so the admin sees them at once. */
export function settingsProblems(s: EvaluationSettings): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  for (const subject of SUBJECTS) {
    const list: WeightedComponent[] = s.composites[subject] ?? [];
    if (list.some((c) => !c.indicator)) {
      out.push({ where: 'components', subject, key: 'eval.indicatorRequired' });
    }
    if (new Set(list.map((c) => c.indicator)).size !== list.length) {
      out.push({ where: 'components', subject, key: 'eval.duplicate' });
    }
    if (list.reduce((sum, c) => sum + (c.weight || 0), 0) <= 0) {
      out.push({ where: 'components', subject, key: 'eval.noWeight' });
    }
  }
  const g = s.grades;
  if (!(g.A > g.B && g.B > g.C && g.C > g.D)) {
    out.push({ where: 'grades', key: 'eval.gradesRule' });
  }
  const r = s.ratio721;
  if (Math.abs(r.service + r.management + r.enforcement - 100) > 1e-9) {
    out.push({ where: 'ratio721', key: 'eval.ratioRule' });
  }
  const b = s.publicBoard;
  if (b.enabled && (b.subjects.length === 0 || b.periods.length === 0)) {
    out.push({ where: 'publicBoard', key: 'eval.boardRule' });
  }
  return out;
}

/** Each component's share of the composite, in percent (0 when the weights add up to 0). */
export function shares(list: readonly WeightedComponent[]): number[] {
  const total = list.reduce((sum, c) => sum + (c.weight || 0), 0);
  return list.map((c) => (total > 0 ? Math.round(((c.weight || 0) / total) * 1000) / 10 : 0));
}
