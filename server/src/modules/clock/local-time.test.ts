import { describe, expect, it } from 'vitest';
import {
  formatIsoDate,
  fromLocalTime,
  isValidTimeZone,
  parseIsoDate,
  toLocalTime,
  utcOffsetMs,
  weekdayOfDay,
} from './local-time';

const at = (iso: string): number => Date.parse(iso);

describe('ISO dates and day numbers', () => {
  it('round-trips dates and knows weekdays', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('2026-02-14')).toBe(Date.parse('2026-02-14T00:00:00Z') / 86_400_000);
    expect(formatIsoDate(parseIsoDate('2028-02-29'))).toBe('2028-02-29');
    expect(weekdayOfDay(parseIsoDate('2026-02-14'))).toBe(6); // Saturday
    expect(weekdayOfDay(parseIsoDate('2026-09-20'))).toBe(0); // Sunday
    expect(weekdayOfDay(parseIsoDate('2026-10-01'))).toBe(4); // Thursday
    expect(weekdayOfDay(parseIsoDate('1969-12-31'))).toBe(3); // Wednesday, before the epoch
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => parseIsoDate('2026-2-14')).toThrow(RangeError);
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('2027-02-29')).toThrow(RangeError);
  });
});

describe('Asia/Shanghai (UTC+8, no DST)', () => {
  const zone = 'Asia/Shanghai';

  it('converts an instant to local date and minute', () => {
    expect(toLocalTime(zone, at('2026-02-14T08:30:00+08:00'))).toEqual({
      date: '2026-02-14',
      minute: 510,
    });
    // 23:30 UTC is already the next day in Shanghai.
    expect(toLocalTime(zone, at('2026-03-01T23:30:00Z'))).toEqual({
      date: '2026-03-02',
      minute: 450,
    });
    expect(toLocalTime(zone, at('2026-03-02T07:30:30+08:00')).minute).toBe(450.5);
  });

  it('converts a local date and minute to an instant', () => {
    expect(fromLocalTime(zone, '2026-02-24', 570)).toBe(at('2026-02-24T09:30:00+08:00'));
    expect(fromLocalTime(zone, '2026-02-24', 1440)).toBe(at('2026-02-25T00:00:00+08:00'));
    expect(() => fromLocalTime(zone, '2026-02-24', 1441)).toThrow(RangeError);
  });
});

describe('Europe/Berlin across DST changes (2026-03-29 and 2026-10-25)', () => {
  const zone = 'Europe/Berlin';

  it('reads the offset before and after the spring change', () => {
    expect(utcOffsetMs(zone, at('2026-03-29T00:59:00Z'))).toBe(3_600_000);
    expect(utcOffsetMs(zone, at('2026-03-29T01:00:00Z'))).toBe(7_200_000);
    expect(toLocalTime(zone, at('2026-03-29T00:59:00Z'))).toEqual({
      date: '2026-03-29',
      minute: 119,
    });
    expect(toLocalTime(zone, at('2026-03-29T01:00:00Z'))).toEqual({
      date: '2026-03-29',
      minute: 180,
    });
  });

  it('has the right offset every minute around the change, cached or not', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (let t = at('2026-03-29T00:00:00Z'); t <= at('2026-03-29T02:00:00Z'); t += 60_000) {
        expect(utcOffsetMs(zone, t)).toBe(t < at('2026-03-29T01:00:00Z') ? 3_600_000 : 7_200_000);
      }
    }
    expect(utcOffsetMs(zone, at('2026-03-29T00:59:59.999Z'))).toBe(3_600_000);
  });

  it('converts ordinary winter and summer local times', () => {
    expect(fromLocalTime(zone, '2026-01-15', 600)).toBe(at('2026-01-15T10:00:00+01:00'));
    expect(fromLocalTime(zone, '2026-07-01', 600)).toBe(at('2026-07-01T10:00:00+02:00'));
    expect(fromLocalTime(zone, '2026-03-29', 600)).toBe(at('2026-03-29T10:00:00+02:00'));
    expect(fromLocalTime(zone, '2026-03-29', 60)).toBe(at('2026-03-29T01:00:00+01:00'));
    expect(fromLocalTime(zone, '2026-10-25', 600)).toBe(at('2026-10-25T10:00:00+01:00'));
  });

  it('moves a non-existent local time (spring gap) forward by the gap', () => {
    expect(fromLocalTime(zone, '2026-03-29', 150)).toBe(at('2026-03-29T03:30:00+02:00'));
  });

  it('picks the earlier instant for a repeated local time (autumn)', () => {
    expect(fromLocalTime(zone, '2026-10-25', 150)).toBe(at('2026-10-25T02:30:00+02:00'));
    expect(toLocalTime(zone, at('2026-10-25T02:30:00+01:00'))).toEqual({
      date: '2026-10-25',
      minute: 150,
    });
  });
});

describe('other zones', () => {
  it('handles a half-hour offset', () => {
    expect(toLocalTime('Asia/Kolkata', at('2026-01-01T00:00:00Z'))).toEqual({
      date: '2026-01-01',
      minute: 330,
    });
  });

  it('handles a repeated hour west of UTC (New York, 2026-11-01)', () => {
    expect(fromLocalTime('America/New_York', '2026-11-01', 90)).toBe(
      at('2026-11-01T01:30:00-04:00'),
    );
    expect(fromLocalTime('America/New_York', '2026-03-08', 150)).toBe(
      at('2026-03-08T03:30:00-04:00'),
    );
  });

  it('knows valid and unknown zone names', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => toLocalTime('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});
