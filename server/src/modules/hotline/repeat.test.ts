import { describe, expect, it } from 'vitest';
import { distanceMeters, maskName, maskPhone, normalisePhone, pickRepeat } from './repeat';

describe(normalisePhone.name, () => {
  it.each([
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['0571-88886666', '057188886666'],
    ['', null],
    ['--', null],
  ])('%j → %j', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });
});

describe('masking', () => {
  it('masks phones as 138****5678 and names but their first character', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('****');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('王')).toBe('*');
    expect(maskName(null)).toBeNull();
  });
});

describe(pickRepeat.name, () => {
  it('links to the latest match, joins its chain, and names every reason', () => {
    expect(
      pickRepeat([
        { caseId: 'a', createdAt: 1, repeatGroup: null, reason: 'same_phone' },
        { caseId: 'b', createdAt: 5, repeatGroup: 'a', reason: 'same_place_matter' },
      ]),
    ).toEqual({ repeatOf: 'b', group: 'a', reasons: ['same_phone', 'same_place_matter'] });
    expect(
      pickRepeat([{ caseId: 'a', createdAt: 1, repeatGroup: null, reason: 'same_phone' }]),
    ).toEqual({
      repeatOf: 'a',
      group: 'a',
      reasons: ['same_phone'],
    });
    expect(pickRepeat([])).toBeNull();
  });
});

describe(distanceMeters.name, () => {
  it('measures about 96 m per 0.001° of longitude at 30°N', () => {
    expect(distanceMeters(120.1, 30.2, 120.101, 30.2)).toBeCloseTo(96.1, 0);
    expect(distanceMeters(120.1, 30.2, 120.1, 30.201)).toBeCloseTo(111.2, 0);
  });
});
