import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { LiveCaseEvent } from '../cases/cases.ports';

export const LIVE_CHANNEL = 'cityloop_case_events';

/** Pushes case events to subscribers on this node, and on PostgreSQL to every node. */
export interface LiveBus {
  publish(event: LiveCaseEvent): void;
  subscribe(listener: (event: LiveCaseEvent) => void): () => void;
  /** Subscribers on this node (for health and tests). */
  readonly listenerCount: number;
  /**
   * False only when no subscriber anywhere can receive an event: a publisher that must read
   * rows to build its events may skip them. On PostgreSQL other nodes may listen: always true.
   */
  readonly heard: boolean;
  close(): Promise<void>;
}

/** In-process bus: one node (the SQLite default). */
export function createLocalBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (e) => void emitter.emit('event', e),
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    get listenerCount() {
      return emitter.listenerCount('event');
    },
    get heard() {
      return emitter.listenerCount('event') > 0;
    },
    close: () => Promise.resolve(),
  };
}

/**
 * PostgreSQL LISTEN/NOTIFY bus: publish sends NOTIFY; every node (this one included) LISTENs
 * on one dedicated connection and hands events to its own subscribers, so an event written on
 * any node reaches the consoles connected to every node exactly once.
 */
export async function createPostgresBus(
  url: string,
  log: { warn(obj: unknown, msg: string): void },
  schema?: string,
): Promise<LiveBus> {
  const local = createLocalBus();
  const channel = schema ? `${LIVE_CHANNEL}_${schema}` : LIVE_CHANNEL;
  const listener = new pg.Client({ connectionString: url });
  await listener.connect();
  listener.on('notification', (msg) => {
    if (msg.channel !== channel || !msg.payload) {
      return;
    }
    try {
      local.publish(JSON.parse(msg.payload) as LiveCaseEvent);
    } catch (err) {
      log.warn({ err }, 'live bus: bad notification');
    }
  });
  listener.on('error', (err) => log.warn({ err }, 'live bus: listener connection error'));
  await listener.query(`LISTEN ${channel}`);
  const sender = new pg.Pool({ connectionString: url, max: 2 });
  return {
    publish(e) {
      sender
        .query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(e)])
        .catch((err: unknown) => {
          log.warn({ err }, 'live bus: notify failed; delivering locally only');
          local.publish(e);
        });
    },
    subscribe: (listener) => local.subscribe(listener),
    get listenerCount() {
      return local.listenerCount;
    },
    heard: true,
    async close() {
      await listener.end();
      await sender.end();
    },
  };
}
