/**
 * Deterministic pseudo-random numbers for the demo generator: same seed, same city on every
 * machine (integer arithmetic only; no Math.random).
 */

/** mulberry32: a tiny 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stateless hash of integers to [0, 1): jitter of lattice vertex (i, j) never depends on order. */
export function hash01(seed: number, ...xs: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const x of xs) {
    h = Math.imul(h ^ (x | 0), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return (h >>> 0) / 4294967296;
}

/** An integer in [min, max]. */
export function intBetween(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** Picks an index by weight. `cumulative` holds running sums of the weights. */
export function pickWeighted(rand: () => number, cumulative: readonly number[]): number {
  const total = cumulative[cumulative.length - 1]!;
  const x = rand() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}
