import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser, seedTinyCity, type TinyCity } from '../../../test/factories';
import { wgs84ToGcj02 } from './gcj02';
import { pointInGeometry, type AreaGeometry, type Position } from './geometry';

const D = 0.001;
const X0 = 120.15;
const Y0 = 30.25;

/** The square of column i, row j of a 3 × 2 block of 0.001° cells. */
function cell(i: number, j: number): Position[] {
  // Corners from the lattice index, so neighbours share bit-identical vertices.
  const x0 = X0 + i * D;
  const x1 = X0 + (i + 1) * D;
  const y0 = Y0 + j * D;
  const y1 = Y0 + (j + 1) * D;
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

const feature = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  properties,
  geometry: { type, coordinates },
});

/**
 * Six grids: 湖滨 (339901001001) columns 0–1 of row 0, 柳岸 (339901001002) column 2 of row 0
 * and row 1, 松岭 (339901002001) columns 0–1 of row 1.
 */
function tinyGrids() {
  return {
    type: 'FeatureCollection',
    features: [
      feature(
        { code: '339901001001001', communityCode: '339901001001', areaClass: 'A', name: '湖滨一' },
        [cell(0, 0)],
      ),
      feature({ code: '339901001001002', communityCode: '339901001001', areaClass: 'A' }, [
        cell(1, 0),
      ]),
      feature({ code: '339901001002001', communityCode: '339901001002', areaClass: 'B' }, [
        cell(2, 0),
      ]),
      feature({ code: '339901001002002', communityCode: '339901001002', areaClass: 'B' }, [
        cell(2, 1),
      ]),
      feature({ code: '339901002001001', communityCode: '339901002001', areaClass: 'C' }, [
        cell(0, 1),
      ]),
      feature({ code: '339901002001002', areaClass: 'C' }, [cell(1, 1)]),
    ],
  };
}

const bowtie: Position[] = [
  [X0 + 0.01, Y0],
  [X0 + 0.011, Y0 + 0.001],
  [X0 + 0.011, Y0],
  [X0 + 0.01, Y0 + 0.001],
  [X0 + 0.01, Y0],
];

