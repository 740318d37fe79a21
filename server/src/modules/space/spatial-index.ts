import Flatbush from 'flatbush';
import { bboxOf, pointInFlatRings, polygonsOf, type AreaGeometry } from './geometry';

/** One area for the index: its geometry and what a hit returns. */
export interface IndexedArea<T> {
  geometry: AreaGeometry;
  value: T;
}

/**
 * Point → area lookup for a tiling of polygons (unit grids): a packed Hilbert R-tree
 * (flatbush) over the areas' bounding boxes, then exact even–odd point-in-polygon on
 * pre-parsed Float64Arrays. Immutable; rebuild it when the areas change.
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
  }

  /** Leaf slot of the area containing (x, y), or −1. Allocation-free. */
  #slotOf(x: number, y: number): number {
    const boxes = this.#boxes;
    if (boxes.length === 0 || x !== x || y !== y) {
      return -1;
    }
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
          if (
            x < boxes[pos]! ||
            y < boxes[pos + 1]! ||
            x > boxes[pos + 2]! ||
            y > boxes[pos + 3]!
          ) {
            continue;
          }
          stack[sp++] = indices[pos >> 2]!;
          stack[sp++] = level - 1;
        }
      } else {
        for (let pos = nodeIndex; pos < end; pos += 4) {
          if (
            x < boxes[pos]! ||
            y < boxes[pos + 1]! ||
            x > boxes[pos + 2]! ||
            y > boxes[pos + 3]!
          ) {
            continue;
          }
          const slot = pos >> 2;
          if (
            pointInFlatRings(
              this.#coords,
              this.#ringStarts,
              this.#areaRings[slot]!,
              this.#areaRings[slot + 1]!,
              x,
              y,
            )
          ) {
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
      if (
        pointInFlatRings(
          this.#coords,
          this.#ringStarts,
          this.#areaRings[i]!,
          this.#areaRings[i + 1]!,
          x,
          y,
        )
      ) {
        out.push(this.#values[i]!);
      }
    }
    return out;
  }
}
