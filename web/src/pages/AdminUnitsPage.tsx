import { UnitsAdmin } from '../modules/admin/components/UnitsAdmin';

/** Administration: departments and handling units. */
export function AdminUnitsPage() {
  return <UnitsAdmin />;
}
