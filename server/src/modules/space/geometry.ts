/**
 * Pure planar and spherical geometry over GeoJSON Polygons and MultiPolygons in WGS84:
 * validation (closed rings, bounds, simple rings via exact orientation tests), bbox, area,
 * centroid, an interior point, and point-in-polygon with one edge rule shared with the
 * spatial index.
 */

export type Position = [number, number];
export type Ring = Position[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}

/** An area geometry: what grids and regions are drawn with. */
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface GeometryIssue {
  path: string;
  message: string;
}

/** Mean earth radius used by GeoJSON area tools (WGS84 semi-major axis), metres. */
const EARTH_RADIUS_M = 6378137;

// ---------------------------------------------------------------------------------------------
// Exact orientation

/** Shewchuk's error bound of the floating-point orientation determinant (ε = 2^-53). */
const EPSILON = 2 ** -53;
const CCW_ERR_BOUND_A = (3 + 16 * EPSILON) * EPSILON;
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** A finite double as mantissa × 2^exponent, exactly. */
function decompose(x: number): [bigint, number] {
  if (x === 0) {
    return [0n, 0];
  }
  F64[0] = x;
  const lo = U32[0]!;
  const hi = U32[1]!;
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  return [sign * mant, exp];
}

/** The exact sign of (a − c) × (b − c) using integer arithmetic. Rarely needed. */
function orientExact(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
): number {
  const parts = [ax, ay, bx, by, cx, cy].map(decompose);
  let minExp = Infinity;
  for (const [m, e] of parts) {
    if (m !== 0n && e < minExp) {
      minExp = e;
    }
  }
  if (minExp === Infinity) {
    return 0;
  }
  const [iax, iay, ibx, iby, icx, icy] = parts.map(([m, e]) => m << BigInt(e - minExp)) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const det = (iax - icx) * (iby - icy) - (iay - icy) * (ibx - icx);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

/**
 * Orientation of c relative to the line a→b, exactly: 1 when c lies to the left
 * (counter-clockwise), −1 to the right, 0 when the three points are collinear. A floating
 * filter answers almost every call; uncertain cases fall back to exact integer arithmetic.
 */
export function orient(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
): number {
  const detLeft = (ax - cx) * (by - cy);
  const detRight = (ay - cy) * (bx - cx);
  const det = detLeft - detRight;
  const bound = CCW_ERR_BOUND_A * (Math.abs(detLeft) + Math.abs(detRight));
  if (det > bound) {
    return 1;
  }
  if (-det > bound) {
    return -1;
  }
  return orientExact(ax, ay, bx, by, cx, cy);
}

/** True when p (known collinear with a–b) lies on the closed segment a–b. */
function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number) {
  return (
    Math.min(ax, bx) <= px &&
    px <= Math.max(ax, bx) &&
    Math.min(ay, by) <= py &&
    py <= Math.max(ay, by)
  );
}

/** True when the closed segments p1–p2 and p3–p4 share at least one point (exact). */
export function segmentsIntersect(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  p3x: number,
  p3y: number,
  p4x: number,
  p4y: number,
): boolean {
  const d1 = orient(p3x, p3y, p4x, p4y, p1x, p1y);
  const d2 = orient(p3x, p3y, p4x, p4y, p2x, p2y);
  const d3 = orient(p1x, p1y, p2x, p2y, p3x, p3y);
  const d4 = orient(p1x, p1y, p2x, p2y, p4x, p4y);
  if (d1 * d2 < 0 && d3 * d4 < 0) {
    return true;
  }
  return (
    (d1 === 0 && onSegment(p3x, p3y, p4x, p4y, p1x, p1y)) ||
    (d2 === 0 && onSegment(p3x, p3y, p4x, p4y, p2x, p2y)) ||
    (d3 === 0 && onSegment(p1x, p1y, p2x, p2y, p3x, p3y)) ||
    (d4 === 0 && onSegment(p1x, p1y, p2x, p2y, p4x, p4y))
  );
}

/**
 * The first pair of edges of a closed ring that touch or cross where they should not, or
 * null when the ring is simple. `ring` has its closing position (first = last) and no
 * consecutive duplicates. Sweep-and-prune: edges sorted by their west end, each compared only
 * with edges whose x-range overlaps, so a typical ring costs O(n log n).
 */
