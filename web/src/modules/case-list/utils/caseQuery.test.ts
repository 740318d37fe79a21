import { describe, expect, it } from 'vitest';
import { paramsFromQuery, queryFromParams } from './caseQuery';

describe('case list URL', () => {
  it('round-trips every filter', () => {
    const q = {
      state: ['handling', 'closed'] as const,
      matter: '06010',
      regionId: 'r1',
      unitId: 'u1',
      source: 'hotline' as const,
      overdue: false,
      from: '2026-11-01T00:00:00+08:00',
      to: '2026-11-21T23:59:59+08:00',
      q: '垃圾',
      sort: 'number' as const,
      order: 'asc' as const,
      page: 3,
    };
    expect(queryFromParams(paramsFromQuery({ ...q, state: [...q.state] }))).toEqual({
      ...q,
      state: [...q.state],
    });
  });

  it('drops values the server would refuse', () => {
    const q = queryFromParams(new URLSearchParams('state=nope,closed&matter=6&source=x&page=-2'));
    expect(q.state).toEqual(['closed']);
    expect(q.matter).toBeUndefined();
    expect(q.source).toBeUndefined();
    expect(q.page).toBeUndefined();
  });
});
