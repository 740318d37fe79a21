import type { Insertable, Selectable } from 'kysely';

/** city → district → street → community. `code` is the administrative code (6/6/9/12 digits). */
export interface RegionTable {
  id: string;
  code: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community';
  parent_id: string | null;
  /** GeoJSON Polygon or MultiPolygon (WGS84), as JSON text; null when not drawn. */
  geometry: string | null;
  area_class: string | null;
  created_at: number;
  updated_at: number;
}

/** A unit grid (单元网格), keyed by its 15-character standard code. */
export interface GridTable {
  code: string;
  /** The 14-character code the grid was imported with, if any. */
  legacy_code: string | null;
  /** Optional display name (migration 000400). */
  name: string | null;
  community_id: string;
  area_class: string;
  geometry: string;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  center_lng: number;
  center_lat: number;
  area_m2: number;
  created_at: number;
  updated_at: number;
}

/** A component (管理部件): a long-lived asset placed in a grid. */
export interface ComponentTable {
  id: string;
  /** Identifier: 6-digit county code + 5-digit component type + 6-digit sequence. */
  code: string;
  type_code: string;
  grid_code: string;
  lng: number;
  lat: number;
  owner_name: string | null;
  maintainer_unit_id: string | null;
  status: string;
  created_at: number;
}

export interface SpaceTables {
  region: RegionTable;
  grid: GridTable;
  component: ComponentTable;
}

export type RegionRow = Selectable<RegionTable>;
export type NewRegionRow = Insertable<RegionTable>;
export type GridRow = Selectable<GridTable>;
export type NewGridRow = Insertable<GridTable>;
export type ComponentRow = Selectable<ComponentTable>;
export type NewComponentRow = Insertable<ComponentTable>;
