import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { CaseEventListener } from '../cases/case-event-hooks';
import type { CaseRow } from '../cases/cases.table';
import { fromLocalTime, toLocalTime } from '../clock';
import {
  evaluationRepository as repo,
  toFactEvent,
  type RollupDelta,
} from './evaluation.repository';
import {
  cellKey,
  countCells,
  deriveFacts,
  factDelta,
  isFactNeutral,
  parseCellKey,
  type CaseStatic,
  type Fact,
  type FactEvent,
} from './facts';
import { addDays, datesOf } from './period';

/** A rollup cell whose stored count differs from a from-scratch recomputation. */
export interface RollupMismatch {
  kind: string;
  day: string;
  key: string;
  metric: string;
  stored: number;
  expected: number;
}

export interface RecomputeResult {
  days: number;
  cases: number;
  rows: number;
}

/** A case with its derived facts. */
export interface CaseFacts {
  static: CaseStatic;
  events: FactEvent[];
  facts: Fact[];
}

export interface RollupEngine {
  /**
   * The case event hook: adds the facts the events changed to the rollups, in their
   * transaction, one merged write for the whole batch.
   */
  onCaseEvent: CaseEventListener;
  /**
   * Rebuilds the rollups of local days [from, to] from the event log, one transaction per day
   * (PostgreSQL: concurrent event writers wait for each day's transaction).
   */
  recompute(from: string, to: string): Promise<RecomputeResult>;
  /** Cells of days [from, to] where the stored rollups differ from a recomputation. */
  check(from: string, to: string): Promise<RollupMismatch[]>;
  /** The facts of cases, derived from their stored events. */
  factsOf(db: Kysely<Database>, ids: readonly string[]): Promise<CaseFacts[]>;
  /** The local date of an instant in the city's time zone. */
  dayOf(ms: number): string;
}

const SHARDS_POSTGRES = 8;
const CASES_PER_BATCH = 500;

/**
 * The rollup engine: incremental (from the case event hook) and from scratch (recompute),
 * both through `deriveFacts`, so they count the same facts by construction; the test that
 * replays a random history checks the plumbing (every event reaches the hook, in its
 * transaction, and deltas add up) on both stores.
 */
