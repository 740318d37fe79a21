import type { AreaClass } from '@common/roles';
import type { AreaGeometry } from './geometry';
import type { RegionLevel } from './region-directory';

/** A region as other records name it. */
export interface RegionRef {
  id: string;
  code: string;
  name: string;
}

/**
 * Where a point lies: its unit grid and the grid's region chain. One frozen object per grid,
 * built with the index, so a lookup allocates nothing; treat it as read-only.
 */
export interface Located {
  readonly grid: { readonly code: string; readonly areaClass: AreaClass };
  readonly community: RegionRef;
  readonly street: RegionRef;
  readonly district: RegionRef;
  readonly city: RegionRef;
}

export interface RegionView {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  parentCode: string | null;
  areaClass: string | null;
}

export interface RegionTreeNode extends RegionView {
  children: RegionTreeNode[];
}

export interface RegionDetail extends RegionView {
  geometry: AreaGeometry | null;
  children: RegionView[];
}

export interface GridSummary {
  code: string;
  legacyCode: string | null;
  name: string | null;
  communityId: string;
  communityCode: string | null;
  areaClass: string;
  /** [minLng, minLat, maxLng, maxLat], WGS84. */
  bbox: [number, number, number, number];
  /** An interior point (the centroid when it lies inside), WGS84. */
  center: [number, number];
  areaM2: number;
  geometry?: AreaGeometry;
}

export interface GridDetail extends GridSummary {
  geometry: AreaGeometry;
  community: RegionRef | null;
  street: RegionRef | null;
  district: RegionRef | null;
  city: RegionRef | null;
}

export interface ComponentView {
  id: string;
  code: string;
  typeCode: string;
  gridCode: string;
  lng: number;
  lat: number;
  ownerName: string | null;
  maintainerUnitId: string | null;
  status: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** The outcome of an import that passed validation. */
export interface ImportResult {
  dryRun: boolean;
  /** Features in the file. */
  total: number;
  /** Codes that did not exist before (would not, on a dry run). */
  created: number;
  /** Codes that existed and were replaced. */
  updated: number;
}

export interface Feature<G, P> {
  type: 'Feature';
  geometry: G;
  properties: P;
}

export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

export interface RegionProperties {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  areaClass: string | null;
}

export interface GridProperties {
  code: string;
  communityCode: string;
  areaClass: string;
  name?: string;
  legacyCode?: string;
}

export interface ComponentProperties {
  code: string;
  typeCode: string;
  gridCode: string;
  ownerName?: string;
  maintainerUnitId?: string;
  status?: string;
}

export interface PointGeometry {
  type: 'Point';
  coordinates: [number, number];
}
