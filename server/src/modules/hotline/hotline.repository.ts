import type { Expression, ExpressionBuilder, Insertable, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../db/database';
import type { ActorScope } from '../auth/actor';
import type {
  HotlineAssignmentRow,
  HotlineOrderRow,
  HotlineOrderUpdate,
  NewHotlineOrderRow,
} from './hotline.table';
import { settingsRepository } from '../../db/settings.repository';

type Q = Kysely<Database>;

/** The case columns a hotline view and the rates read with the order. */
const CASE_COLUMNS = [
  'case_file.number',
  'case_file.state',
  'case_file.version',
  'case_file.unit_id',
  'case_file.street_id',
  'case_file.district_id',
  'case_file.city_id',
  'case_file.community_id',
  'case_file.parent_case_id',
  'case_file.matter_code',
  'case_file.handle_deadline_at',
  'case_file.handled_at',
  'case_file.closed_at',
  'case_file.rework_count',
] as const;

export interface OrderListFilter {
  orderNo?: string;
  requestType?: string;
  repeat?: boolean;
  unitId?: string;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

/** Jurisdiction over the joined case: the same rule as the cases module's scope filter. */
function caseScope(scope: ActorScope) {
  return (eb: ExpressionBuilder<Database, 'case_file'>): Expression<SqlBool> => {
    switch (scope.level) {
      case 'city':
        return scope.regionId ? eb('case_file.city_id', '=', scope.regionId) : eb.lit(true);
      case 'district':
        return eb('case_file.district_id', '=', scope.regionId ?? '');
      case 'street':
        return eb('case_file.street_id', '=', scope.regionId ?? '');
      case 'unit':
        return eb('case_file.unit_id', '=', scope.unitId ?? '');
    }
  };
}

/** The only SQL of the hotline module. */
export const hotlineRepository = {
  findOrder(db: Q, caseId: string): Promise<HotlineOrderRow | undefined> {
    return db
      .selectFrom('hotline_order')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  },

  /** The order and its case, without a jurisdiction check (the service checks). */
  findOrderWithCase(db: Q, caseId: string) {
    return db
      .selectFrom('hotline_order')
      .innerJoin('case_file', 'case_file.id', 'hotline_order.case_id')
      .selectAll('hotline_order')
      .select(CASE_COLUMNS)
      .where('hotline_order.case_id', '=', caseId)
      .executeTakeFirst();
  },

  findByOrderNo(db: Q, orderNo: string): Promise<{ case_id: string; number: string } | undefined> {
    return db
      .selectFrom('hotline_order')
      .innerJoin('case_file', 'case_file.id', 'hotline_order.case_id')
      .select(['hotline_order.case_id', 'case_file.number'])
      .where('hotline_order.order_no', '=', orderNo)
      .executeTakeFirst();
  },

  async insertOrder(db: Q, row: NewHotlineOrderRow): Promise<void> {
    await db.insertInto('hotline_order').values(row).execute();
  },

  /**
   * Updates an order; with `whenReview` only while its reply review is still that value
   * (null: no reply yet). Returns whether a row changed.
   */
  async updateOrder(
    db: Q,
    caseId: string,
    patch: HotlineOrderUpdate,
    whenReview?: string | null,
  ): Promise<boolean> {
    let q = db.updateTable('hotline_order').set(patch).where('case_id', '=', caseId);
    if (whenReview !== undefined) {
      q =
        whenReview === null
          ? q.where('reply_review', 'is', null)
          : q.where('reply_review', '=', whenReview);
    }
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Earlier orders from the same phone since `since` (repeat rule 1). */
  recentByPhone(db: Q, phone: string, since: number, excludeCaseId: string) {
    return db
      .selectFrom('hotline_order')
      .select(['case_id', 'created_at', 'repeat_group'])
      .where('caller_phone', '=', phone)
      .where('created_at', '>=', since)
      .where('case_id', '!=', excludeCaseId)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
  },

  /** Earlier orders of a matter in the given H3 cells since `since` (repeat rule 2). */
  recentNearbySameMatter(
    db: Q,
    cells: string[],
    matterCode: string,
    since: number,
    excludeCaseId: string,
  ) {
    return db
      .selectFrom('hotline_order')
      .innerJoin('case_file', 'case_file.id', 'hotline_order.case_id')
      .select([
        'hotline_order.case_id',
        'hotline_order.created_at',
        'hotline_order.repeat_group',
        'case_file.lng',
        'case_file.lat',
      ])
      .where('case_file.h3', 'in', cells)
      .where('case_file.matter_code', '=', matterCode)
      .where('hotline_order.created_at', '>=', since)
      .where('hotline_order.case_id', '!=', excludeCaseId)
      .orderBy('hotline_order.created_at', 'desc')
      .limit(50)
      .execute();
  },

  /** The orders of a repeat chain (its first order included), oldest first. */
  chain(db: Q, group: string) {
    return db
      .selectFrom('hotline_order')
      .innerJoin('case_file', 'case_file.id', 'hotline_order.case_id')
      .select([
        'hotline_order.case_id',
        'hotline_order.order_no',
        'hotline_order.created_at',
        'hotline_order.repeat_of',
        'hotline_order.repeat_reasons',
        'case_file.number',
        'case_file.state',
        'case_file.unit_id',
        'case_file.parent_case_id',
        'case_file.city_id',
        'case_file.district_id',
        'case_file.street_id',
        'case_file.community_id',
      ])
      .where((eb) =>
        eb.or([
          eb('hotline_order.repeat_group', '=', group),
          eb('hotline_order.case_id', '=', group),
        ]),
      )
      .orderBy('hotline_order.created_at')
      .limit(100)
      .execute();
  },

  async insertCallback(db: Q, row: Insertable<Database['hotline_callback']>): Promise<void> {
    await db.insertInto('hotline_callback').values(row).execute();
  },

  listCallbacks(db: Q, caseId: string) {
    return db
      .selectFrom('hotline_callback')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
  },

  async insertAssignment(db: Q, row: Insertable<Database['hotline_assignment']>): Promise<void> {
    await db.insertInto('hotline_assignment').values(row).execute();
  },

  /** The latest dispatch of an order (to any unit). */
  latestAssignment(db: Q, caseId: string): Promise<HotlineAssignmentRow | undefined> {
    return db
      .selectFrom('hotline_assignment')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('dispatched_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  },

  async updateAssignment(
    db: Q,
    id: string,
    patch: Partial<Pick<HotlineAssignmentRow, 'acknowledged_at' | 'returned_at'>>,
  ): Promise<void> {
    await db.updateTable('hotline_assignment').set(patch).where('id', '=', id).execute();
  },

  /** A page of orders (with their cases) inside a scope; `total` counts all matches. */
  async list(db: Q, scope: ActorScope, f: OrderListFilter) {
    let q = db
      .selectFrom('hotline_order')
      .innerJoin('case_file', 'case_file.id', 'hotline_order.case_id')
      .where(caseScope(scope));
    if (f.orderNo) {
      q = q.where('hotline_order.order_no', '=', f.orderNo);
    }
    if (f.requestType) {
      q = q.where('hotline_order.request_type', '=', f.requestType);
    }
    if (f.repeat !== undefined) {
      q = f.repeat
        ? q.where('hotline_order.repeat_of', 'is not', null)
        : q.where('hotline_order.repeat_of', 'is', null);
    }
    if (f.unitId) {
      q = q.where('case_file.unit_id', '=', f.unitId);
    }
    if (f.from !== undefined) {
      q = q.where('hotline_order.created_at', '>=', f.from);
    }
    if (f.to !== undefined) {
      q = q.where('hotline_order.created_at', '<', f.to);
    }
    const totalRow = await q
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await q
      .selectAll('hotline_order')
      .select(CASE_COLUMNS)
      .orderBy('hotline_order.created_at', 'desc')
      .orderBy('hotline_order.case_id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { rows, total: Number(totalRow.n) };
  },

  /** Per-order facts of the rates: orders taken in within [from, to) inside a scope. */
  orderFacts(db: Q, scope: ActorScope, w: { from?: number; to?: number }) {
    let q = db
      .selectFrom('hotline_order')
      .innerJoin('case_file', 'case_file.id', 'hotline_order.case_id')
      .where(caseScope(scope));
    if (w.from !== undefined) {
      q = q.where('hotline_order.created_at', '>=', w.from);
    }
    if (w.to !== undefined) {
      q = q.where('hotline_order.created_at', '<', w.to);
    }
    return q
      .select([
        'hotline_order.case_id',
        'case_file.number',
        'case_file.unit_id',
        'case_file.street_id',
        'case_file.closed_at',
        'case_file.handled_at',
        'case_file.handle_deadline_at',
        'hotline_order.hotline_deadline',
        'hotline_order.repeat_of',
        'hotline_order.callback_count',
        'hotline_order.callback_valid',
        'hotline_order.callback_contacted',
        'hotline_order.callback_solved',
        'hotline_order.callback_satisfaction',
      ])
      .execute();
  },

  /** Per-dispatch facts of the rates, for the orders `orderFacts` selects. */
  assignmentFacts(db: Q, scope: ActorScope, w: { from?: number; to?: number }) {
    let q = db
      .selectFrom('hotline_assignment')
      .innerJoin('hotline_order', 'hotline_order.case_id', 'hotline_assignment.case_id')
      .innerJoin('case_file', 'case_file.id', 'hotline_assignment.case_id')
      .where(caseScope(scope));
    if (w.from !== undefined) {
      q = q.where('hotline_order.created_at', '>=', w.from);
    }
    if (w.to !== undefined) {
      q = q.where('hotline_order.created_at', '<', w.to);
    }
    return q
      .select([
        'hotline_assignment.case_id',
        'case_file.number',
        'hotline_assignment.unit_id',
        'case_file.street_id',
        'hotline_assignment.ack_deadline_at',
        'hotline_assignment.acknowledged_at',
        'hotline_assignment.returned_at',
      ])
      .execute();
  },

  getSetting: (db: Q, key: string) => settingsRepository.get(db, key),

  putSetting: (db: Q, key: string, value: string, at: number) =>
    settingsRepository.put(db, key, value, at),
};

export type OrderWithCase = NonNullable<
  Awaited<ReturnType<typeof hotlineRepository.findOrderWithCase>>
>;
