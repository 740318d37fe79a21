import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceCatalog } from '../catalog/reference-data';
import { checkComponentCode, checkGridCode } from '../space/codes';
import {
  areaM2,
  bboxOf,
  checkAreaGeometry,
  interiorPoint,
  pointInGeometry,
} from '../space/geometry';
import { AreaIndex } from '../space/spatial-index';
import { parseGridFeatures, parseRegionFeatures } from '../space/space.import';
import {
  DEMO_COMPONENT_TYPES,
  demoLayout,
  generateComponents,
  generateDemoCity,
  gridFeatureCollection,
  regionFeatureCollection,
  type DemoCity,
  type DemoComponent,
} from './demo-city';
import { demoAccountSpecs, demoRouting, demoUnits } from './demo-org';
import { mulberry32 } from './prng';

const SEED = 20261121;

function fingerprint(city: DemoCity, components: DemoComponent[]): string {
  return createHash('sha256')
    .update(JSON.stringify(city))
    .update(JSON.stringify(components))
    .digest('hex');
}

describe('mulberry32', () => {
  it('is deterministic and uniform enough', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe(generateDemoCity.name, () => {
  let city: DemoCity;
  let components: DemoComponent[];
  let index: AreaIndex<string>;

  beforeAll(() => {
    city = generateDemoCity({ seed: SEED, grids: 2000 });
    components = [...generateComponents(city)];
    index = new AreaIndex(city.grids.map((g) => ({ geometry: g.geometry, value: g.code })));
  });

  it('is deterministic: the same seed gives the same codes and geometries', () => {
    const again = generateDemoCity({ seed: SEED, grids: 2000 });
    expect(fingerprint(again, [...generateComponents(again)])).toBe(fingerprint(city, components));
    const other = generateDemoCity({ seed: SEED + 1, grids: 2000 });
    expect(fingerprint(other, [...generateComponents(other)])).not.toBe(
      fingerprint(city, components),
    );
  });

  it('has the counts asked for: ≥ 3 streets, ≥ 15 communities (≥ 5 per street), 2,000 grids, ≥ 20,000 components', () => {
    const streets = city.regions.filter((r) => r.level === 'street');
    const communities = city.regions.filter((r) => r.level === 'community');
    expect(city.regions.filter((r) => r.level === 'city').map((r) => [r.code, r.name])).toEqual([
      ['339900', '示范市'],
    ]);
    expect(city.regions.filter((r) => r.level === 'district').map((r) => [r.code, r.name])).toEqual(
      [['339901', '云溪区']],
    );
    expect(streets.length).toBeGreaterThanOrEqual(3);
    expect(communities.length).toBeGreaterThanOrEqual(15);
    for (const s of city.streets) {
      expect(s.communityCodes.length).toBeGreaterThanOrEqual(5);
    }
    expect(streets[0]!.code).toBe('339901001');
    expect(communities[0]!.code).toMatch(/^339901001\d{3}$/);
    expect(city.grids).toHaveLength(2000);
    expect(components.length).toBeGreaterThanOrEqual(20_000);
    expect(new Set(communities.map((c) => c.name)).size).toBe(communities.length);
    expect(new Set(streets.map((c) => c.name)).size).toBe(streets.length);
    expect(demoLayout(100_000).streets * demoLayout(100_000).communitiesPerStreet).toBeLessThan(
      999 * 40,
    );
  });

  it('produces regions and grids that pass the space import validation', () => {
    const regions = parseRegionFeatures(regionFeatureCollection(city).features, () => undefined);
    expect(regions.issues).toEqual([]);
    const byCode = new Map(city.regions.map((r) => [r.code, r] as const));
    const grids = parseGridFeatures(gridFeatureCollection(city).features, (code) =>
      byCode.get(code),
    );
    expect(grids.issues).toEqual([]);
    for (const g of city.grids) {
      expect(checkGridCode(g.code, { communityCode: g.communityCode }).ok).toBe(true);
    }
    expect(new Set(city.grids.map((g) => g.code)).size).toBe(2000);
  });

  it('draws an irregular district with a lake: not a rectangle, one shell and a hole', () => {
    const district = city.regions.find((r) => r.level === 'district')!.geometry;
    expect(district.type).toBe('Polygon');
    const rings = district.type === 'Polygon' ? district.coordinates : [];
    expect(rings.length).toBeGreaterThanOrEqual(2);
    const bb = bboxOf(district);
    const bboxArea = areaM2({
      type: 'Polygon',
      coordinates: [
        [
          [bb.minLng, bb.minLat],
          [bb.maxLng, bb.minLat],
          [bb.maxLng, bb.maxLat],
          [bb.minLng, bb.maxLat],
          [bb.minLng, bb.minLat],
        ],
      ],
    });
    expect(areaM2(district) / bboxArea).toBeLessThan(0.85);
    expect(bb.minLng).toBeLessThan(120.15);
    expect(bb.maxLng).toBeGreaterThan(120.15);
    expect(bb.minLat).toBeLessThan(30.25);
    expect(bb.maxLat).toBeGreaterThan(30.25);
  });

  it('makes grids of about 100 m × 100 m that tile the district without gaps or overlaps', () => {
    let total = 0;
    for (const g of city.grids) {
      const a = areaM2(g.geometry);
      expect(a).toBeGreaterThan(7_000);
      expect(a).toBeLessThan(13_500);
      total += a;
    }
    const district = city.regions.find((r) => r.level === 'district')!.geometry;
    expect(Math.abs(total - areaM2(district)) / total).toBeLessThan(1e-6);
    // Random points: inside the district → exactly one grid; outside → none.
    const bb = bboxOf(district);
    const rand = mulberry32(7);
    let inside = 0;
    for (let k = 0; k < 5_000; k++) {
      const lng = bb.minLng + rand() * (bb.maxLng - bb.minLng);
      const lat = bb.minLat + rand() * (bb.maxLat - bb.minLat);
      const hits = index.findAll(lng, lat);
      const inDistrict = pointInGeometry(district, lng, lat);
      expect(hits.length).toBe(inDistrict ? 1 : 0);
      expect(index.find(lng, lat)).toBe(hits[0] ?? null);
      inside += Number(inDistrict);
    }
    expect(inside).toBeGreaterThan(2_500);
  });

  it('puts each grid in exactly one community, and communities (and streets) in one piece inside their street', () => {
    const communities = city.regions.filter((r) => r.level === 'community');
    const sizes = new Map<string, number>();
    for (const g of city.grids) {
      expect(g.code.slice(0, 12)).toBe(g.communityCode);
      sizes.set(g.communityCode, (sizes.get(g.communityCode) ?? 0) + 1);
    }
    expect(sizes.size).toBe(communities.length);
    for (const r of city.regions.filter((x) => x.level === 'community' || x.level === 'street')) {
      expect(r.geometry.type).toBe('Polygon');
      expect(checkAreaGeometry(r.geometry).ok).toBe(true);
    }
    // A community's outline holds exactly its grids: every grid centre lies in its own.
    const byCode = new Map(communities.map((c) => [c.code, c.geometry] as const));
    for (const g of city.grids) {
      const [x, y] = interiorPoint(g.geometry);
      expect(pointInGeometry(byCode.get(g.communityCode)!, x, y)).toBe(true);
    }
    const counts = [...sizes.values()];
    expect(Math.min(...counts)).toBeGreaterThan(40);
    expect(Math.max(...counts)).toBeLessThan(200);
  });

  it('classes areas A (core) near the centre, B, C (outlying) at the edge', () => {
    const dist = (cls: string) => {
      const gs = city.grids.filter((g) => g.areaClass === cls);
      expect(gs.length).toBeGreaterThan(50);
      return (
        gs.reduce((s, g) => {
          const [x, y] = interiorPoint(g.geometry);
          return s + Math.hypot(x - 120.15, y - 30.25);
        }, 0) / gs.length
      );
    };
    const [a, b, c] = [dist('A'), dist('B'), dist('C')];
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
  });

  it('locates every grid centre back to its own grid', () => {
    for (const g of city.grids) {
      const [x, y] = interiorPoint(g.geometry);
      expect(index.find(x, y)).toBe(g.code);
    }
  });

  it('places every component inside its grid, with a valid 17-character code of a real type', () => {
    const types = new Set(loadReferenceCatalog().components.map((c) => c.code));
    for (const t of DEMO_COMPONENT_TYPES) {
      expect(types.has(t.code), t.code).toBe(true);
    }
    const codes = new Set<string>();
    for (const c of components) {
      expect(index.find(c.lng, c.lat)).toBe(c.gridCode);
      const check = checkComponentCode(c.code, { typeCode: c.typeCode });
      expect(check.ok).toBe(true);
      expect(c.code.slice(0, 6)).toBe(c.gridCode.slice(0, 6));
      codes.add(c.code);
    }
    expect(codes.size).toBe(components.length);
    const byType = new Map<string, number>();
    components.forEach((c) => byType.set(c.typeCode, (byType.get(c.typeCode) ?? 0) + 1));
    for (const t of ['01001', '01037', '03005', '04002']) {
      expect(byType.get(t)).toBeGreaterThan(500);
    }
  });

  // How fast it generates is for `npm run bench` (the bench builds 100,000 grids), not a test.
  it('scales: 20,000 grids keep the same guarantees on a sample', () => {
    const big = generateDemoCity({ seed: SEED, grids: 20_000 });
    expect(big.grids).toHaveLength(20_000);
    const bigIndex = new AreaIndex(big.grids.map((g) => ({ geometry: g.geometry, value: g.code })));
    for (let k = 0; k < big.grids.length; k += 37) {
      const g = big.grids[k]!;
      const [x, y] = interiorPoint(g.geometry);
      expect(bigIndex.find(x, y)).toBe(g.code);
    }
  });
});

describe('demo organisation', () => {
  const city = generateDemoCity({ seed: SEED, grids: 2000 });

  it('has the centres, the handling units of each matter class, and per street a team and an office', () => {
    const units = demoUnits(city);
    const codes = units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of [
      'supervision-centre',
      'command-centre',
      'sanitation',
      'municipal',
      'greening',
      'traffic',
      'streetlight',
      'water',
    ]) {
      expect(codes).toContain(code);
    }
    expect(units.filter((u) => u.kind === 'centre')).toHaveLength(2);
    for (const s of city.streets) {
      expect(units.find((u) => u.code === `enforcement-${s.code}`)).toMatchObject({
        kind: 'handling_unit',
        regionCode: s.code,
      });
      expect(units.find((u) => u.code === `street-office-${s.code}`)).toMatchObject({
        kind: 'street_office',
      });
    }
    // Parents come before children.
    units.forEach((u, k) => {
      if (u.parentCode) {
        expect(codes.indexOf(u.parentCode)).toBeLessThan(k);
      }
    });
  });

  it('routes every major class, street classes per street, and named matters to existing units', () => {
    const rules = demoRouting(city);
    const units = new Set(demoUnits(city).map((u) => u.code));
    const matters = new Set(loadReferenceCatalog().matters.map((m) => m.code));
    for (const r of rules) {
      expect(units.has(r.unitCode), r.unitCode).toBe(true);
      if (r.matterCode) {
        expect(matters.has(r.matterCode), r.matterCode).toBe(true);
      }
    }
    const majors = new Set(
      rules.filter((r) => r.majorCode && !r.regionCode).map((r) => r.majorCode),
    );
    expect([...majors].sort()).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
    ]);
    expect(rules.filter((r) => r.regionCode && r.majorCode === '09')).toHaveLength(
      city.streets.length,
    );
  });

  it('has one account per role, and inspectors covering every grid exactly once', () => {
    const accounts = demoAccountSpecs(city);
    const names = accounts.map((a) => a.username);
    for (const u of [
      'admin',
      'clerk',
      'leader',
      'bureau',
      'dispatcher',
      'inspector',
      'unit',
      'unitlead',
      'chief',
    ]) {
      expect(names).toContain(u);
    }
    expect(new Set(accounts.map((a) => a.role))).toEqual(
      new Set([
        'admin',
        'intake_clerk',
        'shift_leader',
        'bureau_leader',
        'dispatcher',
        'inspector',
        'unit_staff',
        'unit_leader',
        'street_chief',
      ]),
    );
    const inspector = accounts.find((a) => a.username === 'inspector')!;
    expect(new Set(inspector.inspectorGrids!.map((g) => g.slice(0, 12))).size).toBe(1);
    const covered = accounts.flatMap((a) => a.inspectorGrids ?? []);
    expect(covered).toHaveLength(2000);
    expect(new Set(covered).size).toBe(2000);
  });
});
