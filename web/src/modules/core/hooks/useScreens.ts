import { Grid } from 'antd';

type Screens = ReturnType<typeof Grid.useBreakpoint>;

/** antd's breakpoints (px), the same as Grid.useBreakpoint. */
const BREAKPOINTS = { sm: 576, md: 768, lg: 992, xl: 1200, xxl: 1600 } as const;

/**
 * The screen size classes (xs … xxl). Like antd's Grid.useBreakpoint, but right on the first
 * render too: antd answers {} until its media listeners run, and a layout that changes shape
 * on the second render remounts (and refetches) whatever it holds.
 */
export function useScreens(): Screens {
  const screens = Grid.useBreakpoint();
  if (Object.keys(screens).length > 0 || typeof window === 'undefined') {
    return screens;
  }
  const w = window.innerWidth;
  return {
    xs: w < BREAKPOINTS.sm,
    sm: w >= BREAKPOINTS.sm,
    md: w >= BREAKPOINTS.md,
    lg: w >= BREAKPOINTS.lg,
    xl: w >= BREAKPOINTS.xl,
    xxl: w >= BREAKPOINTS.xxl,
  };
}
