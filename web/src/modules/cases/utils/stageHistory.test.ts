import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../api/types';
import { photoGroups } from './photoGroups';
import { stageHistory } from './stageHistory';

let seq = 0;
const ev = (
  action: string,
  fromState: CaseEvent['fromState'],
  toState: CaseEvent['toState'],
  extra: Partial<CaseEvent> = {},
): CaseEvent => ({
  id: `e${++seq}`,
  seq,
  at: `2026-11-21T0${seq}:00:00Z`,
  actor: { id: null, name: 'x', role: 'system' },
  action,
  fromState,
  toState,
  payload: {},
  attachmentIds: [],
  hash: '',
  ...extra,
});

describe(stageHistory.name, () => {
  it('follows the loop, marks overdue passes and restarts handling on rework', () => {
    seq = 0;
    const events = [
      ev('report', null, 'verifying', { attachmentIds: ['p1'] }),
      ev('verify', 'verifying', 'pending_register'),
      ev('register', 'pending_register', 'registered'),
      ev('dispatch', 'registered', 'dispatched'),
      ev('acknowledge', 'dispatched', 'handling'),
      ev('overdue', 'handling', 'handling', { payload: { stage: 'handle', deadline: 'D' } }),
      ev('feedback', 'handling', 'checking', { attachmentIds: ['p2'] }),
      ev('check_fail', 'checking', 'handling', { attachmentIds: ['p3'] }),
    ];
    const h = stageHistory(events);
    expect(h.map((p) => p.stage)).toEqual([
      'verify',
      'register',
      'dispatch',
      'acknowledge',
      'handle',
      'check',
      'handle',
    ]);
    expect(h[4]).toMatchObject({ overdue: true, overdueDeadline: 'D' });
    expect(h.at(-1)?.endedAt).toBeNull();
    expect(photoGroups(events)).toEqual({ before: ['p1'], after: ['p2'], check: ['p3'] });
  });
});
