import { describe, expect, it } from 'vitest';
import { distanceM, findDuplicates, searchBox, textSimilarity } from './duplicates';
import { searchTokens } from './search-tokens';

describe('searchBox', () => {
  it('holds every point within the radius, at any latitude and bearing', () => {
    for (const lat of [-60, -23.5, 0, 22.5, 31.2, 45.8, 60]) {
      const lng = 121.4;
      const box = searchBox(lng, lat, 100);
      for (let bearing = 0; bearing < 360; bearing += 7.5) {
        // A point 99.9 m away (spherical destination formula).
        const R = 6_371_008.8;
        const d = 99.9 / R;
        const b = (bearing * Math.PI) / 180;
        const p1 = (lat * Math.PI) / 180;
        const l1 = (lng * Math.PI) / 180;
        const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
        const l2 =
          l1 +
          Math.atan2(
            Math.sin(b) * Math.sin(d) * Math.cos(p1),
            Math.cos(d) - Math.sin(p1) * Math.sin(p2),
          );
        const [x, y] = [(l2 * 180) / Math.PI, (p2 * 180) / Math.PI];
        expect(distanceM(lng, lat, x, y)).toBeLessThan(100);
        expect(x >= box.minLng && x <= box.maxLng && y >= box.minLat && y <= box.maxLat).toBe(true);
      }
      // And not much more: a point 150 m north is outside.
      expect(lat + 150 / 111_000 > box.maxLat).toBe(true);
    }
  });
});

describe('findDuplicates', () => {
  const at = Date.parse('2026-11-21T09:00:00+08:00');
  const probe = { matterCode: '06010', lng: 121.4, lat: 31.2, description: '北门井盖缺失', at };
  const descriptions = new Map<string, string>();
  const near = (
    o: Partial<Parameters<typeof findDuplicates>[1][number]> & { description?: string },
  ) => {
    const { description = '北门井盖缺失', ...rest } = o;
    const c = {
      id: 'x',
      matter_code: '06010',
      lng: 121.4,
      lat: 31.2,
      created_at: at - 3_600_000,
      ...rest,
    };
    descriptions.set(c.id, description);
    return c;
  };
  const tokensOf = (id: string) => new Set(searchTokens(descriptions.get(id) ?? ''));

  it('ranks by place, time and text, and rules out another known matter', () => {
    const out = findDuplicates(
      probe,
      [
        near({ id: 'same' }),
        near({ id: 'far', lng: 121.402 }), // ~190 m east
        near({ id: 'other-matter', matter_code: '01010' }),
        near({ id: 'old', created_at: at - 80 * 3_600_000 }),
        near({ id: 'other-text', lat: 31.2005, description: '路灯不亮' }),
      ],
      tokensOf,
    );
    expect(out.map((c) => c.id)).toEqual(['same']);
    expect(out[0]!.reason).toEqual({
      distanceM: 0,
      hoursApart: 1,
      textSimilarity: 1,
      sameMatter: true,
    });
  });

  it('compares text through the same tokens either way', () => {
    expect(textSimilarity('北门井盖缺失', '井盖缺失')).toBeCloseTo(3 / 5);
    expect(textSimilarity('井盖缺失', '北门井盖缺失')).toBeCloseTo(3 / 5);
  });
});
