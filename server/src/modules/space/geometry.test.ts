import { describe, expect, it } from 'vitest';
import {
  areaM2,
  bboxOf,
  centroidOf,
  checkAreaGeometry,
  findSelfIntersection,
  interiorPoint,
  orient,
  pointInGeometry,
  segmentsIntersect,
  type AreaGeometry,
  type Position,
} from './geometry';

const square = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const poly = (...rings: Position[][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings });

function issues(g: unknown): string[] {
  const r = checkAreaGeometry(g);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('orient', () => {
  it('gives the exact sign even when the floating determinant cannot', () => {
    expect(orient(0, 0, 1, 0, 0.5, 1)).toBe(1);
    expect(orient(0, 0, 1, 0, 0.5, -1)).toBe(-1);
    expect(orient(0.1, 0.1, 0.3, 0.3, 0.2, 0.2)).toBe(0);
    // Kettner et al.'s classic failure of the naive determinant: points a few ulps off y = x
    // near (0.5, 0.5) against the line (12, 12)→(24, 24). The sign must be sign(py − px).
    const u = 2 ** -53;
    for (let i = 0; i < 16; i++) {
      for (let j = 0; j < 16; j++) {
        const px = 0.5 + i * u;
        const py = 0.5 + j * u;
        expect(orient(12, 12, 24, 24, px, py)).toBe(Math.sign(py - px));
      }
    }
    // A point one ulp off a line far from the origin.
    const y = 30.25;
    const yUp = y + Number.EPSILON * 32;
    expect(orient(120, y, 121, y, 120.5, yUp)).toBe(1);
    expect(orient(120, y, 121, y, 120.5, y)).toBe(0);
    expect(orient(120.1, 30.1, 120.3, 30.3, 120.2, 30.2)).toBe(
      orient(120.3, 30.3, 120.1, 30.1, 120.2, 30.2) * -1,
    );
  });

  it('segmentsIntersect sees crossings, touches and collinear overlaps', () => {
    expect(segmentsIntersect(0, 0, 2, 2, 0, 2, 2, 0)).toBe(true);
    expect(segmentsIntersect(0, 0, 1, 0, 1, 0, 2, 1)).toBe(true);
    expect(segmentsIntersect(0, 0, 2, 0, 1, 0, 3, 0)).toBe(true);
    expect(segmentsIntersect(0, 0, 1, 0, 2, 0, 3, 0)).toBe(false);
    expect(segmentsIntersect(0, 0, 1, 1, 0, 1, 0.4, 0.6)).toBe(false);
  });
});

describe('checkAreaGeometry', () => {
  it('accepts a valid polygon and a MultiPolygon with a hole', () => {
    expect(issues(poly(square(120, 30, 0.001)))).toEqual([]);
    expect(
      issues({
        type: 'MultiPolygon',
        coordinates: [
          [square(120, 30, 0.01), square(120.004, 30.004, 0.002).reverse()],
          [square(121, 30, 0.001)],
        ],
      }),
    ).toEqual([]);
  });

  it('normalises positions: drops altitude and consecutive duplicates', () => {
    const r = checkAreaGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [120, 30, 5],
          [120.001, 30],
          [120.001, 30],
          [120.001, 30.001],
          [120, 30.001],
          [120, 30, 5],
        ],
      ],
    });
    expect(r.ok && r.geometry.coordinates).toEqual([square(120, 30, 0.001)]);
  });

  it.each([
    [
      'a Point',
      { type: 'Point', coordinates: [120, 30] },
      'geometry.type: geometry type must be Polygon or MultiPolygon, not "Point"',
    ],
    ['no geometry', null, 'geometry: geometry is missing'],
    [
      'an open ring',
      poly(
        square(120, 30, 0.001)
          .slice(0, 4)
          .concat([[120, 30.0005]]),
      ),
      'the ring is not closed',
    ],
    [
      'three positions',
      poly([
        [120, 30],
        [121, 30],
        [120, 30],
      ]),
      'at least 4 positions',
    ],
    ['a longitude of 190', poly(square(189.9, 30, 0.2)), 'outside WGS84 bounds'],
    ['a latitude of −91', poly(square(120, -91, 0.2)), 'outside WGS84 bounds'],
    [
      'a string coordinate',
      poly([
        [120, 30],
        ['121', 30],
        [121, 31],
        [120, 30],
      ] as unknown as Position[]),
      'a position must be [longitude, latitude]',
    ],
    [
      'a collinear ring',
      poly([
        [120, 30],
        [121, 30],
        [122, 30],
        [120, 30],
      ]),
      'intersects itself',
    ],
  ])('rejects %s', (_name, g, message) => {
    expect(issues(g).join('\n')).toContain(message);
  });

  it('rejects a self-intersecting (bow-tie) ring, naming the edges that meet', () => {
    const bowtie = poly([
      [120, 30],
      [120.001, 30.001],
      [120.001, 30],
      [120, 30.001],
      [120, 30],
    ]);
    const found = issues(bowtie);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^geometry\.coordinates\.0: the ring intersects itself: edge 0 .* meets edge 2/,
    );
  });

  it('rejects a ring that touches itself at a vertex and one that folds back on itself', () => {
    // Figure eight through (1, 1).
    expect(
      issues(
        poly([
          [0, 0],
          [1, 1],
          [2, 0],
          [2, 2],
          [1, 1],
          [0, 2],
          [0, 0],
        ]),
      )[0],
    ).toMatch(/intersects itself/);
    // A spike: 1,0 → 2,0 → 1.5,0 folds back.
    expect(
      issues(
        poly([
          [0, 0],
          [2, 0],
          [1.5, 0],
          [1, 1],
          [0, 0],
        ]),
      )[0],
    ).toMatch(/intersects itself/);
    // A vertex lying on another edge.
    expect(
      issues(
        poly([
          [0, 0],
          [2, 0],
          [2, 2],
          [1, 0],
          [0, 2],
          [0, 0],
        ]),
      )[0],
    ).toMatch(/intersects itself/);
  });

  it('lists every bad ring of a MultiPolygon', () => {
    const found = issues({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
        [square(3, 3, 1)],
        [
          [
            [5, 5],
            [6, 5],
            [5, 5],
          ],
        ],
      ],
    });
    expect(found.map((f) => f.split(':')[0])).toEqual([
      'geometry.coordinates.0.0',
      'geometry.coordinates.2.0',
    ]);
  });

  it('finds crossings in long rings (sweep) exactly when a brute force does', () => {
    const brute = (ring: Position[]): boolean => {
      const m = ring.length - 1;
      for (let i = 0; i < m; i++) {
        for (let j = i + 2; j < m; j++) {
          if (i === 0 && j === m - 1) {
            continue;
          }
          const [a, b, c, d] = [ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!];
          if (segmentsIntersect(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1])) {
            return true;
          }
        }
      }
      return false;
    };
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let crossing = 0;
    for (let t = 0; t < 60; t++) {
      const n = 20 + (t % 7) * 15;
      const ring: Position[] = [];
      for (let i = 0; i < n; i++) {
        const a = (i / n) * 2 * Math.PI;
        // Star-shaped (simple) for even t; wild radii for odd t make crossings likely.
        const r = t % 2 === 0 ? 0.5 + rand() * 0.5 : rand() * 2;
        const jitter = t % 2 === 0 ? 0 : (rand() - 0.5) * 1.5;
        ring.push([120 + r * Math.cos(a + jitter), 30 + r * Math.sin(a + jitter)]);
      }
      ring.push(ring[0]!);
      const expected = brute(ring);
      crossing += Number(expected);
      expect(findSelfIntersection(ring) !== null).toBe(expected);
    }
    expect(crossing).toBeGreaterThan(10);
  });
});

