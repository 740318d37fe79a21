import { TERMINAL_STATES } from '@common/workflow';
import { workingPeriodsOn } from '../clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { TEST_DIALECT } from '../../../test/store';
import type { Actor } from '../auth/actor';
import { verifyAllChains } from '../audit/audit.service';
import type { DemoHistoryReport } from './demo-history';
import { seedDemoCity } from './demo-seed';

const SEED = 20261121;
const PASSWORD = 'demo-password-1';
const CASES = 40;
/** One case left at each stop of the work in progress. */
const IN_PROGRESS = 8;

/**
 * A small history in a small demo city, told through the real services on the test app's
 * manual clock (Saturday 2026-11-21 09:00, Asia/Shanghai): the history covers the eight weeks
 * before that day. No sleeping: the history moves a clock of its own.
 */
async function cityWithHistory(
  opts: { now?: string; cases?: number; inProgress?: number } = {},
): Promise<{ t: TestApp; report: DemoHistoryReport }> {
  const t = await createTestApp({ now: opts.now });
  await seedDemoCity(t.services, { seed: SEED, grids: 300, password: PASSWORD });
  const report = await t.services.seeds.demoHistory({
    seed: SEED,
    cases: opts.cases ?? CASES,
    inProgress: opts.inProgress ?? IN_PROGRESS,
  });
  if (!report) {
    throw new Error('no history was seeded');
  }
  return { t, report };
}

/** Every case of the store: number, state, source, matter and unit code, by number. */
async function casesOf(t: TestApp) {
  return t.store.db
    .selectFrom('case_file')
    .leftJoin('org_unit', 'org_unit.id', 'case_file.unit_id')
    .select([
      'case_file.number',
      'case_file.state',
      'case_file.source',
      'case_file.matter_code',
      'case_file.event_count',
      'org_unit.code as unit',
    ])
    .orderBy('case_file.number')
    .execute();
}

/** The local day (YYYY-MM-DD) of a case number. */
function dayOf(number: string): string {
  return `${number.slice(0, 4)}-${number.slice(4, 6)}-${number.slice(6, 8)}`;
}

