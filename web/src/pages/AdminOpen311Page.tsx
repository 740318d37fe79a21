import { Open311Admin } from '../modules/admin/components/Open311Admin';

/** Administration: Open311 services and API keys. */
export function AdminOpen311Page() {
  return <Open311Admin />;
}
