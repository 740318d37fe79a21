import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedLoopCity, uploadPhoto, type LoopCity } from '../../../test/loop-city';
import { verifyAllChains } from '../audit/audit.service';

const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;
const iso = (s: string) => new Date(s).toISOString();

describe('cases API: side paths, sweep, duplicates, search, audit', () => {
  let t: TestApp;
  let city: LoopCity;
  let tk: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ now: at('2026-11-23', '08:00'), env: { SESSION_TTL_HOURS: '720' } });
    city = await seedLoopCity(t);
    tk = city.tokens;
  });
  afterAll(() => t.close());

  const report = async (token: string, body: Record<string, unknown> = {}) => {
    const res = await t.req({
      method: 'POST',
      url: '/api/v1/cases',
      token,
      payload: {
        source: 'hotline',
        description: '路边暴露垃圾堆放',
        lng: city.points.east1[0],
        lat: city.points.east1[1],
        ...body,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const get = async (id: string) =>
    (await t.req({ method: 'GET', url: `/api/v1/cases/${id}`, token: tk.leader! })).json();
  const act = async (
    time: string | null,
    token: string,
    id: string,
    body: Record<string, unknown>,
    status = 200,
  ) => {
    if (time) {
      t.clock.set(time);
    }
    const res = await t.req({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      token,
      payload: { version: (await get(id)).version, ...body },
    });
    expect(res.statusCode, `${String(body.action)}: ${res.body}`).toBe(status);
    return res.json();
  };
  const events = async (id: string) =>
    (await t.req({ method: 'GET', url: `/api/v1/cases/${id}/events`, token: tk.leader! })).json()
      .items as {
      seq: number | null;
      action: string;
      actor: { role: string };
      payload: Record<string, unknown>;
    }[];
  /** The notices stored for a case (the store is read directly: units read them by unit). */
  const noticesOf = (id: string) =>
    t.store.db.selectFrom('case_notice').selectAll().where('case_id', '=', id).execute();

  /** Report, verify and register a case (暴露垃圾), ready to dispatch. */
  const registered = async (day: string, hhmm: string, body: Record<string, unknown> = {}) => {
    t.clock.set(at(day, hhmm));
    const c = await report(tk.clerk!, body);
    await act(null, tk.inspector!, c.id, { action: 'verify', verifyResult: true });
    await act(null, tk.clerk!, c.id, { action: 'register', matterCode: '06010' });
    return c.id as string;
  };

  it('refuses and voids at intake; terminal cases allow nothing', async () => {
    const a = await report(tk.clerk!);
    await act(at('2026-11-23', '09:05'), tk.inspector!, a.id, {
      action: 'verify',
      verifyResult: false,
    });
    const refused = await act(null, tk.leader!, a.id, {
      action: 'refuse',
      reason: '不属于城管职责',
    });
    expect(refused).toMatchObject({ state: 'refused', availableActions: [] });
    await act(null, tk.leader!, a.id, { action: 'supervise', reason: 'x' }, 422);

    const b = await report(tk.clerk!);
    await act(null, tk.inspector!, b.id, { action: 'verify', verifyResult: true });
    await act(null, tk.clerk!, b.id, { action: 'void' }, 422);
    const voided = await act(null, tk.clerk!, b.id, { action: 'void', voidReason: 'duplicate' });
    expect(voided).toMatchObject({ state: 'voided', voidReason: 'duplicate' });
  });

  it('returns a wrongly dispatched case for re-dispatch; the override and the return are recorded', async () => {
    const id = await registered('2026-11-23', '10:00');
    // The proposal is the sanitation unit; the dispatcher overrides it.
    await act(null, tk.dispatcher!, id, { action: 'dispatch', targetUnitId: city.units.municipal });
    // Another unit may not act on it.
    await act(null, tk.unit!, id, { action: 'acknowledge' }, 404); // not its case: it does not even see it
    await act(null, tk.unit2!, id, { action: 'acknowledge' });
    await act(null, tk.unit2!, id, { action: 'request_return' }, 422);
    await act(null, tk.unit2!, id, { action: 'request_return', reason: '属环卫职责' });
    const back = await act(null, tk.dispatcher!, id, { action: 'approve_return' });
    expect(back).toMatchObject({
      state: 'registered',
      unitId: null,
      counters: { return: 1 },
      stage: { name: 'dispatch' },
    });
    const again = await act(null, tk.dispatcher!, id, {
      action: 'dispatch',
      targetUnitId: city.units.sanitation,
    });
    expect(again).toMatchObject({ state: 'dispatched', unitId: city.units.sanitation });
    const ev = await events(id);
    const dispatches = ev.filter((e) => e.action === 'dispatch');
    expect(dispatches[0]!.payload).toMatchObject({
      override: true,
      proposedUnitId: city.units.sanitation,
    });
    expect(dispatches[1]!.payload.override).toBeUndefined();
    expect(ev.map((e) => e.action)).toContain('approve_return');
  });

  it('pauses the handling clock while hung over a weekend and moves the deadline on resume', async () => {
    // Fri 2026-11-27 09:00 dispatch: 2 working hours → 11:00.
    const id = await registered('2026-11-27', '08:40');
    const d = await act(at('2026-11-27', '09:00'), tk.dispatcher!, id, {
      action: 'dispatch',
      targetUnitId: city.units.sanitation,
    });
    expect(d.handling.deadline).toBe(iso(at('2026-11-27', '11:00')));
    await act(at('2026-11-27', '09:10'), tk.unit!, id, { action: 'acknowledge' });
    await act(at('2026-11-27', '09:30'), tk.unit!, id, {
      action: 'request_hang',
      reason: '需协调预算',
    });
    const hung = await act(at('2026-11-27', '10:00'), tk.dispatcher!, id, {
      action: 'approve_hang',
    });
    expect(hung).toMatchObject({
      state: 'hung',
      counters: { hang: 1 },
      handling: { paused: true },
    });
    // The sweep leaves a hung case alone, even past its old deadline, and its light (the
    // command centre's red count, the map) does not turn red: its clock stands still at 1 of
    // its 2 working hours used (measured against the deadline it would get on resume).
    t.clock.set(at('2026-11-30', '09:00'));
    await t.services.cases.sweepOverdue({ limit: 100 });
    expect((await get(id)).stage).toMatchObject({ overdue: false, light: 'green', usedRatio: 0.5 });
    // Resume Mon 10:00: 1 working hour was left at 10:00 Fri → Mon 11:00.
    const resumed = await act(at('2026-11-30', '10:00'), tk.dispatcher!, id, { action: 'resume' });
    expect(resumed).toMatchObject({
      state: 'handling',
      handling: { deadline: iso(at('2026-11-30', '11:00')), paused: false },
      stage: { name: 'handle', deadline: iso(at('2026-11-30', '11:00')) },
    });
    // Past the new deadline: the handling unit gets the overdue notice, once.
    t.clock.set(at('2026-11-30', '11:01'));
    await t.services.cases.sweepOverdue({ limit: 100 });
    await t.services.cases.sweepOverdue({ limit: 100 });
    expect((await get(id)).stage.overdue).toBe(true);
    const notices = await t.services.cases.notices({
      unitId: city.units.sanitation,
      limit: 100,
    });
    expect(notices.filter((n) => n.case_id === id)).toEqual([
      expect.objectContaining({
        kind: 'overdue',
        stage: 'handle',
        deadline_at: Date.parse(at('2026-11-30', '11:00')),
        at: Date.parse(at('2026-11-30', '11:01')),
      }),
    ]);
  });

  it('self-handles on the spot, audited then closed; a failed audit voids', async () => {
    t.clock.set(at('2026-11-24', '09:00'));
    const photo = await uploadPhoto(t, tk.inspector!);
    const res = await t.req({
      method: 'POST',
      url: '/api/v1/cases',
      token: tk.inspector!,
      payload: {
        source: 'inspector',
        matterCode: '07001',
        description: '电线杆小广告',
        lng: city.points.east2[0],
        lat: city.points.east2[1],
        attachmentIds: [photo],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.state).toBe('pending_register');
    await act(null, tk.inspector!, c.id, { action: 'self_handle' }, 422);
    const photo2 = await uploadPhoto(t, tk.inspector!);
    const sh = await act(null, tk.inspector!, c.id, {
      action: 'self_handle',
      attachmentIds: [photo2],
    });
    expect(sh.state).toBe('self_handled');
    const closed = await act(null, tk.leader!, c.id, { action: 'audit_pass' });
    expect(closed.state).toBe('closed');
    // Its photos are visible within the case's jurisdiction only.
    const own = await t.req({
      method: 'GET',
      url: `/api/v1/attachments/${photo2}/thumb`,
      token: tk.eastclerk!,
    });
    expect(own.statusCode).toBe(200);
    const other = await t.req({
      method: 'GET',
      url: `/api/v1/attachments/${photo2}`,
      token: tk.westclerk!,
    });
    expect(other.statusCode).toBe(404);

    const c2 = (
      await t.req({
        method: 'POST',
        url: '/api/v1/cases',
        token: tk.inspector!,
        payload: {
          source: 'inspector',
          description: '小广告二',
          lng: city.points.east2[0],
          lat: city.points.east2[1],
        },
      })
    ).json();
    await act(null, tk.inspector!, c2.id, {
      action: 'self_handle',
      attachmentIds: [await uploadPhoto(t, tk.inspector!)],
    });
    const failed = await act(null, tk.leader!, c2.id, {
      action: 'audit_fail',
      reason: '未清除干净',
    });
    expect(failed).toMatchObject({ state: 'voided', voidReason: 'self_handle_rejected' });
  });

  it('suggests duplicates at intake, merges a child, and closing the parent closes it', async () => {
    t.clock.set(at('2026-11-25', '09:00'));
    const parent = await report(tk.clerk!, {
      description: '柳岸社区东门暴露垃圾很多',
      lng: 120.1025,
      lat: 30.2005,
    });
    t.clock.set(at('2026-11-25', '09:20'));
    const child = await report(tk.clerk!, {
      description: '柳岸社区东门暴露垃圾',
      lng: 120.10252,
      lat: 30.20052,
    });
    const full = await get(child.id);
    expect(full.duplicates.map((d: { caseId: string }) => d.caseId)).toContain(parent.id);

    const merged = await act(null, tk.clerk!, child.id, {
      action: 'merge',
      parentCaseId: parent.id,
    });
    expect(merged).toMatchObject({ state: 'verifying', parentCaseId: parent.id });
    expect(
      merged.availableActions.filter((a: string) => a !== 'supervise' && a !== 'remind'),
    ).toEqual([]);
    await act(null, tk.inspector!, child.id, { action: 'verify', verifyResult: true }, 422);

    // Drive the parent to closure.
    await act(null, tk.inspector!, parent.id, { action: 'verify', verifyResult: true });
    await act(null, tk.clerk!, parent.id, { action: 'register', matterCode: '06010' });
    await act(null, tk.dispatcher!, parent.id, {
      action: 'dispatch',
      targetUnitId: city.units.sanitation,
    });
    await act(null, tk.unit!, parent.id, { action: 'acknowledge' });
    await act(null, tk.unit!, parent.id, {
      action: 'feedback',
      description: '已清',
      disposalMode: 'service',
      attachmentIds: [await uploadPhoto(t, tk.unit!)],
    });
    await act(null, tk.inspector!, parent.id, {
      action: 'check_pass',
      attachmentIds: [await uploadPhoto(t, tk.inspector!)],
    });
    await act(at('2026-11-25', '10:30'), tk.leader!, parent.id, { action: 'close' });
    const childAfter = await get(child.id);
    expect(childAfter).toMatchObject({ state: 'closed', closeKind: 'merged' });
    const ev = await events(child.id);
    expect(ev.at(-1)).toMatchObject({
      action: 'close',
      actor: { role: 'system' },
      payload: { reason: 'parent_closed', parentCaseId: parent.id },
    });
  });

  it('the overdue sweep marks a stage once: one notice, shown in the timeline; the case row is not written', async () => {
    t.clock.set(at('2026-12-01', '09:00'));
    const c = await report(tk.clerk!, { description: '超时测试' });
    // Verify stage in an A area: 30 minutes.
    expect((await get(c.id)).stage.deadline).toBe(iso(at('2026-12-01', '09:30')));
    t.clock.set(at('2026-12-01', '09:29'));
    await t.services.cases.sweepOverdue({ limit: 100 });
    expect((await get(c.id)).stage).toMatchObject({ overdue: false, light: 'yellow' });
    const before = await get(c.id);
    t.clock.set(at('2026-12-01', '09:31'));
    const first = await t.services.cases.sweepOverdue({ limit: 100 });
    expect(first.marked).toBeGreaterThanOrEqual(1);
    const second = await t.services.cases.sweepOverdue({ limit: 100 });
    expect(second.marked).toBe(0);
    const v = await get(c.id);
    expect(v.stage).toMatchObject({ overdue: true, light: 'red' });
    // The mark is a notice: the case keeps its version and its chain.
    expect(v.version).toBe(before.version);
    const ev = (await events(c.id)).filter((e) => e.action === 'overdue');
    expect(ev).toEqual([
      expect.objectContaining({
        seq: null,
        hash: null,
        at: iso(at('2026-12-01', '09:31')),
        actor: expect.objectContaining({ role: 'system' }),
        fromState: 'verifying',
        toState: 'verifying',
        payload: { stage: 'verify', deadline: iso(at('2026-12-01', '09:30')) },
      }),
    ]);
    expect((await noticesOf(c.id)).filter((n) => n.kind === 'overdue')).toHaveLength(1);
    const list = (
      await t.req({
        method: 'GET',
        url: '/api/v1/cases?overdue=true&pageSize=200',
        token: tk.leader!,
      })
    ).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const notOverdue = (
      await t.req({
        method: 'GET',
        url: '/api/v1/cases?overdue=false&pageSize=200',
        token: tk.leader!,
      })
    ).json();
    expect(notOverdue.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    // Verified late: the timeline keeps the mark between the report and the verification.
    await act(at('2026-12-01', '09:40'), tk.inspector!, c.id, {
      action: 'verify',
      verifyResult: true,
    });
    expect((await events(c.id)).map((e) => e.action)).toEqual(['report', 'overdue', 'verify']);
    expect((await get(c.id)).stage).toMatchObject({ name: 'register', overdue: false });
    expect((await verifyAllChains(t.store.db)).broken).toEqual([]);
  });

  it('marks the handling stage with a chained event and the handling flag, and a case the hooks refuse does not hold up the others', async () => {
    const batch: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await registered('2026-12-02', '09:00', { description: `批量超时 ${i}` });
      await act(null, tk.dispatcher!, id, {
        action: 'dispatch',
        targetUnitId: city.units.sanitation,
      });
      await act(null, tk.unit!, id, { action: 'acknowledge' });
      batch.push(id);
    }
    // One case whose overdue event a listener refuses: the batch falls back to one by one.
    const poison = batch[2]!;
    let refuse = true;
    t.services.caseEvents.subscribe('test-poison', (_trx, changes) =>
      refuse && changes.some((c) => c.after.id === poison && c.event.action === 'overdue')
        ? Promise.reject(new Error('refused by a test listener'))
        : Promise.resolve(),
    );
    try {
      // Handling limit 2 working hours: past it at 11:30.
      t.clock.set(at('2026-12-02', '11:30'));
      const r = await t.services.cases.sweepOverdue({ limit: 100 });
      // (Other cases of this store may have passed deadlines too.)
      expect(r.failed).toBe(1);
      expect(r.marked).toBeGreaterThanOrEqual(5);
      for (const id of batch) {
        const marks = (await events(id)).filter((e) => e.action === 'overdue');
        const v = await get(id);
        if (id === poison) {
          expect(marks).toHaveLength(0);
          expect(v.handling.overdue).toBe(false);
          // The refused case's notice rolled back with its mark.
          expect((await noticesOf(id)).filter((n) => n.kind === 'overdue')).toHaveLength(0);
        } else {
          expect(marks).toEqual([
            expect.objectContaining({
              seq: expect.any(Number),
              hash: expect.any(String),
              payload: { stage: 'handle', deadline: v.handling.deadline },
            }),
          ]);
          expect(v.handling.overdue).toBe(true);
          expect((await noticesOf(id)).filter((n) => n.kind === 'overdue')).toHaveLength(1);
        }
      }
      expect((await verifyAllChains(t.store.db)).broken).toEqual([]);
      // Marked ones are not marked again; the refused one is tried again (and refused again).
      expect(await t.services.cases.sweepOverdue({ limit: 100 })).toMatchObject({
        marked: 0,
        failed: 1,
      });
    } finally {
      refuse = false;
    }
    // Once the listener accepts it, the next sweep marks it.
    expect(await t.services.cases.sweepOverdue({ limit: 100 })).toMatchObject({
      marked: 1,
      failed: 0,
    });
    expect((await get(poison)).handling.overdue).toBe(true);
  });

  it('a command that leaves a passed handling deadline marks it at once (the watermark may be past it)', async () => {
    const id = await registered('2026-12-03', '09:00');
    await act(null, tk.dispatcher!, id, {
      action: 'dispatch',
      targetUnitId: city.units.sanitation,
    });
    // Acknowledged at 11:40: the handling deadline (11:00) has passed; no sweep runs after.
    const v = await act(at('2026-12-03', '11:40'), tk.unit!, id, { action: 'acknowledge' });
    expect(v).toMatchObject({ state: 'handling', handling: { overdue: true } });
    expect(v.stage).toMatchObject({ name: 'handle', overdue: true });
    const marks = (await events(id)).filter((e) => e.action === 'overdue');
    expect(marks).toEqual([
      expect.objectContaining({
        seq: expect.any(Number),
        payload: expect.objectContaining({ stage: 'handle' }),
      }),
    ]);
    expect((await noticesOf(id)).filter((n) => n.stage === 'handle')).toHaveLength(1);
    // The sweep after it does not mark it again.
    await t.services.cases.sweepOverdue({ limit: 100 });
    expect(
      (await events(id)).filter((e) => e.action === 'overdue' && e.payload.stage === 'handle'),
    ).toHaveLength(1);
  });

  it('a clock set back below the watermark is swept from the first deadline again', async () => {
    // The sweeps above ran in December; a case reported on a November day is still marked.
    t.clock.set(at('2026-11-24', '14:00'));
    const c = await report(tk.clerk!, { description: '时钟回拨' });
    t.clock.set(at('2026-11-24', '14:31'));
    expect((await t.services.cases.sweepOverdue({ limit: 500 })).marked).toBeGreaterThanOrEqual(1);
    expect((await events(c.id)).map((e) => e.action)).toEqual(['report', 'overdue']);
  });

  it('finds cases by Chinese free text, filters and pages', async () => {
    t.clock.set(at('2026-11-26', '14:00'));
    const c = await report(tk.clerk!, {
      description: '松岭社区北门井盖缺失，行人危险',
      lng: city.points.west[0],
      lat: city.points.west[1],
    });
    const hit = (
      await t.req({
        method: 'GET',
        url: `/api/v1/cases?q=${encodeURIComponent('井盖缺失')}`,
        token: tk.leader!,
      })
    ).json();
    expect(hit.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const miss = (
      await t.req({
        method: 'GET',
        url: `/api/v1/cases?q=${encodeURIComponent('井盖破损')}`,
        token: tk.leader!,
      })
    ).json();
    expect(miss.items).toEqual([]);
    const byNumber = (
      await t.req({ method: 'GET', url: `/api/v1/cases?q=${c.number}`, token: tk.leader! })
    ).json();
    expect(byNumber.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const page = (
      await t.req({
        method: 'GET',
        url: '/api/v1/cases?pageSize=2&page=1&sort=created_at&order=asc',
        token: tk.leader!,
      })
    ).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const street = (
      await t.req({
        method: 'GET',
        url: `/api/v1/cases?regionId=${city.westStreetId}&pageSize=200`,
        token: tk.leader!,
      })
    ).json();
    expect(
      street.items.every(
        (x: { location: { streetId: string } }) => x.location.streetId === city.westStreetId,
      ),
    ).toBe(true);
    const bad = await t.req({
      method: 'GET',
      url: '/api/v1/cases?state=flying',
      token: tk.leader!,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps every hash chain intact, and names the event edited by hand', async () => {
    const ok = await verifyAllChains(t.store.db);
    expect(ok.broken).toEqual([]);
    expect(ok.events).toBeGreaterThan(20);
    const victim = await t.store.db
      .selectFrom('case_event')
      .select(['id', 'case_id', 'seq'])
      .where('action', '=', 'dispatch')
      .executeTakeFirstOrThrow();
    await t.store.db
      .updateTable('case_event')
      .set({ payload: '{"targetUnitId":"someone-else"}' })
      .where('id', '=', victim.id)
      .execute();
    const broken = await verifyAllChains(t.store.db);
    expect(broken.broken).toEqual([
      { caseId: victim.case_id, seq: victim.seq, eventId: victim.id, problem: 'hash_mismatch' },
    ]);
  });
});