describe('demo history', () => {
  let t: TestApp;
  let report: DemoHistoryReport;
  let bureau: Actor;

  beforeAll(async () => {
    ({ t, report } = await cityWithHistory());
    console.log(`demo history on ${TEST_DIALECT}: ${JSON.stringify(report)}`);
    const id = (
      await t.store.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'bureau')
        .executeTakeFirstOrThrow()
    ).id;
    bureau = (await t.services.org.loadActor(id))!;
  }, 180_000);
  afterAll(() => t.close());

  it('tells every case to its end over the eight weeks before today, and leaves a day’s work in progress', async () => {
    expect(report).toMatchObject({ cases: CASES, inProgress: IN_PROGRESS });
    const rows = await casesOf(t);
    expect(rows).toHaveLength(CASES + IN_PROGRESS);
    // Closed, voided or refused, except the work in progress: one case at each stop, all
    // reported in the last two working days (Thursday and Friday).
    const open = rows.filter((r) => !TERMINAL_STATES.includes(r.state as never));
    expect(open.map((r) => r.state).sort()).toEqual([
      'checking',
      'dispatched',
      'handling',
      'handling',
      'handling',
      'hung',
      'registered',
      'verifying',
    ]);
    for (const r of open) {
      expect(['20261119', '20261120'], r.number).toContain(r.number.slice(0, 8));
    }
    // The demo accounts of the sanitation unit find work: to acknowledge, to handle, hung.
    expect(
      open
        .filter((r) => r.unit === 'sanitation')
        .map((r) => r.state)
        .sort(),
    ).toEqual(expect.arrayContaining(['dispatched', 'handling', 'hung']));
    expect(Object.values(report.states).reduce((a, b) => a + b, 0)).toBe(CASES + IN_PROGRESS);
    expect(report.states.closed).toBeGreaterThan(CASES / 2);
    expect(report.from >= '2026-09-26' && report.to <= '2026-11-20').toBe(true);
    const last = await t.store.db
      .selectFrom('case_event')
      .select((eb) => eb.fn.max('at').as('at'))
      .executeTakeFirstOrThrow();
    expect(Number(last.at)).toBeLessThan(Date.parse('2026-11-21T00:00:00+08:00'));
    // The public and the hotline report on rest days too (weekends, holidays); those cases
    // were told to their end (inspectors report on working days only).
    const cal = t.services.clock.calendar();
    const weekend = rows.filter((r) => workingPeriodsOn(cal, dayOf(r.number)).length === 0);
    expect(weekend.length).toBeGreaterThan(0);
    for (const r of weekend) {
      expect(['public', 'hotline'], r.number).toContain(r.source);
      expect(TERMINAL_STATES, r.number).toContain(r.state);
    }
    // The side paths show even in a small history.
    for (const p of ['late', 'rework', 'voided:invalid', 'refused', 'self_handled']) {
      expect(report.paths[p], p).toBeGreaterThan(0);
    }
  });

  it('keeps the rollups equal to a recomputation from the event log', async () => {
    expect(await t.services.evaluation.checkRollups(report.from, report.to)).toEqual([]);
  });

  it('gives the units real figures: handled, overdue or reworked, the three 721 modes', async () => {
    const month = await t.services.evaluation.indicators(bureau, {
      subject: 'unit',
      period: 'month',
      date: '2026-11',
    });
    const sum = (name: string) => month.rows.reduce((a, r) => a + (r.counts[name] ?? 0), 0);
    expect(sum('handled')).toBeGreaterThan(0);
    expect(sum('overdue') + sum('rework')).toBeGreaterThan(0);
    expect(month.rows.some((r) => r.composite !== null)).toBe(true);

    const ratio = await t.services.evaluation.ratio721(bureau, {
      groupBy: 'unit',
      from: report.from,
      to: report.to,
    });
    expect(ratio.total.service).toBeGreaterThan(0);
    expect(ratio.total.management).toBeGreaterThan(0);
    expect(ratio.total.enforcement).toBeGreaterThan(0);

    const spots = await t.services.evaluation.hotspots(bureau, {
      res: 8,
      from: report.from,
      to: report.to,
    });
    expect(spots.repeats.length).toBeGreaterThan(0);
  });

  it('publishes the public performance board, with the last month’s ranking', async () => {
    const res = await t.req({ method: 'GET', url: '/api/v1/public/board?subject=unit' });
    expect(res.statusCode).toBe(200);
    const board = res.json<{ period: { kind: string }; ranked: unknown[] }>();
    expect(board.period.kind).toBe('month');
    expect(board.ranked.length).toBeGreaterThan(0);
  });

  it('writes hash chains that verify', async () => {
    const audit = await verifyAllChains(t.store.db);
    expect(audit.broken).toEqual([]);
  });

  it('acts as the demo accounts, and staffs the other units with accounts of their own', async () => {
    const actors = await t.store.db
      .selectFrom('case_event')
      .select('actor_name')
      .distinct()
      .where('actor_role', '=', 'inspector')
      .execute();
    expect(actors.length).toBeGreaterThan(0);
    expect(report.staffAccounts).toBeGreaterThan(0);
    // The demo accounts still sign in with the demo password; the new ones have none known.
    await expect(login(t, 'unit', PASSWORD)).resolves.toBeTruthy();
    await expect(login(t, 'staff-municipal', PASSWORD)).rejects.toThrow(/401/);
  });

  it('is told once: never into a store that holds cases', async () => {
    expect(await t.services.seeds.demoHistory({ seed: SEED, cases: CASES })).toBeNull();
    expect(await casesOf(t)).toHaveLength(CASES + IN_PROGRESS);
  });

  it('tells the same history from the same seed', async () => {
    const again = await cityWithHistory();
    try {
      expect(again.report.states).toEqual(report.states);
      expect(again.report.paths).toEqual(report.paths);
      expect(await casesOf(again.t)).toEqual(await casesOf(t));
    } finally {
      await again.t.close();
    }
  }, 180_000);
});

describe('demo history told on a Monday', () => {
  let t: TestApp;
  let report: DemoHistoryReport;

  beforeAll(async () => {
    ({ t, report } = await cityWithHistory({
      now: '2026-11-23T09:00:00+08:00',
      cases: 20,
      inProgress: 3,
    }));
  }, 180_000);
  afterAll(() => t.close());

  it('leaves the weekend’s reports dispatched, waiting for the units’ working day', async () => {
    const rows = await casesOf(t);
    const weekend = rows.filter((r) => ['20261121', '20261122'].includes(r.number.slice(0, 8)));
    // Both days have reports, counted with the work in progress.
    expect(new Set(weekend.map((r) => r.number.slice(0, 8)))).toEqual(
      new Set(['20261121', '20261122']),
    );
    expect(report.inProgress).toBe(3 + weekend.length);
    expect(rows).toHaveLength(20 + report.inProgress);
    for (const r of weekend) {
      expect(['public', 'hotline'], r.number).toContain(r.source);
      expect(r.state, r.number).toBe('dispatched');
      expect(r.unit, r.number).not.toBeNull();
    }
    // The supervision centre's stages ran in their clock-minute limits, and the units'
    // acknowledgement counts working hours from Monday: none of them is overdue yet.
    const res = await t.req({
      method: 'GET',
      url: '/api/v1/cases?overdue=true&pageSize=100',
      token: await login(t, 'bureau', PASSWORD),
    });
    expect(res.statusCode).toBe(200);
    const overdue = res.json<{ items: { number: string }[] }>();
    expect(overdue.items.filter((c) => weekend.some((r) => r.number === c.number))).toEqual([]);
    expect(await t.services.evaluation.checkRollups(report.from, report.to)).toEqual([]);
  });
});
