import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSettled } from './useSettled';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useSettled', () => {
  it('answers the first value at once, a change only once it has held', () => {
    const { result, rerender } = renderHook(({ v }) => useSettled(v, 250), {
      initialProps: { v: true },
    });
    expect(result.current).toBe(true);
    // A flip for an instant (a 1×1 viewport during a screenshot) is ignored.
    rerender({ v: false });
    act(() => {
      vi.advanceTimersByTime(50);
    });
    rerender({ v: true });
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(result.current).toBe(true);
    // A change that lasts is taken.
    rerender({ v: false });
    act(() => {
      vi.advanceTimersByTime(249);
    });
    expect(result.current).toBe(true);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(result.current).toBe(false);
  });
});