export function findSelfIntersection(ring: readonly Position[]): { a: number; b: number } | null {
  const m = ring.length - 1;
  if (m < 3) {
    return null;
  }
  const minX = new Float64Array(m);
  const maxX = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const p = ring[i]!;
    const q = ring[i + 1]!;
    minX[i] = Math.min(p[0], q[0]);
    maxX[i] = Math.max(p[0], q[0]);
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => minX[i]! - minX[j]!);
  for (let oi = 0; oi < m; oi++) {
    const i = order[oi]!;
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const iMinY = Math.min(a[1], b[1]);
    const iMaxY = Math.max(a[1], b[1]);
    for (let oj = oi + 1; oj < m; oj++) {
      const j = order[oj]!;
      if (minX[j]! > maxX[i]!) {
        break;
      }
      const c = ring[j]!;
      const d = ring[j + 1]!;
      if (Math.max(c[1], d[1]) < iMinY || Math.min(c[1], d[1]) > iMaxY) {
        continue;
      }
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      if (hi === lo + 1 || (lo === 0 && hi === m - 1)) {
        // Neighbours share a vertex by construction; they are wrong only when they fold back
        // onto each other (a spike): collinear and pointing in opposite directions.
        const [e0, e1] = hi === lo + 1 ? [lo, hi] : [hi, lo];
        const p = ring[e0]!;
        const s = ring[e1]!;
        const t = ring[e1 + 1]!;
        if (
          orient(p[0], p[1], s[0], s[1], t[0], t[1]) === 0 &&
          (s[0] - p[0]) * (t[0] - s[0]) + (s[1] - p[1]) * (t[1] - s[1]) < 0
        ) {
          return { a: e0, b: e1 };
        }
        continue;
      }
      if (segmentsIntersect(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1])) {
        return { a: lo, b: hi };
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Validation

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

const fmt = (p: Position) => `[${p[0]}, ${p[1]}]`;

/**
 * Checks one ring and returns it normalised (2-D positions, consecutive duplicates removed),
 * or null with issues appended.
 */
function checkRing(raw: unknown, path: string, issues: GeometryIssue[]): Ring | null {
  if (!Array.isArray(raw)) {
    issues.push({ path, message: 'a ring must be an array of positions' });
    return null;
  }
  const ring: Ring = [];
  for (let k = 0; k < raw.length; k++) {
    const p: unknown = raw[k];
    if (!Array.isArray(p) || p.length < 2 || !isFiniteNumber(p[0]) || !isFiniteNumber(p[1])) {
      issues.push({ path: `${path}.${k}`, message: 'a position must be [longitude, latitude]' });
      return null;
    }
    const lng = p[0];
    const lat = p[1];
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
      issues.push({
        path: `${path}.${k}`,
        message: `position [${lng}, ${lat}] is outside WGS84 bounds (longitude −180…180, latitude −90…90)`,
      });
      return null;
    }
    const last = ring[ring.length - 1];
    if (!last || last[0] !== lng || last[1] !== lat) {
      ring.push([lng, lat]);
    }
  }
  if (raw.length < 4) {
    issues.push({
      path,
      message: `a ring needs at least 4 positions (first = last); it has ${raw.length}`,
    });
    return null;
  }
  const first = raw[0] as number[];
  const last = raw[raw.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    issues.push({
      path,
      message: `the ring is not closed: first position [${first[0]}, ${first[1]}] differs from last [${last[0]}, ${last[1]}]`,
    });
    return null;
  }
  if (ring.length < 4) {
    issues.push({ path, message: 'a ring needs at least 3 distinct positions' });
    return null;
  }
  const hit = findSelfIntersection(ring);
  if (hit) {
    issues.push({
      path,
      message: `the ring intersects itself: edge ${hit.a} ${fmt(ring[hit.a]!)}→${fmt(ring[hit.a + 1]!)} meets edge ${hit.b} ${fmt(ring[hit.b]!)}→${fmt(ring[hit.b + 1]!)}`,
    });
    return null;
  }
  if (ringSignedArea(ring) === 0) {
    issues.push({ path, message: 'the ring has zero area (all positions on one line)' });
    return null;
  }
  return ring;
}

function checkPolygonRings(raw: unknown, path: string, issues: GeometryIssue[]): Ring[] | null {
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.push({ path, message: 'a polygon must be a non-empty array of rings' });
    return null;
  }
  const rings: Ring[] = [];
  let ok = true;
  raw.forEach((r: unknown, i) => {
    const ring = checkRing(r, `${path}.${i}`, issues);
    if (ring) {
      rings.push(ring);
    } else {
      ok = false;
    }
  });
  return ok ? rings : null;
}

