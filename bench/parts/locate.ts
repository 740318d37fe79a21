import type { Position } from '../../server/src/modules/space/geometry';
import { AreaIndex } from '../../server/src/modules/space/spatial-index';
import { generateDemoCity } from '../../server/src/modules/demo/demo-city';
import { mulberry32 } from '../../server/src/modules/demo/prng';
import { DEMO_SEED } from '../lib/city-traffic';
import type { BenchContext } from '../lib/context';
import type { Figure } from '../lib/report';

const TARGET = 1_000_000;

/** The textbook even–odd ray cast (PNPOLY) over GeoJSON rings: the baseline's test. */
function pnpoly(rings: readonly (readonly Position[])[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
  }
  return inside;
}

/** Queries per second of `lookup` over the points, best of `rounds` timed passes. */
function rate(
  points: Float64Array,
  count: number,
  rounds: number,
  lookup: (x: number, y: number) => number,
): { rate: number; cpuRate: number; hits: number } {
  let best = 0;
  let bestCpu = 0;
  let hits = 0;
  for (let r = 0; r < rounds; r++) {
    hits = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < count; i++) {
      if (lookup(points[2 * i]!, points[2 * i + 1]!) >= 0) {
        hits++;
      }
    }
    const c = process.cpuUsage(c0);
    best = Math.max(best, (count / (performance.now() - t0)) * 1000);
    // Per second of CPU: what a core of its own gives when the machine is shared.
    bestCpu = Math.max(bestCpu, (count / (c.user + c.system)) * 1e6);
  }
  return { rate: best, cpuRate: bestCpu, hits };
}

/** locate: point → unit grid look-ups per second over a generated city of 100,000 grids. */
export function locatePart(ctx: BenchContext): Promise<Figure[]> {
  const gridCount = ctx.quick ? 20_000 : 100_000;
  const t0 = performance.now();
  const city = generateDemoCity({ seed: DEMO_SEED, grids: gridCount });
  const t1 = performance.now();
  // What space.locate walks: the index the space service builds from the stored grids.
  const index = new AreaIndex(city.grids.map((g, i) => ({ geometry: g.geometry, value: i })));
  const t2 = performance.now();
  ctx.log(
    `  ${city.grids.length} grids generated in ${(t1 - t0).toFixed(0)} ms, index built in ${(t2 - t1).toFixed(0)} ms`,
  );

  // Points: 95 % inside a random grid, 5 % anywhere in the city's bounding box.
  const rand = mulberry32(42);
  const n = 1_000_000;
  const points = new Float64Array(2 * n);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const g of city.grids) {
    for (const [x, y] of g.geometry.coordinates[0]!) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  for (let i = 0; i < n; i++) {
    if (rand() < 0.95) {
      const ring = city.grids[Math.floor(rand() * city.grids.length)]!.geometry.coordinates[0]!;
      const [a, b, c, d] = ring as [Position, Position, Position, Position];
      const u = rand();
      const v = rand();
      points[2 * i] =
        (1 - u) * (1 - v) * a[0] + u * (1 - v) * b[0] + u * v * c[0] + (1 - u) * v * d[0];
      points[2 * i + 1] =
        (1 - u) * (1 - v) * a[1] + u * (1 - v) * b[1] + u * v * c[1] + (1 - u) * v * d[1];
    } else {
      points[2 * i] = minX + rand() * (maxX - minX);
      points[2 * i + 1] = minY + rand() * (maxY - minY);
    }
  }

  const indexed = rate(points, n, 7, (x, y) => index.indexOf(x, y));
  ctx.log(
    `  AreaIndex (cell directory, R-tree) + point-in-polygon: ${Math.round(indexed.rate).toLocaleString('en-US')} look-ups/s, ${Math.round(indexed.cpuRate).toLocaleString('en-US')} per CPU-second (${indexed.hits} of ${n} inside a grid)`,
  );

  // Baseline: every grid in turn until one contains the point; bounded in count and time.
  const rings = city.grids.map((g) => g.geometry.coordinates);
  const linear = (x: number, y: number) => {
    for (let i = 0; i < rings.length; i++) {
      if (pnpoly(rings[i]!, x, y)) {
        return i;
      }
    }
    return -1;
  };
  let baseCount = 0;
  const budgetMs = ctx.quick ? 1_000 : 5_000;
  const tb = performance.now();
  while (baseCount < 20_000 && performance.now() - tb < budgetMs) {
    linear(points[2 * baseCount]!, points[2 * baseCount + 1]!);
    baseCount++;
  }
  const baseRate = (baseCount / (performance.now() - tb)) * 1000;
  ctx.log(`  linear scan + PNPOLY: ${baseRate.toFixed(0)} look-ups/s (${baseCount} look-ups)`);

  // The two agree (a point exactly on a shared edge may go to either neighbour in PNPOLY).
  let disagree = 0;
  for (let i = 0; i < Math.min(baseCount, 2_000); i++) {
    if (
      index.indexOf(points[2 * i]!, points[2 * i + 1]!) !==
      linear(points[2 * i]!, points[2 * i + 1]!)
    ) {
      disagree++;
    }
  }
  return Promise.resolve([
    {
      part: 'locate',
      name: `point → grid look-ups per second, ${city.grids.length.toLocaleString('en-US')} grids (one core)`,
      value: indexed.rate,
      unit: 'look-ups/s',
      baseline: { name: 'linear scan + PNPOLY', value: baseRate, unit: 'look-ups/s' },
      vsBaseline: indexed.rate / baseRate,
      target: `≥ ${TARGET.toLocaleString('en-US')}/s`,
      met: indexed.rate >= TARGET,
      details: {
        grids: city.grids.length,
        points: n,
        insideShare: indexed.hits / n,
        lookupsPerCpuSecond: indexed.cpuRate,
        indexBuildMs: t2 - t1,
        baselineLookups: baseCount,
        disagreementsOfSample: disagree,
      },
    },
  ]);
}
