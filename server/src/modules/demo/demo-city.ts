import type { AreaClass } from '@common/roles';
import type { AreaGeometry, Position } from '../space/geometry';
import { hash01, intBetween, mulberry32, pickWeighted } from './prng';

/**
 * The demo city generator, pure and deterministic (same seed and size → the same codes and
 * coordinates, bit for bit): 示范市 (339900) → 云溪区 (339901) → streets → communities → unit
 * grids of about 100 m × 100 m near West Lake (lng 120.15, lat 30.25), and components.
 *
 * Shape: a lattice of cells whose vertices are jittered (each vertex once, shared by its four
 * cells, so grids have no gaps or overlaps), grown outward from the centre in order of a
 * wobbly radius (an irregular blob), skipping an elliptical lake, which stays as a hole.
 * Streets and communities are contiguous: k-means seeds, then capacity-limited region
 * growing over 4-neighbours, so every part is connected and parts are about equal.
 * Region outlines are traced from the cells, so they match the grids exactly.
 */

export const DEMO_CITY_CODE = '339900';
export const DEMO_DISTRICT_CODE = '339901';
export const DEMO_CENTER: Position = [120.15, 30.25];

/** Cell side, metres; vertex jitter, share of a cell side. */
const CELL_M = 100;
const JITTER = 0.1;
/** Degrees per metre on the sphere the area computation uses (R = 6378137 m). */
const DEG_PER_M = 180 / (Math.PI * 6378137);

export interface DemoCityOptions {
  seed: number;
  /** Number of unit grids, ≥ 50. */
  grids: number;
}

export interface DemoRegion {
  code: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community';
  parentCode: string | null;
  geometry: AreaGeometry;
}

export interface DemoGrid {
  code: string;
  communityCode: string;
  areaClass: AreaClass;
  geometry: { type: 'Polygon'; coordinates: Position[][] };
}

export interface DemoCity {
  seed: number;
  /** city, district, streets, communities: parents first. */
  regions: DemoRegion[];
  grids: DemoGrid[];
  streets: { code: string; name: string; communityCodes: string[] }[];
}

export interface DemoComponent {
  code: string;
  typeCode: string;
  gridCode: string;
  lng: number;
  lat: number;
  ownerName: string;
  /** Code of the demo org unit that maintains it (see demo-org.ts), if any. */
  maintainerUnitCode: string | null;
}

// ---------------------------------------------------------------------------------------------
// Names

const STREET_NAMES = [
  '东湖', '西山', '南屏', '北岭', '云溪', '清波', '翠苑', '桃源', '望江', '临湖',
  '凤栖', '紫阳', '长庆', '柳浪', '枫林', '雁鸣', '芦荻', '栖霞', '石桥', '金沙',
  '白鹭', '青芝', '梅坞', '竹溪', '兰亭', '松涛', '荷塘', '杏坛', '银杏', '玉泉',
  '明月', '华光', '新塘', '和睦', '安澜', '康宁', '福兴', '瑞丰', '永乐', '星桥',
]; // prettier-ignore
const COMMUNITY_HEADS = [
  '春晖', '秋实', '松风', '竹影', '梅岭', '兰苑', '桂香', '柳岸', '荷风', '枫丹',
  '樱园', '杏花', '桃李', '芳草', '翠竹', '碧波', '青石', '金桂', '银湖', '玉带',
  '明珠', '华庭', '新村', '和平', '安居', '康乐', '宁静', '福田', '瑞景', '嘉禾',
  '锦绣', '长青', '天竺', '白云', '朝阳', '晓风', '听涛', '观澜', '揽月', '望湖',
  '清河', '绿洲', '景湾', '丹桂', '紫荆', '香樟', '银杏', '合欢', '海棠', '丁香',
]; // prettier-ignore
const COMMUNITY_TAILS = [
  '', '东', '西', '南', '北', '中', '新', '花园', '家园', '嘉苑',
  '雅苑', '名苑', '世家', '公寓', '新村', '里', '坊', '湾', '庭', '居',
]; // prettier-ignore

