import type { RegionLevel, RegionNode } from '../../../api/types';

export interface RegionTreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: RegionTreeOption[];
}

/**
 * The region tree as TreeSelect data; with `levels`, only regions of those levels can be
 * picked (the others stay visible to find them).
 */
export function regionTreeOptions(
  tree: readonly RegionNode[],
  levels?: readonly RegionLevel[],
): RegionTreeOption[] {
  return tree.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: levels ? !levels.includes(n.level) : false,
    children: n.children.length > 0 ? regionTreeOptions(n.children, levels) : undefined,
  }));
}

/** Grid codes typed or pasted in any way (commas, spaces, new lines) → unique 15-digit codes. */
export function parseGridCodes(text: string): { codes: string[]; invalid: string[] } {
  const parts = text.split(/[\s,，;；]+/).filter(Boolean);
  const codes = [...new Set(parts.filter((p) => /^\d{15}$/.test(p)))];
  const invalid = parts.filter((p) => !/^\d{15}$/.test(p));
  return { codes, invalid };
}
