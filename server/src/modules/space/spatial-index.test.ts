import { describe, expect, it } from 'vitest';
import { pointInGeometry, type AreaGeometry, type Position } from './geometry';
import { AreaIndex, type IndexedArea } from './spatial-index';

/** A cols × rows tiling of jittered quads sharing vertices (no gaps, no overlaps). */
function lattice(cols: number, rows: number, seed = 1): IndexedArea<number>[] {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const d = 0.001;
  const v: Position[][] = [];
  for (let i = 0; i <= cols; i++) {
    v.push([]);
    for (let j = 0; j <= rows; j++) {
      const edge = i === 0 || j === 0 || i === cols || j === rows;
      const jx = edge ? 0 : (rand() - 0.5) * 0.3 * d;
      const jy = edge ? 0 : (rand() - 0.5) * 0.3 * d;
      v[i]!.push([120 + i * d + jx, 30 + j * d + jy]);
    }
  }
  const out: IndexedArea<number>[] = [];
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < rows; j++) {
      const ring = [v[i]![j]!, v[i + 1]![j]!, v[i + 1]![j + 1]!, v[i]![j + 1]!, v[i]![j]!];
      out.push({ geometry: { type: 'Polygon', coordinates: [ring] }, value: i * rows + j });
    }
  }
  return out;
}

describe(AreaIndex.name, () => {
  it('answers like a brute force over all areas, for random points', () => {
    const areas = lattice(40, 30);
    const index = new AreaIndex(areas);
    let s = 99;
    for (let n = 0; n < 5000; n++) {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      const x = 119.999 + (s / 2 ** 31) * 0.042;
      s = (s * 1103515245 + 12345) % 2 ** 31;
      const y = 29.999 + (s / 2 ** 31) * 0.032;
      const all = index.findAll(x, y);
      expect(all.length).toBeLessThanOrEqual(1);
      expect(index.find(x, y)).toBe(all[0] ?? null);
    }
  });

  it('puts every shared vertex and every shared-edge midpoint in exactly one area', () => {
    const areas = lattice(12, 9, 5);
    const index = new AreaIndex(areas);
    for (const a of areas) {
      const ring = (a.geometry as { coordinates: Position[][] }).coordinates[0]!;
      for (let k = 0; k < 4; k++) {
        const [x1, y1] = ring[k]!;
        const [x2, y2] = ring[k + 1]!;
        for (const [x, y] of [
          [x1, y1],
          [(x1 + x2) / 2, (y1 + y2) / 2],
          [x1 + (x2 - x1) / 3, y1 + (y2 - y1) / 3],
        ] as const) {
          const onOuter = x <= 120 || y <= 30 || x >= 120.012 - 1e-12 || y >= 30.009 - 1e-12;
          const hits = index.findAll(x, y);
          if (!onOuter) {
            expect(hits).toHaveLength(1);
          }
          expect(index.find(x, y)).toBe(hits[0] ?? null);
        }
      }
    }
  });

  it('handles holes and MultiPolygons, and misses outside', () => {
    const sq = (x: number, y: number, d: number): Position[] => [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ];
    const donut: AreaGeometry = { type: 'Polygon', coordinates: [sq(0, 0, 10), sq(4, 4, 2)] };
    const islands: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[sq(4.5, 4.5, 1)], [sq(20, 20, 1)]],
    };
    const index = new AreaIndex([
      { geometry: donut, value: 'donut' },
      { geometry: islands, value: 'islands' },
    ]);
    expect(index.find(1, 1)).toBe('donut');
    expect(index.find(4.2, 4.2)).toBeNull();
    expect(index.find(5, 5)).toBe('islands');
    expect(index.find(20.5, 20.5)).toBe('islands');
    expect(index.find(15, 15)).toBeNull();
    expect(index.find(Number.NaN, 1)).toBeNull();
    expect(new AreaIndex([]).find(1, 1)).toBeNull();
  });

  it('answers like a brute force when areas are very uneven (crowded cells go to the tree)', () => {
    // A lattice of small grids inside the hole of one large area: the cells over the
    // lattice hold many grids, so the tree answers them. With thin slivers whose boxes
    // cover the whole extent the directory would be too large and is not built.
    const small = lattice(40, 30);
    const frame: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [119.9, 29.9],
          [120.2, 29.9],
          [120.2, 30.2],
          [119.9, 30.2],
          [119.9, 29.9],
        ],
        [
          [120, 30],
          [120.04, 30],
          [120.04, 30.03],
          [120, 30.03],
          [120, 30],
        ],
      ],
    };
    const slivers: IndexedArea<number>[] = [];
    for (let i = 0; i < 20; i++) {
      const y = 30.1 + i * 0.001;
      slivers.push({
        value: 10_000 + i,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [119.9, 29.9],
              [120.2, y],
              [120.2, y + 0.0005],
              [119.9, 29.9],
            ],
          ],
        },
      });
    }
    const framed = [...small, { geometry: frame, value: -1 }];
    for (const set of [framed, [...framed, ...slivers], slivers]) {
      const index = new AreaIndex(set);
      let s = 7;
      const next = () => {
        s = (s * 1103515245 + 12345) % 2 ** 31;
        return s / 2 ** 31;
      };
      for (let n = 0; n < 4000; n++) {
        // Half the points in the lattice, half anywhere around it.
        const inLattice = n % 2 === 0;
        const x = inLattice ? 120 + next() * 0.04 : 119.88 + next() * 0.34;
        const y = inLattice ? 30 + next() * 0.03 : 29.88 + next() * 0.34;
        const all = index.findAll(x, y);
        const found = index.find(x, y);
        if (all.length === 0) {
          expect(found).toBeNull();
        } else {
          expect(all).toContain(found);
        }
      }
    }
  });

  // How fast: `npm run bench -- locate` (never a timed assertion here).
  it('finds the grid of every point over 100,000 grids, as a scan does', () => {
    const areas = lattice(320, 315, 3);
    const index = new AreaIndex(areas);
    const n = 1 << 16;
    let s = 17;
    const next = () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31;
    };
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const x = 120 + next() * 0.32;
      const y = 30 + next() * 0.315;
      const found = index.indexOf(x, y);
      hits += found >= 0 ? 1 : 0;
      if (i % 4096 === 0) {
        // A brute-force check on a sample: the first area whose ring holds the point.
        expect(index.find(x, y)).toBe(
          areas.find((a) => pointInGeometry(a.geometry, x, y))?.value ?? null,
        );
      }
    }
    expect(hits).toBe(n);
  });
});