function streetName(k: number): string {
  const base = STREET_NAMES[k % STREET_NAMES.length]!;
  const round = Math.floor(k / STREET_NAMES.length);
  return `${base}${round ? String(round + 1) : ''}街道`;
}

function communityName(k: number): string {
  const head = COMMUNITY_HEADS[k % COMMUNITY_HEADS.length]!;
  const tailIndex = Math.floor(k / COMMUNITY_HEADS.length);
  const tail = COMMUNITY_TAILS[tailIndex % COMMUNITY_TAILS.length]!;
  const round = Math.floor(tailIndex / COMMUNITY_TAILS.length);
  return `${head}${tail}${round ? String(round + 1) : ''}社区`;
}

// ---------------------------------------------------------------------------------------------
// Lattice

/** Cells and vertices on an integer lattice centred on the district's centre. */
class Lattice {
  readonly off: number;
  readonly span: number;
  readonly #vertices = new Map<number, Position>();
  readonly #seed: number;
  readonly #dLat: number;
  readonly #dLng: number;

  constructor(seed: number, halfWidth: number) {
    this.#seed = seed;
    this.off = halfWidth + 2;
    this.span = 2 * this.off + 2;
    this.#dLat = CELL_M * DEG_PER_M;
    this.#dLng = this.#dLat / Math.cos((DEMO_CENTER[1] * Math.PI) / 180);
  }

  key(i: number, j: number): number {
    return (i + this.off) * this.span + (j + this.off);
  }

  i(key: number): number {
    return Math.floor(key / this.span) - this.off;
  }

  j(key: number): number {
    return (key % this.span) - this.off;
  }

