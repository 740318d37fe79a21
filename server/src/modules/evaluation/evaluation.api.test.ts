import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/app';
import { buildUser } from '../../../test/factories';
import { seedLoopCity, type LoopCity } from '../../../test/loop-city';
import { SUBJECTS } from './indicators';
import { createCaseDriver, type CaseDriver } from './testing/case-driver';

/**
 * A small hand-built history on Monday 23 and Tuesday 24 November 2026 (working hours
 * 08:30–12:00, 13:30–17:30) in the loop city, and the figures it must give, worked out by hand.
 *
 * Grids: east1 (湖滨社区, area class A), east2 (柳岸社区, B), west (松岭社区, C). Stage limits:
 * verify/check A 30 min, B 60 min, C 2 h; register and dispatch 30 min; acknowledge 1 working
 * hour. Handling 06010 (暴露垃圾): A 2 wh, B 4 wh.
 *
 * A public  east1  09:00 report (clerk) · 09:10 verify ✓ · 09:15 register (clerk) · 09:20 dispatch
 *                  → sanitation · 09:30 ack · 10:00 feedback (service) · 10:10 check_pass ·
 *                  10:20 close (on time)
 * B inspector east2 09:00 report (inspector, 06010) · 10:00 register (leader, late: due 09:30) ·
 *                  11:00 dispatch → municipal (late: due 10:30) · 11:10 ack · 11:20 request_return
 *                  · 11:30 approve_return · 11:40 dispatch → sanitation · 13:40 ack · 14:00/14:05
 *                  extension to 24th 12:00 · 15:00 feedback (management) · 16:10 check_fail
 *                  (late: due 16:00) · 24th 10:00 feedback (management) · 10:20 check_pass ·
 *                  10:30 close (on time)
 * C hotline west   09:00 report (clerk) · 11:10 verify (late: due 11:00) · 11:15 void (clerk)
 * D inspector east1 13:40 report (inspector, 06010) · 13:45 self_handle · 14:00 audit_pass
 * E public  east1  09:00 report (clerk, 06010) · 09:20 verify · 09:25 register (leader) · 09:30
 *                  dispatch → sanitation · 10:40 ack (late: due 10:30) · 11:45 sweep marks the
 *                  handling overdue (due 11:30) · 13:40 request_hang · 13:45 approve_hang (hung)
 * F public  east2  09:00 report (clerk, 06010) · 09:05 verify · 09:10 register (clerk) · 09:15
 *                  dispatch → municipal · 09:20 ack · 15:00 sweep marks the handling overdue
 *                  (due 14:45), still unhandled
 * H sensor  east1  13:00 report (clerk) → reported · 13:50 sent to verify (late: due 13:30)
 * G public  east1  1 December 09:00 report (clerk): outside November.
 */
