import { SpaceAdmin } from '../modules/admin/components/SpaceAdmin';

/** Administration: regions and grids (GeoJSON import). */
export function AdminSpacePage() {
  return <SpaceAdmin />;
}
