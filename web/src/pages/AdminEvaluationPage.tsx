import { EvaluationAdmin } from '../modules/admin/components/EvaluationAdmin';

/** Administration: evaluation weights. */
export function AdminEvaluationPage() {
  return <EvaluationAdmin />;
}
