import { describe, expect, it } from 'vitest';
import { markDeadlines, withOverdueMarks, type EventView } from './cases.presenter';

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