  /** The jittered WGS84 position of lattice vertex (i, j), rounded to 1e-7° (≈1 cm). */
  vertex(i: number, j: number): Position {
    const k = this.key(i, j);
    let p = this.#vertices.get(k);
    if (!p) {
      const jx = (hash01(this.#seed, i, j, 1) - 0.5) * 2 * JITTER;
      const jy = (hash01(this.#seed, i, j, 2) - 0.5) * 2 * JITTER;
      p = [
        round7(DEMO_CENTER[0] + (i + jx) * this.#dLng),
        round7(DEMO_CENTER[1] + (j + jy) * this.#dLat),
      ];
      this.#vertices.set(k, p);
    }
    return p;
  }

  /** The quad of cell (i, j), counter-clockwise, closed. */
  cellRing(i: number, j: number): Position[] {
    const a = this.vertex(i, j);
    return [a, this.vertex(i + 1, j), this.vertex(i + 1, j + 1), this.vertex(i, j + 1), a];
  }
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** A binary min-heap of (priority, id) pairs; ties broken by id, so order is deterministic. */
class MinHeap {
  readonly #p: number[] = [];
  readonly #id: number[] = [];

  get size(): number {
    return this.#p.length;
  }

  #less(a: number, b: number): boolean {
    return this.#p[a]! < this.#p[b]! || (this.#p[a] === this.#p[b] && this.#id[a]! < this.#id[b]!);
  }

  #swap(a: number, b: number): void {
    [this.#p[a], this.#p[b]] = [this.#p[b]!, this.#p[a]!];
    [this.#id[a], this.#id[b]] = [this.#id[b]!, this.#id[a]!];
  }

  push(priority: number, id: number): void {
    this.#p.push(priority);
    this.#id.push(id);
    let i = this.#p.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) {
        break;
      }
      this.#swap(i, parent);
      i = parent;
    }
  }

  pop(): number | undefined {
    const n = this.#p.length;
    if (n === 0) {
      return undefined;
    }
    const top = this.#id[0]!;
    this.#swap(0, n - 1);
    this.#p.pop();
    this.#id.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n - 1 && this.#less(l, m)) {
        m = l;
      }
      if (r < n - 1 && this.#less(r, m)) {
        m = r;
      }
      if (m === i) {
        break;
      }
      this.#swap(i, m);
      i = m;
    }
    return top;
  }
}

const NEIGHBOURS: readonly [number, number][] = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];

/**
 * The district's cells: grown from the centre in order of a wobbly normalised radius,
 * skipping the lake, until `n` cells. Returns cell keys in growth order and each cell's
 * normalised radius (for area classes).
 */
function growDistrict(
  lat: Lattice,
  n: number,
  rand: () => number,
  radius: number,
): { cells: number[]; rho: Map<number, number> } {
  const amps = [0.16, 0.1, 0.06];
  const freqs = [2, 3, 5];
  const phases = amps.map(() => rand() * 2 * Math.PI);
  const wobble = (theta: number) =>
    1 + amps.reduce((s, a, k) => s + a * Math.sin(freqs[k]! * theta + phases[k]!), 0);
  const lakeAngle = rand() * 2 * Math.PI;
  const lakeTilt = rand() * Math.PI;
  const lx = 0.34 * radius * Math.cos(lakeAngle);
  const ly = 0.34 * radius * Math.sin(lakeAngle);
  const la = Math.max(0.17 * radius, 1.2);
  const lb = Math.max(0.09 * radius, 0.8);
  const inLake = (x: number, y: number) => {
    const dx = x - lx;
    const dy = y - ly;
    const u = dx * Math.cos(lakeTilt) + dy * Math.sin(lakeTilt);
    const v = -dx * Math.sin(lakeTilt) + dy * Math.cos(lakeTilt);
    return (u * u) / (la * la) + (v * v) / (lb * lb) <= 1;
  };
  const rhoOf = (i: number, j: number) => {
    const x = i + 0.5;
    const y = j + 0.5;
    return Math.hypot(x, y) / wobble(Math.atan2(y, x));
  };
  const heap = new MinHeap();
  const seen = new Set<number>();
  const rho = new Map<number, number>();
  const cells: number[] = [];
  const start = lat.key(0, 0);
  heap.push(rhoOf(0, 0), start);
  seen.add(start);
  while (cells.length < n && heap.size > 0) {
    const k = heap.pop()!;
    const i = lat.i(k);
    const j = lat.j(k);
    cells.push(k);
    rho.set(k, rhoOf(i, j));
    for (const [di, dj] of NEIGHBOURS) {
      const ni = i + di;
      const nj = j + dj;
      if (Math.abs(ni) > lat.off - 2 || Math.abs(nj) > lat.off - 2) {
        continue;
      }
      const nk = lat.key(ni, nj);
      if (!seen.has(nk) && !inLake(ni + 0.5, nj + 0.5)) {
        seen.add(nk);
        heap.push(rhoOf(ni, nj), nk);
      }
    }
  }
  if (cells.length < n) {
    throw new Error(`demo city: could only place ${cells.length} of ${n} grids`);
  }
  return { cells, rho };
}

/**
 * Splits connected cells into k contiguous, about equal parts: k-means seeds (farthest-point
 * start, Lloyd iterations), then round-robin growth from each seed over 4-neighbours, each part
 * taking its nearest frontier cell, capped at ⌈n/k⌉; cut-off leftovers join a neighbour.
 */
function partition(lat: Lattice, cells: readonly number[], k: number): number[][] {
  const n = cells.length;
  const xs = cells.map((c) => lat.i(c) + 0.5);
  const ys = cells.map((c) => lat.j(c) + 0.5);
  const index = new Map(cells.map((c, idx) => [c, idx] as const));

  // Farthest-point start: the cell farthest from the mean, then the farthest from all chosen.
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const nearest = new Float64Array(n).fill(Infinity);
  const cx: number[] = [];
  const cy: number[] = [];
  let next = 0;
  let far = -1;
  for (let c = 0; c < n; c++) {
    const d = (xs[c]! - mx) ** 2 + (ys[c]! - my) ** 2;
    if (d > far) {
      far = d;
      next = c;
    }
  }
  for (let s = 0; s < k; s++) {
    cx.push(xs[next]!);
    cy.push(ys[next]!);
    far = -1;
    for (let c = 0; c < n; c++) {
      const d = (xs[c]! - cx[s]!) ** 2 + (ys[c]! - cy[s]!) ** 2;
      if (d < nearest[c]!) {
        nearest[c] = d;
      }
      if (nearest[c]! > far) {
        far = nearest[c]!;
        next = c;
      }
    }
  }
  // Lloyd iterations.
  const assign = new Int32Array(n);
  for (let it = 0; it < 10; it++) {
    const sx = new Float64Array(k);
    const sy = new Float64Array(k);
    const cnt = new Float64Array(k);
    for (let c = 0; c < n; c++) {
      let best = 0;
      let bd = Infinity;
      for (let s = 0; s < k; s++) {
        const d = (xs[c]! - cx[s]!) ** 2 + (ys[c]! - cy[s]!) ** 2;
        if (d < bd) {
          bd = d;
          best = s;
        }
      }
      assign[c] = best;
      sx[best]! += xs[c]!;
      sy[best]! += ys[c]!;
      cnt[best]! += 1;
    }
    for (let s = 0; s < k; s++) {
      if (cnt[s]! > 0) {
        cx[s] = sx[s]! / cnt[s]!;
        cy[s] = sy[s]! / cnt[s]!;
      }
    }
  }
  // Seeds: the free cell nearest each centre.
  const part = new Int32Array(n).fill(-1);
  const heaps: MinHeap[] = [];
  const sizes = new Int32Array(k);
  for (let s = 0; s < k; s++) {
    let best = -1;
    let bd = Infinity;
    for (let c = 0; c < n; c++) {
      const d = (xs[c]! - cx[s]!) ** 2 + (ys[c]! - cy[s]!) ** 2;
      if (part[c] === -1 && d < bd) {
        bd = d;
        best = c;
      }
    }
    part[best] = s;
    sizes[s] = 1;
    heaps.push(new MinHeap());
  }
  const pushNeighbours = (s: number, c: number) => {
    const i = lat.i(cells[c]!);
    const j = lat.j(cells[c]!);
    for (const [di, dj] of NEIGHBOURS) {
      const nc = index.get(lat.key(i + di, j + dj));
      if (nc !== undefined && part[nc] === -1) {
        heaps[s]!.push((xs[nc]! - cx[s]!) ** 2 + (ys[nc]! - cy[s]!) ** 2, nc);
      }
    }
  };
  for (let c = 0; c < n; c++) {
    if (part[c]! >= 0) {
      pushNeighbours(part[c]!, c);
    }
  }
  const cap = Math.ceil(n / k);
  let assigned = k;
  let progress = true;
  while (assigned < n && progress) {
    progress = false;
    for (let s = 0; s < k; s++) {
      if (sizes[s]! >= cap) {
        continue;
      }
      let c = heaps[s]!.pop();
      while (c !== undefined && part[c] !== -1) {
        c = heaps[s]!.pop();
      }
      if (c === undefined) {
        continue;
      }
      part[c] = s;
      sizes[s]!++;
      assigned++;
      progress = true;
      pushNeighbours(s, c);
    }
  }
  // Leftovers (walled in by full parts) join their smallest neighbouring part.
  while (assigned < n) {
    for (let c = 0; c < n; c++) {
      if (part[c] !== -1) {
        continue;
      }
      const i = lat.i(cells[c]!);
      const j = lat.j(cells[c]!);
      let best = -1;
      for (const [di, dj] of NEIGHBOURS) {
        const nc = index.get(lat.key(i + di, j + dj));
        const p = nc === undefined ? -1 : part[nc]!;
        if (
          p >= 0 &&
          (best < 0 || sizes[p]! < sizes[best]! || (sizes[p] === sizes[best] && p < best))
        ) {
          best = p;
        }
      }
      if (best >= 0) {
        part[c] = best;
        sizes[best]!++;
        assigned++;
      }
    }
  }
  const out: number[][] = Array.from({ length: k }, () => []);
  for (let c = 0; c < n; c++) {
    out[part[c]!]!.push(cells[c]!);
  }
  return out;
}

/** Orders parts clockwise from north around `centre` (lattice units). */
function sortByBearing(lat: Lattice, parts: number[][], centre: [number, number]): number[][] {
  const bearing = (p: number[]) => {
    const x = p.reduce((a, c) => a + lat.i(c) + 0.5, 0) / p.length - centre[0];
    const y = p.reduce((a, c) => a + lat.j(c) + 0.5, 0) / p.length - centre[1];
    const b = Math.atan2(x, y);
    return b < 0 ? b + 2 * Math.PI : b;
  };
  return parts
    .map((p) => ({ p, b: bearing(p) }))
    .sort((a, b) => a.b - b.b || a.p[0]! - b.p[0]!)
    .map((x) => x.p);
}

/**
 * The outline of a set of cells as an area geometry whose vertices are the cells' own
 * (jittered) vertices. Boundary edges run with the inside on the left; rings that pass a
 * vertex twice are split there; counter-clockwise rings are shells, clockwise ones holes,
 * each hole going to the smallest shell around it.
 */
function outlineOf(lat: Lattice, cells: readonly number[]): AreaGeometry {
  const inside = new Set(cells);
  const from: number[] = [];
  const to: number[] = [];
  const dir: number[] = [];
  const out = new Map<number, number[]>();
  const addEdge = (fi: number, fj: number, ti: number, tj: number, d: number) => {
    const e = from.length;
    from.push(lat.key(fi, fj));
    to.push(lat.key(ti, tj));
    dir.push(d);
    const list = out.get(from[e]!) ?? [];
    list.push(e);
    out.set(from[e]!, list);
  };
  for (const c of cells) {
    const i = lat.i(c);
    const j = lat.j(c);
    if (!inside.has(lat.key(i, j - 1))) {
      addEdge(i, j, i + 1, j, 0); // east along the bottom
    }
    if (!inside.has(lat.key(i + 1, j))) {
      addEdge(i + 1, j, i + 1, j + 1, 1); // north along the right
    }
    if (!inside.has(lat.key(i, j + 1))) {
      addEdge(i + 1, j + 1, i, j + 1, 2); // west along the top
    }
    if (!inside.has(lat.key(i - 1, j))) {
      addEdge(i, j + 1, i, j, 3); // south along the left
    }
  }
  const used = new Uint8Array(from.length);
  const rawRings: number[][] = [];
  for (let e0 = 0; e0 < from.length; e0++) {
    if (used[e0]) {
      continue;
    }
    const ring = [from[e0]!];
    let e = e0;
    for (;;) {
      used[e] = 1;
      ring.push(to[e]!);
      const options = out.get(to[e]!) ?? [];
      let nextEdge = -1;
      for (const turn of [1, 0, 3]) {
        const want = (dir[e]! + turn) % 4;
        const cand = options.find((x) => dir[x] === want && (!used[x] || x === e0));
        if (cand !== undefined) {
          nextEdge = cand;
          break;
        }
      }
      if (nextEdge === e0 || nextEdge < 0) {
        break;
      }
      e = nextEdge;
    }
    rawRings.push(ring);
  }
  // Split rings at repeated vertices so every ring is simple.
  const rings: number[][] = [];
  for (const ring of rawRings) {
    const stack: number[] = [];
    const at = new Map<number, number>();
    for (let k = 0; k < ring.length; k++) {
      const v = ring[k]!;
      const prev = at.get(v);
      if (prev !== undefined) {
        const loop = stack.splice(prev);
        for (const u of loop) {
          at.delete(u);
        }
        rings.push([...loop, v]);
      }
      at.set(v, stack.length);
      stack.push(v);
    }
  }
  const area2 = (r: number[]) => {
    let s = 0;
    for (let k = 0; k + 1 < r.length; k++) {
      s += lat.i(r[k]!) * lat.j(r[k + 1]!) - lat.i(r[k + 1]!) * lat.j(r[k]!);
    }
    return s;
  };
  const shells = rings.filter((r) => area2(r) > 0);
  const holes = rings.filter((r) => area2(r) < 0);
  const shellHoles: number[][][] = shells.map(() => []);
  for (const h of holes) {
    // The doubled midpoint of the hole's first edge lies on no other ring's edge.
    const px = lat.i(h[0]!) + lat.i(h[1]!);
    const py = lat.j(h[0]!) + lat.j(h[1]!);
    let best = -1;
    for (let s = 0; s < shells.length; s++) {
      const r = shells[s]!;
      let inRing = false;
      for (let k = 0; k + 1 < r.length; k++) {
        const x1 = 2 * lat.i(r[k]!);
        const y1 = 2 * lat.j(r[k]!);
        const x2 = 2 * lat.i(r[k + 1]!);
        const y2 = 2 * lat.j(r[k + 1]!);
        if (y1 > py !== y2 > py && px < x1 + ((py - y1) * (x2 - x1)) / (y2 - y1)) {
          inRing = !inRing;
        }
      }
      if (inRing && (best < 0 || area2(r) < area2(shells[best]!))) {
        best = s;
      }
    }
    if (best >= 0) {
      shellHoles[best]!.push(h);
    }
  }
  const toRing = (r: number[]) => r.map((v) => lat.vertex(lat.i(v), lat.j(v)));
  const polygons = shells.map((s, k) => [toRing(s), ...shellHoles[k]!.map(toRing)]);
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** How many streets and communities per street a district of `grids` cells gets. */
export function demoLayout(grids: number): { streets: number; communitiesPerStreet: number } {
  const streets = Math.min(40, Math.max(3, Math.round(grids / 500)));
  const communitiesPerStreet = Math.min(999, Math.max(5, Math.ceil(grids / (streets * 120))));
  return { streets, communitiesPerStreet };
}

/**
 * Generates the demo city.
 * @throws Error when fewer than 50 grids are asked for
 */
export function generateDemoCity(opts: DemoCityOptions): DemoCity {
  if (!Number.isInteger(opts.grids) || opts.grids < 50) {
    throw new Error('demo city: grids must be an integer ≥ 50');
  }
  const rand = mulberry32(opts.seed);
  const n = opts.grids;
  const radius = Math.sqrt(n / (Math.PI * 0.98));
  const lat = new Lattice(opts.seed, Math.ceil(radius * 1.8) + 4);
  const { cells, rho } = growDistrict(lat, n, rand, radius);
  let rhoMax = 0;
  for (const r of rho.values()) {
    rhoMax = Math.max(rhoMax, r);
  }
  const areaClass = (c: number): AreaClass => {
    const r = rho.get(c)! / rhoMax;
    return r < 0.35 ? 'A' : r < 0.8 ? 'B' : 'C';
  };

  const layout = demoLayout(n);
  const streetParts = sortByBearing(lat, partition(lat, cells, layout.streets), [0, 0]);
  const district = outlineOf(lat, cells);
  const regions: DemoRegion[] = [
    { code: DEMO_CITY_CODE, name: '示范市', level: 'city', parentCode: null, geometry: district },
    {
      code: DEMO_DISTRICT_CODE,
      name: '云溪区',
      level: 'district',
      parentCode: DEMO_CITY_CODE,
      geometry: district,
    },
  ];
  const grids: DemoGrid[] = [];
  const streets: DemoCity['streets'] = [];
  const communityRegions: DemoRegion[] = [];
  let communityCounter = 0;
  streetParts.forEach((streetCells, s) => {
    const streetCode = `${DEMO_DISTRICT_CODE}${String(s + 1).padStart(3, '0')}`;
    const sx = streetCells.reduce((a, c) => a + lat.i(c) + 0.5, 0) / streetCells.length;
    const sy = streetCells.reduce((a, c) => a + lat.j(c) + 0.5, 0) / streetCells.length;
    const communityParts = sortByBearing(
      lat,
      partition(lat, streetCells, layout.communitiesPerStreet),
      [sx, sy],
    );
    const name = streetName(s);
    regions.push({
      code: streetCode,
      name,
      level: 'street',
      parentCode: DEMO_DISTRICT_CODE,
      geometry: outlineOf(lat, streetCells),
    });
    const communityCodes: string[] = [];
    communityParts.forEach((part, c) => {
      const communityCode = `${streetCode}${String(c + 1).padStart(3, '0')}`;
      communityCodes.push(communityCode);
      communityRegions.push({
        code: communityCode,
        name: communityName(communityCounter++),
        level: 'community',
        parentCode: streetCode,
        geometry: outlineOf(lat, part),
      });
      if (part.length > 999) {
        throw new Error(`demo city: community ${communityCode} has ${part.length} grids (> 999)`);
      }
      // Reading order: north to south, west to east.
      const ordered = [...part].sort((a, b) => lat.j(b) - lat.j(a) || lat.i(a) - lat.i(b));
      ordered.forEach((cell, g) => {
        grids.push({
          code: `${communityCode}${String(g + 1).padStart(3, '0')}`,
          communityCode,
          areaClass: areaClass(cell),
          geometry: { type: 'Polygon', coordinates: [lat.cellRing(lat.i(cell), lat.j(cell))] },
        });
      });
    });
    streets.push({ code: streetCode, name, communityCodes });
  });
  regions.push(...communityRegions);
  return { seed: opts.seed, regions, grids, streets };
}

// ---------------------------------------------------------------------------------------------
// Components

/** Component types placed in the demo (GB/T 47678.5 codes), with weights and keepers. */
export const DEMO_COMPONENT_TYPES: readonly {
  code: string;
  name: string;
  weight: number;
  owner: string;
  maintainer: string | null;
}[] = [
  { code: '01001', name: '供水井盖', weight: 6, owner: '示范市水务集团', maintainer: 'water' },
  { code: '01002', name: '污水井盖', weight: 6, owner: '示范市水务集团', maintainer: 'water' },
  { code: '01003', name: '雨水井盖', weight: 7, owner: '云溪区市政设施管理所', maintainer: 'municipal' },
  { code: '01004', name: '雨水箅子', weight: 8, owner: '云溪区市政设施管理所', maintainer: 'municipal' },
  { code: '01005', name: '电力井盖', weight: 4, owner: '国网示范市供电公司', maintainer: 'power' },
  { code: '01007', name: '通信井盖', weight: 4, owner: '示范电信分公司', maintainer: 'telecom' },
  { code: '01011', name: '燃气井盖', weight: 3, owner: '示范燃气有限公司', maintainer: 'gas' },
  { code: '01013', name: '消防设施', weight: 2, owner: '示范市消防救援支队', maintainer: null },
  { code: '01037', name: '路灯', weight: 14, owner: '国网示范市供电公司', maintainer: 'streetlight' },
  { code: '01040', name: '报刊亭', weight: 0.4, owner: '示范市邮政分公司', maintainer: null },
  { code: '01044', name: '售货亭', weight: 0.4, owner: '个体经营户', maintainer: null },
  { code: '01050', name: '监控电子眼设施', weight: 2, owner: '示范市公安局', maintainer: null },
  { code: '02004', name: '公交站设施', weight: 1, owner: '示范市公交集团', maintainer: 'municipal' },
  { code: '02010', name: '交通标志牌及标线', weight: 4, owner: '示范市公安局交警支队', maintainer: 'traffic' },
  { code: '02012', name: '路名牌', weight: 2, owner: '云溪区民政局', maintainer: 'municipal' },
  { code: '02014', name: '交通信号灯', weight: 1.5, owner: '示范市公安局交警支队', maintainer: 'traffic' },
  { code: '02017', name: '交通护栏', weight: 3, owner: '云溪区市政设施管理所', maintainer: 'municipal' },
  { code: '02021', name: '便道桩', weight: 3, owner: '云溪区市政设施管理所', maintainer: 'municipal' },
  { code: '02027', name: '存车支架', weight: 1.5, owner: '云溪区市政设施管理所', maintainer: 'municipal' },
  { code: '03001', name: '公共厕所', weight: 0.4, owner: '云溪区环境卫生管理所', maintainer: 'sanitation' },
  { code: '03005', name: '垃圾箱', weight: 12, owner: '云溪区环境卫生管理所', maintainer: 'sanitation' },
  { code: '03006', name: '户外广告', weight: 2, owner: '广告经营单位', maintainer: null },
  { code: '03007', name: '牌匾标识', weight: 3, owner: '沿街商户', maintainer: null },
  { code: '03008', name: '宣传栏', weight: 1, owner: '街道办事处', maintainer: null },
  { code: '04002', name: '行道树', weight: 16, owner: '云溪区园林绿化管理所', maintainer: 'greening' },
  { code: '04004', name: '护树设施', weight: 3, owner: '云溪区园林绿化管理所', maintainer: 'greening' },
  { code: '04007', name: '街头座椅', weight: 2, owner: '云溪区园林绿化管理所', maintainer: 'greening' },
  { code: '04011', name: '树池树穴', weight: 4, owner: '云溪区园林绿化管理所', maintainer: 'greening' },
]; // prettier-ignore

/** Components per grid: 10 at least, more in core areas. */
const EXTRA_PER_CLASS: Record<AreaClass, number> = { A: 5, B: 2, C: 0 };

/**
 * The components of a demo city, grid by grid in code order, deterministic. Each lies inside
 * its grid: a bilinear point of the grid's quad with both parameters in [0.08, 0.92]. The
 * identifier is county + type + a per-type 6-digit sequence.
 */
export function* generateComponents(city: DemoCity): Generator<DemoComponent> {
  const cumulative: number[] = [];
  let sum = 0;
  for (const t of DEMO_COMPONENT_TYPES) {
    sum += t.weight;
    cumulative.push(sum);
  }
  const sequence = new Map<string, number>();
  for (let g = 0; g < city.grids.length; g++) {
    const grid = city.grids[g]!;
    const rand = mulberry32((city.seed ^ Math.imul(g + 1, 0x9e3779b1)) >>> 0);
    const count = 10 + EXTRA_PER_CLASS[grid.areaClass] + intBetween(rand, 0, 3);
    const [p00, p10, p11, p01] = grid.geometry.coordinates[0]! as [
      Position,
      Position,
      Position,
      Position,
    ];
    for (let k = 0; k < count; k++) {
      const type = DEMO_COMPONENT_TYPES[pickWeighted(rand, cumulative)]!;
      const seq = (sequence.get(type.code) ?? 0) + 1;
      sequence.set(type.code, seq);
      const u = 0.08 + rand() * 0.84;
      const v = 0.08 + rand() * 0.84;
      const w00 = (1 - u) * (1 - v);
      const w10 = u * (1 - v);
      const w11 = u * v;
      const w01 = (1 - u) * v;
      yield {
        code: `${DEMO_DISTRICT_CODE}${type.code}${String(seq).padStart(6, '0')}`,
        typeCode: type.code,
        gridCode: grid.code,
        lng: round7(w00 * p00[0] + w10 * p10[0] + w11 * p11[0] + w01 * p01[0]),
        lat: round7(w00 * p00[1] + w10 * p10[1] + w11 * p11[1] + w01 * p01[1]),
        ownerName: type.owner,
        maintainerUnitCode: type.maintainer,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// GeoJSON (the space module's import format)

export function regionFeatureCollection(city: DemoCity) {
  return {
    type: 'FeatureCollection' as const,
    features: city.regions.map((r) => ({
      type: 'Feature' as const,
      geometry: r.geometry,
      properties: { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode },
    })),
  };
}

export function gridFeatureCollection(city: DemoCity) {
  return {
    type: 'FeatureCollection' as const,
    features: city.grids.map((g) => ({
      type: 'Feature' as const,
      geometry: g.geometry,
      properties: { code: g.code, communityCode: g.communityCode, areaClass: g.areaClass },
    })),
  };
}

/** A component as a GeoJSON Point feature; `unitIds` maps demo unit codes to stored ids. */
export function componentFeature(c: DemoComponent, unitIds?: ReadonlyMap<string, string>) {
  const properties: Record<string, string> = {
    code: c.code,
    typeCode: c.typeCode,
    gridCode: c.gridCode,
    ownerName: c.ownerName,
  };
  if (c.maintainerUnitCode) {
    const id = unitIds?.get(c.maintainerUnitCode);
    if (id) {
      properties.maintainerUnitId = id;
    } else {
      properties.maintainerUnitCode = c.maintainerUnitCode;
    }
  }
  return {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [c.lng, c.lat] },
    properties,
  };
}
