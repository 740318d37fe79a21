/** GeoJSON polygon geometry as the API sends it (WGS84 longitude, latitude). */
export type PolygonGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** Stroke and fill of a shape on the map. */
export interface ShapeStyle {
  color?: string;
  weight?: number;
  opacity?: number;
  fillColor?: string;
  fillOpacity?: number;
  dashArray?: string;
}

/** A polygon layer: a region outline, a unit grid, a hotspot. */
export interface MapShape {
  id: string;
  geometry: PolygonGeometry;
  style?: ShapeStyle;
  /** Shown on hover. */
  tooltip?: string;
  onClick?: () => void;
}

/** A point: a case, a picked location. */
export interface MapPoint {
  id: string;
  lng: number;
  lat: number;
  color?: string;
  /** Radius in pixels (default 8). */
  radius?: number;
  tooltip?: string;
  /** Keep the tooltip open (a label) rather than on hover. */
  label?: boolean;
  onClick?: () => void;
}

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];
