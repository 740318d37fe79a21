import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, type CSSProperties } from 'react';
import type { BBox, MapPoint, MapShape } from './mapTypes';

export interface MapViewProps {
  /** Background outlines drawn first and not clickable (district, streets, communities). */
  baseShapes?: readonly MapShape[];
  /** Shapes drawn over the base (grids, highlights). */
  shapes?: readonly MapShape[];
  points?: readonly MapPoint[];
  /** Optional raster tiles ({z}/{x}/{y}); without one the map shows our own layers only. */
  tileUrl?: string | null;
  /** What to show: a box, or the union of the shapes and points ('content'). */
  fit?: BBox | 'content' | 'base';
  /** Changing this key refits the view (e.g. another case was selected). */
  fitKey?: string;
  /** Largest zoom when fitting (a single point would otherwise zoom in all the way). */
  fitMaxZoom?: number;
  /** A click on the map (not on a point): longitude, latitude in WGS84. */
  onMapClick?: (lng: number, lat: number) => void;
  height?: number | string;
  style?: CSSProperties;
  /** Accessible name of the map region. */
  label?: string;
  testId?: string;
}

const DEFAULT_SHAPE = { color: '#1f6feb', weight: 1, fillOpacity: 0.08 };

function shapeLayer(s: MapShape, interactive: boolean): L.GeoJSON {
  const layer = L.geoJSON(
    { type: 'Feature', geometry: s.geometry, properties: {} } as GeoJSON.Feature,
    { style: { ...DEFAULT_SHAPE, ...s.style }, interactive },
  );
  if (s.tooltip) {
    layer.bindTooltip(s.tooltip, { sticky: true });
  }
  if (s.onClick) {
    const handler = s.onClick;
    layer.on('click', () => handler());
  }
  return layer;
}

function pointLayer(p: MapPoint): L.CircleMarker {
  // Circle markers are vectors: no marker images to bundle or fetch.
  const m = L.circleMarker([p.lat, p.lng], {
    radius: p.radius ?? 8,
    color: '#ffffff',
    weight: 2,
    fillColor: p.color ?? '#d4380d',
    fillOpacity: 0.95,
  });
  if (p.tooltip) {
    m.bindTooltip(p.tooltip, { permanent: p.label ?? false, direction: 'top', offset: [0, -8] });
  }
  if (p.onClick) {
    const handler = p.onClick;
    m.on('click', (e) => {
      L.DomEvent.stopPropagation(e);
      handler();
    });
  }
  return m;
}

function boundsOf(groups: L.FeatureGroup[]): L.LatLngBounds | null {
  let b: L.LatLngBounds | null = null;
  for (const g of groups) {
    const gb = g.getLayers().length > 0 ? g.getBounds() : null;
    if (gb?.isValid()) {
      b = b ? b.extend(gb) : L.latLngBounds(gb.getSouthWest(), gb.getNorthEast());
    }
  }
  return b;
}

/**
 * The one wrapper around Leaflet. Works without the internet: no default tile layer, our own
 * GeoJSON layers on a plain background, and an optional tile URL from the server's config.
 */
export function MapView({
  baseShapes,
  shapes,
  points,
  tileUrl,
  fit = 'content',
  fitKey,
  fitMaxZoom = 17,
  onMapClick,
  height = 360,
  style,
  label,
  testId,
}: MapViewProps) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const groups = useRef<{ base: L.FeatureGroup; shapes: L.FeatureGroup; points: L.FeatureGroup }>(
    null,
  );
  const clickRef = useRef(onMapClick);
  clickRef.current = onMapClick;

  useEffect(() => {
    if (!el.current) {
      return;
    }
    const m = L.map(el.current, {
      attributionControl: false,
      zoomSnap: 0.5,
      minZoom: 3,
      maxZoom: 19,
      center: [30.25, 120.15],
      zoom: 12,
    });
    const base = L.featureGroup().addTo(m);
    const sh = L.featureGroup().addTo(m);
    const pts = L.featureGroup().addTo(m);
    groups.current = { base, shapes: sh, points: pts };
    m.on('click', (e: L.LeafletMouseEvent) => clickRef.current?.(e.latlng.lng, e.latlng.lat));
    map.current = m;
    const ro = new ResizeObserver(() => m.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      m.remove();
      map.current = null;
      groups.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !tileUrl) {
      return;
    }
    const layer = L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(m);
    layer.bringToBack();
    return () => {
      layer.remove();
    };
  }, [tileUrl]);

  useEffect(() => {
    const g = groups.current;
    if (!g) {
      return;
    }
    g.base.clearLayers();
    for (const s of baseShapes ?? []) {
      g.base.addLayer(shapeLayer(s, Boolean(s.tooltip)));
    }
  }, [baseShapes]);

  useEffect(() => {
    const g = groups.current;
    if (!g) {
      return;
    }
    g.shapes.clearLayers();
    for (const s of shapes ?? []) {
      g.shapes.addLayer(shapeLayer(s, true));
    }
  }, [shapes]);

  useEffect(() => {
    const g = groups.current;
    if (!g) {
      return;
    }
    g.points.clearLayers();
    for (const p of points ?? []) {
      g.points.addLayer(pointLayer(p));
    }
    g.points.bringToFront();
  }, [points]);

  // Fit once the content is there, and again whenever fitKey changes.
  const fitted = useRef<string | undefined>(undefined);
  const hasContent =
    (fit === 'base' ? baseShapes?.length : (shapes?.length ?? 0) + (points?.length ?? 0)) ?? 0;
  useEffect(() => {
    const m = map.current;
    const g = groups.current;
    if (!m || !g) {
      return;
    }
    const key = `${fitKey ?? ''}|${Array.isArray(fit) ? fit.join(',') : fit}`;
    if (fitted.current === key) {
      return;
    }
    let b: L.LatLngBounds | null;
    if (Array.isArray(fit)) {
      b = L.latLngBounds([fit[1], fit[0]], [fit[3], fit[2]]);
    } else if (fit === 'base') {
      b = boundsOf([g.base]);
    } else {
      b = boundsOf([g.shapes, g.points]) ?? boundsOf([g.base]);
    }
    if (b) {
      // Not animated: a second fit during the animation would be dropped, and vector layers
      // added meanwhile would stay clipped to the old view.
      m.fitBounds(b, { padding: [24, 24], maxZoom: fitMaxZoom, animate: false });
      fitted.current = key;
    }
  }, [fit, fitKey, fitMaxZoom, hasContent, baseShapes]);

  return (
    <div
      ref={el}
      role="region"
      aria-label={label}
      data-testid={testId}
      style={{
        height,
        width: '100%',
        borderRadius: 8,
        background: '#eef2f6',
        cursor: onMapClick ? 'crosshair' : undefined,
        zIndex: 0,
        ...style,
      }}
    />
  );
}
