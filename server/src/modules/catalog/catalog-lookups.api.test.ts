import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';

// The look-ups intake makes for every case (code → current code, matter → handling limit)
// are kept in memory on SQLite; every catalog write must show in them at once (PostgreSQL
// reads the store every time: the same answers).
describe('catalog look-ups after catalog writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('follows new limits, conditions and their order', async () => {
    const c = t.services.catalog;
    const first = await c.timeLimitFor({ matterCode: '06010', areaClass: 'A' });
    expect(await c.timeLimitFor({ matterCode: '06010', areaClass: 'A' })).toEqual(first);

    await c.setConditionLimits(null, first.conditionId, {
      A: { amount: 7, unit: 'hour' },
      B: { amount: 8, unit: 'hour' },
      C: { amount: 9, unit: 'hour' },
    });
    expect(await c.timeLimitFor({ matterCode: '06010', areaClass: 'A' })).toMatchObject({
      conditionId: first.conditionId,
      amount: 7,
      unit: 'hour',
    });

    await c.updateCondition(null, first.conditionId, { urgent: true });
    expect((await c.timeLimitFor({ matterCode: '06010', areaClass: 'B' })).urgent).toBe(true);

    // The default condition is the first active one: the next takes over when it is turned off.
    const created = await c.createCondition(null, '06010', {
      name: '大面积暴露垃圾',
      closureCondition: '清除干净',
      photoRequired: true,
      urgent: false,
      limits: {
        A: { amount: 3, unit: 'working_hour' },
        B: { amount: 3, unit: 'working_hour' },
        C: { amount: 3, unit: 'working_hour' },
      },
    });
    expect((await c.timeLimitFor({ matterCode: '06010', areaClass: 'C' })).conditionId).toBe(
      first.conditionId,
    );
    await c.updateCondition(null, first.conditionId, { active: false });
    const next = (await c.listConditions('06010', { active: true })).items[0]!;
    expect(next.id).not.toBe(first.conditionId);
    expect((await c.timeLimitFor({ matterCode: '06010', areaClass: 'C' })).conditionId).toBe(
      next.id,
    );
    await c.updateCondition(null, first.conditionId, { active: true });
    await c.deleteCondition(null, created.id);
    expect((await c.timeLimitFor({ matterCode: '06010', areaClass: 'C' })).conditionId).toBe(
      first.conditionId,
    );
  });

  it('follows legacy-code overrides as they are set and removed', async () => {
    const c = t.services.catalog;
    const byRule = await c.resolveCode('01-10', { kind: 'matter' });
    expect(byRule).toMatchObject({ code: '06010', mappedBy: 'rule' });

    await c.putOverride(null, 'event', '01-10', { code: '06011', note: null });
    expect(await c.resolveCode('01-10', { kind: 'matter' })).toMatchObject({
      code: '06011',
      mappedBy: 'override',
    });
    expect((await c.timeLimitFor({ matterCode: '01-10', areaClass: 'A' })).matterCode).toBe(
      '06011',
    );

    await c.deleteOverride(null, 'event', '01-10');
    expect(await c.resolveCode('01-10', { kind: 'matter' })).toEqual(byRule);
  });

  it('does not remember failures: a code that was unknown resolves once created', async () => {
    const c = t.services.catalog;
    await expect(c.resolveCode('06098', { kind: 'matter' })).rejects.toMatchObject({
      code: 'CATALOG_ENTRY_NOT_FOUND',
    });
    await c.createEntry(null, 'matter', { code: '06098', name: '其他市容环境问题' });
    expect(await c.resolveCode('06098', { kind: 'matter' })).toMatchObject({ code: '06098' });
  });
});