/**
 * Validates a GeoJSON Polygon or MultiPolygon. Returns the normalised geometry (positions
 * reduced to [lng, lat], consecutive duplicate positions dropped) or every issue found, each
 * with a path below `path` (e.g. `geometry.coordinates.0.3`).
 */
export function checkAreaGeometry(
  raw: unknown,
  path = 'geometry',
): { ok: true; geometry: AreaGeometry } | { ok: false; issues: GeometryIssue[] } {
  const issues: GeometryIssue[] = [];
  if (raw === null || typeof raw !== 'object') {
    return { ok: false, issues: [{ path, message: 'geometry is missing' }] };
  }
  const g = raw as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') {
    const rings = checkPolygonRings(g.coordinates, `${path}.coordinates`, issues);
    return rings
      ? { ok: true, geometry: { type: 'Polygon', coordinates: rings } }
      : { ok: false, issues };
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
      return {
        ok: false,
        issues: [
          { path: `${path}.coordinates`, message: 'a MultiPolygon needs at least one polygon' },
        ],
      };
    }
    const polys: Ring[][] = [];
    g.coordinates.forEach((p: unknown, i) => {
      const rings = checkPolygonRings(p, `${path}.coordinates.${i}`, issues);
      if (rings) {
        polys.push(rings);
      }
    });
    return issues.length === 0
      ? { ok: true, geometry: { type: 'MultiPolygon', coordinates: polys } }
      : { ok: false, issues };
  }
  return {
    ok: false,
    issues: [
      {
        path: `${path}.type`,
        message: `geometry type must be Polygon or MultiPolygon, not ${JSON.stringify(g.type)}`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Measures

/** The polygons of an area geometry, as arrays of rings. */
export function polygonsOf(g: AreaGeometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Planar signed area in degrees² (positive counter-clockwise), shifted for precision. */
export function ringSignedArea(ring: readonly Position[]): number {
  const ox = ring[0]![0];
  const oy = ring[0]![1];
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += (a[0] - ox) * (b[1] - oy) - (b[0] - ox) * (a[1] - oy);
  }
  return s / 2;
}

export function bboxOf(g: AreaGeometry): BBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const poly of polygonsOf(g)) {
    for (const p of poly[0]!) {
      if (p[0] < minLng) {
        minLng = p[0];
      }
      if (p[0] > maxLng) {
        maxLng = p[0];
      }
      if (p[1] < minLat) {
        minLat = p[1];
      }
      if (p[1] > maxLat) {
        maxLat = p[1];
      }
    }
  }
  return { minLng, minLat, maxLng, maxLat };
}

/** Spherical area of a ring, m² (Chamberlain & Duquette, as in d3/turf), unsigned. */
function ringAreaM2(ring: readonly Position[]): number {
  const n = ring.length - 1;
  if (n < 3) {
    return 0;
  }
  const rad = Math.PI / 180;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lower = ring[i]!;
    const middle = ring[(i + 1) % n]!;
    const upper = ring[(i + 2) % n]!;
    total += (upper[0] - lower[0]) * rad * Math.sin(middle[1] * rad);
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area on the sphere, m²: shells minus holes. */
export function areaM2(g: AreaGeometry): number {
  let total = 0;
  for (const poly of polygonsOf(g)) {
    poly.forEach((ring, i) => {
      total += i === 0 ? ringAreaM2(ring) : -ringAreaM2(ring);
    });
  }
  return Math.max(0, total);
}

/** Area-weighted centroid in lng/lat (planar, fine at grid scale). */
export function centroidOf(g: AreaGeometry): Position {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      // Holes come with the opposite orientation sign once normalised against the shell.
      const ox = ring[0]![0];
      const oy = ring[0]![1];
      let a2 = 0;
      let cx = 0;
      let cy = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const x0 = ring[i]![0] - ox;
        const y0 = ring[i]![1] - oy;
        const x1 = ring[i + 1]![0] - ox;
        const y1 = ring[i + 1]![1] - oy;
        const cross = x0 * y1 - x1 * y0;
        a2 += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
      if (a2 === 0) {
        continue;
      }
      const shell = ring === poly[0];
      const w = shell ? Math.abs(a2) : -Math.abs(a2);
      sx += (cx / (3 * a2) + ox) * w;
      sy += (cy / (3 * a2) + oy) * w;
      sw += w;
    }
  }
  if (sw === 0) {
    const p = polygonsOf(g)[0]![0]![0]!;
    return [p[0], p[1]];
  }
  return [sx / sw, sy / sw];
}

// ---------------------------------------------------------------------------------------------
// Point in polygon

