import { describe, expect, it } from 'vitest';
import type { RegionNode } from '../../../api/types';
import { parseGridCodes, regionTreeOptions } from './regionOptions';

const node = (id: string, level: RegionNode['level'], children: RegionNode[] = []): RegionNode => ({
  id,
  code: id,
  name: `n-${id}`,
  level,
  parentId: null,
  parentCode: null,
  areaClass: null,
  children,
});

describe(regionTreeOptions.name, () => {
  it('keeps the tree and lets only the asked levels be picked', () => {
    const opts = regionTreeOptions(
      [node('c', 'city', [node('d', 'district', [node('s', 'street')])])],
      ['street'],
    );
    expect(opts[0]?.disabled).toBe(true);
    expect(opts[0]?.children?.[0]?.disabled).toBe(true);
    expect(opts[0]?.children?.[0]?.children?.[0]).toEqual({
      value: 's',
      title: 'n-s',
      disabled: false,
      children: undefined,
    });
  });
});

describe(parseGridCodes.name, () => {
  it('reads pasted grid codes and reports the rest', () => {
    expect(parseGridCodes('339901001001001, 339901001001002\n339901001001001；12345')).toEqual({
      codes: ['339901001001001', '339901001001002'],
      invalid: ['12345'],
    });
  });
});
