import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatTime, setDisplayTimeZone } from './time';

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