describe('space API', () => {
  let t: TestApp;
  let city: TinyCity;
  let admin: string;
  let clerk: string;
  let westClerk: string;

  beforeAll(async () => {
    t = await createTestApp();
    city = await seedTinyCity(t);
    await buildUser(t, { username: 'admin', roles: ['admin'] });
    await buildUser(t, { username: 'clerk', roles: ['intake_clerk'] });
    await buildUser(t, {
      username: 'westclerk',
      roles: ['intake_clerk'],
      level: 'street',
      regionId: city.westStreetId,
    });
    admin = await login(t, 'admin');
    clerk = await login(t, 'clerk');
    westClerk = await login(t, 'westclerk');
    const res = await t.req({
      method: 'POST',
      url: '/api/v1/space/grids/import',
      token: admin,
      payload: tinyGrids(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, total: 6, created: 6, updated: 0 });
  });
  afterAll(() => t.close());

  const locate = (query: string, token: string | null = clerk) =>
    t.req({ method: 'GET', url: `/api/v1/space/locate?${query}`, token: token ?? undefined });

  describe('GET /api/v1/space/locate', () => {
    it('401 without a session', async () => {
      const res = await locate('lng=120.1505&lat=30.2505', null);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    });

    it.each([
      ['lng is not a number', 'lng=abc&lat=30.25', 'query.lng', 'must be a decimal number'],
      ['lng is empty', 'lng=&lat=30.25', 'query.lng', 'must be a decimal number'],
      [
        'lng is out of range',
        'lng=200&lat=30.25',
        'query.lng',
        'longitude must be between -180 and 180',
      ],
      [
        'lat is out of range',
        'lng=120&lat=-90.5',
        'query.lat',
        'latitude must be between -90 and 90',
      ],
      ['lat is missing', 'lng=120', 'query.lat', undefined],
      ['crs is unknown', 'lng=120.15&lat=30.25&crs=bd09', 'query.crs', undefined],
      ['a field is unknown', 'lng=120.15&lat=30.25&srid=4326', 'query.srid', 'unknown field'],
    ])('400 when %s', async (_name, query, path, message) => {
      const res = await locate(query);
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      const issue = body.error.details.find((d: { path: string }) => d.path === path);
      expect(issue).toBeDefined();
      if (message) {
        expect(issue.message).toBe(message);
      }
    });

    it('answers the 15-character grid code and its region chain for a point inside', async () => {
      const res = await locate('lng=120.1505&lat=30.2505');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        grid: { code: '339901001001001', areaClass: 'A' },
        community: { id: city.eastCommunityIds[0], code: '339901001001', name: '湖滨社区' },
        street: { id: city.eastStreetId, code: '339901001', name: '东湖街道' },
        district: { id: city.districtId, code: '339901', name: '云溪区' },
        city: { id: city.cityId, code: '339900', name: '示范市' },
      });
      expect(res.json().grid.code).toHaveLength(15);
    });

    it('404 SPACE_POINT_OUTSIDE_GRIDS for a point outside every grid', async () => {
      const res = await locate('lng=121&lat=31');
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({
        code: 'SPACE_POINT_OUTSIDE_GRIDS',
        message: 'Point [121, 31] (wgs84) lies outside every unit grid',
      });
    });

    it('converts GCJ-02 input to WGS84 first', async () => {
      const [gLng, gLat] = wgs84ToGcj02(X0 + 2.5 * D, Y0 + 1.5 * D);
      const res = await locate(`lng=${gLng}&lat=${gLat}&crs=gcj02`);
      expect(res.statusCode).toBe(200);
      expect(res.json().grid.code).toBe('339901001002002');
      // The same numbers read as WGS84 lie ~500 m away, outside the block.
      expect((await locate(`lng=${gLng}&lat=${gLat}`)).statusCode).toBe(404);
    });

    it('puts points on shared edges and corners in exactly one grid', async () => {
      const points: Position[] = [
        [X0 + D, Y0 + 0.5 * D], // vertical edge between columns 0 and 1
        [X0 + 0.5 * D, Y0 + D], // horizontal edge between rows 0 and 1 (two communities)
        [X0 + D, Y0 + D], // corner of four grids
        [X0 + 2 * D, Y0 + D], // corner of four grids, two streets
      ];
      for (const [lng, lat] of points) {
        const res = await locate(`lng=${lng}&lat=${lat}`);
        expect(res.statusCode).toBe(200);
        const containing = tinyGrids().features.filter((f) =>
          pointInGeometry(f.geometry as AreaGeometry, lng, lat),
        );
        expect(containing).toHaveLength(1);
        expect(res.json().grid.code).toBe(containing[0]!.properties.code);
      }
    });

    it('is allowed to every staff role (space.read)', async () => {
      expect((await locate('lng=120.1505&lat=30.2505', westClerk)).statusCode).toBe(200);
    });
  });

  describe('POST /api/v1/space/grids/import', () => {
    const post = (payload: unknown, token: string | null = admin, query = '') =>
      t.req({
        method: 'POST',
        url: `/api/v1/space/grids/import${query}`,
        token: token ?? undefined,
        payload: payload as object,
      });

    it('401 without a session, 403 for a non-admin', async () => {
      expect((await post(tinyGrids(), null)).statusCode).toBe(401);
      const res = await post(tinyGrids(), clerk);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH_FORBIDDEN');
    });

    it('400 VALIDATION_FAILED when the body is not a FeatureCollection', async () => {
      const res = await post({ type: 'Feature', features: [] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('body.type');
      expect((await post(tinyGrids(), admin, '?dryRun=maybe')).statusCode).toBe(400);
    });

    it('rejects the whole file, listing every bad feature, and writes nothing', async () => {
      const before = await t.req({ method: 'GET', url: '/api/v1/space/grids', token: admin });
      const fc = {
        type: 'FeatureCollection',
        features: [
          feature({ code: '339901001001010', communityCode: '339901001001', areaClass: 'A' }, [
            cell(3, 0),
          ]),
          feature({ code: '339901001001011', communityCode: '339901001001', areaClass: 'A' }, [
            bowtie,
          ]),
          feature({ code: '339901001009001', areaClass: 'B' }, [cell(4, 0)]),
          feature({ code: '33990100100101X', areaClass: 'B' }, [cell(5, 0)]),
          feature({ code: '339901001001012', areaClass: 'D' }, [cell(6, 0)]),
          feature({ code: '339901001001010', areaClass: 'A' }, [cell(7, 0)]),
          feature({ code: '339901001001013', areaClass: 'A' }, [
            [
              [X0, Y0],
              [X0 + D, Y0],
              [X0, Y0 + D],
            ],
          ]),
          feature({ code: '339901001001014', areaClass: 'A' }, [cell(8, 0)], 'LineString'),
        ],
      };
      const res = await post(fc);
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('SPACE_IMPORT_INVALID');
      expect(error.message).toBe('7 of 8 grid features are invalid; nothing was written');
      const byIndex = (i: number) => error.details.filter((d: { index: number }) => d.index === i);
      expect(byIndex(0)).toEqual([]);
      expect(byIndex(1)).toEqual([
        {
          index: 1,
          code: '339901001001011',
          path: 'geometry.coordinates.0',
          message: expect.stringMatching(/^the ring intersects itself: edge 0 .* meets edge 2/),
        },
      ]);
      expect(byIndex(2)).toEqual([
        expect.objectContaining({
          code: '339901001009001',
          path: 'properties.communityCode',
          message: 'unknown community 339901001009: import it first',
        }),
      ]);
      expect(byIndex(3)[0].message).toBe(
        'Grid code "33990100100101X" is invalid: character 15 (\'X\', in the sequence) is not a digit',
      );
      expect(byIndex(4)[0]).toMatchObject({ path: 'properties.areaClass' });
      expect(byIndex(5)[0].message).toBe(
        'duplicate grid code 339901001001010: feature 0 has it too',
      );
      expect(byIndex(6)[0]).toMatchObject({
        path: 'geometry.coordinates.0',
        message: 'a ring needs at least 4 positions (first = last); it has 3',
      });
      expect(byIndex(7)[0]).toMatchObject({ path: 'geometry.type' });

      const after = await t.req({ method: 'GET', url: '/api/v1/space/grids', token: admin });
      expect(after.json().total).toBe(before.json().total);
      expect((await locate(`lng=${X0 + 3.5 * D}&lat=${Y0 + 0.5 * D}`)).statusCode).toBe(404);
    });

    it('dryRun validates and counts without writing', async () => {
      const fc = {
        type: 'FeatureCollection',
        features: [
          feature({ code: '339901001001003', areaClass: 'A' }, [cell(3, 0)]),
          tinyGrids().features[0],
        ],
      };
      const res = await post(fc, admin, '?dryRun=true');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ dryRun: true, total: 2, created: 1, updated: 1 });
      expect((await locate(`lng=${X0 + 3.5 * D}&lat=${Y0 + 0.5 * D}`)).statusCode).toBe(404);
    });

    it('accepts a 14-character legacy code, keeps it, and serves the grid by either code', async () => {
      const res = await post({
        type: 'FeatureCollection',
        features: [feature({ code: '33990100100105', areaClass: 'A' }, [cell(3, 0)])],
      });
      expect(res.statusCode).toBe(200);
      const grid = await t.req({
        method: 'GET',
        url: '/api/v1/space/grids/33990100100105',
        token: clerk,
      });
      expect(grid.statusCode).toBe(200);
      expect(grid.json()).toMatchObject({ code: '339901001001005', legacyCode: '33990100100105' });
      expect((await locate(`lng=${X0 + 3.5 * D}&lat=${Y0 + 0.5 * D}`)).json().grid.code).toBe(
        '339901001001005',
      );
    });

    it('re-importing a code replaces its geometry (upsert) and rebuilds the index', async () => {
      const moved = feature({ code: '339901001001005', areaClass: 'B', name: '搬迁' }, [
        cell(4, 0),
      ]);
      const res = await post({ type: 'FeatureCollection', features: [moved] });
      expect(res.json()).toEqual({ dryRun: false, total: 1, created: 0, updated: 1 });
      expect((await locate(`lng=${X0 + 3.5 * D}&lat=${Y0 + 0.5 * D}`)).statusCode).toBe(404);
      const hit = await locate(`lng=${X0 + 4.5 * D}&lat=${Y0 + 0.5 * D}`);
      expect(hit.json().grid).toEqual({ code: '339901001001005', areaClass: 'B' });
    });

    it('accepts application/geo+json bodies', async () => {
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/space/grids/import?dryRun=1',
        token: admin,
        headers: { 'content-type': 'application/geo+json' },
        payload: JSON.stringify(tinyGrids()),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ dryRun: true, updated: 6 });
    });
  });

  describe('GET /api/v1/space/grids and /grids/{code}', () => {
    it('lists grids without geometry, paginated', async () => {
      const res = await t.req({
        method: 'GET',
        url: '/api/v1/space/grids?pageSize=2',
        token: clerk,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ page: 1, pageSize: 2, total: 7 });
      expect(body.items).toHaveLength(2);
      expect(body.items[0]).toMatchObject({
        code: '339901001001001',
        name: '湖滨一',
        communityCode: '339901001001',
        areaClass: 'A',
      });
      expect(body.items[0]).not.toHaveProperty('geometry');
      expect(body.items[0].areaM2).toBeGreaterThan(9_000);
      expect(body.items[0].areaM2).toBeLessThan(12_000);
      const [minLng, minLat, maxLng, maxLat] = body.items[0].bbox;
      expect(body.items[0].center[0]).toBeGreaterThan(minLng);
      expect(body.items[0].center[0]).toBeLessThan(maxLng);
      expect(body.items[0].center[1]).toBeGreaterThan(minLat);
      expect(body.items[0].center[1]).toBeLessThan(maxLat);
      const page2 = await t.req({
        method: 'GET',
        url: '/api/v1/space/grids?pageSize=2&page=4&withGeometry=true',
        token: clerk,
      });
      expect(page2.json().items).toHaveLength(1);
      expect(page2.json().items[0].geometry.type).toBe('Polygon');
    });

    it('filters by community and by street', async () => {
      const byCommunity = await t.req({
        method: 'GET',
        url: `/api/v1/space/grids?communityId=${city.eastCommunityIds[1]}`,
        token: clerk,
      });
      expect(byCommunity.json().items.map((g: { code: string }) => g.code)).toEqual([
        '339901001002001',
        '339901001002002',
      ]);
      const byStreet = await t.req({
        method: 'GET',
        url: `/api/v1/space/grids?streetId=${city.westStreetId}`,
        token: clerk,
      });
      expect(byStreet.json().total).toBe(2);
    });

    it("a street-scoped user sees only their street's grids", async () => {
      const res = await t.req({ method: 'GET', url: '/api/v1/space/grids', token: westClerk });
      expect(res.json().items.map((g: { code: string }) => g.code)).toEqual([
        '339901002001001',
        '339901002001002',
      ]);
      const other = await t.req({
        method: 'GET',
        url: '/api/v1/space/grids/339901001001001',
        token: westClerk,
      });
      expect(other.statusCode).toBe(404);
      expect(other.json().error.code).toBe('SPACE_GRID_NOT_FOUND');
      const outside = await t.req({
        method: 'GET',
        url: `/api/v1/space/grids?communityId=${city.eastCommunityIds[0]}`,
        token: westClerk,
      });
      expect(outside.statusCode).toBe(404);
    });

    it('serves one grid with geometry and chain; 400 for a malformed code; 404 for an unknown one', async () => {
      const res = await t.req({
        method: 'GET',
        url: '/api/v1/space/grids/339901002001002',
        token: clerk,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        code: '339901002001002',
        communityCode: '339901002001',
        geometry: { type: 'Polygon', coordinates: [cell(1, 1)] },
        street: { code: '339901002', name: '西山街道' },
        city: { code: '339900' },
      });
      const bad = await t.req({
        method: 'GET',
        url: '/api/v1/space/grids/3399010020010O2',
        token: clerk,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({
        code: 'SPACE_GRID_CODE_INVALID',
        message:
          'Grid code "3399010020010O2" is invalid: character 14 (\'O\', in the sequence) is not a digit',
      });
      const unknown = await t.req({
        method: 'GET',
        url: '/api/v1/space/grids/339901002001099',
        token: clerk,
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('regions', () => {
    it('lists and trees regions within the jurisdiction', async () => {
      const all = await t.req({ method: 'GET', url: '/api/v1/space/regions', token: clerk });
      expect(all.json().items).toHaveLength(7);
      const streets = await t.req({
        method: 'GET',
        url: '/api/v1/space/regions?level=street',
        token: clerk,
      });
      expect(streets.json().items.map((r: { code: string }) => r.code)).toEqual([
        '339901001',
        '339901002',
      ]);
      const tree = await t.req({
        method: 'GET',
        url: '/api/v1/space/regions/tree',
        token: westClerk,
      });
      const root = tree.json().items[0];
      expect(root.code).toBe('339900');
      expect(root.children[0].children.map((s: { code: string }) => s.code)).toEqual(['339901002']);
      expect(root.children[0].children[0].children[0]).toMatchObject({
        code: '339901002001',
        level: 'community',
        parentCode: '339901002',
      });
    });

    it('serves one region, 404 outside the view or unknown', async () => {
      const res = await t.req({
        method: 'GET',
        url: `/api/v1/space/regions/${city.eastStreetId}`,
        token: clerk,
      });
      expect(res.json()).toMatchObject({
        code: '339901001',
        geometry: null,
        children: [{ code: '339901001001' }, { code: '339901001002' }],
      });
      const hidden = await t.req({
        method: 'GET',
        url: `/api/v1/space/regions/${city.eastStreetId}`,
        token: westClerk,
      });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe('SPACE_REGION_NOT_FOUND');
    });

    it('region import: 403 for a non-admin; unknown parent and bad geometry are listed', async () => {
      const fc = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '339901003', name: '北岭街道' }, geometry: null },
          { type: 'Feature', properties: { code: '339902001', name: '无主街道' }, geometry: null },
          {
            type: 'Feature',
            properties: { code: '339901003001', name: '北岭社区' },
            geometry: { type: 'Polygon', coordinates: [bowtie] },
          },
        ],
      };
      const forbidden = await t.req({
        method: 'POST',
        url: '/api/v1/space/regions/import',
        token: clerk,
        payload: fc,
      });
      expect(forbidden.statusCode).toBe(403);
      const res = await t.req({
        method: 'POST',
        url: '/api/v1/space/regions/import',
        token: admin,
        payload: fc,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({
          index: 1,
          code: '339902001',
          path: 'properties.parentCode',
          message: expect.stringContaining('unknown parent 339902'),
        }),
        expect.objectContaining({ index: 2, path: 'geometry.coordinates.0' }),
      ]);
      expect(t.services.space.regions().byCode('339901003')).toBeUndefined();
    });
  });

  describe('components', () => {
    it('imports points inside grids, rejects a point outside, and lists by grid and type', async () => {
      const point = (code: string, x: number, y: number, extra: Record<string, unknown> = {}) =>
        feature({ code, ...extra }, [x, y], 'Point');
      const bad = await t.req({
        method: 'POST',
        url: '/api/v1/space/components/import',
        token: admin,
        payload: {
          type: 'FeatureCollection',
          features: [
            point('33990101037000001', X0 + 0.2 * D, Y0 + 0.2 * D),
            point('33990103005000001', 121, 31),
          ],
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details).toEqual([
        expect.objectContaining({
          index: 1,
          path: 'geometry.coordinates',
          message: 'point [121, 31] lies outside every unit grid',
        }),
      ]);
      const ok = await t.req({
        method: 'POST',
        url: '/api/v1/space/components/import',
        token: admin,
        payload: {
          type: 'FeatureCollection',
          features: [
            point('33990101037000001', X0 + 0.2 * D, Y0 + 0.2 * D, { ownerName: '区路灯所' }),
            point('33990103005000001', X0 + 0.3 * D, Y0 + 0.6 * D),
            point('33990103005000002', X0 + 0.5 * D, Y0 + 1.5 * D, { gridCode: '339901002001001' }),
          ],
        },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ dryRun: false, total: 3, created: 3, updated: 0 });
      const list = await t.req({
        method: 'GET',
        url: '/api/v1/space/components?gridCode=339901001001001',
        token: clerk,
      });
      expect(list.json()).toMatchObject({
        total: 2,
        items: [
          { code: '33990101037000001', typeCode: '01037', ownerName: '区路灯所' },
          { code: '33990103005000001' },
        ],
      });
      const bins = await t.req({
        method: 'GET',
        url: '/api/v1/space/components?typeCode=03005',
        token: westClerk,
      });
      expect(bins.json().items.map((c: { code: string }) => c.code)).toEqual(['33990103005000002']);
      const badType = await t.req({
        method: 'GET',
        url: '/api/v1/space/components?typeCode=3005',
        token: clerk,
      });
      expect(badType.statusCode).toBe(400);
    });
  });

  describe('export → import round trip', () => {
    it('re-imports its own exports into an empty store and exports the same', async () => {
      const regions = await t.req({
        method: 'GET',
        url: '/api/v1/space/regions/export',
        token: admin,
      });
      const grids = await t.req({ method: 'GET', url: '/api/v1/space/grids/export', token: admin });
      const components = await t.req({
        method: 'GET',
        url: '/api/v1/space/components/export',
        token: admin,
      });
      expect(regions.headers['content-type']).toMatch(/^application\/geo\+json/);
      expect(grids.json().features).toHaveLength(7);

      const t2 = await createTestApp();
      try {
        await buildUser(t2, { username: 'admin', roles: ['admin'] });
        const admin2 = await login(t2, 'admin');
        for (const [what, body] of [
          ['regions', regions],
          ['grids', grids],
          ['components', components],
        ] as const) {
          const res = await t2.req({
            method: 'POST',
            url: `/api/v1/space/${what}/import`,
            token: admin2,
            payload: body.json(),
          });
          expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
        }
        for (const [what, body] of [
          ['regions', regions],
          ['grids', grids],
          ['components', components],
        ] as const) {
          const again = await t2.req({
            method: 'GET',
            url: `/api/v1/space/${what}/export`,
            token: admin2,
          });
          expect(again.json()).toEqual(body.json());
        }
        const hit = await t2.req({
          method: 'GET',
          url: `/api/v1/space/locate?lng=${X0 + 0.5 * D}&lat=${Y0 + 0.5 * D}`,
          token: admin2,
        });
        expect(hit.json().grid.code).toBe('339901001001001');
      } finally {
        await t2.close();
      }
    });

    it('exports one street with the chain above it', async () => {
      const res = await t.req({
        method: 'GET',
        url: `/api/v1/space/regions/export?regionId=${city.westStreetId}`,
        token: admin,
      });
      expect(
        res.json().features.map((f: { properties: { code: string } }) => f.properties.code),
      ).toEqual(['339900', '339901', '339901002', '339901002001']);
      const grids = await t.req({
        method: 'GET',
        url: `/api/v1/space/grids/export?regionId=${city.westStreetId}`,
        token: admin,
      });
      expect(grids.json().features).toHaveLength(2);
    });
  });

  it("gives the public the city's outlines without a session, and nothing internal", async () => {
    const res = await t.req({ method: 'GET', url: '/api/v1/public/outlines' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    const all = await t.req({ method: 'GET', url: '/api/v1/space/regions/export', token: admin });
    type F = { geometry: unknown; properties: { code: string; areaClass: string | null } };
    const pub = res.json().features as F[];
    const full = all.json().features as F[];
    // Every region with the same outline, largest first.
    expect(pub.map((f) => f.properties.code)).toEqual(full.map((f) => f.properties.code));
    expect(pub.map((f) => f.geometry)).toEqual(full.map((f) => f.geometry));
  });

  it('documents the space endpoints in OpenAPI', async () => {
    const res = await t.req({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/space/locate',
        '/api/v1/space/grids/import',
        '/api/v1/space/grids/{code}',
      ]),
    );
  });
});