describe('measures', () => {
  it('computes the area of a ~100 m square in m² (within 0.5 %)', () => {
    const dLat = 100 / 111_194.9;
    const dLng = dLat / Math.cos((30.25 * Math.PI) / 180);
    const g = poly([
      [120.15, 30.25],
      [120.15 + dLng, 30.25],
      [120.15 + dLng, 30.25 + dLat],
      [120.15, 30.25 + dLat],
      [120.15, 30.25],
    ]);
    expect(areaM2(g)).toBeGreaterThan(9_950 * 1.0);
    expect(areaM2(g)).toBeLessThan(10_150);
  });

  it('subtracts holes from area and centroid', () => {
    const g = poly(
      square(0, 0, 0.01),
      square(0.005, 0.0, 0.005)
        .map(([x, y]) => [x, y + 0.0025] as Position)
        .reverse(),
    );
    const full = areaM2(poly(square(0, 0, 0.01)));
    expect(areaM2(g)).toBeCloseTo(full * 0.75, -1);
    const [cx, cy] = centroidOf(g);
    expect(cx).toBeLessThan(0.005);
    expect(cy).toBeCloseTo(0.005, 9);
  });

  it('bbox and centroid of a square', () => {
    expect(bboxOf(poly(square(120, 30, 0.002)))).toEqual({
      minLng: 120,
      minLat: 30,
      maxLng: 120.002,
      maxLat: 30.002,
    });
    const [x, y] = centroidOf(poly(square(120, 30, 0.002)));
    expect(x).toBeCloseTo(120.001, 10);
    expect(y).toBeCloseTo(30.001, 10);
  });

  it('interiorPoint stays inside a U shape whose centroid is outside', () => {
    const u = poly([
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ]);
    const c = centroidOf(u);
    expect(pointInGeometry(u, c[0], c[1])).toBe(false);
    const p = interiorPoint(u);
    expect(pointInGeometry(u, p[0], p[1])).toBe(true);
  });
});

describe('pointInGeometry', () => {
  const donut = poly(square(0, 0, 10), square(4, 4, 2).reverse());

  it('handles holes and MultiPolygons', () => {
    expect(pointInGeometry(donut, 1, 1)).toBe(true);
    expect(pointInGeometry(donut, 5, 5)).toBe(false);
    expect(pointInGeometry(donut, 11, 5)).toBe(false);
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]],
    };
    expect(pointInGeometry(multi, 5.5, 5.5)).toBe(true);
    expect(pointInGeometry(multi, 3, 3)).toBe(false);
  });

  it('puts a point on an edge shared by two squares in exactly one of them', () => {
    const left = poly(square(0, 0, 1));
    const right = poly([
      [1, 0],
      [1, 1],
      [2, 1],
      [2, 0],
      [1, 0],
    ]); // clockwise on purpose
    for (const y of [0.25, 0.5, 0.999]) {
      expect(Number(pointInGeometry(left, 1, y)) + Number(pointInGeometry(right, 1, y))).toBe(1);
    }
    const below = poly(square(0, -1, 1));
    expect(Number(pointInGeometry(left, 0.5, 0)) + Number(pointInGeometry(below, 0.5, 0))).toBe(1);
  });
});
