import { useEffect, useState } from 'react';

/**
 * `value` once it has held for `ms`: the first value at once, later changes only when they
 * last. For layouts chosen by screen size: a viewport that changes for an instant (a browser
 * taking a full-page screenshot sets it to 1×1 for a moment) must not remount what the layout
 * holds, and with it an open form.
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) {
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}
