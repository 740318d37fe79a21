import type { CaseAction } from '@common/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedLoopCity, type LoopCity } from '../../../test/loop-city';
import { DomainError } from '../../lib/errors';
import { mulberry32 } from '../demo/prng';
import type { ActionBody } from '../cases/cases.schema';
import { createRollupEngine } from './rollups';
import { createCaseDriver, type CaseDriver, type LoopUser } from './testing/case-driver';

const MIN = 60_000;
const DAY = 86_400_000;
const TERMINAL = ['closed', 'voided', 'refused'];

/**
 * The incremental rollups (written by the case event hook inside each command's transaction)
 * must equal a from-scratch recomputation from the event log after a random history.
 */
describe('evaluation rollups: incremental = recomputed', () => {
  let t: TestApp;
  let city: LoopCity;
  let d: CaseDriver;
  const stats = new Map<string, number>();
  const bump = (k: string) => stats.set(k, (stats.get(k) ?? 0) + 1);

  beforeAll(async () => {
    t = await createTestApp({
      now: '2026-11-23T08:30:00+08:00',
      env: { SESSION_TTL_HOURS: '720' },
    });
    city = await seedLoopCity(t);
    d = await createCaseDriver(t, city);
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    (
      await t.store.db
        .selectFrom('eval_rollup')
        .select(['kind', 'day', 'key', 'metric', (eb) => eb.fn.sum<number>('count').as('n')])
        .groupBy(['kind', 'day', 'key', 'metric'])
        .execute()
    )
      .map((r) => ({ ...r, n: Number(r.n) }))
      .filter((r) => r.n !== 0)
      .sort((a, b) => {
        const x = `${a.kind}|${a.day}|${a.key}|${a.metric}`;
        const y = `${b.kind}|${b.day}|${b.key}|${b.metric}`;
        return x < y ? -1 : x > y ? 1 : 0;
      });

  it('holds after a seeded random history with rework, returns, hangs, extensions, merges and sweeps', async () => {
    const rand = mulberry32(20_261_123);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const points = [city.points.east1, city.points.east2, city.points.west];
    const inspectorOf = (grid: string): LoopUser =>
      grid === city.grids.west ? 'westinspector' : 'inspector';
    const unitUserOf = (unitId: string | null): LoopUser =>
      unitId === city.units.municipal ? 'unit2' : 'unit';
    const later = (ms: number) => new Date(t.clock.now() + ms).toISOString();
    const today = () => new Date(t.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const engine = createRollupEngine({
      db: t.store.db,
      kind: t.store.kind,
      timeZone: () => 'Asia/Shanghai',
    });
    const pendingCount = async () =>
      (await t.store.db.selectFrom('case_projection_pending').select('case_id').execute()).length;
    let failures = 0;

    const tryAct = async (
      as: LoopUser,
      id: string,
      action: CaseAction,
      extra: Partial<ActionBody> & { photo?: boolean } = {},
    ) => {
      try {
        await d.act(as, id, action, extra);
        bump(action);
      } catch (err) {
        if (!(err instanceof DomainError)) {
          throw err;
        }
        failures++;
      }
    };

    for (let step = 0; step < 320; step++) {
      const r = rand();
      t.clock.advance(
        Math.round(
          r < 0.5
            ? (1 + rand() * 14) * MIN
            : r < 0.8
              ? (15 + rand() * 45) * MIN
              : r < 0.96
                ? (60 + rand() * 240) * MIN
                : DAY,
        ),
      );
      // Intake's projections (the report events' rollups) run now and then, as in a server:
      // some cases are acted on before their report is projected, some after.
      if (rand() < 0.3) {
        await t.services.cases.projections.catchUp();
      }
      if (step % 20 === 10 && (await pendingCount()) > 0) {
        // Exact while reports wait for the projector: what the rollups hold now.
        expect(await engine.check('2026-11-23', today())).toEqual([]);
        bump('checked while pending');
      }
      if (rand() < 0.15) {
        const s = await t.services.cases.sweepOverdue({ limit: 500 });
        stats.set('overdue', (stats.get('overdue') ?? 0) + s.marked);
      }
      const open = (
        await t.store.db
          .selectFrom('case_file')
          .selectAll()
          .where('state', 'not in', TERMINAL)
          .orderBy('number')
          .execute()
      ).filter((c) => c.parent_case_id === null);
      if (open.length < 4 || rand() < 0.18) {
        const as = pick<LoopUser>(['clerk', 'clerk', 'inspector', 'westinspector']);
        const point =
          as === 'inspector'
            ? pick([city.points.east1, city.points.east2])
            : as === 'westinspector'
              ? city.points.west
              : pick(points);
        await d.report(as, {
          point,
          source: as === 'clerk' ? pick(['public', 'hotline'] as const) : 'inspector',
          matterCode: rand() < 0.5 ? pick(['06010', '01001']) : undefined,
        });
        bump('report');
        continue;
      }
      const c = pick(open);
      const x = rand();
      const insp = inspectorOf(c.grid_code);
      const matterCode = c.matter_code ?? pick(['06010', '01001']);
      switch (c.state) {
        case 'reported':
          await tryAct(
            'clerk',
            c.id,
            x < 0.5 ? 'verify' : x < 0.9 ? 'register' : 'void',
            x < 0.5 ? {} : x < 0.9 ? { matterCode } : { voidReason: 'invalid' },
          );
          break;
        case 'verifying': {
          const parent = open.find((o) => o.id !== c.id && o.state !== 'verifying');
          if (x < 0.08 && parent) {
            await tryAct('clerk', c.id, 'merge', { parentCaseId: parent.id });
          } else {
            await tryAct(insp, c.id, 'verify', { verifyResult: rand() < 0.85 });
          }
          break;
        }
        case 'pending_register': {
          const parent = open.find(
            (o) => o.id !== c.id && ['registered', 'dispatched', 'handling'].includes(o.state),
          );
          if (x < 0.6) {
            await tryAct(rand() < 0.5 ? 'clerk' : 'leader', c.id, 'register', { matterCode });
          } else if (x < 0.68) {
            await tryAct('leader', c.id, 'refuse', { reason: '不属于城管事项' });
          } else if (x < 0.76) {
            await tryAct('clerk', c.id, 'void', { voidReason: 'duplicate' });
          } else if (x < 0.88 && parent) {
            await tryAct('clerk', c.id, 'merge', { parentCaseId: parent.id });
          } else {
            await tryAct(insp, c.id, 'self_handle', { photo: true, description: '现场已自行处置' });
          }
          break;
        }
        case 'registered':
          await tryAct('dispatcher', c.id, 'dispatch', {
            targetUnitId:
              x < 0.75
                ? (c.proposed_unit_id ?? city.units.sanitation)
                : pick([city.units.sanitation, city.units.municipal]),
          });
          break;
        case 'dispatched':
          await tryAct(unitUserOf(c.unit_id), c.id, 'acknowledge');
          break;
        case 'handling': {
          const u = unitUserOf(c.unit_id);
          if (x < 0.5) {
            await tryAct(u, c.id, 'feedback', {
              description: '已处置',
              disposalMode: rand() < 0.7 ? 'service' : rand() < 0.67 ? 'management' : 'enforcement',
              photo: true,
            });
          } else if (x < 0.64) {
            await tryAct(u, c.id, 'request_extension', { reason: '需协调', deadline: later(DAY) });
          } else if (x < 0.76) {
            await tryAct(u, c.id, 'request_return', { reason: '不属于本单位职责' });
          } else if (x < 0.88) {
            await tryAct(u, c.id, 'request_hang', { reason: '需列入预算' });
          } else {
            await tryAct('dispatcher', c.id, 'remind');
          }
          break;
        }
        case 'extension_requested':
          await tryAct(
            'dispatcher',
            c.id,
            x < 0.7 ? 'approve_extension' : 'deny_extension',
            x < 0.7 ? { deadline: later(2 * DAY) } : { reason: '理由不足' },
          );
          break;
        case 'return_requested':
          await tryAct(
            'dispatcher',
            c.id,
            x < 0.65 ? 'approve_return' : 'deny_return',
            x < 0.65 ? {} : { reason: '属于本单位' },
          );
          break;
        case 'hang_requested':
          await tryAct(
            'dispatcher',
            c.id,
            x < 0.7 ? 'approve_hang' : 'deny_hang',
            x < 0.7 ? {} : { reason: '无需挂账' },
          );
          break;
        case 'hung':
          await tryAct(x < 0.5 ? 'dispatcher' : unitUserOf(c.unit_id), c.id, 'resume');
          break;
        case 'checking':
          await tryAct(
            insp,
            c.id,
            x < 0.65 ? 'check_pass' : 'check_fail',
            x < 0.65 ? { photo: true } : { reason: '仍有残留', photo: true },
          );
          break;
        case 'handled':
          await tryAct('leader', c.id, 'close');
          break;
        case 'self_handled':
          await tryAct(
            'leader',
            c.id,
            x < 0.8 ? 'audit_pass' : 'audit_fail',
            x < 0.8 ? {} : { reason: '处置不到位' },
          );
          break;
        default:
          break;
      }
    }

    // A merged duplicate closes with its parent, by a system event (through the same hook).
    t.clock.advance(DAY);
    const parent = await d.report('inspector', { point: city.points.east1, matterCode: '06010' });
    const child = await d.report('clerk', { point: city.points.east1, source: 'hotline' });
    await d.act('inspector', child.id, 'verify', { verifyResult: true });
    await d.act('clerk', child.id, 'merge', { parentCaseId: parent.id });
    await d.act('leader', parent.id, 'register', { matterCode: '06010' });
    await d.act('dispatcher', parent.id, 'dispatch', { targetUnitId: city.units.sanitation });
    await d.act('unit', parent.id, 'acknowledge');
    await d.act('unit', parent.id, 'feedback', {
      description: '已清运',
      disposalMode: 'service',
      photo: true,
    });
    await d.act('inspector', parent.id, 'check_pass', { photo: true });
    await d.act('leader', parent.id, 'close');
    expect((await d.row(child.id)).state).toBe('closed');

    // The history covered what the test is about.
    for (const k of [
      'check_fail',
      'approve_return',
      'approve_hang',
      'resume',
      'approve_extension',
      'feedback',
      'close',
      'merge',
      'self_handle',
      'audit_pass',
    ]) {
      expect(stats.get(k) ?? 0, `${k} happened`).toBeGreaterThan(0);
    }
    expect(stats.get('overdue') ?? 0).toBeGreaterThan(0);
    expect(stats.get('checked while pending') ?? 0).toBeGreaterThan(2);
    expect(failures).toBeLessThan(40);

    const from = '2026-11-23';
    const to = new Date(t.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(await t.services.evaluation.checkRollups(from, to)).toEqual([]);
    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(100);
    const result = await t.services.evaluation.recomputeRollups(from, to);
    expect(result.days).toBeGreaterThan(3);
    const recomputed = await snapshot();
    expect(recomputed).toEqual(incremental);

    // Plain sanity: every case counts once as reported in the city, on its report day.
    const cases = await t.store.db
      .selectFrom('case_file')
      .select(['id', 'close_kind', 'rework_count', 'return_count', 'hang_count', 'extension_count'])
      .execute();
    const reported = recomputed
      .filter((r) => r.kind === 'city' && r.metric === 'case.reported')
      .reduce((a, r) => a + r.n, 0);
    expect(reported).toBe(cases.length);
    // The derivation agrees with the projection on what both know.
    const sum = (metric: string) =>
      recomputed
        .filter((r) => r.kind === 'city' && r.metric === metric)
        .reduce((a, r) => a + r.n, 0);
    expect(sum('case.closed_on_time')).toBe(cases.filter((c) => c.close_kind === 'on_time').length);
    expect(sum('case.closed') - sum('case.closed_on_time')).toBe(
      cases.filter((c) => c.close_kind === 'overdue').length,
    );
    expect(sum('case.rework')).toBe(cases.filter((c) => c.rework_count > 0).length);
    expect(sum('case.returned')).toBe(cases.filter((c) => c.return_count > 0).length);
    expect(sum('case.hung')).toBe(cases.filter((c) => c.hang_count > 0).length);
    expect(sum('case.extended')).toBe(cases.filter((c) => c.extension_count > 0).length);
  });

  it('finds a tampered rollup and the recomputation repairs it', async () => {
    const row = await t.store.db
      .selectFrom('eval_rollup')
      .selectAll()
      .where('kind', '=', 'street')
      .where('metric', '=', 'case.reported')
      .executeTakeFirstOrThrow();
    await t.store.db
      .updateTable('eval_rollup')
      .set({ count: row.count + 5 })
      .where('kind', '=', row.kind)
      .where('day', '=', row.day)
      .where('key', '=', row.key)
      .where('metric', '=', row.metric)
      .where('shard', '=', row.shard)
      .execute();
    const mismatches = await t.services.evaluation.checkRollups(row.day, row.day);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({ kind: 'street', key: row.key, metric: 'case.reported' });
    expect(mismatches[0]!.stored - mismatches[0]!.expected).toBe(5);
    await t.services.evaluation.recomputeRollups(row.day, row.day);
    expect(await t.services.evaluation.checkRollups(row.day, row.day)).toEqual([]);
  });
});
