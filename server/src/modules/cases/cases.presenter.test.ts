import { describe, expect, it } from 'vitest';
import { CHINA_WORKING_CALENDAR } from '../clock';
import { markDeadlines, stagePasses, withOverdueMarks, type EventView } from './cases.presenter';

const t = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00+08:00`);
const iso = (hhmm: string) => new Date(t(hhmm)).toISOString();

const event = (
  seq: number,
  hhmm: string,
  action: string,
  fromState: string | null,
  toState: string,
  payload: Record<string, unknown> = {},
): EventView => ({
  id: `e${seq}`,
  seq,
  at: iso(hhmm),
  actor: { id: 'u1', name: 'clerk', role: 'intake_clerk' },
  action,
  fromState,
  toState,
  payload,
  attachmentIds: [],
  hash: `h${seq}`,
});

describe('overdue marks in the timeline', () => {
  const history = [
    event(1, '09:00', 'report', null, 'verifying'),
    event(2, '09:40', 'verify', 'verifying', 'pending_register', {
      stageDeadline: iso('09:30'),
    }),
    event(3, '10:00', 'register', 'pending_register', 'registered', {
      stageDeadline: iso('10:40'),
    }),
  ];

  it('looks marks up by the deadlines the events name and the current one', () => {
    expect(markDeadlines(history, t('11:00')).sort()).toEqual(
      [t('09:30'), t('10:40'), t('11:00')].sort(),
    );
    expect(markDeadlines(history, null)).toHaveLength(2);
  });

  it('merges a mark by time, outside the chain, in the state the case was in', () => {
    const out = withOverdueMarks(history, [
      { id: 'n1', stage: 'verify', deadline_at: t('09:30'), at: t('09:31') },
    ]);
    expect(out.map((e) => e.action)).toEqual(['report', 'overdue', 'verify', 'register']);
    expect(out[1]).toEqual({
      id: 'n1',
      seq: null,
      at: iso('09:31'),
      actor: { id: null, name: 'system', role: 'system' },
      action: 'overdue',
      fromState: 'verifying',
      toState: 'verifying',
      payload: { stage: 'verify', deadline: iso('09:30') },
      attachmentIds: [],
      hash: null,
    });
  });

  it('does not show twice a mark that is a chained overdue event (handling, older stores)', () => {
    const chained = [
      ...history.slice(0, 1),
      event(2, '09:31', 'overdue', 'verifying', 'verifying', {
        stage: 'verify',
        deadline: iso('09:30'),
      }),
    ];
    const out = withOverdueMarks(chained, [
      { id: 'n1', stage: 'verify', deadline_at: t('09:30'), at: t('09:31') },
    ]);
    expect(out).toEqual(chained);
  });

  it('puts marks after the last event, and two marks in time order', () => {
    const out = withOverdueMarks(history.slice(0, 1), [
      { id: 'n2', stage: 'register', deadline_at: t('12:00'), at: t('12:01') },
      { id: 'n1', stage: 'verify', deadline_at: t('09:30'), at: t('09:31') },
    ]);
    expect(out.map((e) => e.id)).toEqual(['e1', 'n1', 'n2']);
  });
});

describe('stage passes', () => {
  // Friday 2026-12-04 and Monday 2026-12-07, Asia/Shanghai; working periods 08:30–12:00 and
  // 13:30–17:30.
  const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
  const fri = (hhmm: string) => at('2026-12-04', hhmm);
  const mon = (hhmm: string) => at('2026-12-07', hhmm);
  const ev = (n: number, when: string, action: string, from: string | null, to: string) => ({
    ...event(n, '09:00', action, from, to),
    at: when,
  });
  const timeline = [
    ev(1, fri('15:00'), 'report', null, 'verifying'),
    ev(2, fri('15:20'), 'verify', 'verifying', 'pending_register'),
    ev(3, fri('15:30'), 'register', 'pending_register', 'registered'),
    ev(4, fri('15:40'), 'dispatch', 'registered', 'dispatched'),
    ev(5, fri('16:00'), 'acknowledge', 'dispatched', 'handling'),
    ev(6, mon('10:00'), 'feedback', 'handling', 'checking'),
    ev(7, mon('10:30'), 'check_fail', 'checking', 'handling'),
  ];
  const limits = {
    verify: { amount: 30, unit: 'minute' },
    register: { amount: 30, unit: 'minute' },
    dispatch: { amount: 30, unit: 'minute' },
    acknowledge: { amount: 1, unit: 'working_hour' },
    handle: { amount: 4, unit: 'working_hour' },
    check: { amount: 60, unit: 'minute' },
  } as const;
  const passes = (pauses: { from: number; to: number | null }[] = []) =>
    stagePasses(timeline, {
      calendar: CHINA_WORKING_CALENDAR,
      now: Date.parse(mon('11:30')),
      limitOf: (stage) => limits[stage],
      pauses,
    });

  it('measures each pass as its limit counts: working time over the weekend, clock minutes', () => {
    const p = passes();
    expect(p.map((x) => [x.stage, x.usedMinutes, x.measure])).toEqual([
      ['verify', 20, 'clock'],
      ['register', 10, 'clock'],
      ['dispatch', 10, 'clock'],
      ['acknowledge', 20, 'working'],
      // Friday 16:00–17:30 and Monday 08:30–10:00: 3 working hours of 4 (66 h on the wall).
      ['handle', 180, 'working'],
      ['check', 30, 'clock'],
      // The rework's pass is still open: Monday 10:30 to now, 11:30.
      ['handle', 60, 'working'],
    ]);
    expect(p[4]).toMatchObject({
      startedAt: new Date(fri('16:00')).toISOString(),
      endedAt: new Date(mon('10:00')).toISOString(),
      limit: { amount: 4, unit: 'working_hour' },
    });
    expect(p.at(-1)?.endedAt).toBeNull();
  });

  it('leaves the time the case was hung out of handling', () => {
    const hung = { from: Date.parse(mon('08:30')), to: Date.parse(mon('09:00')) };
    expect(passes([hung])[4]?.usedMinutes).toBe(150);
  });
});
