import { describe, expect, it } from 'vitest';
import type { LiveCaseEvent } from '../../cases/hooks/useLiveCaseEvents';
import { entryOfEvent, FEED_SIZE, mergeFeed } from './feed';
import { caseLight, gridLights } from './caseLights';

const ev = (seq: number | null, at: string): LiveCaseEvent => ({
  caseId: 'c1',
  number: '2026112100001',
  seq,
  action: 'dispatch',
  fromState: 'registered',
  toState: 'dispatched',
  at,
  unitId: null,
  gridCode: '339901001001001',
  lng: 120,
  lat: 30,
});

describe(mergeFeed.name, () => {
  it('puts the newest first, once each, and keeps the feed short', () => {
    const a = entryOfEvent(ev(1, '2026-11-21T01:00:00Z'));
    const b = entryOfEvent(ev(2, '2026-11-21T02:00:00Z'));
    expect(mergeFeed([a], [b, a]).map((x) => x.id)).toEqual(['c1:2', 'c1:1']);
    const many = Array.from({ length: 60 }, (_, i) =>
      entryOfEvent(ev(i + 3, new Date(Date.UTC(2026, 10, 21, 3, i)).toISOString())),
    );
    const merged = mergeFeed([a, b], many);
    expect(merged).toHaveLength(FEED_SIZE);
    expect(merged[0]?.id).toBe('c1:62');
  });

  it('keeps apart the overdue marks of one case, which have no seq (a notice, not an event)', () => {
    const mark = (at: string) => entryOfEvent({ ...ev(null, at), action: 'overdue' });
    const first = mark('2026-11-21T01:00:00Z');
    const second = mark('2026-11-21T05:00:00Z');
    expect(mergeFeed([first], [second, first]).map((x) => x.id)).toEqual([
      'c1:overdue@2026-11-21T05:00:00Z',
      'c1:overdue@2026-11-21T01:00:00Z',
    ]);
  });
});

describe(gridLights.name, () => {
  const c = (
    grid: string,
    stage: {
      deadline: string | null;
      overdue: boolean;
      light: 'green' | 'yellow' | 'red' | null;
    } | null,
  ) => ({ location: { gridCode: grid }, stage }) as Parameters<typeof gridLights>[0][number];

  it('shows the worst light of each grid', () => {
    const lights = gridLights([
      c('g1', { deadline: 'x', overdue: false, light: 'green' }),
      c('g1', { deadline: 'x', overdue: true, light: 'yellow' }),
      c('g1', { deadline: 'x', overdue: false, light: 'yellow' }),
      c('g2', null),
    ]);
    expect(lights.get('g1')).toEqual({ light: 'red', count: 3 });
    expect(lights.get('g2')).toEqual({ light: 'none', count: 1 });
  });

  it('reads an overdue stage as red whatever its light says', () => {
    expect(
      caseLight({ stage: { deadline: 'x', overdue: true, light: 'green' } } as Parameters<
        typeof caseLight
      >[0]),
    ).toBe('red');
  });
});
