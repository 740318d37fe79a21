import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  formatMinuteOfDay,
  isIsoInstant,
  parseInstant,
  parseMinuteOfDay,
} from './iso-time';

const SH = 'Asia/Shanghai';

describe('parseInstant', () => {
  it.each([
    ['2026-02-13T16:00:00+08:00', '2026-02-13T08:00:00.000Z'],
    ['2026-02-13T08:00:00Z', '2026-02-13T08:00:00.000Z'],
    ['2026-02-13t08:00z', '2026-02-13T08:00:00.000Z'],
    ['2026-02-13T16:00+0800', '2026-02-13T08:00:00.000Z'],
    ['2026-02-13T03:00:00-05', '2026-02-13T08:00:00.000Z'],
    ['2026-02-13 16:00:00.5+08:00', '2026-02-13T08:00:00.500Z'],
    ['2026-02-13T16:00:00.123456789+08:00', '2026-02-13T08:00:00.123Z'],
    ['2026-02-13T16:00', '2026-02-13T08:00:00.000Z'],
    ['2026-02-13T24:00:00+08:00', '2026-02-13T16:00:00.000Z'],
  ])('%s = %s', (text, utc) => {
    expect(new Date(parseInstant(text, SH)!).toISOString()).toBe(utc);
  });

  it('reads a time without offset in the given zone, DST gaps moving forward', () => {
    expect(parseInstant('2026-07-01T12:00', 'UTC')).toBe(Date.parse('2026-07-01T12:00:00Z'));
    expect(parseInstant('2026-03-08T02:30', 'America/New_York')).toBe(
      Date.parse('2026-03-08T03:30:00-04:00'),
    );
  });

  it.each([
    '',
    '2026-02-13',
    '2026-02-30T10:00:00Z',
    '2026-02-13T25:00:00Z',
    '2026-02-13T10:60:00Z',
    '2026-02-13T10:00:60Z',
    '2026-02-13T24:30:00Z',
    '2026-02-13T10:00:00+19:00',
    '2026-02-13T10:00:00+08:60',
    '13/02/2026 10:00',
    'tomorrow',
  ])('rejects %j', (text) => {
    expect(parseInstant(text, SH)).toBeNull();
    expect(isIsoInstant(text)).toBe(false);
  });
});

describe('formatInstant', () => {
  it('writes the zone offset of the instant', () => {
    const ms = Date.parse('2026-02-13T08:00:00Z');
    expect(formatInstant(ms, SH)).toBe('2026-02-13T16:00:00+08:00');
    expect(formatInstant(ms + 250, SH)).toBe('2026-02-13T16:00:00.250+08:00');
    expect(formatInstant(ms, 'UTC')).toBe('2026-02-13T08:00:00+00:00');
    expect(formatInstant(ms, 'America/New_York')).toBe('2026-02-13T03:00:00-05:00');
    expect(formatInstant(ms, 'Asia/Kolkata')).toBe('2026-02-13T13:30:00+05:30');
  });

  it('round-trips through parseInstant', () => {
    for (const zone of [SH, 'UTC', 'America/New_York', 'Asia/Kathmandu']) {
      for (const iso of [
        '2026-03-08T07:15:00Z',
        '2026-11-01T06:30:00.001Z',
        '1999-12-31T23:59:59Z',
      ]) {
        const ms = Date.parse(iso);
        expect(parseInstant(formatInstant(ms, zone), 'UTC')).toBe(ms);
      }
    }
  });

  it('falls back to UTC for offsets that are not whole minutes', () => {
    const ms = Date.parse('1890-01-01T00:00:00Z');
    expect(formatInstant(ms, SH)).toBe('1890-01-01T00:00:00.000Z');
  });
});

describe('minutes of the day', () => {
  it('formats and parses HH:MM', () => {
    expect(formatMinuteOfDay(510)).toBe('08:30');
    expect(formatMinuteOfDay(1440)).toBe('24:00');
    expect(parseMinuteOfDay('17:30')).toBe(1050);
    expect(parseMinuteOfDay('24:00')).toBe(1440);
    expect(parseMinuteOfDay('24:01')).toBeNull();
    expect(parseMinuteOfDay('12:60')).toBeNull();
    expect(parseMinuteOfDay('8:30')).toBeNull();
  });
});
