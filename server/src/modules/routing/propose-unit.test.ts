import { describe, expect, it } from 'vitest';
import { proposeUnit, type RoutingRule } from './propose-unit';

const rule = (id: string, o: Partial<RoutingRule>): RoutingRule => ({
  id,
  matterCode: null,
  majorCode: null,
  regionId: null,
  areaClass: null,
  unitId: `unit-${id}`,
  priority: 100,
  ...o,
});

const subject = {
  matterCode: '06010',
  communityId: 'c1',
  streetId: 's1',
  districtId: 'd1',
  areaClass: 'A',
};

describe(proposeUnit.name, () => {
  it('returns null when nothing matches', () => {
    expect(proposeUnit([rule('a', { majorCode: '09' })], subject)).toBeNull();
  });

  it('prefers a named matter over its major class, whatever the region', () => {
    const p = proposeUnit(
      [
        rule('major-street', { majorCode: '06', regionId: 's1', areaClass: 'A' }),
        rule('matter', { matterCode: '06010' }),
      ],
      subject,
    );
    expect(p).toMatchObject({ ruleId: 'matter', matched: ['matter'] });
  });

  it('prefers the narrower region among rules of the same matter level', () => {
    const p = proposeUnit(
      [
        rule('district', { majorCode: '06', regionId: 'd1' }),
        rule('street', { majorCode: '06', regionId: 's1' }),
        rule('other-street', { majorCode: '06', regionId: 's2' }),
      ],
      subject,
    );
    expect(p).toMatchObject({
      ruleId: 'street',
      matched: ['major', 'street'],
      unitId: 'unit-street',
    });
  });

  it('skips rules of another area class', () => {
    const p = proposeUnit(
      [rule('b', { majorCode: '06', areaClass: 'B' }), rule('any', { majorCode: '06' })],
      subject,
    );
    expect(p?.ruleId).toBe('any');
  });

  it('breaks ties by priority, then id', () => {
    const rules = [
      rule('z', { majorCode: '06', priority: 5 }),
      rule('y', { majorCode: '06', priority: 10 }),
    ];
    expect(proposeUnit(rules, subject)?.ruleId).toBe('z');
    const tied = [rule('z', { majorCode: '06' }), rule('y', { majorCode: '06' })];
    expect(proposeUnit(tied, subject)?.ruleId).toBe('y');
  });

  it('a catch-all rule matches anything', () => {
    expect(proposeUnit([rule('all', {})], subject)).toMatchObject({
      ruleId: 'all',
      matched: [],
      score: 0,
    });
  });
});
