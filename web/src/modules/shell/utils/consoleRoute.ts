import type { Role } from '@common/roles';
import type { ComponentType, ReactNode } from 'react';
import type { LocalizedText } from '../../i18n/utils/messages';

/**
 * Where a page is shown: inside the console frame (menu, header), full screen for a signed-in
 * user (the command centre's big screen), or public without a session (login, portal).
 */
export type RouteLayout = 'console' | 'fullscreen' | 'public';

/** One entry of the route registry (src/app/routes.tsx). */
export interface ConsoleRoute {
  /** Stable id: menu key and test hook. */
  id: string;
  /** react-router path, e.g. '/cases/:id'. */
  path: string;
  layout: RouteLayout;
  /** Who may open the page; 'any' = every signed-in user (ignored for public pages). */
  roles: readonly Role[] | 'any';
  /** The page component, loaded on first visit: each page is its own chunk. */
  load: () => Promise<ComponentType>;
  /** Page title (browser tab, header). */
  title: LocalizedText;
  /** Shown in the side menu, in `order`, to users who may open it. */
  nav?: { icon: ReactNode; order: number };
  /** The page is the landing page of these roles (first match in registry order wins). */
  home?: readonly Role[];
}

/** True when a user with `roles` may open the route. */
export function mayOpen(route: Pick<ConsoleRoute, 'roles'>, roles: readonly Role[]): boolean {
  return route.roles === 'any' || route.roles.some((r) => roles.includes(r));
}

/** Side-menu entries for a user, in menu order. */
export function navRoutesFor(
  routes: readonly ConsoleRoute[],
  roles: readonly Role[],
): ConsoleRoute[] {
  return routes
    .filter((r) => r.nav && r.layout !== 'public' && mayOpen(r, roles))
    .sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0));
}

/** The landing page of a user: their role's home, else their first menu entry, else '/cases'. */
export function homePathFor(routes: readonly ConsoleRoute[], roles: readonly Role[]): string {
  const home = routes.find((r) => r.home?.some((x) => roles.includes(x)) && mayOpen(r, roles));
  return home?.path ?? navRoutesFor(routes, roles)[0]?.path ?? '/cases';
}
