import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/app-error';
import {
  checkComponentCode,
  checkGridCode,
  checkRegionCode,
  impliedParentCode,
  inferRegionLevel,
  isProvincePrefix,
  parseGridCode,
} from './codes';

describe('checkGridCode', () => {
  it('accepts a 15-digit code and takes it apart', () => {
    expect(checkGridCode('339901001002017')).toEqual({
      ok: true,
      value: {
        code: '339901001002017',
        legacyCode: null,
        countyCode: '339901',
        streetCode: '339901001',
        communityCode: '339901001002',
        sequence: '017',
      },
    });
  });

  it('names the position, the character and the part of a bad digit', () => {
    const r = checkGridCode('3399010A1002017');
    expect(r).toEqual({
      ok: false,
      message:
        'Grid code "3399010A1002017" is invalid: character 8 (\'A\', in the street code) is not a digit',
    });
    expect(checkGridCode('33990100100201O')).toMatchObject({
      message: expect.stringContaining("character 15 ('O', in the sequence) is not a digit"),
    });
    expect(checkGridCode('33990100１002017')).toMatchObject({
      message: expect.stringContaining("character 9 ('１', in the street code)"),
    });
  });

  it('rejects wrong lengths, saying what a grid code is made of', () => {
    expect(checkGridCode('33990100100201')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/has 14 characters; a unit grid code has 15: 6-digit county/),
    });
    expect(checkGridCode('3399010010020170')).toMatchObject({ ok: false });
    expect(checkGridCode('')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/missing/),
    });
    expect(checkGridCode(339901001002017)).toMatchObject({ ok: false });
  });

  it('rejects a county code outside every province', () => {
    expect(checkGridCode('999901001002017')).toMatchObject({
      ok: false,
      message: expect.stringContaining('county code 999901 does not start with a province code'),
    });
    for (const p of [
      '10',
      '16',
      '20',
      '24',
      '30',
      '38',
      '40',
      '47',
      '55',
      '60',
      '66',
      '70',
      '72',
      '80',
      '83',
      '90',
    ]) {
      expect(isProvincePrefix(p)).toBe(false);
    }
    for (const p of [
      '11',
      '15',
      '21',
      '23',
      '31',
      '37',
      '41',
      '46',
      '50',
      '54',
      '61',
      '65',
      '71',
      '81',
      '82',
    ]) {
      expect(isProvincePrefix(p)).toBe(true);
    }
  });

  it('rejects sequence 000', () => {
    expect(checkGridCode('339901001002000')).toMatchObject({
      ok: false,
      message: expect.stringContaining('sequence 000 is not allowed'),
    });
  });

  it('checks the code against its community when known', () => {
    expect(checkGridCode('339901001002017', { communityCode: '339901001002' }).ok).toBe(true);
    expect(checkGridCode('339901001002017', { communityCode: '339901001003' })).toEqual({
      ok: false,
      message:
        'Grid code "339901001002017" does not belong to community 339901001003: its first 12 digits are 339901001002',
    });
  });

  it('maps a 14-character legacy code (6+3+3+2) to 15 by padding the sequence, on import only', () => {
    expect(checkGridCode('33990100100207', { allowLegacy: true })).toEqual({
      ok: true,
      value: {
        code: '339901001002007',
        legacyCode: '33990100100207',
        countyCode: '339901',
        streetCode: '339901001',
        communityCode: '339901001002',
        sequence: '007',
      },
    });
    expect(checkGridCode('33990100100200', { allowLegacy: true })).toMatchObject({
      ok: false,
      message: expect.stringContaining('sequence 00 is not allowed (sequences start at 01)'),
    });
    expect(checkGridCode('3399010010020x', { allowLegacy: true })).toMatchObject({
      message: expect.stringContaining("character 14 ('x', in the sequence)"),
    });
    expect(checkGridCode('33990100100207').ok).toBe(false);
  });

  it('parseGridCode throws SPACE_GRID_CODE_INVALID with a field issue', () => {
    try {
      parseGridCode('33990100100201X', { path: 'params.code' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('SPACE_GRID_CODE_INVALID');
      expect((err as AppError).details).toEqual([
        { path: 'params.code', message: expect.stringContaining("character 15 ('X'") },
      ]);
    }
  });
});

describe('region codes', () => {
  it('infers the level and the parent', () => {
    expect(inferRegionLevel('339900')).toBe('city');
    expect(inferRegionLevel('339901')).toBe('district');
    expect(inferRegionLevel('339901001')).toBe('street');
    expect(inferRegionLevel('339901001001')).toBe('community');
    expect(inferRegionLevel('3399')).toBeNull();
    expect(impliedParentCode('339901001001', 'community')).toBe('339901001');
    expect(impliedParentCode('339901001', 'street')).toBe('339901');
    expect(impliedParentCode('339901', 'district')).toBe('339900');
    expect(impliedParentCode('339900', 'city')).toBeNull();
  });

  it('checks length, digits and province', () => {
    expect(checkRegionCode('339901001', 'street').ok).toBe(true);
    expect(checkRegionCode('33990100', 'street')).toMatchObject({
      message: expect.stringContaining('a street code has 9 digits'),
    });
    expect(checkRegionCode('33990a', 'district')).toMatchObject({
      message: expect.stringContaining("character 6 ('a')"),
    });
    expect(checkRegionCode('999901', 'district').ok).toBe(false);
  });
});

describe('checkComponentCode', () => {
  it('accepts county + type + sequence', () => {
    expect(checkComponentCode('33990101037000012')).toEqual({
      ok: true,
      value: {
        code: '33990101037000012',
        countyCode: '339901',
        typeCode: '01037',
        sequence: '000012',
      },
    });
  });

  it('rejects a non-component class, a type mismatch and a zero sequence', () => {
    expect(checkComponentCode('33990106010000001').ok).toBe(false);
    expect(checkComponentCode('33990101037000012', { typeCode: '03005' })).toMatchObject({
      message: expect.stringContaining('carries type 01037, not 03005'),
    });
    expect(checkComponentCode('33990101037000000').ok).toBe(false);
    expect(checkComponentCode('3399010103700001').ok).toBe(false);
  });
});
