import { afterEach, describe, expect, it } from 'vitest';
import { cityInstant, cityWallTime, formatDuration, formatTime, setDisplayTimeZone } from './time';

afterEach(() => setDisplayTimeZone(undefined));

describe(formatTime.name, () => {
  it('shows an instant in the city time zone, whatever the browser zone', () => {
    setDisplayTimeZone('Asia/Shanghai');
    expect(formatTime('2026-11-23T17:00:00Z')).toBe('2026-11-24 01:00');
    setDisplayTimeZone('America/New_York');
    expect(formatTime('2026-11-23T17:00:00Z')).toBe('2026-11-23 12:00');
  });

  it('is empty for no time', () => {
    expect(formatTime(null)).toBe('');
  });
});

describe(formatDuration.name, () => {
  it('uses the largest units', () => {
    const u = { d: 'd', h: 'h', m: 'm' };
    expect(formatDuration(59, u)).toBe('59m');
    expect(formatDuration(-125, u)).toBe('2h 5m');
    expect(formatDuration(1500, u)).toBe('1d 1h');
  });
});

describe(cityInstant.name, () => {
  it('reads a picked date and time in the city zone, whatever the browser zone', () => {
    setDisplayTimeZone('Asia/Shanghai');
    expect(cityInstant('2026-11-21')).toBe('2026-11-20T16:00:00.000Z');
    expect(cityInstant('2026-11-21', '23:59:59.999')).toBe('2026-11-21T15:59:59.999Z');
    expect(cityInstant('2026-11-25', '17:30')).toBe('2026-11-25T09:30:00.000Z');
    expect(cityWallTime('2026-11-25T09:30:00.000Z')).toEqual({ date: '2026-11-25', time: '17:30' });
  });

  it('follows daylight saving time where the city has it', () => {
    setDisplayTimeZone('America/New_York');
    expect(cityInstant('2026-01-15', '12:00')).toBe('2026-01-15T17:00:00.000Z'); // EST
    expect(cityInstant('2026-07-15', '12:00')).toBe('2026-07-15T16:00:00.000Z'); // EDT
    // 8 Mar 2026, the day DST starts at 02:00: midnight is still EST, noon is EDT.
    expect(cityInstant('2026-03-08')).toBe('2026-03-08T05:00:00.000Z');
    expect(cityInstant('2026-03-08', '12:00')).toBe('2026-03-08T16:00:00.000Z');
  });
});
