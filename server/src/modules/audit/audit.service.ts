import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { verifyChain, type ChainBreak } from '../cases/event-hash';

export interface AuditReport {
  cases: number;
  events: number;
  broken: ChainBreak[];
}

/**
 * Verifies every case's hash chain, and that the case row's head hash and event count match
 * its log. Reads in pages so it runs on any size of store.
 */
export async function verifyAllChains(
  db: Kysely<Database>,
  opts: { pageSize?: number; stopAtFirst?: boolean } = {},
): Promise<AuditReport> {
  const pageSize = opts.pageSize ?? 500;
  const report: AuditReport = { cases: 0, events: 0, broken: [] };
  let after = '';
  for (;;) {
    const cases = await db
      .selectFrom('case_file')
      .select(['id', 'last_hash', 'event_count'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (cases.length === 0) {
      break;
    }
    const events = await db
      .selectFrom('case_event')
      .selectAll()
      .where(
        'case_id',
        'in',
        cases.map((c) => c.id),
      )
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
    const byCase = new Map<string, typeof events>();
    for (const e of events) {
      const list = byCase.get(e.case_id) ?? [];
      list.push(e);
      byCase.set(e.case_id, list);
    }
    for (const c of cases) {
      const list = byCase.get(c.id) ?? [];
      report.cases++;
      report.events += list.length;
      const br = verifyChain(list);
      const last = list[list.length - 1];
      if (br) {
        report.broken.push(br);
      } else if (!last || last.hash !== c.last_hash || list.length !== c.event_count) {
        report.broken.push({
          caseId: c.id,
          seq: last?.seq ?? 0,
          eventId: last?.id ?? '',
          problem: 'hash_mismatch',
        });
      }
      if (opts.stopAtFirst && report.broken.length > 0) {
        return report;
      }
    }
    after = cases[cases.length - 1]!.id;
  }
  return report;
}
