import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/database';
import { PUBLIC_STATUS_BY_STATE } from '../portal/public-status';
import type {
  ApiClientRow,
  NewOpen311ServiceRow,
  Open311RequestRow,
  Open311ServiceRow,
  Open311ServiceUpdate,
} from './open311.table';
import { settingsRepository } from '../../db/settings.repository';

type Q = Kysely<Database>;

/** Cases from these sources are public (Open311 lists them, their report photos are served). */
export const PUBLIC_SOURCES = ['open311', 'public'] as const;

/** States after which a request is `closed`. */
export const FINISHED_STATES = ['closed', 'refused', 'voided'] as const;

const CASE_COLUMNS = [
  'id',
  'number',
  'source',
  'state',
  'matter_code',
  'description',
  'address',
  'lng',
  'lat',
  'grid_code',
  'unit_id',
  'created_at',
  'updated_at',
  'handle_deadline_at',
  'closed_at',
] as const;

/** The case columns Open311 answers from (read-only view of case_file). */
export type Open311CaseRow = Pick<Database['case_file'], (typeof CASE_COLUMNS)[number]>;

export interface PublicCaseFilter {
  numbers?: string[];
  matterCodes?: string[];
  /** Only open (false) or only finished (true) cases. */
  finished?: boolean;
  createdFrom?: number;
  createdTo?: number;
  updatedAfter?: number;
  updatedBefore?: number;
  limit: number;
  offset: number;
}

/** SQL: the public status of a state column (a CASE over the fixed mapping; no user input). */
function publicStatusSql(column: string): RawBuilder<string> {
  const whens = Object.entries(PUBLIC_STATUS_BY_STATE).map(([state, status]) => {
    if (!/^[a-z_]+$/.test(state) || !/^[a-z_]+$/.test(status)) {
      throw new Error('unexpected state name');
    }
    return `when '${state}' then '${status}'`;
  });
  return sql<string>`(case ${sql.ref(column)} ${sql.raw(whens.join(' '))} else 'in_progress' end)`;
}