/**
 * Even–odd point-in-polygon over flat rings: `coords` holds x,y pairs, ring r spans positions
 * `ringStarts[r]` … `ringStarts[r + 1] − 1` and is closed (first = last). Rings of every
 * polygon of a MultiPolygon may be passed together: for valid geometry the parity over all
 * rings is membership.
 *
 * Edge rule (ray to +x, half-open in y): an edge counts when it straddles y with its lower end
 * at or below y and its upper end above, and the point lies strictly left of it. The edge is
 * always evaluated from its lower endpoint, so two grids that share an edge compute the very
 * same value and a point on a shared edge or vertex lies in exactly one of them (as if nudged
 * an infinitesimal amount east and a smaller one north). Allocation-free.
 */
export function pointInFlatRings(
  coords: Float64Array,
  ringStarts: Uint32Array,
  r0: number,
  r1: number,
  x: number,
  y: number,
): boolean {
  let inside = false;
  for (let r = r0; r < r1; r++) {
    const end = ringStarts[r + 1]! - 1;
    for (let k = ringStarts[r]!; k < end; k++) {
      const k2 = k << 1;
      const y1 = coords[k2 + 1]!;
      const y2 = coords[k2 + 3]!;
      if (y1 > y !== y2 > y) {
        let xl: number;
        let yl: number;
        let xu: number;
        let yu: number;
        if (y1 < y2) {
          xl = coords[k2]!;
          yl = y1;
          xu = coords[k2 + 2]!;
          yu = y2;
        } else {
          xl = coords[k2 + 2]!;
          yl = y2;
          xu = coords[k2]!;
          yu = y1;
        }
        if ((xu - xl) * (y - yl) - (yu - yl) * (x - xl) > 0) {
          inside = !inside;
        }
      }
    }
  }
  return inside;
}

/** A geometry flattened for pointInFlatRings. */
export interface FlatGeometry {
  coords: Float64Array;
  ringStarts: Uint32Array;
  rings: number;
}

export function flatten(g: AreaGeometry): FlatGeometry {
  const rings = polygonsOf(g).flat();
  let n = 0;
  for (const r of rings) {
    n += r.length;
  }
  const coords = new Float64Array(n * 2);
  const ringStarts = new Uint32Array(rings.length + 1);
  let k = 0;
  rings.forEach((r, i) => {
    ringStarts[i] = k;
    for (const p of r) {
      coords[k * 2] = p[0];
      coords[k * 2 + 1] = p[1];
      k++;
    }
  });
  ringStarts[rings.length] = k;
  return { coords, ringStarts, rings: rings.length };
}

/** True when (lng, lat) lies in the geometry, by the edge rule of pointInFlatRings. */
export function pointInGeometry(g: AreaGeometry | FlatGeometry, lng: number, lat: number): boolean {
  const f = 'type' in g ? flatten(g) : g;
  return pointInFlatRings(f.coords, f.ringStarts, 0, f.rings, lng, lat);
}

/**
 * A point guaranteed inside the geometry: the centroid when it lies inside, else the middle
 * of the widest inside stretch of the horizontal line through the centroid (or through the
 * middle of the largest polygon's bbox).
 */
export function interiorPoint(g: AreaGeometry): Position {
  const flat = flatten(g);
  const c = centroidOf(g);
  if (pointInGeometry(flat, c[0], c[1])) {
    return c;
  }
  const bb = bboxOf(g);
  for (const y of [c[1], (bb.minLat + bb.maxLat) / 2, bb.minLat + (bb.maxLat - bb.minLat) / 3]) {
    const xs: number[] = [];
    for (let r = 0; r < flat.rings; r++) {
      const end = flat.ringStarts[r + 1]! - 1;
      for (let k = flat.ringStarts[r]!; k < end; k++) {
        const x1 = flat.coords[2 * k]!;
        const y1 = flat.coords[2 * k + 1]!;
        const x2 = flat.coords[2 * k + 2]!;
        const y2 = flat.coords[2 * k + 3]!;
        if (y1 > y !== y2 > y) {
          xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
        }
      }
    }
    xs.sort((a, b) => a - b);
    let best: Position | null = null;
    let width = 0;
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = xs[i + 1]! - xs[i]!;
      if (w > width) {
        const mid: Position = [(xs[i]! + xs[i + 1]!) / 2, y];
        if (pointInGeometry(flat, mid[0], mid[1])) {
          width = w;
          best = mid;
        }
      }
    }
    if (best) {
      return best;
    }
  }
  return c;
}
