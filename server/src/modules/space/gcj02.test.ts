import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, outOfChina, toWgs84, wgs84ToGcj02 } from './gcj02';

describe('GCJ-02', () => {
  it('shifts points in China by a few hundred metres (known value near West Lake)', () => {
    const [lng, lat] = wgs84ToGcj02(120.15, 30.25);
    // The published offset around Hangzhou is ≈ +0.0046° lng, −0.0024° lat.
    expect(lng - 120.15).toBeGreaterThan(0.004);
    expect(lng - 120.15).toBeLessThan(0.0055);
    expect(lat - 30.25).toBeLessThan(-0.0015);
    expect(lat - 30.25).toBeGreaterThan(-0.003);
  });

  it('round-trips WGS84 → GCJ-02 → WGS84 within 1e-6 degrees across China', () => {
    let worst = 0;
    for (let lng = 73.5; lng < 135; lng += 1.37) {
      for (let lat = 18.2; lat < 53.5; lat += 0.91) {
        const [gLng, gLat] = wgs84ToGcj02(lng, lat);
        const [wLng, wLat] = gcj02ToWgs84(gLng, gLat);
        worst = Math.max(worst, Math.abs(wLng - lng), Math.abs(wLat - lat));
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('round-trips GCJ-02 → WGS84 → GCJ-02 within 1e-6 degrees', () => {
    for (const [lng, lat] of [
      [120.1546, 30.2476],
      [116.3975, 39.9087],
      [113.2644, 23.1291],
      [87.6177, 43.7928],
    ] as const) {
      const [wLng, wLat] = gcj02ToWgs84(lng, lat);
      const [gLng, gLat] = wgs84ToGcj02(wLng, wLat);
      expect(Math.abs(gLng - lng)).toBeLessThan(1e-6);
      expect(Math.abs(gLat - lat)).toBeLessThan(1e-6);
    }
  });

  it('equals WGS84 outside China', () => {
    expect(outOfChina(2.35, 48.85)).toBe(true);
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84(-74.0, 40.7)).toEqual([-74.0, 40.7]);
    expect(toWgs84(151.2, -33.9, 'gcj02')).toEqual([151.2, -33.9]);
  });

  it('toWgs84 leaves WGS84 input alone', () => {
    expect(toWgs84(120.15, 30.25, 'wgs84')).toEqual([120.15, 30.25]);
  });
});
