import { EvaluationBoard } from '../modules/evaluation/components/EvaluationBoard';

/** Evaluation (考核评价): indicators, rankings, red and yellow lists, 721, monthly report. */
export function EvaluationPage() {
  return <EvaluationBoard />;
}
