import type { RegionRow } from './space.table';

export type RegionLevel = RegionRow['level'];

export interface RegionNode {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  areaClass: string | null;
}

/** A region's chain from the city down to itself, keyed by level. */
export interface RegionChain {
  city: RegionNode | null;
  district: RegionNode | null;
  street: RegionNode | null;
  community: RegionNode | null;
}

/**
 * The region tree held in memory (a city has hundreds of regions, not millions): chains,
 * descendants and lookups without a query. Rebuilt whenever regions change.
 */
export class RegionDirectory {
  readonly #byId = new Map<string, RegionNode>();
  readonly #byCode = new Map<string, RegionNode>();
  readonly #children = new Map<string, string[]>();

  constructor(
    rows: readonly Pick<RegionRow, 'id' | 'code' | 'name' | 'level' | 'parent_id' | 'area_class'>[],
  ) {
    for (const r of rows) {
      const node: RegionNode = {
        id: r.id,
        code: r.code,
        name: r.name,
        level: r.level,
        parentId: r.parent_id,
        areaClass: r.area_class,
      };
      this.#byId.set(r.id, node);
      this.#byCode.set(r.code, node);
      if (r.parent_id) {
        const list = this.#children.get(r.parent_id) ?? [];
        list.push(r.id);
        this.#children.set(r.parent_id, list);
      }
    }
  }

  get size(): number {
    return this.#byId.size;
  }

  byId(id: string): RegionNode | undefined {
    return this.#byId.get(id);
  }

  byCode(code: string): RegionNode | undefined {
    return this.#byCode.get(code);
  }

  all(): RegionNode[] {
    return [...this.#byId.values()];
  }

  children(id: string): RegionNode[] {
    return (this.#children.get(id) ?? []).map((c) => this.#byId.get(c)!);
  }

  /** The chain city → … → the region itself. */
  chain(id: string): RegionChain {
    const chain: RegionChain = { city: null, district: null, street: null, community: null };
    let node = this.#byId.get(id);
    let guard = 0;
    while (node && guard++ < 16) {
      chain[node.level] = node;
      node = node.parentId ? this.#byId.get(node.parentId) : undefined;
    }
    return chain;
  }

  /** The region and every region below it. */
  descendantIds(id: string): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const cur = stack.pop()!;
      if (!this.#byId.has(cur)) {
        continue;
      }
      out.push(cur);
      stack.push(...(this.#children.get(cur) ?? []));
    }
    return out;
  }

  /** The top region (the city), if any. */
  root(): RegionNode | undefined {
    for (const n of this.#byId.values()) {
      if (n.parentId === null) {
        return n;
      }
    }
    return undefined;
  }
}
