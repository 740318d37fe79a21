import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNext } from './safeNext';

describe(safeNext.name, () => {
  it('keeps paths of this site', () => {
    expect(safeNext('/cases/1?tab=x')).toBe('/cases/1?tab=x');
  });

  it('refuses other sites and the login page', () => {
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/\\evil')).toBeNull();
    expect(safeNext('/login?next=/x')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});

describe(loginPathFor.name, () => {
  it('carries the intended route', () => {
    expect(loginPathFor('/dispatch', '?case=1')).toBe('/login?next=%2Fdispatch%3Fcase%3D1');
    expect(loginPathFor('/', '')).toBe('/login');
  });
});
