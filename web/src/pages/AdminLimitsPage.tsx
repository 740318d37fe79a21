import { LimitsAdmin } from '../modules/admin/components/LimitsAdmin';

/** Administration: time limits. */
export function AdminLimitsPage() {
  return <LimitsAdmin />;
}
