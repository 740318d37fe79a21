import { describe, expect, it } from 'vitest';
import * as clock from '@server/modules/clock';

describe('public surface of the clock module', () => {
  it('answers the brief examples through the index', () => {
    const cal = clock.CHINA_WORKING_CALENDAR;
    expect(clock.missingYears(cal, Date.parse('2026-11-21T10:00:00+08:00'))).toEqual([2027]);
    expect(clock.addTime(cal, Date.parse('2026-03-03T11:30:00+08:00'), 1, 'working_hour')).toBe(
      Date.parse('2026-03-03T14:00:00+08:00'),
    );
    expect(clock.DEFAULT_YELLOW_FROM).toBe(0.8);
    expect(clock.DEFAULT_WARN_FROM_MONTH).toBe(11);
  });
});
