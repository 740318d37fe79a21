/**
 * GCJ-02 ("Mars coordinates", used by Chinese map apps: Amap/Gaode, Tencent, Apple Maps in
 * China) ↔ WGS84. Pure. The forward transform is the widely published one (Krasovsky 1940
 * ellipsoid constants); the inverse is its fixed-point iteration, accurate to ~1e-9 degrees.
 * Outside the rough bounding box of mainland China, GCJ-02 equals WGS84.
 */

export const CRS_NAMES = ['wgs84', 'gcj02'] as const;
export type Crs = (typeof CRS_NAMES)[number];

const A = 6378245.0;
const EE = 0.006693421622965943;
const PI = Math.PI;

/** True outside the box where GCJ-02 applies (then both systems coincide). */
export function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * PI) + 40.0 * Math.sin((y / 3.0) * PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * PI) + 320 * Math.sin((y * PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * PI) + 40.0 * Math.sin((x / 3.0) * PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * PI) + 300.0 * Math.sin((x / 30.0) * PI)) * 2.0) / 3.0;
  return r;
}

/** WGS84 → GCJ-02, [lng, lat] in degrees. */
export function wgs84ToGcj02(lng: number, lat: number): [number, number] {
  if (outOfChina(lng, lat)) {
    return [lng, lat];
  }
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * PI);
  return [lng + dLng, lat + dLat];
}

/**
 * GCJ-02 → WGS84 by iteration: start at the GCJ-02 point, move by the residual of the forward
 * transform until it is below 1e-10 degrees (a few iterations; capped at 30).
 */
export function gcj02ToWgs84(lng: number, lat: number): [number, number] {
  if (outOfChina(lng, lat)) {
    return [lng, lat];
  }
  let wLng = lng;
  let wLat = lat;
  for (let i = 0; i < 30; i++) {
    const [gLng, gLat] = wgs84ToGcj02(wLng, wLat);
    const eLng = gLng - lng;
    const eLat = gLat - lat;
    wLng -= eLng;
    wLat -= eLat;
    if (Math.abs(eLng) < 1e-10 && Math.abs(eLat) < 1e-10) {
      break;
    }
  }
  return [wLng, wLat];
}

/** A point given in `crs`, as WGS84. */
export function toWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  return crs === 'gcj02' ? gcj02ToWgs84(lng, lat) : [lng, lat];
}
