import { gridDisk, latLngToCell } from 'h3-js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { DbKind } from '../../db/db';
import { BoundedMap } from '../../lib/bounded-map';
import type { FastifyBaseLogger } from 'fastify';
import type { CaseEventListener } from './case-event-hooks';
import { casesRepository as repo } from './cases.repository';
import { CASE_H3_RESOLUTION, type CaseRow } from './cases.table';
import { DUPLICATE_DEFAULTS, findDuplicates, searchBox } from './duplicates';
import { searchTokens } from './search-tokens';

/** Cases per projector transaction: large enough to share pages, short enough not to stall intake. */
const BATCH = 256;
/** Cases whose description tokens are kept for duplicate detection (a few MB). */
const TOKEN_CACHE_SIZE = 10_000;
const EMPTY: ReadonlySet<string> = new Set();
/** How long after an intake the background projector runs (the batch gathers meanwhile). */
const DELAY_MS = 50;

/**
 * What intake leaves for later (docs/ARCHITECTURE.md, "Intake and its projections"): a case's
 * search tokens, its duplicate candidates and the evaluation rollups of its report event.
 * Intake writes the case, its event and a row of `case_projection_pending` and answers; the
 * projector writes the rest in batches, in transactions that also delete the pending rows, so
 * each case is projected exactly once even across a crash.
 *
 * Reads that depend on the projections call `catchUp()` first (search by text, a case's
 * duplicates, every evaluation read), so callers never see them behind: the lag is only the
 * background's, never a reader's. Once `start()`ed, a background run follows intake within
 * `DELAY_MS`; `stop()` waits for a run in progress.
 */
export interface IntakeProjections {
  /**
   * Projects every pending case (this server's and, on PostgreSQL, any not being projected by
   * another). Never fails its reader: a case whose projection fails is logged and left in the
   * queue, and the others are projected.
   */
  catchUp(): Promise<void>;
  /** Intake committed cases: a background run follows (once started). */
  notify(): void;
  start(): void;
  stop(): Promise<void>;
}

export function createIntakeProjections(opts: {
  db: Kysely<Database>;
  kind: DbKind;
  /** The case event hooks (the rollups): called with the report events of each batch. */
  onEvent: CaseEventListener;
  log: FastifyBaseLogger;
}): IntakeProjections {
  const { db, kind } = opts;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let started = false;

  /**
   * Cases whose projection failed on its own (a defect: the hooks must be total over valid
   * events), left in the queue and passed over until the server restarts, so that one case
   * cannot hold up the others or the reads. Each is logged as an error.
   */
  const failed = new Set<string>();

  /** Projects up to BATCH pending cases (or those of `only`) in one transaction; returns how many. */
  async function projectBatch(only?: readonly string[]): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const ids = await repo.takePendingProjections(trx, kind, {
        limit: BATCH,
        only,
        skip: [...failed],
      });
      if (ids.length === 0) {
        return 0;
      }
      const rows = await repo.findByIds(trx, ids);
      const events = new Map((await repo.reportEvents(trx, ids)).map((e) => [e.case_id, e]));
      const tokens: { token: string; case_id: string }[] = [];
      const duplicates: { case_id: string; candidate_id: string; score: number; reason: string }[] =
        [];
      // In report order: each case is a candidate for the ones after it.
      rows.sort((a, b) => a.created_at - b.created_at || (a.number < b.number ? -1 : 1));
      for (const row of rows) {
        for (const token of searchTokens(`${row.description} ${row.address ?? ''} ${row.number}`)) {
          tokens.push({ token, case_id: row.id });
        }
        for (const d of await duplicatesOf(trx, row)) {
          duplicates.push({
            case_id: row.id,
            candidate_id: d.id,
            score: d.score,
            reason: JSON.stringify(d.reason),
          });
        }
        remember(row.id, row.description);
      }
      await repo.insertTokens(trx, kind, tokens);
      await repo.insertDuplicates(trx, duplicates);
      await opts.onEvent(
        trx,
        rows.flatMap((after) => {
          const event = events.get(after.id);
          return event ? [{ before: null, event, after }] : [];
        }),
      );
      await repo.deletePendingProjections(trx, ids);
      return ids.length;
    });
  }

  /** Open cases reported before `row` that may report the same problem. */
  async function duplicatesOf(q: Kysely<Database>, row: CaseRow) {
    const nearby = await repo.findNearby(q, {
      cells: gridDisk(latLngToCell(row.lat, row.lng, CASE_H3_RESOLUTION), 1),
      box: searchBox(row.lng, row.lat, DUPLICATE_DEFAULTS.maxDistanceM),
      since: row.created_at - DUPLICATE_DEFAULTS.maxHours * 3_600_000,
      before: { at: row.created_at, number: row.number },
      excludeId: row.id,
    });
    const unknown = nearby.filter((c) => !tokenCache.has(c.id)).map((c) => c.id);
    if (unknown.length > 0) {
      for (const c of await repo.descriptions(q, unknown)) {
        remember(c.id, c.description);
      }
    }
    return findDuplicates(
      {
        matterCode: row.matter_code,
        lng: row.lng,
        lat: row.lat,
        description: row.description,
        at: row.created_at,
      },
      nearby,
      (id) => tokenCache.get(id) ?? EMPTY,
    );
  }

  /**
   * The description tokens of recent cases (descriptions never change): the same cases are
   * candidates of every report around them, and reading and tokenizing them each time was most
   * of duplicate detection's time.
   */
  const tokenCache = new BoundedMap<string, ReadonlySet<string>>(TOKEN_CACHE_SIZE);
  function remember(id: string, description: string): void {
    if (!tokenCache.has(id)) {
      tokenCache.set(id, new Set(searchTokens(description)));
    }
  }

  async function drain(): Promise<void> {
    for (;;) {
      let n: number;
      try {
        n = await projectBatch();
      } catch (err) {
        // One case may be at fault: project the batch's cases one by one.
        const ids = await repo.takePendingProjections(db, kind, {
          limit: BATCH,
          skip: [...failed],
        });
        opts.log.warn({ err, cases: ids.length }, 'intake projections: batch failed, one by one');
        for (const id of ids) {
          try {
            await projectBatch([id]);
          } catch (e) {
            failed.add(id);
            opts.log.error({ err: e, caseId: id }, 'intake projections: case left in the queue');
          }
        }
        n = ids.length;
      }
      if (n < BATCH) {
        return;
      }
    }
  }

  /** One drain at a time; a caller arriving during a drain waits for it and drains again. */
  function run(): Promise<void> {
    const next = (running ?? Promise.resolve()).then(drain, drain);
    const mine = next.finally(() => {
      if (running === mine) {
        running = null;
      }
    });
    running = mine;
    return mine;
  }

  return {
    async catchUp() {
      if (running === null && !(await repo.hasPendingProjections(db))) {
        return;
      }
      try {
        await run();
      } catch (err) {
        // The reader gets what is there rather than an error; the queue keeps the rest.
        opts.log.error({ err }, 'intake projections failed');
      }
    },
    notify() {
      if (!started || timer) {
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        run().catch((err: unknown) => {
          // The pending rows stay; the next run or read retries them.
          opts.log.error({ err }, 'intake projections failed');
        });
      }, DELAY_MS);
    },
    start() {
      started = true;
      // Cases a previous process acknowledged but did not project (a crash, a kill).
      void run().catch((err: unknown) => opts.log.error({ err }, 'intake projections failed'));
    },
    async stop() {
      started = false;
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      await running?.catch(() => undefined);
    },
  };
}
