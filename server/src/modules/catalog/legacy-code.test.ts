import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/app-error';
import type { CatalogKind, LegacyKind } from './catalog.types';
import {
  formatLegacyCode,
  legacyRuleCode,
  mapCode,
  parseCatalogCode,
  type CodeContext,
  type CodeLookup,
} from './legacy-code';
import { loadReferenceCatalog } from './reference-data';

const ref = loadReferenceCatalog();
const keys = new Set([
  ...ref.components.map((e) => `component:${e.code}`),
  ...ref.matters.map((e) => `matter:${e.code}`),
]);

function lookup(overrides: Record<string, { kind: CatalogKind; code: string }> = {}): CodeLookup {
  return {
    override: (code: string, kind: LegacyKind) => overrides[`${kind}:${code}`],
    has: (kind, code) => keys.has(`${kind}:${code}`),
  };
}

const map = (code: string, ctx: CodeContext, l = lookup()) => mapCode(code, ctx, l);

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) {
      return err;
    }
    throw err;
  }
  throw new Error('expected an error');
}

describe('parseCatalogCode', () => {
  it('reads current and legacy forms', () => {
    expect(parseCatalogCode('06010')).toEqual({
      form: 'current',
      code: '06010',
      major: 6,
      minor: 10,
    });
    expect(parseCatalogCode('0110')).toEqual({ form: 'legacy', code: '0110', major: 1, minor: 10 });
    expect(parseCatalogCode(' 01-10 ')).toEqual({
      form: 'legacy',
      code: '0110',
      major: 1,
      minor: 10,
    });
  });

  it.each([
    '1-10',
    '01100',
    'ab-cd',
    '',
    '0',
    '01--10',
    '011',
    '010100',
    '00-10',
    '01-00',
    '00010',
    '06000',
    '٠١١٠',
    '01 10',
  ])('rejects %j', (raw) => {
    expect(parseCatalogCode(raw)).toBeNull();
  });

  it('formats legacy codes the way the old standards print them', () => {
    expect(formatLegacyCode('0110')).toBe('01-10');
  });
});

describe('legacyRuleCode', () => {
  it('adds 5 to an event major and pads the minor', () => {
    expect(legacyRuleCode(parseCatalogCode('0110')!, 'event')).toBe('06010');
    expect(legacyRuleCode(parseCatalogCode('04-09')!, 'event')).toBe('09009');
  });
  it('keeps a component major and pads the minor', () => {
    expect(legacyRuleCode(parseCatalogCode('0101')!, 'component')).toBe('01001');
  });
  it('has no image for event majors above 94', () => {
    expect(legacyRuleCode(parseCatalogCode('9999')!, 'event')).toBeNull();
  });
});

describe('mapCode', () => {
  it('maps legacy event codes to matters: 01-10 → 06010, 0110 → 06010, 04-09 → 09009', () => {
    expect(map('01-10', { kind: 'matter' })).toEqual({
      kind: 'matter',
      code: '06010',
      original: '01-10',
      mappedBy: 'rule',
    });
    expect(map('0110', { kind: 'matter' })).toMatchObject({ code: '06010', original: '0110' });
    expect(map('04-09', { kind: 'matter' })).toMatchObject({ code: '09009', mappedBy: 'rule' });
    expect(map('0409', { kind: 'matter', legacyKind: 'event' })).toMatchObject({ code: '09009' });
  });

  it('maps legacy component codes: 0101 → component 01001', () => {
    expect(map('0101', { kind: 'component' })).toEqual({
      kind: 'component',
      code: '01001',
      original: '0101',
      mappedBy: 'rule',
    });
    expect(map('02-14', { kind: 'component', legacyKind: 'component' })).toMatchObject({
      code: '02014',
    });
  });

  it('reads a legacy component code in a matter context as the abnormal matter of it', () => {
    expect(map('0101', { kind: 'matter', legacyKind: 'component' })).toEqual({
      kind: 'matter',
      code: '01001',
      original: '0101',
      mappedBy: 'rule',
    });
    // The same digits as an event code are a different matter.
    expect(map('0101', { kind: 'matter' })).toMatchObject({ code: '06001' });
  });

  it('passes current codes through', () => {
    expect(map('06010', { kind: 'matter' })).toEqual({
      kind: 'matter',
      code: '06010',
      original: '06010',
      mappedBy: 'current',
    });
    expect(map('01001', { kind: 'component' })).toMatchObject({ mappedBy: 'current' });
  });

  it('lets an override win over the rule, and keeps the original', () => {
    const l = lookup({ 'event:0110': { kind: 'matter', code: '06011' } });
    expect(map('01-10', { kind: 'matter' }, l)).toEqual({
      kind: 'matter',
      code: '06011',
      original: '01-10',
      mappedBy: 'override',
    });
    // Overrides are per legacy table: the component reading is untouched.
    expect(map('0110', { kind: 'component' }, l)).toMatchObject({
      code: '01010',
      mappedBy: 'rule',
    });
  });

  it('applies a component override to the matter of that component', () => {
    const l = lookup({ 'component:0116': { kind: 'component', code: '01017' } });
    expect(map('0116', { kind: 'component' }, l)).toMatchObject({
      code: '01017',
      mappedBy: 'override',
    });
    expect(map('01-16', { kind: 'matter', legacyKind: 'component' }, l)).toMatchObject({
      kind: 'matter',
      code: '01017',
      mappedBy: 'override',
    });
  });

  it.each(['1-10', '01100', 'ab-cd', '', '01-1O'])('rejects %j as CATALOG_CODE_INVALID', (raw) => {
    const err = errorOf(() => map(raw, { kind: 'matter', path: 'body.matterCode' }));
    expect(err.code).toBe('CATALOG_CODE_INVALID');
    expect(err.details).toEqual([expect.objectContaining({ path: 'body.matterCode' })]);
  });

  it('rejects a legacy event table for a component code', () => {
    const err = errorOf(() => map('0101', { kind: 'component', legacyKind: 'event' }));
    expect(err.code).toBe('CATALOG_CODE_INVALID');
  });

  const unmappable: [string, CodeContext][] = [
    ['9999', { kind: 'matter' }],
    ['99-99', { kind: 'component' }],
    ['0160', { kind: 'matter' }],
    ['0116', { kind: 'component' }],
    ['0599', { kind: 'matter', legacyKind: 'component' }],
  ];
  it.each(unmappable)('names %s as CATALOG_CODE_UNMAPPABLE (%o)', (raw, ctx) => {
    const err = errorOf(() => map(raw, ctx));
    expect(err.code).toBe('CATALOG_CODE_UNMAPPABLE');
    expect(err.message).toContain(raw);
  });

  it('reports an override to a missing entry as unmappable', () => {
    const l = lookup({ 'event:0110': { kind: 'matter', code: '06099' } });
    const err = errorOf(() => map('0110', { kind: 'matter' }, l));
    expect(err.code).toBe('CATALOG_CODE_UNMAPPABLE');
    expect(err.message).toContain('06099');
  });

  it('reports an unknown current code as CATALOG_ENTRY_NOT_FOUND', () => {
    expect(errorOf(() => map('06099', { kind: 'matter' })).code).toBe('CATALOG_ENTRY_NOT_FOUND');
    // 06010 is a matter, not a component.
    expect(errorOf(() => map('06010', { kind: 'component' })).code).toBe('CATALOG_ENTRY_NOT_FOUND');
  });
});
