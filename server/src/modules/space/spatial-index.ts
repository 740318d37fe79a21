import Flatbush from 'flatbush';
import { bboxOf, pointInFlatRings, polygonsOf, type AreaGeometry } from './geometry';

/** One area for the index: its geometry and what a hit returns. */
export interface IndexedArea<T> {
  geometry: AreaGeometry;
  value: T;
}

/** Cells of the directory per area: 1 to 8 measured alike (`npm run bench -- locate`). */
const CELLS_PER_AREA = 2;
/** A cell with more candidates than this is answered by the tree instead. */
const MAX_CELL_CANDIDATES = 12;
/** The directory is not built if it would hold more entries than this many per area. */
const MAX_ENTRIES_PER_AREA = 16;

/**
 * Point → area lookup for a tiling of polygons (unit grids), exact even–odd
 * point-in-polygon on pre-parsed Float64Arrays behind two filters:
 *
 * - a **cell directory**: a uniform lattice of two cells per area over the areas'
 *   extent, each cell listing the areas whose bounding box meets it, so most look-ups test
 *   one or two candidates after one multiplication per axis and touch three or four cache
 *   lines (random points over 100,000 grids miss the CPU caches on every step);
 * - a packed Hilbert R-tree (flatbush) over the bounding boxes, for cells that many areas
 *   meet (very uneven areas) and when the directory would be too large.
 *
 * A point and a box map to cells by the same monotone arithmetic, so a cell lists every area
 * whose box can hold a point of it. Immutable; rebuild it when the areas change.
 *
 * The hot path allocates nothing: the tree is walked with a preallocated stack over
 * flatbush's packed arrays (flatbush's own search would allocate a queue and a result
 * array per call) and a hit returns the value object given at build time.
 */
export class AreaIndex<T> {
  readonly size: number;
  readonly #values: T[];
  readonly #coords: Float64Array;
  /** Ring r spans positions ringStarts[r] … ringStarts[r + 1] − 1. */
  readonly #ringStarts: Uint32Array;
  /** Area i owns rings areaRings[i] … areaRings[i + 1] − 1. */
  readonly #areaRings: Uint32Array;
  readonly #boxes: Float64Array;
  readonly #indices: Uint16Array | Uint32Array;
  readonly #levelBounds: Int32Array;
  readonly #nodeSize: number;
  readonly #stack: Int32Array;
  // The cell directory: cell c lists slots cellSlots[cellStarts[c]] … [cellStarts[c + 1] − 1].
  #cellX0 = 0;
  #cellY0 = 0;
  #cellInvW = 0;
  #cellInvH = 0;
  #cols = 0;
  #rows = 0;
  #cellStarts: Uint32Array | null = null;
  #cellSlots: Uint32Array | null = null;

