import { describe, expect, it } from 'vitest';
import { countUrls, normalizePhone, normalizeText } from './spam';
import { newTrackingCode, normalizeTrackingCode, TRACKING_CODE_LENGTH } from './tracking-code';

describe('tracking codes', () => {
  it('are 10 Crockford base32 characters and differ each time', () => {
    const codes = new Set(Array.from({ length: 200 }, newTrackingCode));
    expect(codes.size).toBe(200);
    for (const c of codes) {
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(normalizeTrackingCode(c)).toBe(c);
    }
    expect(TRACKING_CODE_LENGTH).toBe(10);
  });

  it('read what people type: case, hyphens, I/L/O', () => {
    expect(normalizeTrackingCode('7k3q-x9m2 td')).toBe('7K3QX9M2TD');
    expect(normalizeTrackingCode('ILO0000000')).toBe('1100000000');
    expect(normalizeTrackingCode('7K3QX9M2T')).toBeNull();
    expect(normalizeTrackingCode('7K3QX9M2TU')).toBeNull();
    expect(normalizeTrackingCode('../../etc/')).toBeNull();
  });
});

describe('spam helpers', () => {
  it('counts links', () => {
    expect(countUrls('路边垃圾很多')).toBe(0);
    expect(countUrls('看 http://a.cn 和 https://b.com/x?y=1 还有 www.c.net')).toBe(3);
  });

  it('normalizes text and phones', () => {
    expect(normalizeText('  路边  垃圾\n很多 ABC ')).toBe('路边 垃圾 很多 abc');
    expect(normalizePhone('138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('0086 13812345678')).toBe('13812345678');
  });
});
