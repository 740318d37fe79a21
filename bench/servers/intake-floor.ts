/**
 * The intake floor: what `POST /api/v1/cases` would cost if all of intake's own logic cost
 * nothing. Fastify parses the JSON body, and the rows every intake must write go into the
 * real schema (all migrations, every index): the day's counter, the case row and its first
 * event, the commit shared by the requests of one event-loop turn. Nothing else: no session,
 * no validation, no grid look-up, no routing, no clock, no hash, no projections (search
 * tokens, duplicates, rollups), a two-field answer. Two ways to write them (FLOOR):
 *   store  cityloop's own data layer: the cases repository through Kysely, the group commit
 *          (a savepoint per intake), as intake writes them;
 *   raw    better-sqlite3 alone: three prepared statements, one transaction per turn.
 * Listens on 127.0.0.1:PORT with its SQLite file in DATA_DIR.
 */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { latLngToCell } from 'h3-js';
import { createDb } from '../../server/src/db/db';
import { createGroupCommit } from '../../server/src/db/group-commit';
import { migrateToLatest } from '../../server/src/db/migrate';
import { uuidv7 } from '../../server/src/lib/ids';
import { casesRepository as repo } from '../../server/src/modules/cases/cases.repository';
import type { NewCaseEventRow, NewCaseRow } from '../../server/src/modules/cases/cases.table';

interface Body {
  source: string;
  matterCode?: string;
  description: string;
  address?: string;
  lng: number;
  lat: number;
}

interface Created {
  id: string;
  number: string;
}

/** The case row and its first event, every column given as intake gives them. */
function rowsOf(b: Body, at: number, number: string): { row: NewCaseRow; event: NewCaseEventRow } {
  const id = uuidv7(at);
  const row: NewCaseRow = {
    id,
    number,
    source: b.source,
    idempotency_key: null,
    state: 'registered',
    version: 1,
    matter_code: b.matterCode ?? null,
    matter_original_code: null,
    major_code: b.matterCode?.slice(0, 2) ?? null,
    condition_id: null,
    urgency: 'normal',
    description: b.description,
    address: b.address ?? null,
    lng: b.lng,
    lat: b.lat,
    h3: latLngToCell(b.lat, b.lng, 9),
    grid_code: 'floor',
    community_id: 'floor',
    street_id: 'floor',
    district_id: 'floor',
    city_id: 'floor',
    area_class: 'a',
    reporter_name: null,
    reporter_phone: null,
    anonymous: 0,
    reported_by: null,
    unit_id: null,
    proposed_unit_id: null,
    routing_reason: null,
    stage: 'dispatch',
    stage_started_at: at,
    stage_deadline_at: at + 3_600_000,
    stage_limit: null,
    stage_overdue: 0,
    handle_started_at: null,
    handle_deadline_at: null,
    handle_overdue: 0,
    handle_limit: null,
    pauses: '[]',
    rework_count: 0,
    return_count: 0,
    extension_count: 0,
    hang_count: 0,
    supervise_count: 0,
    remind_count: 0,
    parent_case_id: null,
    disposal_mode: null,
    void_reason: null,
    created_at: at,
    updated_at: at,
    registered_at: at,
    dispatched_at: null,
    handled_at: null,
    closed_at: null,
    close_kind: null,
    event_count: 1,
    last_hash: '0'.repeat(64),
  };
  const event: NewCaseEventRow = {
    id: uuidv7(at),
    case_id: id,
    seq: 1,
    at,
    actor_id: null,
    actor_name: 'floor',
    actor_role: 'public',
    action: 'report',
    from_state: null,
    to_state: 'registered',
    payload: JSON.stringify(b),
    attachment_ids: '[]',
    prev_hash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
  return { row, event };
}

const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10).replaceAll('-', '');
const numberOf = (day: string, seq: number) => `${day}${String(seq).padStart(5, '0')}`;

/** cityloop's data layer: the repository's statements in the group commit. */
function storeWriter(store: ReturnType<typeof createDb>): (b: Body) => Promise<Created> {
  const groupCommit = createGroupCommit(store.db);
  return (b) =>
    groupCommit.run(async (trx) => {
      const at = Date.now();
      const day = dayOf(at);
      const { row, event } = rowsOf(b, at, numberOf(day, await repo.nextSequence(trx, day)));
      await repo.insertCase(trx, row);
      await repo.insertEvent(trx, event);
      return { id: row.id, number: row.number };
    });
}

/** better-sqlite3 alone: prepared statements, one transaction per event-loop turn. */
function rawWriter(file: string): (b: Body) => Promise<Created> {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -32768');
  const insert = (table: string, columns: string[]) =>
    db.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
  const sample = rowsOf({ source: 'x', description: 'x', lng: 120, lat: 30 }, 0, '0');
  const caseColumns = Object.keys(sample.row);
  const eventColumns = Object.keys(sample.event);
  const insertCase = insert('case_file', caseColumns);
  const insertEvent = insert('case_event', eventColumns);
  const counter = db.prepare<[string], { last: number }>(
    'insert into case_counter (day, last) values (?, 1) on conflict (day) do update set last = last + 1 returning last',
  );
  const values = (o: object, columns: string[]) =>
    columns.map((c) => (o as Record<string, unknown>)[c]);
  const writeAll = db.transaction((bodies: Body[]) =>
    bodies.map((b): Created => {
      const at = Date.now();
      const day = dayOf(at);
      const { row, event } = rowsOf(b, at, numberOf(day, counter.get(day)!.last));
      insertCase.run(values(row, caseColumns));
      insertEvent.run(values(event, eventColumns));
      return { id: row.id, number: row.number };
    }),
  );
  let waiting: { body: Body; resolve: (c: Created) => void; reject: (e: unknown) => void }[] = [];
  return (body) =>
    new Promise((resolve, reject) => {
      waiting.push({ body, resolve, reject });
      if (waiting.length > 1) {
        return;
      }
      setImmediate(() => {
        const jobs = waiting;
        waiting = [];
        try {
          const out = writeAll(jobs.map((j) => j.body));
          jobs.forEach((j, i) => j.resolve(out[i]!));
        } catch (err) {
          jobs.forEach((j) => j.reject(err));
        }
      });
    });
}

const dataDir = process.env.DATA_DIR;
if (!dataDir) {
  throw new Error('DATA_DIR is required');
}
const file = join(dataDir, 'floor.sqlite');
const store = createDb({ kind: 'sqlite', sqliteFile: file });
await migrateToLatest(store);
let write: (b: Body) => Promise<Created>;
if (process.env.FLOOR === 'raw') {
  await store.destroy();
  write = rawWriter(file);
} else {
  write = storeWriter(store);
}

const app = Fastify({ logger: false });
app.post<{ Body: Body }>('/api/v1/cases', async (req, reply) =>
  reply.code(201).send(await write(req.body)),
);
app.get('/hello', () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
