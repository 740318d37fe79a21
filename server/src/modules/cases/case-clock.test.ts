import { describe, expect, it } from 'vitest';
import { CHINA_WORKING_CALENDAR } from '../clock';
import { resumedDeadline, stepClock, type CaseClock } from './case-clock';

// Monday 2026-11-23; working hours 08:30–12:00 and 13:30–17:30.
const t = (hhmm: string, day = '2026-11-23') => Date.parse(`${day}T${hhmm}:00+08:00`);
const TWO_HOURS = { amount: 2, unit: 'working_hour' as const };

const closed: CaseClock = {
  stage: null,
  stageStartedAt: null,
  stageDeadlineAt: null,
  stageLimit: null,
  stageOverdue: false,
  handleStartedAt: t('08:30'),
  handleDeadlineAt: t('10:30'),
  handleLimit: TWO_HOURS,
  handleOverdue: true,
  pauses: [{ from: t('09:00'), to: t('09:30') }],
};

const step = (c: CaseClock, action: string, from: 'closed' | 'handled', now: number) =>
  stepClock(c, {
    from,
    to: 'handling',
    action,
    now,
    calendar: CHINA_WORKING_CALENDAR,
    stageLimit: () => ({ amount: 30, unit: 'minute' }),
    handleLimit: null,
  });

describe('stepClock: back to the unit after closure or review', () => {
  it('reopen starts a new handling clock: full limit, no pauses, no overdue mark', () => {
    const c = step(closed, 'reopen', 'closed', t('16:30'));
    expect(c).toMatchObject({
      stage: 'handle',
      handleStartedAt: t('16:30'),
      // 16:30 + 2 working hours: one hour to 17:30, the other on Tuesday from 08:30.
      handleDeadlineAt: t('09:30', '2026-11-24'),
      stageDeadlineAt: t('09:30', '2026-11-24'),
      handleOverdue: false,
      stageOverdue: false,
      pauses: [],
    });
  });

  it('redo restarts the handling clock like a rework, keeping the overdue mark', () => {
    const c = step({ ...closed }, 'redo', 'handled', t('14:00'));
    expect(c).toMatchObject({
      stage: 'handle',
      handleStartedAt: t('14:00'),
      handleDeadlineAt: t('16:00'),
      handleOverdue: true,
      pauses: [],
    });
  });
});

describe('resumedDeadline: the deadline a hung case gets on resume', () => {
  const cal = CHINA_WORKING_CALENDAR;
  it('moves the deadline by the working time left when it was hung', () => {
    // Hung at 10:00 with a 11:30 deadline: 1.5 working hours left; resumed 16:30 Monday →
    // one hour to 17:30, half an hour on Tuesday from 08:30.
    expect(resumedDeadline(cal, t('10:00'), t('11:30'), 'working_hour', t('16:30'))).toBe(
      t('09:00', '2026-11-24'),
    );
  });
  it('keeps the deadline of a case hung after it had passed', () => {
    expect(resumedDeadline(cal, t('11:00'), t('10:30'), 'working_hour', t('16:30'))).toBe(
      t('10:30'),
    );
  });
});
