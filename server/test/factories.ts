import type { Role, ScopeLevel } from '@common/roles';
import type { NewRegionRow } from '../src/modules/space/space.table';
import { uuidv7 } from '../src/lib/ids';
import type { TestApp } from './app';

export const TEST_PASSWORD = 'test-password-1';

export interface TinyCity {
  cityId: string;
  districtId: string;
  eastStreetId: string;
  westStreetId: string;
  eastCommunityIds: [string, string];
  westCommunityId: string;
}

/**
 * A tiny city for API tests: 示范市 (339900) → 云溪区 (339901) → 东湖街道 (339901001, two
 * communities) and 西山街道 (339901002, one community). No grids: tests that need grids
 * import them.
 */
export async function seedTinyCity(t: TestApp): Promise<TinyCity> {
  const now = t.clock.now();
  const mk = (
    code: string,
    name: string,
    level: NewRegionRow['level'],
    parent: string | null,
  ): NewRegionRow => ({
    id: uuidv7(now),
    code,
    name,
    level,
    parent_id: parent,
    geometry: null,
    area_class: null,
    created_at: now,
    updated_at: now,
  });
  const city = mk('339900', '示范市', 'city', null);
  const district = mk('339901', '云溪区', 'district', city.id);
  const east = mk('339901001', '东湖街道', 'street', district.id);
  const west = mk('339901002', '西山街道', 'street', district.id);
  const e1 = mk('339901001001', '湖滨社区', 'community', east.id);
  const e2 = mk('339901001002', '柳岸社区', 'community', east.id);
  const w1 = mk('339901002001', '松岭社区', 'community', west.id);
  await t.store.db.insertInto('region').values([city, district, east, west, e1, e2, w1]).execute();
  await t.services.space.reload();
  return {
    cityId: city.id,
    districtId: district.id,
    eastStreetId: east.id,
    westStreetId: west.id,
    eastCommunityIds: [e1.id, e2.id],
    westCommunityId: w1.id,
  };
}

/** Creates a user through the org service (no admin check) and returns it. */
export async function buildUser(
  t: TestApp,
  o: {
    username: string;
    roles: Role[];
    level?: ScopeLevel;
    regionId?: string | null;
    unitId?: string | null;
  },
) {
  return t.services.org.createUser(null, {
    username: o.username,
    displayName: o.username,
    password: TEST_PASSWORD,
    roles: o.roles,
    unitId: o.unitId ?? null,
    scope: {
      level: o.level ?? 'city',
      regionId: o.regionId ?? null,
      unitId: o.level === 'unit' ? (o.unitId ?? null) : null,
    },
  });
}
