import { Grid } from 'antd';
import { useMemo } from 'react';
import { useSettled } from './useSettled';

type Screens = ReturnType<typeof Grid.useBreakpoint>;

/** antd's breakpoints (px), the same as Grid.useBreakpoint. */
const BREAKPOINTS = { sm: 576, md: 768, lg: 992, xl: 1200, xxl: 1600 } as const;
const CLASSES = ['xs', 'sm', 'md', 'lg', 'xl', 'xxl'] as const;

/** How long a new screen size must last before layouts follow it. */
const SETTLE_MS = 250;

function fromWidth(w: number): Screens {
  return {
    xs: w < BREAKPOINTS.sm,
    sm: w >= BREAKPOINTS.sm,
    md: w >= BREAKPOINTS.md,
    lg: w >= BREAKPOINTS.lg,
    xl: w >= BREAKPOINTS.xl,
    xxl: w >= BREAKPOINTS.xxl,
  };
}

/**
 * The screen size classes (xs … xxl). Like antd's Grid.useBreakpoint, but right on the first
 * render too (antd answers {} until its media listeners run, and a layout that changes shape
 * on the second render remounts, and refetches, whatever it holds), and steady: a size that
 * lasts less than a quarter second (a browser taking a full-page screenshot sets the viewport
 * to 1×1 for a moment) does not reach the layouts, which would remount what they hold and lose
 * an open form.
 */
export function useScreens(): Screens {
  const raw = Grid.useBreakpoint();
  const now =
    Object.keys(raw).length > 0 || typeof window === 'undefined'
      ? raw
      : fromWidth(window.innerWidth);
  const key = CLASSES.filter((c) => now[c]).join(',');
  const settled = useSettled(key, SETTLE_MS);
  return useMemo(() => {
    const on = new Set(settled.split(','));
    return Object.fromEntries(CLASSES.map((c) => [c, on.has(c)]));
  }, [settled]);
}
