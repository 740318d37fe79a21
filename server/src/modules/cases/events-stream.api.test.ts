import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedLoopCity, type LoopCity } from '../../../test/loop-city';

/** Opens the SSE stream as a user and collects `event: case` payloads. */
function subscribe(port: number, token: string) {
  const received: { number: string; action: string; seq?: number | null; toState?: string }[] = [];
  let ready!: () => void;
  const opened = new Promise<void>((r) => (ready = r));
  const req = request(
    { port, path: '/api/v1/events/stream', headers: { authorization: `Bearer ${token}` } },
    (res) => {
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        buf += chunk;
        if (buf.includes(': connected')) {
          ready();
        }
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = /^data: (.*)$/m.exec(block);
          if (block.includes('event: case') && data) {
            received.push(JSON.parse(data[1]!));
          }
        }
      });
    },
  );
  req.end();
  return { received, opened, close: () => req.destroy() };
}

describe('GET /api/v1/events/stream', () => {
  let t: TestApp;
  let city: LoopCity;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00+08:00' });
    city = await seedLoopCity(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  /** Reports a case in the east street (东湖街道) and returns its number. */
  const reportEast = async (description: string): Promise<string> => {
    const res = await t.req({
      method: 'POST',
      url: '/api/v1/cases',
      token: city.tokens.clerk!,
      payload: {
        source: 'hotline',
        description,
        lng: city.points.east1[0],
        lat: city.points.east1[1],
      },
    });
    expect(res.statusCode).toBe(201);
    return res.json().number as string;
  };
  /** Delivery is asynchronous (on PostgreSQL it goes through NOTIFY): waits for it, bounded. */
  const delivered = async (sub: ReturnType<typeof subscribe>, number: string) => {
    for (let i = 0; i < 200 && !sub.received.some((e) => e.number === number); i++) {
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('401 without a session', async () => {
    const res = await t.req({ method: 'GET', url: '/api/v1/events/stream' });
    expect(res.statusCode).toBe(401);
  });

  it('pushes case events to subscribers whose jurisdiction covers the case, and only to them', async () => {
    const east = subscribe(port, city.tokens.eastclerk!);
    const west = subscribe(port, city.tokens.westclerk!);
    await Promise.all([east.opened, west.opened]);
    const number = await reportEast('东湖街道实时推送测试');
    await delivered(east, number);
    expect(east.received).toEqual([expect.objectContaining({ number, action: 'report' })]);
    expect(west.received).toEqual([]);
    east.close();
    west.close();
  });

  it("pushes the sweep's overdue mark of a stage other than handling (a notice, no seq) to the case's street", async () => {
    const number = await reportEast('核实超时推送');
    const east = subscribe(port, city.tokens.eastclerk!);
    const west = subscribe(port, city.tokens.westclerk!);
    await Promise.all([east.opened, west.opened]);
    // The verify stage of an A area: 30 minutes.
    t.clock.advance(31 * 60_000);
    expect((await t.services.cases.sweepOverdue({ limit: 100 })).marked).toBeGreaterThanOrEqual(1);
    await delivered(east, number);
    expect(east.received).toContainEqual(
      expect.objectContaining({ number, action: 'overdue', seq: null, toState: 'verifying' }),
    );
    expect(west.received.filter((e) => e.number === number)).toEqual([]);
    east.close();
    west.close();
  });

  it.runIf(process.env.TEST_DIALECT === 'postgres')(
    'on PostgreSQL, an event written on one node reaches subscribers on another (LISTEN/NOTIFY)',
    async () => {
      // A second node: its own app, services and live bus on the same database.
      const node2 = await buildApp({ config: t.config, store: t.store, clock: t.clock });
      await node2.app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const port2 = (node2.app.server.address() as AddressInfo).port;
        const sub = subscribe(port2, city.tokens.eastclerk!);
        await sub.opened;
        const number = await reportEast('跨节点推送');
        await delivered(sub, number);
        expect(sub.received).toEqual([expect.objectContaining({ number, action: 'report' })]);
        sub.close();
      } finally {
        await node2.services.stop();
        await node2.app.close();
      }
    },
  );
});
