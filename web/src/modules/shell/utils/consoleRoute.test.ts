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
    const clerk = ids(['intake_clerk']);
    expect(clerk).toEqual(expect.arrayContaining(['intake', 'new-report', 'imports', 'cases']));
    expect(clerk.indexOf('intake')).toBeLessThan(clerk.indexOf('cases'));
    expect(clerk.indexOf('new-report')).toBeLessThan(clerk.indexOf('imports'));
    expect(clerk).not.toContain('dispatch');
    expect(clerk).not.toContain('inbox');
    expect(ids(['dispatcher'])).toEqual(expect.arrayContaining(['dispatch', 'cases']));
    expect(ids(['dispatcher'])).not.toContain('intake');
    expect(ids(['dispatcher'])).not.toContain('imports');
    expect(ids(['unit_staff'])).toEqual(expect.arrayContaining(['inbox', 'cases']));
    expect(ids(['unit_staff'])).not.toContain('dispatch');
    expect(ids(['dispatcher', 'shift_leader'])).toEqual(
      expect.arrayContaining(['intake', 'new-report', 'dispatch', 'cases']),
    );
  });

  it('lands each role on its workspace', () => {
    expect(homePathFor(CONSOLE_ROUTES, ['intake_clerk'])).toBe('/intake');
    expect(homePathFor(CONSOLE_ROUTES, ['shift_leader'])).toBe('/intake');
    expect(homePathFor(CONSOLE_ROUTES, ['dispatcher'])).toBe('/dispatch');
    expect(homePathFor(CONSOLE_ROUTES, ['unit_leader'])).toBe('/inbox');
  });

  it('keeps workspaces from other roles', () => {
    const dispatch = CONSOLE_ROUTES.find((r) => r.id === 'dispatch')!;
    expect(mayOpen(dispatch, ['unit_staff'])).toBe(false);
    expect(mayOpen(dispatch, ['dispatcher'])).toBe(true);
  });
});
