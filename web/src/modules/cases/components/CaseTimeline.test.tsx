import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseEvent } from '../../../api/types';
import { setDisplayTimeZone } from '../../core/utils/time';
import { LocaleProvider } from '../../i18n/components/LocaleProvider';
import { CaseTimeline } from './CaseTimeline';

const event = (seq: number, action: string, payload: Record<string, unknown>): CaseEvent => ({
  id: `e${seq}`,
  seq,
  at: '2026-09-28T08:19:00.000Z',
  actor: { id: null, name: 'system', role: 'system' },
  action,
  fromState: 'registered',
  toState: 'registered',
  payload,
  attachmentIds: [],
  hash: 'h',
});

beforeEach(() => {
  setDisplayTimeZone('Asia/Shanghai');
  // Reference lists (matters, units) the timeline names codes with: empty here.
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify({ items: [] }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    ),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  setDisplayTimeZone(undefined);
});

describe('CaseTimeline', () => {
  it('says an overdue mark’s deadline passed, and a dispatch’s deadline is new', () => {
    render(
      <LocaleProvider>
        <CaseTimeline
          events={[
            event(2, 'overdue', { stage: 'register', deadline: '2026-09-28T08:19:00.000Z' }),
            event(3, 'dispatch', { deadline: '2026-09-30T09:04:00.000Z' }),
          ]}
        />
      </LocaleProvider>,
    );
    expect(screen.getByText('期限 2026-09-28 16:19 已过')).toBeTruthy();
    expect(screen.getByText('新期限 2026-09-30 17:04')).toBeTruthy();
    expect(screen.queryByText('新期限 2026-09-28 16:19')).toBeNull();
  });
});
