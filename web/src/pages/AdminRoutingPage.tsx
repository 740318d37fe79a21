import { RoutingAdmin } from '../modules/admin/components/RoutingAdmin';

/** Administration: the routing matrix. */
export function AdminRoutingPage() {
  return <RoutingAdmin />;
}
