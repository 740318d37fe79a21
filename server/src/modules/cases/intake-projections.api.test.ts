import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedLoopCity, type LoopCity } from '../../../test/loop-city';
import { createCaseDriver, type CaseDriver } from '../evaluation/testing/case-driver';
import type { CaseEventChange } from './case-event-hooks';
import { createIntakeProjections } from './intake-projections';

/**
 * Intake answers once the case and its report event are committed; search tokens, duplicate
 * candidates and the report's rollups follow from the projections' queue, exactly once, and
 * every read that shows them catches up first.
 */
describe('intake projections', () => {
  let t: TestApp;
  let city: LoopCity;
  let d: CaseDriver;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T08:30:00+08:00' });
    city = await seedLoopCity(t);
    d = await createCaseDriver(t, city);
  });
  afterAll(() => t.close());

  const pending = async () =>
    (await t.store.db.selectFrom('case_projection_pending').select('case_id').execute()).map(
      (r) => r.case_id,
    );
  const tokensOf = async (caseId: string) =>
    (
      await t.store.db
        .selectFrom('case_token')
        .select('token')
        .where('case_id', '=', caseId)
        .execute()
    ).length;
  const reportedInCity = async () =>
    (
      await t.store.db
        .selectFrom('eval_rollup')
        .select('count')
        .where('kind', '=', 'city')
        .where('metric', '=', 'case.reported')
        .execute()
    ).reduce((a, r) => a + Number(r.count), 0);

  it('queues the projections at intake and shows them to every reader that needs them', async () => {
    await t.services.cases.projections.catchUp();
    const before = await reportedInCity();
    const first = await d.report('clerk', {
      point: city.points.east1,
      description: '人行道上堆放建筑垃圾',
    });
    t.clock.advance(10 * 60_000);
    const second = await d.report('clerk', {
      point: city.points.east1,
      description: '人行道上堆放建筑垃圾未清理',
    });

    // Committed and answered; the projections wait in the queue.
    expect((await pending()).sort()).toEqual([first.id, second.id].sort());
    expect(await tokensOf(second.id)).toBe(0);

    // A case's page shows its duplicate candidates: the earlier case, not the later one.
    const view = await t.services.cases.get(d.actors.clerk, second.id);
    expect(view.duplicates?.map((x) => x.caseId)).toEqual([first.id]);
    expect((await t.services.cases.get(d.actors.clerk, first.id)).duplicates).toEqual([]);
    expect(await pending()).toEqual([]);
    expect(await tokensOf(second.id)).toBeGreaterThan(0);
    expect(await reportedInCity()).toBe(before + 2);

    // Text search and the evaluation boards read after catching up too.
    const third = await d.report('clerk', { point: city.points.west, description: '井盖破损' });
    const found = await t.services.cases.list(d.actors.clerk, {
      q: '井盖',
      page: 1,
      pageSize: 20,
      sort: 'created_at',
      order: 'desc',
    });
    expect(found.items.map((c) => c.id)).toEqual([third.id]);
    await d.report('clerk', { point: city.points.west, description: '井盖缺失' });
    const board = await t.services.evaluation.indicators(d.actors.bureau, {
      subject: 'district',
      period: 'day',
      date: '2026-11-23',
    });
    expect(board.rows.reduce((a, r) => a + (r.counts['reported'] ?? 0), 0)).toBe(before + 4);
  });

  it('projects each case once, whichever server or restart gets to it', async () => {
    await t.services.cases.projections.catchUp();
    const before = await reportedInCity();
    const c = await d.report('inspector', { point: city.points.east2 });

    // A projector that fails (here: its rollups) writes nothing for the case and keeps it in
    // the queue, and does not fail its reader; the error is logged.
    const errors: unknown[] = [];
    const log = { ...t.app.log, warn: () => undefined, error: (o: unknown) => errors.push(o) };
    const failing = createIntakeProjections({
      db: t.store.db,
      kind: t.store.kind,
      onEvent: () => Promise.reject(new Error('rollups unavailable')),
      log,
    });
    await failing.catchUp();
    expect(await pending()).toEqual([c.id]);
    expect(await tokensOf(c.id)).toBe(0);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain(c.id);

    // Another projector (a restarted server, another server) does the work, once.
    const seen: CaseEventChange[] = [];
    const other = createIntakeProjections({
      db: t.store.db,
      kind: t.store.kind,
      onEvent: async (trx, changes) => {
        seen.push(...changes);
        await t.services.caseEvents.emit(trx, changes);
      },
      log: t.app.log,
    });
    await other.catchUp();
    expect(seen.map((x) => [x.event.case_id, x.event.action, x.before])).toEqual([
      [c.id, 'report', null],
    ]);
    await t.services.cases.projections.catchUp();
    await other.catchUp();
    expect(seen).toHaveLength(1);
    expect(await reportedInCity()).toBe(before + 1);
    expect(await tokensOf(c.id)).toBeGreaterThan(0);
  });

  it('projects the other cases when one fails, and leaves that one in the queue', async () => {
    await t.services.cases.projections.catchUp();
    const a = await d.report('clerk', { point: city.points.west, description: '路面坑洼' });
    const poison = await d.report('clerk', { point: city.points.west, description: '路灯不亮' });
    const b = await d.report('clerk', { point: city.points.west, description: '树木倒伏' });
    const log = { ...t.app.log, warn: () => undefined, error: () => undefined };
    const projector = createIntakeProjections({
      db: t.store.db,
      kind: t.store.kind,
      onEvent: async (trx, changes) => {
        if (changes.some((x) => x.event.case_id === poison.id)) {
          throw new Error('a defect in a listener');
        }
        await t.services.caseEvents.emit(trx, changes);
      },
      log,
    });
    await projector.catchUp();
    expect(await pending()).toEqual([poison.id]);
    expect(await tokensOf(a.id)).toBeGreaterThan(0);
    expect(await tokensOf(b.id)).toBeGreaterThan(0);
    // Passed over from then on: a later catch-up does not try it again.
    await projector.catchUp();
    expect(await pending()).toEqual([poison.id]);
    await t.services.cases.projections.catchUp();
    expect(await pending()).toEqual([]);
  });
});
