import pg from 'pg';

/** Decides whether this node runs the background clock. */
export interface Leadership {
  /** True when this node holds the lock (tries to take it when not). */
  isLeader(): Promise<boolean>;
  release(): Promise<void>;
}

/** One node, one store file: always the leader. */
export const soleLeader: Leadership = {
  isLeader: () => Promise.resolve(true),
  release: () => Promise.resolve(),
};

/** Advisory-lock key of the background clock (an arbitrary constant shared by all nodes). */
export const SWEEP_LOCK_KEY = 47678_2026;

/**
 * Leadership by a PostgreSQL session advisory lock held on a dedicated connection: exactly
 * one node holds it; if that node dies its connection closes, the lock frees, and the next
 * node to try takes over.
 */
export function postgresLeader(url: string, key = SWEEP_LOCK_KEY): Leadership {
  let client: pg.Client | null = null;
  let held = false;
  return {
    async isLeader() {
      if (held) {
        return true;
      }
      try {
        if (!client) {
          client = new pg.Client({ connectionString: url });
          client.on('error', () => {
            held = false;
            client = null;
          });
          await client.connect();
        }
        const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
          key,
        ]);
        held = r.rows[0]?.ok === true;
      } catch {
        held = false;
        client = null;
      }
      return held;
    },
    async release() {
      if (client) {
        await client.end().catch(() => undefined);
      }
      client = null;
      held = false;
    },
  };
}
