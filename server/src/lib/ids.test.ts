import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a version-7, variant-1 UUID carrying the time, in creation order', () => {
    const at = Date.UTC(2026, 10, 21, 9, 30);
    const ids = Array.from({ length: 1000 }, () => uuidv7(at));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBeGreaterThanOrEqual(at);
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('never repeats, across many refills of its random pool', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => uuidv7()));
    expect(ids.size).toBe(20_000);
    // The random tails differ too (not only the counter): no two share their last 12 digits.
    expect(new Set([...ids].map((id) => id.slice(-12))).size).toBe(20_000);
  });
});
