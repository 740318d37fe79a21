import { UsersAdmin } from '../modules/admin/components/UsersAdmin';

/** Administration: users and roles. */
export function AdminUsersPage() {
  return <UsersAdmin />;
}