describe('evaluation API: indicators of a hand-built history', () => {
  let t: TestApp;
  let city: LoopCity;
  let d: CaseDriver;
  let tk: Record<string, string>;
  const ids: Record<string, string> = {};
  const day = (hhmm: string, date = '2026-11-23') => `${date}T${hhmm}:00+08:00`;

  beforeAll(async () => {
    t = await createTestApp({ now: day('08:00'), env: { SESSION_TTL_HOURS: '720' } });
    city = await seedLoopCity(t);
    d = await createCaseDriver(t, city);
    tk = { ...city.tokens };
    for (const [username, roles, level, o] of [
      ['eastchief', ['street_chief'], 'street', { regionId: city.eastStreetId }],
      ['sanleader', ['unit_leader'], 'unit', { unitId: city.units.sanitation }],
      ['admin1', ['admin'], 'city', {}],
    ] as const) {
      await buildUser(t, { username, roles: [...roles], level, ...o });
      tk[username] = await login(t, username);
    }
    const { east1, east2, west } = city.points;
    const S = city.units.sanitation;
    const M = city.units.municipal;
    const steps: [string, () => Promise<unknown>][] = [
      [
        '09:00',
        async () => (ids.A = (await d.report('clerk', { point: east1, source: 'public' })).id),
      ],
      [
        '09:00',
        async () =>
          (ids.B = (await d.report('inspector', { point: east2, matterCode: '06010' })).id),
      ],
      [
        '09:00',
        async () => (ids.C = (await d.report('clerk', { point: west, source: 'hotline' })).id),
      ],
      [
        '09:00',
        async () =>
          (ids.E = (
            await d.report('clerk', { point: east1, source: 'public', matterCode: '06010' })
          ).id),
      ],
      [
        '09:00',
        async () =>
          (ids.F = (
            await d.report('clerk', { point: east2, source: 'public', matterCode: '06010' })
          ).id),
      ],
      ['09:05', () => d.act('inspector', ids.F!, 'verify', { verifyResult: true })],
      ['09:10', () => d.act('inspector', ids.A!, 'verify', { verifyResult: true })],
      ['09:10', () => d.act('clerk', ids.F!, 'register', { matterCode: '06010' })],
      ['09:15', () => d.act('clerk', ids.A!, 'register', { matterCode: '06010' })],
      ['09:15', () => d.act('dispatcher', ids.F!, 'dispatch', { targetUnitId: M })],
      ['09:20', () => d.act('dispatcher', ids.A!, 'dispatch', { targetUnitId: S })],
      ['09:20', () => d.act('inspector', ids.E!, 'verify', { verifyResult: true })],
      ['09:20', () => d.act('unit2', ids.F!, 'acknowledge')],
      ['09:25', () => d.act('leader', ids.E!, 'register', { matterCode: '06010' })],
      ['09:30', () => d.act('unit', ids.A!, 'acknowledge')],
      ['09:30', () => d.act('dispatcher', ids.E!, 'dispatch', { targetUnitId: S })],
      ['10:00', () => d.act('leader', ids.B!, 'register', { matterCode: '06010' })],
      [
        '10:00',
        () =>
          d.act('unit', ids.A!, 'feedback', {
            description: '已清运',
            disposalMode: 'service',
            photo: true,
          }),
      ],
      ['10:10', () => d.act('inspector', ids.A!, 'check_pass', { photo: true })],
      ['10:20', () => d.act('leader', ids.A!, 'close')],
      ['10:40', () => d.act('unit', ids.E!, 'acknowledge')],
      ['11:00', () => d.act('dispatcher', ids.B!, 'dispatch', { targetUnitId: M })],
      ['11:10', () => d.act('westinspector', ids.C!, 'verify', { verifyResult: true })],
      ['11:10', () => d.act('unit2', ids.B!, 'acknowledge')],
      ['11:15', () => d.act('clerk', ids.C!, 'void', { voidReason: 'invalid' })],
      ['11:20', () => d.act('unit2', ids.B!, 'request_return', { reason: '不属于本单位' })],
      ['11:30', () => d.act('dispatcher', ids.B!, 'approve_return')],
      ['11:40', () => d.act('dispatcher', ids.B!, 'dispatch', { targetUnitId: S })],
      ['11:45', () => t.services.cases.sweepOverdue({ limit: 100 })],
      [
        '13:00',
        async () => (ids.H = (await d.report('clerk', { point: east1, source: 'sensor' })).id),
      ],
      ['13:40', () => d.act('unit', ids.B!, 'acknowledge')],
      [
        '13:40',
        async () =>
          (ids.D = (await d.report('inspector', { point: east1, matterCode: '06010' })).id),
      ],
      ['13:40', () => d.act('unit', ids.E!, 'request_hang', { reason: '需列入预算' })],
      [
        '13:45',
        () => d.act('inspector', ids.D!, 'self_handle', { photo: true, description: '已自行清理' }),
      ],
      ['13:45', () => d.act('dispatcher', ids.E!, 'approve_hang')],
      ['13:50', () => d.act('clerk', ids.H!, 'verify')],
      [
        '14:00',
        () =>
          d.act('unit', ids.B!, 'request_extension', {
            reason: '需调车',
            deadline: day('12:00', '2026-11-24'),
          }),
      ],
      ['14:00', () => d.act('leader', ids.D!, 'audit_pass')],
      [
        '14:05',
        () =>
          d.act('dispatcher', ids.B!, 'approve_extension', {
            deadline: day('12:00', '2026-11-24'),
          }),
      ],
      [
        '15:00',
        () =>
          d.act('unit', ids.B!, 'feedback', {
            description: '已清理',
            disposalMode: 'management',
            photo: true,
          }),
      ],
      ['15:00', () => t.services.cases.sweepOverdue({ limit: 100 })],
      [
        '16:10',
        () => d.act('inspector', ids.B!, 'check_fail', { reason: '仍有残留', photo: true }),
      ],
    ];
    const day2: [string, () => Promise<unknown>][] = [
      [
        '10:00',
        () =>
          d.act('unit', ids.B!, 'feedback', {
            description: '已彻底清除',
            disposalMode: 'management',
            photo: true,
          }),
      ],
      ['10:20', () => d.act('inspector', ids.B!, 'check_pass', { photo: true })],
      ['10:30', () => d.act('leader', ids.B!, 'close')],
    ];
    for (const [hhmm, run] of steps) {
      t.clock.set(day(hhmm));
      await run();
    }
    for (const [hhmm, run] of day2) {
      t.clock.set(day(hhmm, '2026-11-24'));
      await run();
    }
    t.clock.set(day('09:00', '2026-12-01'));
    ids.G = (await d.report('clerk', { point: east1, source: 'public' })).id;
    t.clock.set(day('09:00', '2026-12-02'));
  });
  afterAll(() => t.close());

  const get = async (url: string, token = tk.bureau!) => {
    const res = await t.req({ method: 'GET', url, token });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const board = async (subject: string, query = 'period=month&date=2026-11', token?: string) =>
    (await get(`/api/v1/evaluation/indicators?subject=${subject}&${query}`, token)) as {
      rows: {
        key: string;
        name: string;
        counts: Record<string, number>;
        rates: Record<string, { value: number | null }>;
        scores: Record<string, number | null>;
        composite: number | null;
        grade: string | null;
      }[];
    };
  const rowOf = async (subject: string, key: string, query?: string) => {
    const r = (await board(subject, query)).rows.find((x) => x.key === key);
    expect(r, `${subject} ${key}`).toBeDefined();
    return r!;
  };
  const casesOf = (...letters: string[]) => letters.map((l) => ids[l]!).sort();
  const drill = async (
    dimension: string,
    key: string,
    indicator: string,
    query = 'period=month&date=2026-11',
    token?: string,
  ) =>
    get(
      `/api/v1/evaluation/drill?dimension=${dimension}&key=${encodeURIComponent(key)}&indicator=${indicator}&${query}`,
      token,
    );
  const drilled = async (dimension: string, key: string, indicator: string) =>
    ((await drill(dimension, key, indicator)).items as { caseId: string }[])
      .map((i) => i.caseId)
      .sort();

  it('the history went as planned', async () => {
    const states = Object.fromEntries(
      await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, (await d.row(id)).state])),
    );
    expect(states).toEqual({
      A: 'closed',
      B: 'closed',
      C: 'voided',
      D: 'closed',
      E: 'hung',
      F: 'handling',
      G: 'verifying',
      H: 'verifying',
    });
    const b = await d.row(ids.B!);
    expect(b).toMatchObject({
      close_kind: 'on_time',
      rework_count: 1,
      return_count: 1,
      extension_count: 1,
    });
    expect((await d.row(ids.E!)).handle_overdue).toBe(1);
    expect((await d.row(ids.F!)).handle_overdue).toBe(1);
  });

  it('handling units: counts, rates, scores, composite, grade', async () => {
    const san = await rowOf('unit', city.units.sanitation);
    // Assignments of 环卫所: A, B (second dispatch), E.
    expect(san.counts).toMatchObject({
      to_handle: 3,
      acknowledged: 3,
      acknowledged_on_time: 2, // E acknowledged 10:40 > 10:30
      handled: 2,
      handled_on_time: 2, // A, B; no feedback after its deadline, no overdue mark
      overdue: 1,
      overdue_unhandled: 0, // E was marked overdue, but it is hung
      rework: 1,
      returned: 0,
      extended: 1,
      hung: 1,
      closed: 2,
      closed_on_time: 2,
    });
    expect(san.scores).toMatchObject({
      handling_rate: 66.67, // 2 / 3 × 100
      handling_on_time_rate: 66.67, // 2 / 3 × 100
      rework_rate: 50, // (1 − 1/2) × 100
      overdue_unhandled_rate: 100, // (1 − 0/3) × 100
      extension_rate: 66.67, // (1 − 1/3) × 100
    });
    // (66.67×30 + 66.67×20 + 50×20 + 100×20 + 66.67×10) / 100 = 7000.2 / 100 = 70.00
    expect(san.composite).toBe(70);
    expect(san.grade).toBe('C');

    const mun = await rowOf('unit', city.units.municipal);
    // Assignments of 市政所: B (first dispatch, returned), F (overdue, unhandled).
    expect(mun.counts).toMatchObject({
      to_handle: 2,
      acknowledged: 2,
      acknowledged_on_time: 2,
      handled: 0,
      handled_on_time: 0,
      overdue: 1,
      overdue_unhandled: 1,
      rework: 0,
      returned: 1,
      extended: 0,
      hung: 0,
    });
    expect(mun.rates.rework_rate!.value).toBeNull(); // nothing handled: not applicable
    // (0×30 + 0×20 + (1 − 1/2)×100×20 + 100×10) / (30 + 20 + 20 + 10) = 2000 / 80 = 25
    expect(mun.composite).toBe(25);
    expect(mun.grade).toBe('E');
  });

  it('inspectors: valid reports, missed reports, on-time verify and check', async () => {
    const insp = await rowOf('inspector', d.ids.inspector);
    expect(insp.counts).toEqual({
      reported: 2,
      valid: 2, // B registered, D self-handled and audited
      verified: 3,
      verified_on_time: 3, // F 09:05, A 09:10, E 09:20, each within 30/60 min
      checked: 3,
      checked_on_time: 2, // A ✓, B check_fail 16:10 > 16:00 ✗, B check_pass ✓
      missed: 3, // valid public cases in the inspector's grids: A, E (east1), F (east2)
      grid_valid: 5, // valid cases in those grids: A, D, E, B, F
    });
    expect(insp.scores).toMatchObject({
      valid_rate: 100,
      missed_rate: 40,
      verify_on_time_rate: 100,
      check_on_time_rate: 66.67,
    });
    // 100×40 + (1 − 3/5)×100×20 + 100×20 + 66.67×20 = 4000 + 800 + 2000 + 1333.4 → 81.33
    expect(insp.composite).toBe(81.33);
    expect(insp.grade).toBe('B');

    const west = await rowOf('inspector', d.ids.westinspector);
    // Only C's verify, late (11:10 > 11:00); no reports, nothing valid in the west grid.
    expect(west.counts).toMatchObject({
      reported: 0,
      verified: 1,
      verified_on_time: 0,
      missed: 0,
      grid_valid: 0,
    });
    expect(west.composite).toBe(0); // only verify_on_time applies: 0 / 1
    expect(west.grade).toBe('E');
  });

  it('intake clerks, shift leaders and dispatchers', async () => {
    const clerk = await rowOf('intake_clerk', d.ids.clerk);
    // Reports A, C, E, F, H; register A, F; void C; send H to verify.
    expect(clerk.counts).toEqual({
      actions: 9,
      verify_sent: 1,
      verify_sent_on_time: 0,
      decided: 3,
      decided_on_time: 3,
    });
    // volume 9 per 30 days → band ≥ 1 → 40; verify dispatch 0/1 → 0; decisions 3/3 → 100
    // (40×25 + 0×40 + 100×35) / 100 = 45
    expect(clerk.scores).toMatchObject({
      volume: 40,
      verify_dispatch_on_time_rate: 0,
      decision_on_time_rate: 100,
    });
    expect(clerk.composite).toBe(45);
    expect(clerk.grade).toBe('D');

    const leader = await rowOf('shift_leader', d.ids.leader);
    // Decisions: E registered 09:25 (due 09:50) ✓, B registered 10:00 (due 09:30) ✗.
    // B was returned later: its registration was not accurate. Closures: A, D (audit), B.
    expect(leader.counts).toEqual({
      decided: 2,
      decided_on_time: 1,
      registered: 2,
      registered_accurate: 1,
      closed: 3,
      closed_on_time: 3,
    });
    // (50×25 + 50×40 + 100×35) / 100 = 67.5
    expect(leader.composite).toBe(67.5);
    expect(leader.grade).toBe('C');

    const disp = await rowOf('dispatcher', d.ids.dispatcher);
    // F 09:15 ✓, A 09:20 ✓, E 09:30 ✓, B 11:00 ✗ (due 10:30) and returned, B 11:40 ✓.
    expect(disp.counts).toEqual({ dispatched: 5, dispatched_on_time: 4, accurate: 4 });
    // volume 5 → 40; (40×20 + 80×40 + 80×40) / 100 = 72
    expect(disp.composite).toBe(72);
    expect(disp.grade).toBe('C');
  });

  it('areas: streets, communities, grids and the district', async () => {
    const east = await rowOf('street', city.eastStreetId);
    // A, B, D, E, F, H reported; public A, E, F; valid A, B, D, E, F; closed on time A, B, D.
    expect(east.counts).toMatchObject({
      reported: 6,
      public: 3,
      valid: 5,
      missed: 3,
      closed: 3,
      closed_on_time: 3,
    });
    expect(east.scores).toMatchObject({
      public_rate: 50,
      volume: 40,
      closure_rate: 60,
      closure_on_time_rate: 60,
    });
    // (50×10 + 40×20 + 60×30 + 60×40) / 100 = 55
    expect(east.composite).toBe(55);
    expect(east.grade).toBe('D');

    const west = await rowOf('street', city.westStreetId);
    // C only: public, voided. Closure rates have no valid case: they drop out.
    expect(west.counts).toMatchObject({
      reported: 1,
      public: 1,
      valid: 0,
      voided: 1,
      verified: 1,
      verified_on_time: 0,
    });
    // ((1 − 1)×100×10 + 40×20) / (10 + 20) = 800 / 30 = 26.67
    expect(west.composite).toBe(26.67);
    expect(west.grade).toBe('E');

    const hubin = await rowOf('community', city.eastCommunityIds[0]);
    // A, D, E, H: public 2 of 4 → 50; valid 3 → band 40; closed 2 of 3 → 66.67
    // (50×10 + 40×20 + 66.67×30 + 66.67×40) / 100 = 5966.9 / 100 = 59.67
    expect(hubin.counts).toMatchObject({
      reported: 4,
      public: 2,
      valid: 3,
      closed: 2,
      closed_on_time: 2,
    });
    expect(hubin.composite).toBe(59.67);
    expect(hubin.grade).toBe('D');

    const liuan = await rowOf('community', city.eastCommunityIds[1]);
    // B, F: (50×10 + 40×20 + 50×30 + 50×40) / 100 = 48
    expect(liuan.composite).toBe(48);

    const g1 = await rowOf('grid', city.grids.east1);
    // As 湖滨社区, but the grid band gives 3 valid cases 75:
    // (50×10 + 75×20 + 66.67×30 + 66.67×40) / 100 = 6666.9 / 100 = 66.67
    expect(g1.scores.volume).toBe(75);
    expect(g1.composite).toBe(66.67);
    expect(g1.grade).toBe('C');
    const g2 = await rowOf('grid', city.grids.east2);
    // B, F: valid 2 → grid band 60: (500 + 60×20 + 1500 + 2000) / 100 = 52
    expect(g2.composite).toBe(52);

    const district = await rowOf('district', city.districtId);
    // 7 reported, 4 public → (1 − 4/7)×100 = 42.86; valid 5 → 40; closed 3/5 → 60
    // (42.86×10 + 40×20 + 60×30 + 60×40) / 100 = 5428.6 / 100 = 54.29
    expect(district.counts).toMatchObject({ reported: 7, public: 4, valid: 5, closed: 3 });
    expect(district.composite).toBe(54.29);
    expect(district.grade).toBe('D');
  });

  it('drills every figure down to exactly the cases it counts', async () => {
    expect(await drilled('unit', city.units.sanitation, 'to_handle')).toEqual(
      casesOf('A', 'B', 'E'),
    );
    expect(await drilled('unit', city.units.sanitation, 'handled_on_time')).toEqual(
      casesOf('A', 'B'),
    );
    expect(await drilled('unit', city.units.municipal, 'overdue_unhandled')).toEqual(casesOf('F'));
    expect(await drilled('unit', city.units.municipal, 'returned')).toEqual(casesOf('B'));
    expect(await drilled('street', city.eastStreetId, 'public')).toEqual(casesOf('A', 'E', 'F'));
    expect(await drilled('street', city.eastStreetId, 'closed_on_time')).toEqual(
      casesOf('A', 'B', 'D'),
    );
    expect(await drilled('inspector', d.ids.inspector, 'missed')).toEqual(casesOf('A', 'E', 'F'));
    expect(await drilled('inspector', d.ids.inspector, 'grid_valid')).toEqual(
      casesOf('A', 'B', 'D', 'E', 'F'),
    );
    expect(await drilled('dispatcher', d.ids.dispatcher, 'accurate')).toEqual(
      casesOf('A', 'B', 'E', 'F'),
    );
    expect(await drilled('shift_leader', d.ids.leader, 'registered_accurate')).toEqual(
      casesOf('E'),
    );
    expect(await drilled('source', 'public', 'reported')).toEqual(casesOf('A', 'E', 'F'));
    expect(await drilled('grid_matter', `${city.grids.east1}|06010`, 'reported')).toEqual(
      casesOf('A', 'D', 'E'),
    );

    // A rate drills to numerator and denominator; the dispatcher's B appears once, with the
    // event of the dispatch that was not returned.
    const rate = await drill('unit', city.units.sanitation, 'handling_rate');
    expect(rate).toMatchObject({
      kind: 'rate',
      rate: 2 / 3,
      numerator: { count: 2 },
      denominator: { count: 3 },
    });
    const acc = await drill('dispatcher', d.ids.dispatcher, 'dispatch_accuracy_rate');
    const bItems = acc.denominator.items.filter((i: { caseId: string }) => i.caseId === ids.B);
    expect(bItems.map((i: { seq: number }) => i.seq)).toHaveLength(2);
    expect(acc.numerator.items.filter((i: { caseId: string }) => i.caseId === ids.B)).toHaveLength(
      1,
    );
    const vol = await drill('intake_clerk', d.ids.clerk, 'volume');
    expect(vol).toMatchObject({ kind: 'volume', count: 9 });

    // Every count of every row of every board equals its drill-down.
    for (const subject of SUBJECTS) {
      for (const row of (await board(subject)).rows) {
        for (const [name, n] of Object.entries(row.counts)) {
          const dr = await drill(subject, row.key, name);
          expect(dr.count, `${subject} ${row.name} ${name}`).toBe(n);
        }
      }
    }
  });

  it('reads any period and keeps other periods out', async () => {
    // Tuesday 24th: only B's closure (anchored at the close) counts for the shift leader.
    const tue = await rowOf('shift_leader', d.ids.leader, 'period=day&date=2026-11-24');
    expect(tue.counts).toMatchObject({ decided: 0, registered: 0, closed: 1, closed_on_time: 1 });
    expect(tue.composite).toBe(100); // only on-time closure applies: 1/1
    expect(tue.grade).toBe('A');
    // B's second feedback (24th) carries the 721 disposal of its assignment.
    const r24 = await get('/api/v1/evaluation/ratio721?groupBy=unit&period=day&date=2026-11-24');
    expect(r24.rows).toEqual([
      expect.objectContaining({ key: city.units.sanitation, service: 0, management: 1, total: 1 }),
    ]);
    // The ISO week 48 (23–29 Nov) holds the same as the month.
    const wk = await rowOf('street', city.eastStreetId, 'period=week&date=2026-W48');
    expect(wk.counts.reported).toBe(6);
    const custom = await rowOf('street', city.eastStreetId, 'from=2026-11-23&to=2026-11-23');
    expect(custom.counts.reported).toBe(6);
    // December: only G.
    const dec = await rowOf('street', city.eastStreetId, 'period=month&date=2026-12');
    expect(dec.counts).toMatchObject({ reported: 1, public: 1, valid: 0 });
    expect(await drill('city', city.cityId, 'reported', 'period=month&date=2026-12')).toMatchObject(
      { count: 1, items: [{ caseId: ids.G }] },
    );
    const q4 = await rowOf('district', city.districtId, 'period=quarter&date=2026-Q4');
    expect(q4.counts.reported).toBe(8);
  });

  it('ranks subjects and lists the red and yellow boards', async () => {
    const r = await get('/api/v1/evaluation/rankings?subject=street&period=month&date=2026-11');
    expect(r.ranked.map((x: { key: string; rank: number }) => [x.key, x.rank])).toEqual([
      [city.eastStreetId, 1],
      [city.westStreetId, 2],
    ]);
    expect(r.red).toEqual([]); // nobody reaches 90
    // Below 60, worst first: 西山 26.67, then 东湖 55.
    expect(r.yellow.map((x: { key: string }) => x.key)).toEqual([
      city.westStreetId,
      city.eastStreetId,
    ]);
    const units = await get(
      '/api/v1/evaluation/rankings?subject=unit&period=month&date=2026-11&bottom=1',
    );
    expect(units.yellow).toEqual([
      expect.objectContaining({ key: city.units.municipal, composite: 25, grade: 'E' }),
    ]);
  });

  it('gives the 721 ratio per unit and per street', async () => {
    const r = await get('/api/v1/evaluation/ratio721?groupBy=unit&period=month&date=2026-11');
    // 环卫所: A service (23rd), B management (24th); 市政所 handled nothing.
    expect(r.rows).toEqual([
      expect.objectContaining({
        key: city.units.sanitation,
        service: 1,
        management: 1,
        enforcement: 0,
        total: 2,
        shares: { service: 0.5, management: 0.5, enforcement: 0 },
        deviation: { service: -20, management: 30, enforcement: -10 }, // vs 70 / 20 / 10
      }),
    ]);
    const s = await get('/api/v1/evaluation/ratio721?groupBy=street&period=month&date=2026-11');
    expect(s.total).toMatchObject({ service: 1, management: 1, total: 2 });
    expect(s.rows.map((x: { key: string }) => x.key)).toEqual([city.eastStreetId]);
    expect(await drilled('street', city.eastStreetId, 'disposal.management')).toEqual(casesOf('B'));
  });

  it('finds hotspots, top grids and repeat locations, with the previous period', async () => {
    const h = await get('/api/v1/evaluation/hotspots?res=9&period=month&date=2026-11');
    expect(h.total).toBe(7);
    expect(h.cells.reduce((a: number, c: { count: number }) => a + c.count, 0)).toBe(7);
    expect(h.cells[0]).toMatchObject({ res: 9, previous: 0 });
    expect(h.cells[0].boundary.length).toBeGreaterThan(5);
    expect(h.grids[0]).toEqual({ gridCode: city.grids.east1, count: 4 });
    // Same grid and matter three times: A, D, E (06010 in east1).
    expect(h.repeats).toEqual([{ gridCode: city.grids.east1, matterCode: '06010', count: 3 }]);
    const top = h.cells[0].cell as string;
    const dr = await drill('h3', top, 'reported');
    expect(dr.count).toBe(h.cells[0].count);
    // Coarser cells add up; a matter filter keeps only its cases.
    const h7 = await get('/api/v1/evaluation/hotspots?res=7&period=month&date=2026-11');
    expect(h7.cells.reduce((a: number, c: { count: number }) => a + c.count, 0)).toBe(7);
    const m = await get('/api/v1/evaluation/hotspots?res=8&matter=06&period=month&date=2026-11');
    expect(m.total).toBe(5); // A, B, D, E, F are 06010; C and H have no matter
    const dec = await get('/api/v1/evaluation/hotspots?res=9&period=month&date=2026-12');
    expect(dec.cells[0]).toMatchObject({ count: 1 });
    expect(dec.total).toBe(1);
  });

  it('follows trends with period-over-period change', async () => {
    const tr = await get(
      `/api/v1/evaluation/trends?dimension=street&metric=reported&period=month&date=2026-12&count=3`,
    );
    expect(tr.periods.map((p: { label: string }) => p.label)).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    const east = tr.series.find((s: { key: string }) => s.key === city.eastStreetId);
    // October 0, November 6, December 1: 1 − 6 = −5, −5 / 6 = −83.33 %
    expect(east).toMatchObject({
      values: [0, 6, 1],
      change: { previous: 6, abs: -5, pct: -83.33 },
    });
    const comp = await get(
      `/api/v1/evaluation/trends?dimension=unit&metric=composite&period=month&date=2026-11&count=2`,
    );
    expect(
      comp.series.find((s: { key: string }) => s.key === city.units.sanitation).values,
    ).toEqual([null, 70]);
    const bad = await t.req({
      method: 'GET',
      url: '/api/v1/evaluation/trends?dimension=street&metric=nonsense',
      token: tk.bureau!,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'EVALUATION_INDICATOR_UNKNOWN',
      details: [{ path: 'query.metric' }],
    });
  });

  it('keeps every answer within the caller’s jurisdiction', async () => {
    // A street chief: streets of the street, units and people by their work in it.
    const streets = await board('street', undefined, tk.eastchief);
    expect(streets.rows.map((r) => r.key)).toEqual([city.eastStreetId]);
    const inspectors = await board('inspector', undefined, tk.eastchief);
    expect(inspectors.rows.map((r) => r.key)).toEqual([d.ids.inspector]); // westinspector worked in 西山
    const district = await t.req({
      method: 'GET',
      url: '/api/v1/evaluation/indicators?subject=district',
      token: tk.eastchief!,
    });
    expect(district.statusCode).toBe(403);
    expect(district.json().error.code).toBe('AUTH_OUT_OF_SCOPE');
    const westDrill = await t.req({
      method: 'GET',
      url: `/api/v1/evaluation/drill?dimension=street&key=${city.westStreetId}&indicator=reported`,
      token: tk.eastchief!,
    });
    expect(westDrill.statusCode).toBe(403);
    // A unit leader: their unit only.
    const units = await board('unit', undefined, tk.sanleader);
    expect(units.rows.map((r) => r.key)).toEqual([city.units.sanitation]);
    expect(units.rows[0]!.composite).toBe(70);
    const other = await t.req({
      method: 'GET',
      url: `/api/v1/evaluation/drill?dimension=unit&key=${city.units.municipal}&indicator=to_handle&period=month&date=2026-11`,
      token: tk.sanleader!,
    });
    expect(other.statusCode).toBe(403);
    const streetsForUnit = await t.req({
      method: 'GET',
      url: '/api/v1/evaluation/indicators?subject=street',
      token: tk.sanleader!,
    });
    expect(streetsForUnit.statusCode).toBe(403);
    // Roles without evaluation.read, and no session at all.
    const insp = await t.req({
      method: 'GET',
      url: '/api/v1/evaluation/indicators?subject=unit',
      token: tk.inspector!,
    });
    expect(insp.statusCode).toBe(403);
    expect(insp.json().error.code).toBe('AUTH_FORBIDDEN');
    const anon = await t.req({ method: 'GET', url: '/api/v1/evaluation/indicators?subject=unit' });
    expect(anon.statusCode).toBe(401);
  });

  it('rejects bad queries with the field and a stable code', async () => {
    const cases: [string, number, string, string][] = [
      ['indicators?subject=planet', 400, 'VALIDATION_FAILED', 'query.subject'],
      [
        'indicators?subject=unit&period=month&date=2026-13',
        400,
        'EVALUATION_PERIOD_INVALID',
        'query.date',
      ],
      [
        'indicators?subject=unit&period=week&date=2026-W54',
        400,
        'EVALUATION_PERIOD_INVALID',
        'query.date',
      ],
      [
        'indicators?subject=unit&from=2026-11-30&to=2026-11-01',
        400,
        'EVALUATION_PERIOD_INVALID',
        'query.to',
      ],
      [
        'indicators?subject=unit&from=2025-01-01&to=2026-11-01',
        400,
        'EVALUATION_PERIOD_INVALID',
        'query.to',
      ],
      [
        'indicators?subject=unit&period=year&date=9999',
        400,
        'EVALUATION_PERIOD_INVALID',
        'query.date',
      ],
      [
        'trends?dimension=street&period=year&date=0000',
        400,
        'EVALUATION_PERIOD_INVALID',
        'query.date',
      ],
      [
        'indicators?subject=unit&period=day&date=2026-11-23&from=2026-11-01',
        400,
        'EVALUATION_PERIOD_INVALID',
        'query.from',
      ],
      [
        'drill?dimension=unit&key=x&indicator=closure_rate',
        400,
        'EVALUATION_INDICATOR_UNKNOWN',
        'query.indicator',
      ],
      ['drill?dimension=h3&key=nothex&indicator=reported', 400, 'VALIDATION_FAILED', 'query.key'],
      ['hotspots?res=5', 400, 'VALIDATION_FAILED', 'query.res'],
      ['hotspots?matter=6', 400, 'VALIDATION_FAILED', 'query.matter'],
      ['ratio721?groupBy=planet', 400, 'VALIDATION_FAILED', 'query.groupBy'],
      ['indicators?subject=unit&color=red', 400, 'VALIDATION_FAILED', 'query.color'],
    ];
    for (const [url, status, code, path] of cases) {
      const res = await t.req({
        method: 'GET',
        url: `/api/v1/evaluation/${url}`,
        token: tk.bureau!,
      });
      expect(res.statusCode, url).toBe(status);
      expect(res.json().error.code, url).toBe(code);
      expect(JSON.stringify(res.json().error.details), url).toContain(path);
    }
  });

  it('keeps weights and publication as settings, and publishes only what the city chooses', async () => {
    const s = await get('/api/v1/evaluation/settings');
    expect(s.composites.unit).toEqual([
      { indicator: 'handling_rate', weight: 30 },
      { indicator: 'handling_on_time_rate', weight: 20 },
      { indicator: 'rework_rate', weight: 20 },
      { indicator: 'overdue_unhandled_rate', weight: 20 },
      { indicator: 'extension_rate', weight: 10 },
    ]);
    expect(s.grades).toEqual({ A: 90, B: 75, C: 60, D: 40 });
    const put = (body: object, token = tk.admin1!) =>
      t.req({ method: 'PUT', url: '/api/v1/evaluation/settings', token, payload: body });

    const notAdmin = await put(s, tk.bureau);
    expect(notAdmin.statusCode).toBe(403);
    const unknown = await put({
      ...s,
      composites: { ...s.composites, unit: [{ indicator: 'charm', weight: 10 }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'EVALUATION_SETTINGS_INVALID',
      details: [{ path: 'body.composites.unit.0.indicator' }],
    });
    const grades = await put({ ...s, grades: { A: 90, B: 95, C: 60, D: 40 } });
    expect(grades.json().error).toMatchObject({
      code: 'EVALUATION_SETTINGS_INVALID',
      details: [{ path: 'body.grades' }],
    });
    const board = await put({
      ...s,
      publicBoard: { ...s.publicBoard, enabled: true, subjects: [] },
    });
    expect(board.json().error).toMatchObject({
      code: 'EVALUATION_SETTINGS_INVALID',
      details: [{ path: 'body.publicBoard' }],
    });
    const shape = await put({ ...s, grades: { A: 'x' } });
    expect(shape.statusCode).toBe(400);
    expect((await get('/api/v1/evaluation/settings')).grades.A).toBe(90); // nothing half-written

    // Handling rate alone: 环卫所 2/3 → 66.67 (C), 市政所 0 (E).
    const ok = await put({
      ...s,
      composites: { ...s.composites, unit: [{ indicator: 'handling_rate', weight: 1 }] },
    });
    expect(ok.statusCode).toBe(200);
    expect((await rowOf('unit', city.units.sanitation)).composite).toBe(66.67);

    // The public board: nothing until published, then streets for ended months only.
    const closed = await t.req({ method: 'GET', url: '/api/v1/public/board' });
    expect(closed.statusCode).toBe(404);
    expect(closed.json().error.code).toBe('EVALUATION_BOARD_NOT_PUBLISHED');
    await put({
      ...s,
      publicBoard: { ...s.publicBoard, enabled: true, subjects: ['street'], periods: ['month'] },
    });
    const pub = await t.req({ method: 'GET', url: '/api/v1/public/board' });
    expect(pub.statusCode).toBe(200);
    const b = pub.json();
    expect(b.period.label).toBe('2026-11'); // today is 2 December: the last ended month
    expect(b.ranked.map((x: { name: string; composite: number }) => [x.name, x.composite])).toEqual(
      [
        ['东湖街道', 55],
        ['西山街道', 26.67],
      ],
    );
    expect(b.ranked[0].counts).toBeUndefined();
    // It says what else is published, so the portal offers exactly those boards.
    expect(b.published).toEqual({ subjects: ['street'], periods: ['month'] });
    expect(
      (await t.req({ method: 'GET', url: '/api/v1/public/board?subject=unit' })).statusCode,
    ).toBe(404);
    expect(
      (await t.req({ method: 'GET', url: '/api/v1/public/board?date=2026-12' })).statusCode,
    ).toBe(404);
  });
});