export function createRollupEngine(opts: {
  db: Kysely<Database>;
  kind: 'sqlite' | 'postgres';
  timeZone: () => string;
}): RollupEngine {
  const { db, kind } = opts;
  const shards = kind === 'postgres' ? SHARDS_POSTGRES : 1;
  // Hot rows (the city's cells of today) are spread over shards on PostgreSQL; a case always
  // writes the same shard, so its later decrements meet its own increments.
  const shardOf = (caseId: string) => (shards === 1 ? 0 : parseInt(caseId.slice(-2), 16) % shards);
  const dayOf = (ms: number) => toLocalTime(opts.timeZone(), ms).date;

  const staticOf = (r: CaseRow): CaseStatic => ({
    id: r.id,
    number: r.number,
    source: r.source,
    gridCode: r.grid_code,
    communityId: r.community_id,
    streetId: r.street_id,
    districtId: r.district_id,
    cityId: r.city_id,
    h3: r.h3,
  });

  async function factsOf(q: Kysely<Database>, ids: readonly string[]): Promise<CaseFacts[]> {
    const out: CaseFacts[] = [];
    for (let i = 0; i < ids.length; i += CASES_PER_BATCH) {
      const part = ids.slice(i, i + CASES_PER_BATCH);
      const statics = await repo.caseStatics(q, part);
      const events = await repo.caseEvents(q, part);
      for (const id of part) {
        const s = statics.get(id);
        if (s) {
          const evs = events.get(id) ?? [];
          out.push({ static: s, events: evs, facts: deriveFacts(s, evs) });
        }
      }
    }
    return out;
  }

  /** Expected cells of one day: cell key → shard → count. */
  async function expectedDay(q: Kysely<Database>, day: string) {
    const tz = opts.timeZone();
    const ids = await repo.caseIdsWithEvents(
      q,
      fromLocalTime(tz, day, 0),
      fromLocalTime(tz, addDays(day, 1), 0),
    );
    const cells = new Map<string, Map<number, number>>();
    const add = (shard: number, k: string, n: number) => {
      const byShard = cells.get(k) ?? new Map<number, number>();
      byShard.set(shard, (byShard.get(shard) ?? 0) + n);
      cells.set(k, byShard);
    };
    // A case whose report event the intake projector has not reached yet has in the rollups
    // all but that event's facts (its later events' deltas are there); the projector adds
    // them when it gets to it. The expected cells are what the rollups hold now.
    const pending = await repo.pendingReports(q, ids);
    for (const c of await factsOf(q, ids)) {
      const shard = shardOf(c.static.id);
      const mine = c.facts.filter((f) => dayOf(f.at) === day);
      for (const [k, n] of countCells(mine, dayOf)) {
        add(shard, k, n);
      }
      if (pending.has(c.static.id)) {
        const reported = deriveFacts(c.static, c.events.slice(0, 1)).filter(
          (f) => dayOf(f.at) === day,
        );
        for (const [k, n] of countCells(reported, dayOf)) {
          add(shard, k, -n);
        }
      }
    }
    return { cells, cases: ids.length };
  }

  return {
    dayOf,
    factsOf,

    async onCaseEvent(trx, changes) {
      // Events that change no fact (an overdue mark outside the handle stage) need no history;
      // a case's first event needs none either; the others read theirs, all in one query.
      const counted = changes.filter((c) => !isFactNeutral(c.event.action, c.event.payload));
      const needHistory = counted.filter((c) => c.before !== null).map((c) => c.after.id);
      const histories =
        needHistory.length > 0
          ? await repo.caseEvents(trx, needHistory)
          : new Map<string, FactEvent[]>();
      const merged = new Map<string, { cell: string; shard: number; count: number }>();
      for (const { before, event, after } of counted) {
        const s = staticOf(after);
        const current: FactEvent[] =
          before === null
            ? [
                toFactEvent({
                  ...event,
                  actor_id: event.actor_id ?? null,
                  from_state: event.from_state ?? null,
                }),
              ]
            : (histories.get(after.id) ?? []);
        const prior = current.filter((e) => e.seq < event.seq);
        const delta = factDelta(deriveFacts(s, prior), deriveFacts(s, current), dayOf);
        const shard = shardOf(after.id);
        for (const [cell, count] of delta) {
          const k = `${shard}:${cell}`;
          const m = merged.get(k);
          if (m) {
            m.count += count;
          } else {
            merged.set(k, { cell, shard, count });
          }
        }
      }
      const rows: RollupDelta[] = [];
      for (const { cell, shard, count } of merged.values()) {
        if (count !== 0) {
          rows.push({ ...parseCellKey(cell), shard, count });
        }
      }
      await repo.applyDeltas(trx, rows);
    },

    async recompute(from, to) {
      let cases = 0;
      let rows = 0;
      const days = datesOf({ from, to });
      for (const day of days) {
        await db.transaction().execute(async (trx) => {
          await repo.lockRollups(trx, kind);
          const exp = await expectedDay(trx, day);
          const out: RollupDelta[] = [];
          for (const [k, byShard] of exp.cells) {
            for (const [shard, count] of byShard) {
              if (count !== 0) {
                out.push({ ...parseCellKey(k), shard, count });
              }
            }
          }
          await repo.deleteDays(trx, day, day);
          await repo.insertRollups(trx, out);
          cases += exp.cases;
          rows += out.length;
        });
      }
      return { days: days.length, cases, rows };
    },

    async check(from, to) {
      const stored = new Map<string, number>();
      for (const r of await repo.allRollups(db, from, to)) {
        if (r.count !== 0) {
          stored.set(cellKey(r), r.count);
        }
      }
      const expected = new Map<string, number>();
      for (const day of datesOf({ from, to })) {
        for (const [k, byShard] of (await expectedDay(db, day)).cells) {
          const n = [...byShard.values()].reduce((a, b) => a + b, 0);
          if (n !== 0) {
            expected.set(k, n);
          }
        }
      }
      const out: RollupMismatch[] = [];
      for (const k of new Set([...stored.keys(), ...expected.keys()])) {
        const a = stored.get(k) ?? 0;
        const b = expected.get(k) ?? 0;
        if (a !== b) {
          out.push({ ...parseCellKey(k), stored: a, expected: b });
        }
      }
      return out.sort((x, y) => (cellKey(x) < cellKey(y) ? -1 : 1));
    },
  };
}
