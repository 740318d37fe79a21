import { CASE_STATES } from '@common/workflow';
import { describe, expect, it } from 'vitest';
import {
  isFinishedState,
  PUBLIC_STATUS_NAMES,
  publicHistory,
  publicStatusOf,
} from './public-status';

describe(publicStatusOf.name, () => {
  it('gives every workflow state a named public status', () => {
    for (const s of CASE_STATES) {
      expect(PUBLIC_STATUS_NAMES[publicStatusOf(s)].zh.length).toBeGreaterThan(0);
    }
    expect(publicStatusOf('extension_requested')).toBe('in_progress');
    expect(publicStatusOf('hung')).toBe('deferred');
  });

  it('counts closed, refused and voided as finished', () => {
    expect(CASE_STATES.filter(isFinishedState)).toEqual(['refused', 'voided', 'closed']);
  });
});

describe(publicHistory.name, () => {
  const ev = (seq: number, toState: string) => ({ id: `e${seq}`, seq, at: seq * 1000, toState });

  it('starts with received and records only changes of the public status', () => {
    const h = publicHistory([
      ev(1, 'verifying'),
      ev(2, 'pending_register'),
      ev(3, 'registered'),
      ev(4, 'dispatched'),
      ev(5, 'handling'),
      ev(6, 'handling'), // overdue mark
      ev(7, 'extension_requested'),
      ev(8, 'handling'),
      ev(9, 'checking'),
      ev(10, 'handling'), // rework
      ev(11, 'checking'),
      ev(12, 'handled'),
      ev(13, 'closed'),
    ]);
    expect(h.map((e) => e.status)).toEqual([
      'received',
      'verifying',
      'reviewing',
      'accepted',
      'dispatched',
      'in_progress',
      'checking',
      'in_progress',
      'checking',
      'closed',
    ]);
    expect(h[0]).toEqual({ eventId: 'e1', status: 'received', at: 1000 });
    expect(h.at(-1)).toEqual({ eventId: 'e13', status: 'closed', at: 13000 });
  });

  it('is empty without events, and a case reported without an inspector starts received once', () => {
    expect(publicHistory([])).toEqual([]);
    expect(publicHistory([ev(1, 'reported')]).map((e) => e.status)).toEqual(['received']);
  });
});
