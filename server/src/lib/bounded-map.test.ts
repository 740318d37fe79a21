import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoundedMap } from './bounded-map';

describe(BoundedMap.name, () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps at most maxSize entries, dropping the oldest first', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    m.set('a', 3); // an update makes no room
    m.set('c', 4);
    expect([m.get('a'), m.get('b'), m.get('c')]).toEqual([undefined, 2, 4]);
  });

  it('forgets an entry after its time, and what a caller drops', () => {
    let t = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => t);
    const m = new BoundedMap<string, { user: string }>(10, 60_000);
    m.set('s1', { user: 'u1' });
    m.set('s2', { user: 'u2' });
    m.set('s3', { user: 'u1' });
    t += 59_999;
    expect(m.has('s1')).toBe(true);
    m.deleteWhere((v) => v.user === 'u1');
    expect([m.has('s1'), m.has('s2'), m.has('s3')]).toEqual([false, true, false]);
    t += 1;
    expect(m.get('s2')).toBeUndefined();
  });
});