  constructor(areas: readonly IndexedArea<T>[], nodeSize = 16) {
    this.size = areas.length;
    this.#nodeSize = nodeSize;
    if (areas.length === 0) {
      this.#values = [];
      this.#coords = new Float64Array(0);
      this.#ringStarts = new Uint32Array(1);
      this.#areaRings = new Uint32Array(1);
      this.#boxes = new Float64Array(0);
      this.#indices = new Uint32Array(0);
      this.#levelBounds = new Int32Array(0);
      this.#stack = new Int32Array(0);
      return;
    }
    const tree = new Flatbush(areas.length, nodeSize);
    for (const a of areas) {
      const b = bboxOf(a.geometry);
      tree.add(b.minLng, b.minLat, b.maxLng, b.maxLat);
    }
    tree.finish();
    this.#boxes = tree._boxes as Float64Array;
    this.#indices = tree._indices;
    this.#levelBounds = Int32Array.from(tree._levelBounds);
    // Depth-first: at most nodeSize entries (two numbers each) wait per level.
    this.#stack = new Int32Array((this.#levelBounds.length + 1) * nodeSize * 2 + 4);

    // Polygons are laid out in the tree's leaf (Hilbert) order: leaf slot s holds area
    // indices[s], so neighbouring grids sit next to each other in memory.
    let positions = 0;
    let rings = 0;
    for (const a of areas) {
      for (const poly of polygonsOf(a.geometry)) {
        for (const ring of poly) {
          positions += ring.length;
          rings++;
        }
      }
    }
    this.#coords = new Float64Array(positions * 2);
    this.#ringStarts = new Uint32Array(rings + 1);
    this.#areaRings = new Uint32Array(areas.length + 1);
    this.#values = new Array<T>(areas.length);
    let k = 0;
    let r = 0;
    for (let slot = 0; slot < areas.length; slot++) {
      const a = areas[this.#indices[slot]!]!;
      this.#values[slot] = a.value;
      this.#areaRings[slot] = r;
      for (const poly of polygonsOf(a.geometry)) {
        for (const ring of poly) {
          this.#ringStarts[r++] = k;
          for (const p of ring) {
            this.#coords[2 * k] = p[0];
            this.#coords[2 * k + 1] = p[1];
            k++;
          }
        }
      }
    }
    this.#areaRings[areas.length] = r;
    this.#ringStarts[rings] = k;
    this.#buildCells();
  }

  /** Cell column of x (the same arithmetic for points and boxes keeps it monotone). */
  #col(x: number): number {
    const c = Math.floor((x - this.#cellX0) * this.#cellInvW);
    return c < 0 ? 0 : c >= this.#cols ? this.#cols - 1 : c;
  }

  #row(y: number): number {
    const r = Math.floor((y - this.#cellY0) * this.#cellInvH);
    return r < 0 ? 0 : r >= this.#rows ? this.#rows - 1 : r;
  }

  /** Builds the cell directory over the root box, unless it would be too large. */
  #buildCells(): void {
    const boxes = this.#boxes;
    const root = boxes.length - 4;
    const x0 = boxes[root]!;
    const y0 = boxes[root + 1]!;
    const w = boxes[root + 2]! - x0;
    const h = boxes[root + 3]! - y0;
    if (!(w > 0 && h > 0) || !Number.isFinite(w) || !Number.isFinite(h)) {
      return;
    }
    const cells = Math.max(1, this.size * CELLS_PER_AREA);
    const cols = Math.max(1, Math.min(cells, Math.round(Math.sqrt((cells * w) / h))));
    const rows = Math.max(1, Math.ceil(cells / cols));
    this.#cellX0 = x0;
    this.#cellY0 = y0;
    this.#cellInvW = cols / w;
    this.#cellInvH = rows / h;
    this.#cols = cols;
    this.#rows = rows;
    // Counting pass: how many entries, and per cell.
    const starts = new Uint32Array(cols * rows + 1);
    let entries = 0;
    const limit = this.size * MAX_ENTRIES_PER_AREA;
    for (let slot = 0; slot < this.size; slot++) {
      entries += this.#eachCell(boxes, slot, (cell) => starts[cell + 1]!++);
      if (entries > limit) {
        this.#cols = 0;
        return;
      }
    }
    for (let c = 0; c < cols * rows; c++) {
      starts[c + 1]! += starts[c]!;
    }
    // Filling pass, slots in ascending order within each cell.
    const fill = starts.slice(0, cols * rows);
    const slots = new Uint32Array(entries);
    for (let slot = 0; slot < this.size; slot++) {
      this.#eachCell(boxes, slot, (cell) => (slots[fill[cell]!++] = slot));
    }
    this.#cellStarts = starts;
    this.#cellSlots = slots;
  }

  /** Calls `visit` with each cell the box of leaf slot `slot` meets; returns how many (build only). */
  #eachCell(boxes: ArrayLike<number>, slot: number, visit: (cell: number) => void): number {
    const p = slot * 4;
    const c0 = this.#col(boxes[p]!);
    const c1 = this.#col(boxes[p + 2]!);
    const r0 = this.#row(boxes[p + 1]!);
    const r1 = this.#row(boxes[p + 3]!);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        visit(r * this.#cols + c);
      }
    }
    return (c1 - c0 + 1) * (r1 - r0 + 1);
  }

  /** Whether the box at `pos` of the tree's boxes (min x, min y, max x, max y) holds (x, y). */
  #inBox(pos: number, x: number, y: number): boolean {
    const boxes = this.#boxes;
    return x >= boxes[pos]! && y >= boxes[pos + 1]! && x <= boxes[pos + 2]! && y <= boxes[pos + 3]!;
  }

  /** Whether the area in leaf slot `slot` holds (x, y): exact even–odd test of its rings. */
  #holds(slot: number, x: number, y: number): boolean {
    return pointInFlatRings(
      this.#coords,
      this.#ringStarts,
      this.#areaRings[slot]!,
      this.#areaRings[slot + 1]!,
      x,
      y,
    );
  }

  /** Tests the areas of (x, y)'s cell: a slot, −1 for none, or −2 to ask the tree. */
  #cellSlotOf(x: number, y: number): number {
    const boxes = this.#boxes;
    const root = boxes.length - 4;
    if (!this.#inBox(root, x, y)) {
      return -1;
    }
    const starts = this.#cellStarts!;
    const cell = this.#row(y) * this.#cols + this.#col(x);
    const first = starts[cell]!;
    const end = starts[cell + 1]!;
    if (end - first > MAX_CELL_CANDIDATES) {
      return -2;
    }
    const slots = this.#cellSlots!;
    for (let i = first; i < end; i++) {
      const slot = slots[i]!;
      if (this.#inBox(slot * 4, x, y) && this.#holds(slot, x, y)) {
        return slot;
      }
    }
    return -1;
  }

  /** Leaf slot of the area containing (x, y), or −1. Allocation-free. */
  #slotOf(x: number, y: number): number {
    if (this.#boxes.length === 0 || x !== x || y !== y) {
      return -1;
    }
    if (this.#cols > 0) {
      const slot = this.#cellSlotOf(x, y);
      if (slot !== -2) {
        return slot;
      }
    }
    return this.#treeSlotOf(x, y);
  }

  /** Leaf slot of the area containing (x, y) by the R-tree, or −1. */
  #treeSlotOf(x: number, y: number): number {
    const boxes = this.#boxes;
    const indices = this.#indices;
    const levelBounds = this.#levelBounds;
    const stack = this.#stack;
    const span = this.#nodeSize * 4;
    const leafEnd = this.size * 4;
    let sp = 0;
    let nodeIndex = boxes.length - 4;
    let level = levelBounds.length - 1;
    for (;;) {
      const end = Math.min(nodeIndex + span, levelBounds[level]!);
      if (nodeIndex >= leafEnd) {
        for (let pos = nodeIndex; pos < end; pos += 4) {
          if (!this.#inBox(pos, x, y)) {
            continue;
          }
          stack[sp++] = indices[pos >> 2]!;
          stack[sp++] = level - 1;
        }
      } else {
        for (let pos = nodeIndex; pos < end; pos += 4) {
          if (!this.#inBox(pos, x, y)) {
            continue;
          }
          const slot = pos >> 2;
          if (this.#holds(slot, x, y)) {
            return slot;
          }
        }
      }
      if (sp === 0) {
        return -1;
      }
      level = stack[--sp]!;
      nodeIndex = stack[--sp]!;
    }
  }

  /** Position (in the input array) of the area containing (x, y), or −1. Allocation-free. */
  indexOf(x: number, y: number): number {
    const slot = this.#slotOf(x, y);
    return slot < 0 ? -1 : this.#indices[slot]!;
  }

  /** The value of the area containing (x, y), or null. Allocation-free. */
  find(x: number, y: number): T | null {
    const slot = this.#slotOf(x, y);
    return slot < 0 ? null : this.#values[slot]!;
  }

  /** Every area containing (x, y), by brute force over all areas (tests and diagnostics). */
  findAll(x: number, y: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) {
      if (this.#holds(i, x, y)) {
        out.push(this.#values[i]!);
      }
    }
    return out;
  }
}
