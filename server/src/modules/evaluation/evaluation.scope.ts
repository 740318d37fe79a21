/**
 * Jurisdiction over rollups. A case query filters case rows by the user's scope; rollups are
 * already summed, so the scope picks which rows may be read instead:
 * - area kinds (district, street, community, grid): the keys inside the user's region (a grid's
 *   code starts with its street's and district's codes, GB/T 30428.1);
 * - kinds whose key says nothing about the region (unit, persons, matter, source, H3): the
 *   scoped copy of the user's district ('kind@d', key 'districtId|…') or street ('kind@s');
 * - a unit-scoped user sees their own unit's figures only.
 * Anything else is out of scope (AUTH_OUT_OF_SCOPE).
 */
import { appError } from '../../lib/app-error';
import type { ActorScope } from '../auth/actor';
import type { RegionDirectory } from '../space/region-directory';
import { scopedKind, type AreaKind } from './facts';

export type ScopeView =
  | { level: 'city' }
  | { level: 'district' | 'street'; regionId: string; code: string }
  | { level: 'unit'; unitId: string };

/** How to read one dimension kind within a scope. */
export interface ScopedRead {
  /** The rollup kind to read. */
  kind: string;
  /** Only these keys (full keys as stored). */
  keys?: string[];
  /** Only keys with this prefix. */
  keyPrefix?: string;
  /** Characters to strip from the stored key to get the dimension key ('regionId|'). */
  strip: number;
}

/** Never matches a real key: a scope whose region is unknown sees nothing. */
const NOTHING = '\u0000';

export function scopeViewOf(scope: ActorScope, regions: RegionDirectory): ScopeView {
  switch (scope.level) {
    case 'city':
      return { level: 'city' };
    case 'district':
    case 'street': {
      const id = scope.regionId ?? NOTHING;
      return { level: scope.level, regionId: id, code: regions.byId(id)?.code ?? NOTHING };
    }
    case 'unit':
      return { level: 'unit', unitId: scope.unitId ?? NOTHING };
  }
}

function outOfScope(what: string): never {
  throw appError('AUTH_OUT_OF_SCOPE', `${what} lies outside your jurisdiction`);
}

/**
 * The read of a kind whose key does not imply a region.
 * @throws AUTH_OUT_OF_SCOPE for a unit-scoped user and anything but their unit
 */
export function regionlessRead(kind: string, sv: ScopeView): ScopedRead {
  switch (sv.level) {
    case 'city':
      return { kind, strip: 0 };
    case 'district':
    case 'street': {
      const prefix = `${sv.regionId}|`;
      return { kind: scopedKind(kind, sv.level), keyPrefix: prefix, strip: prefix.length };
    }
    case 'unit':
      if (kind === 'unit') {
        return { kind, keys: [sv.unitId], strip: 0 };
      }
      return outOfScope(`The ${kind} dimension`);
  }
}

/**
 * The read of an area kind: the areas inside the scope.
 * @throws AUTH_OUT_OF_SCOPE for an area level above the user's region, or a unit scope
 */
export function areaRead(kind: AreaKind, sv: ScopeView, regions: RegionDirectory): ScopedRead {
  if (sv.level === 'city') {
    return { kind, strip: 0 };
  }
  if (sv.level === 'unit') {
    return outOfScope('An area');
  }
  if (kind === 'grid') {
    return { kind, keyPrefix: sv.code, strip: 0 };
  }
  const inside = regions
    .descendantIds(sv.regionId)
    .filter((id) => regions.byId(id)?.level === kind);
  if (inside.length === 0 && (kind === 'city' || kind === 'district')) {
    return outOfScope(`The ${kind} level`);
  }
  return { kind, keys: inside, strip: 0 };
}

/** True when an area key (region id or grid code) lies inside the scope. */
export function areaKeyInScope(
  kind: AreaKind,
  key: string,
  sv: ScopeView,
  regions: RegionDirectory,
): boolean {
  if (sv.level === 'city') {
    return true;
  }
  if (sv.level === 'unit') {
    return false;
  }
  if (kind === 'grid') {
    return key.startsWith(sv.code);
  }
  return regions.descendantIds(sv.regionId).includes(key);
}
