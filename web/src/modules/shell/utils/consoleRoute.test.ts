import { describe, expect, it } from 'vitest';
import { CONSOLE_ROUTES } from '../../../app/routes';
import { homePathFor, mayOpen, navRoutesFor } from './consoleRoute';

describe('route registry', () => {
  it('has unique ids and paths', () => {
    expect(new Set(CONSOLE_ROUTES.map((r) => r.id)).size).toBe(CONSOLE_ROUTES.length);
    expect(new Set(CONSOLE_ROUTES.map((r) => r.path)).size).toBe(CONSOLE_ROUTES.length);
  });

  it('gives each role its own menu', () => {
    const ids = (roles: Parameters<typeof navRoutesFor>[1]) =>
      navRoutesFor(CONSOLE_ROUTES, roles).map((r) => r.id);
    expect(ids(['intake_clerk'])).toEqual(['intake', 'new-report', 'cases']);
    expect(ids(['dispatcher'])).toEqual(['dispatch', 'cases']);
    expect(ids(['unit_staff'])).toEqual(['inbox', 'cases']);
    expect(ids(['dispatcher', 'shift_leader'])).toEqual(['intake', 'new-report', 'dispatch', 'cases']);
  });

  it('lands each role on its workspace', () => {
    expect(homePathFor(CONSOLE_ROUTES, ['intake_clerk'])).toBe('/intake');
    expect(homePathFor(CONSOLE_ROUTES, ['shift_leader'])).toBe('/intake');
    expect(homePathFor(CONSOLE_ROUTES, ['dispatcher'])).toBe('/dispatch');
    expect(homePathFor(CONSOLE_ROUTES, ['unit_leader'])).toBe('/inbox');
    expect(homePathFor(CONSOLE_ROUTES, ['bureau_leader'])).toBe('/cases');
  });

  it('keeps workspaces from other roles', () => {
    const dispatch = CONSOLE_ROUTES.find((r) => r.id === 'dispatch')!;
    expect(mayOpen(dispatch, ['unit_staff'])).toBe(false);
    expect(mayOpen(dispatch, ['dispatcher'])).toBe(true);
  });
});
