import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../api/types';
import { photoGroups } from './photoGroups';

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

describe(photoGroups.name, () => {
  it('groups the photos of the report, the feedback and the check', () => {
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
    expect(photoGroups(events)).toEqual({ before: ['p1'], after: ['p2'], check: ['p3'] });
  });
});