/** The only SQL of the Open311 module (its own tables, and read-only looks at cases). */
export const open311Repository = {
  // --- services

  listServices(db: Q, opts: { enabledOnly: boolean }): Promise<Open311ServiceRow[]> {
    let q = db.selectFrom('open311_service').selectAll();
    if (opts.enabledOnly) {
      q = q.where('enabled', '=', 1);
    }
    return q.orderBy('sort').orderBy('service_code').execute();
  },

  findService(db: Q, serviceCode: string): Promise<Open311ServiceRow | undefined> {
    return db
      .selectFrom('open311_service')
      .selectAll()
      .where('service_code', '=', serviceCode)
      .executeTakeFirst();
  },

  async insertServices(db: Q, rows: NewOpen311ServiceRow[]): Promise<void> {
    if (rows.length > 0) {
      await db
        .insertInto('open311_service')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  },

  async updateService(db: Q, matterCode: string, patch: Open311ServiceUpdate): Promise<void> {
    await db
      .updateTable('open311_service')
      .set(patch)
      .where('matter_code', '=', matterCode)
      .execute();
  },

  async deleteService(db: Q, matterCode: string): Promise<boolean> {
    const r = await db
      .deleteFrom('open311_service')
      .where('matter_code', '=', matterCode)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },

  /** Catalog matters by code (read-only), for seeding names and groups. */
  findMatters(db: Q, codes: string[]) {
    if (codes.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('catalog_entry')
      .select(['code', 'name', 'major_name', 'active'])
      .where('kind', '=', 'matter')
      .where('code', 'in', codes)
      .execute();
  },

  // --- API clients

  async insertClient(db: Q, row: ApiClientRow): Promise<void> {
    await db.insertInto('api_client').values(row).execute();
  },

  listClients(db: Q): Promise<ApiClientRow[]> {
    return db.selectFrom('api_client').selectAll().orderBy('created_at', 'desc').execute();
  },

  findClient(db: Q, id: string): Promise<ApiClientRow | undefined> {
    return db.selectFrom('api_client').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findClientByHash(db: Q, keyHash: string): Promise<ApiClientRow | undefined> {
    return db
      .selectFrom('api_client')
      .selectAll()
      .where('key_hash', '=', keyHash)
      .executeTakeFirst();
  },

  async revokeClient(db: Q, id: string, at: number): Promise<void> {
    await db
      .updateTable('api_client')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  },

  async touchClient(db: Q, id: string, at: number): Promise<void> {
    await db.updateTable('api_client').set({ last_used_at: at }).where('id', '=', id).execute();
  },

  // --- requests

  async insertRequest(db: Q, row: Open311RequestRow): Promise<void> {
    await db.insertInto('open311_request').values(row).execute();
  },

  findRequestByToken(db: Q, token: string): Promise<Open311RequestRow | undefined> {
    return db
      .selectFrom('open311_request')
      .selectAll()
      .where('token', '=', token)
      .executeTakeFirst();
  },

  requestsOfCases(db: Q, caseIds: string[]): Promise<Open311RequestRow[]> {
    if (caseIds.length === 0) {
      return Promise.resolve([]);
    }
    return db.selectFrom('open311_request').selectAll().where('case_id', 'in', caseIds).execute();
  },

  // --- public cases (read-only)

  findPublicCaseByNumber(db: Q, number: string): Promise<Open311CaseRow | undefined> {
    return db
      .selectFrom('case_file')
      .select(CASE_COLUMNS)
      .where('number', '=', number)
      .where('source', 'in', PUBLIC_SOURCES)
      .executeTakeFirst();
  },

  findCaseByIdempotencyKey(db: Q, key: string): Promise<Open311CaseRow | undefined> {
    return db
      .selectFrom('case_file')
      .select(CASE_COLUMNS)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  },

  findCaseById(db: Q, id: string): Promise<Open311CaseRow | undefined> {
    return db.selectFrom('case_file').select(CASE_COLUMNS).where('id', '=', id).executeTakeFirst();
  },

  /** Public cases matching the filter, newest first. */
  listPublicCases(db: Q, f: PublicCaseFilter): Promise<Open311CaseRow[]> {
    let q = db.selectFrom('case_file').select(CASE_COLUMNS).where('source', 'in', PUBLIC_SOURCES);
    if (f.numbers) {
      q = q.where('number', 'in', f.numbers.length ? f.numbers : ['']);
    }
    if (f.matterCodes) {
      q = q.where('matter_code', 'in', f.matterCodes.length ? f.matterCodes : ['']);
    }
    if (f.finished === true) {
      q = q.where('state', 'in', FINISHED_STATES);
    }
    if (f.finished === false) {
      q = q.where('state', 'not in', FINISHED_STATES);
    }
    if (f.createdFrom !== undefined) {
      q = q.where('created_at', '>=', f.createdFrom);
    }
    if (f.createdTo !== undefined) {
      q = q.where('created_at', '<=', f.createdTo);
    }
    if (f.updatedAfter !== undefined) {
      q = q.where('updated_at', '>', f.updatedAfter);
    }
    if (f.updatedBefore !== undefined) {
      q = q.where('updated_at', '<', f.updatedBefore);
    }
    return q
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
  },

  eventsOfCases(db: Q, caseIds: string[]) {
    if (caseIds.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('case_event')
      .select(['id', 'case_id', 'seq', 'at', 'to_state'])
      .where('case_id', 'in', caseIds)
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
  },

  /**
   * Events of public cases that changed the public status (or reported the case), within a
   * window of time, oldest first.
   */
  listStatusChanges(db: Q, f: { after: number; before?: number; limit: number; offset: number }) {
    let q = db
      .selectFrom('case_event as e')
      .innerJoin('case_file as c', 'c.id', 'e.case_id')
      .select(['e.id', 'e.case_id', 'e.seq', 'e.at', 'e.to_state', 'c.number'])
      .where('c.source', 'in', PUBLIC_SOURCES)
      .where('e.at', '>', f.after)
      .where((eb) =>
        eb.or([
          eb('e.from_state', 'is', null),
          eb(publicStatusSql('e.from_state'), '!=', publicStatusSql('e.to_state')),
        ]),
      );
    if (f.before !== undefined) {
      q = q.where('e.at', '<', f.before);
    }
    return q.orderBy('e.at').orderBy('e.id').limit(f.limit).offset(f.offset).execute();
  },

  /** The first report photo of each case (by upload time), for media_url. */
  async reportPhotos(db: Q, caseIds: string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) {
      return new Map();
    }
    const rows = await db
      .selectFrom('attachment')
      .select(['id', 'case_id'])
      .where('case_id', 'in', caseIds)
      .where('kind', '=', 'report')
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute();
    const out = new Map<string, string>();
    for (const r of rows) {
      if (r.case_id && !out.has(r.case_id)) {
        out.set(r.case_id, r.id);
      }
    }
    return out;
  },

  /** An attachment with the source and state of its case, for the public media route. */
  findAttachmentCase(db: Q, attachmentId: string) {
    return db
      .selectFrom('attachment as a')
      .innerJoin('case_file as c', 'c.id', 'a.case_id')
      .select(['a.id', 'a.kind', 'c.source', 'c.state'])
      .where('a.id', '=', attachmentId)
      .executeTakeFirst();
  },

  // --- settings (app_setting)

  getSetting: (db: Q, key: string) => settingsRepository.get(db, key),

  insertSettingIfAbsent: (db: Q, key: string, value: string, at: number) =>
    settingsRepository.insertIfAbsent(db, key, value, at),
};
