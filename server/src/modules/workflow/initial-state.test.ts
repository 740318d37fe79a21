import type { CaseSource } from '@common/workflow';
import { CASE_SOURCES } from '@common/workflow';
import { describe, expect, it } from 'vitest';
import type { InitialState } from './initial-state';
import { initialState } from './initial-state';

describe(initialState.name, () => {
  it.each<[CaseSource, boolean, InitialState]>([
    ['public', true, 'verifying'],
    ['hotline', true, 'verifying'],
    ['open311', true, 'verifying'],
    ['public', false, 'reported'],
    ['hotline', false, 'reported'],
    ['open311', false, 'reported'],
    ['sensor', true, 'reported'],
    ['sensor', false, 'reported'],
    ['inspector', true, 'pending_register'],
    ['inspector', false, 'pending_register'],
    ['import', true, 'pending_register'],
    ['import', false, 'pending_register'],
  ])('%s with gridHasInspector=%s starts in %s', (source, gridHasInspector, expected) => {
    expect(initialState(source, { gridHasInspector })).toBe(expected);
  });

  it('covers every source', () => {
    for (const source of CASE_SOURCES) {
      expect(['reported', 'verifying', 'pending_register']).toContain(
        initialState(source, { gridHasInspector: true }),
      );
    }
  });
});
