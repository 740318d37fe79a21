import type { Role } from '@common/roles';
import type { TestApp } from './app';
import { login } from './app';
import { buildUser, seedTinyCity, type TinyCity } from './factories';
import { multipartBody } from './multipart';
import { testImages } from './images';

/** Square grid polygons of 0.001° along a row at lat 30.200–30.201. */
function square(lng: number): number[][][] {
  const d = 0.001;
  return [
    [
      [lng, 30.2],
      [lng + d, 30.2],
      [lng + d, 30.2 + d],
      [lng, 30.2 + d],
      [lng, 30.2],
    ],
  ];
}

export interface LoopCity extends TinyCity {
  grids: { east1: string; east2: string; west: string };
  /** A point inside each grid. */
  points: { east1: [number, number]; east2: [number, number]; west: [number, number] };
  units: { sanitation: string; municipal: string };
  tokens: Record<string, string>;
}

/**
 * A tiny city ready for the closed loop: grids in each community (east1 A, east2 B, west C),
 * a sanitation and a municipal unit, routing (major 06 → sanitation; 01 → municipal), and a
 * user per role: clerk, leader, dispatcher, inspector (east1 grids), westinspector, unit
 * (sanitation), unit2 (municipal), bureau, eastclerk and westclerk (street scopes).
 */
export async function seedLoopCity(t: TestApp): Promise<LoopCity> {
  const city = await seedTinyCity(t);
  const grid = (community: string, seq: string, lng: number, areaClass: string) => ({
    type: 'Feature',
    properties: { code: `${community}${seq}`, communityCode: community, areaClass },
    geometry: { type: 'Polygon', coordinates: square(lng) },
  });
  await t.services.space.importGrids({
    features: [
      grid('339901001001', '001', 120.1, 'A'),
      grid('339901001001', '002', 120.101, 'A'),
      grid('339901001002', '001', 120.102, 'B'),
      grid('339901002001', '001', 120.104, 'C'),
    ],
  });
  const sanitation = await t.services.org.createUnit(null, {
    code: 'HW',
    name: '云溪区环卫所',
    kind: 'handling_unit',
    regionId: city.districtId,
    matterMajors: ['06'],
  });
  const municipal = await t.services.org.createUnit(null, {
    code: 'SZ',
    name: '云溪区市政所',
    kind: 'handling_unit',
    regionId: city.districtId,
    matterMajors: ['01'],
  });
  await t.services.routing.create({ majorCode: '06', unitId: sanitation.id, priority: 100 });
  await t.services.routing.create({ majorCode: '01', unitId: municipal.id, priority: 100 });

  const users: [string, Role[], Partial<Parameters<typeof buildUser>[1]>][] = [
    ['clerk', ['intake_clerk'], {}],
    ['leader', ['shift_leader'], {}],
    ['dispatcher', ['dispatcher'], {}],
    ['inspector', ['inspector'], { level: 'street', regionId: city.eastStreetId }],
    ['westinspector', ['inspector'], { level: 'street', regionId: city.westStreetId }],
    ['unit', ['unit_staff'], { level: 'unit', unitId: sanitation.id }],
    ['unit2', ['unit_staff'], { level: 'unit', unitId: municipal.id }],
    ['bureau', ['bureau_leader'], {}],
    ['eastclerk', ['intake_clerk'], { level: 'street', regionId: city.eastStreetId }],
    ['westclerk', ['intake_clerk'], { level: 'street', regionId: city.westStreetId }],
  ];
  for (const [username, roles, o] of users) {
    await buildUser(t, { username, roles, ...o });
  }
  const insp = await t.store.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'inspector')
    .executeTakeFirstOrThrow();
  const west = await t.store.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'westinspector')
    .executeTakeFirstOrThrow();
  await t.store.db
    .insertInto('inspector_grid')
    .values([
      { user_id: insp.id, grid_code: '339901001001001' },
      { user_id: insp.id, grid_code: '339901001001002' },
      { user_id: insp.id, grid_code: '339901001002001' },
      { user_id: west.id, grid_code: '339901002001001' },
    ])
    .execute();
  const tokens: Record<string, string> = {};
  for (const [username] of users) {
    tokens[username] = await login(t, username);
  }
  return {
    ...city,
    grids: { east1: '339901001001001', east2: '339901001002001', west: '339901002001001' },
    points: { east1: [120.1005, 30.2005], east2: [120.1025, 30.2005], west: [120.1045, 30.2005] },
    units: { sanitation: sanitation.id, municipal: municipal.id },
    tokens,
  };
}

/** Uploads one JPEG as the given user and returns its attachment id. */
export async function uploadPhoto(t: TestApp, token: string): Promise<string> {
  const body = multipartBody([
    { filename: 'photo.jpg', type: 'image/jpeg', data: await testImages.jpeg(64, 48) },
  ]);
  const res = await t.req({
    method: 'POST',
    url: '/api/v1/attachments',
    token,
    headers: body.headers,
    payload: body.payload,
  });
  if (res.statusCode !== 201) {
    throw new Error(`upload: ${res.statusCode} ${res.body}`);
  }
  return res.json<{ items: { id: string }[] }>().items[0]!.id;
}
