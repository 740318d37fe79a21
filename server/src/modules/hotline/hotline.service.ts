import type { CaseState } from '@common/workflow';
import type { HotlineSatisfaction } from '@common/hotline';
import { gridDisk, latLngToCell } from 'h3-js';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import type { Database } from '../../db/database';
import { appError } from '../../lib/app-error';
import { DomainError } from '../../lib/errors';
import { uuidv7 } from '../../lib/ids';
import type { Actor } from '../auth/actor';
import { canReadCase, type CaseSubject } from '../cases/cases.policy';
import type { CaseActionHook } from '../cases/cases.ports';
import type { CreateCaseBody } from '../cases/cases.schema';
import type { CasesService } from '../cases/cases.service';
import { CASE_H3_RESOLUTION } from '../cases/cases.table';
import type { CaseRow } from '../cases/cases.table';
import {
  casesBehind,
  DEFAULT_RATE_WEIGHTS,
  groupRates,
  type AssignmentFact,
  type OrderFact,
} from './hotline-rates';
import {
  presentOrder,
  presentOrderSummary,
  type HotlineOrderSummary,
  type HotlineOrderView,
} from './hotline.presenter';
import { hotlineRepository as repo, type OrderWithCase } from './hotline.repository';
import {
  settingsBody,
  type CallbackBody,
  type HotlineOrderBody,
  type HotlineSettings,
  type ListOrdersQuery,
  type RateCasesQuery,
  type RatesQuery,
  type ReplyBody,
  type ReviewBody,
} from './hotline.schema';
import { distanceMeters, normalisePhone, pickRepeat, type RepeatCandidate } from './repeat';

const DAY_MS = 24 * 3_600_000;

/** app_setting key of the hotline settings (JSON, see settingsBody). */
export const HOTLINE_SETTINGS_KEY = 'hotline.settings';

export const DEFAULT_HOTLINE_SETTINGS: HotlineSettings = {
  weights: { ...DEFAULT_RATE_WEIGHTS },
  repeat: { phoneWindowDays: 30, placeWindowDays: 7, placeRadiusMeters: 100 },
};

/** States in which the unit may record (or redo) its reply to the citizen. */
const REPLY_STATES: readonly CaseState[] = [
  'handling',
  'extension_requested',
  'hang_requested',
  'hung',
  'checking',
  'handled',
];

/** Smallest width of an H3 res-9 cell, metres: the ring size that covers a radius. */
const H3_RES9_MIN_WIDTH_M = 170;

/** What the hotline module needs from the others (wired in services.ts). */
export interface HotlinePorts {
  cases: Pick<CasesService, 'intake' | 'act' | 'get' | 'checkIntake' | 'findByIdempotencyKey'>;
  /** The name of a unit, or null when unknown. */
  unitName(id: string): Promise<string | null>;
  /** The name of a region, or null when unknown. */
  regionName(id: string): string | null;
}

export type HotlineService = ReturnType<typeof createHotlineService>;

const subjectOf = (r: OrderWithCase): CaseSubject => ({
  state: r.state as CaseState,
  unitId: r.unit_id,
  parentCaseId: r.parent_case_id,
  cityId: r.city_id,
  districtId: r.district_id,
  streetId: r.street_id,
  communityId: r.community_id,
});

/** The case the order becomes: every hotline order is a case of the one case model. */
export function caseBodyOf(body: HotlineOrderBody): CreateCaseBody {
  return {
    source: 'hotline',
    description: body.originalText.slice(0, 2000),
    address: body.address || undefined,
    lng: body.lng,
    lat: body.lat,
    crs: body.crs,
    urgency: body.urgency,
    matterCode: body.matterCode,
    legacyKind: body.legacyKind,
  };
}

/** The idempotency key of a hotline order's case. */
export const hotlineKey = (orderNo: string) => `hotline:${orderNo}`;

/**
 * The 12345 hotline overlay: intake of work orders as cases, the hotline's own rules on the
 * case actions (first-receiver responsible, extension before the deadline, closure only with
 * an accepted reply, reopen after an unsatisfied callback), reply and review, callbacks,
 * repeat complaints, and the rates.
 */
export function createHotlineService(ctx: AppContext, ports: HotlinePorts) {
  const db = ctx.store.db;
  const now = () => ctx.clock.now();

  async function settings(): Promise<HotlineSettings> {
    const raw = await repo.getSetting(db, HOTLINE_SETTINGS_KEY);
    if (!raw) {
      return DEFAULT_HOTLINE_SETTINGS;
    }
    const parsed = settingsBody.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_HOTLINE_SETTINGS;
  }

  /** The order, or HOTLINE_ORDER_NOT_FOUND when there is none or it lies outside the scope. */
  async function visibleOrder(actor: Actor, caseId: string, q: Kysely<Database> = db) {
    const r = await repo.findOrderWithCase(q, caseId);
    if (!r || !canReadCase(actor, subjectOf(r))) {
      throw appError('HOTLINE_ORDER_NOT_FOUND', `No hotline order for case ${caseId}`);
    }
    return r;
  }

  async function orderView(actor: Actor, caseId: string): Promise<HotlineOrderView> {
    const r = await visibleOrder(actor, caseId);
    const caseView = await ports.cases.get(actor, caseId);
    // The chain may cross streets: show only the orders the caller may see.
    const chain = (await repo.chain(db, r.repeat_group ?? r.case_id)).filter((x) =>
      canReadCase(actor, {
        state: x.state as CaseState,
        unitId: x.unit_id,
        parentCaseId: x.parent_case_id,
        cityId: x.city_id,
        districtId: x.district_id,
        streetId: x.street_id,
        communityId: x.community_id,
      }),
    );
    return presentOrder(r, { actor, caseView, related: chain });
  }

  /** Writes the order row of a new case, with its repeat link; in the intake transaction. */
  async function insertOrder(
    trx: Kysely<Database>,
    row: CaseRow,
    body: HotlineOrderBody,
    s: HotlineSettings,
  ): Promise<void> {
    const at = row.created_at;
    const phone = normalisePhone(body.callerPhone);
    const candidates: RepeatCandidate[] = [];
    if (phone) {
      const since = at - s.repeat.phoneWindowDays * DAY_MS;
      for (const r of await repo.recentByPhone(trx, phone, since, row.id)) {
        candidates.push({
          caseId: r.case_id,
          createdAt: r.created_at,
          repeatGroup: r.repeat_group,
          reason: 'same_phone',
        });
      }
    }
    if (row.matter_code) {
      const radius = s.repeat.placeRadiusMeters;
      const k = Math.max(1, Math.ceil(radius / H3_RES9_MIN_WIDTH_M));
      const cells = gridDisk(latLngToCell(row.lat, row.lng, CASE_H3_RESOLUTION), k);
      const since = at - s.repeat.placeWindowDays * DAY_MS;
      for (const r of await repo.recentNearbySameMatter(
        trx,
        cells,
        row.matter_code,
        since,
        row.id,
      )) {
        if (distanceMeters(row.lng, row.lat, r.lng, r.lat) <= radius) {
          candidates.push({
            caseId: r.case_id,
            createdAt: r.created_at,
            repeatGroup: r.repeat_group,
            reason: 'same_place_matter',
          });
        }
      }
    }
    const link = pickRepeat(candidates);
    await repo.insertOrder(trx, {
      case_id: row.id,
      order_no: body.orderNo,
      request_type: body.requestType,
      caller_name: body.callerName ?? null,
      caller_phone: phone,
      confidential: body.confidential ? 1 : 0,
      original_text: body.originalText,
      urgency: body.urgency,
      hotline_deadline: body.hotlineDeadline ? Date.parse(body.hotlineDeadline) : null,
      received_at: body.receivedAt ? Date.parse(body.receivedAt) : at,
      reply_text: null,
      reply_at: null,
      reply_by: null,
      reply_by_name: null,
      reply_review: null,
      reply_reviewed_at: null,
      reply_reviewed_by: null,
      reply_review_note: null,
      callback_contacted: null,
      callback_solved: null,
      callback_satisfaction: null,
      callback_note: null,
      callback_caused_by_unit: null,
      callback_valid: null,
      callback_at: null,
      callback_by: null,
      callback_count: 0,
      repeat_of: link?.repeatOf ?? null,
      repeat_group: link?.group ?? null,
      repeat_reasons: link ? JSON.stringify(link.reasons) : null,
      created_at: at,
      updated_at: at,
    });
  }

  /**
   * The hotline's rules on case actions, run by the cases service inside each action's
   * transaction (see CaseActionHook). Cases without a hotline order are left alone.
   */
  const caseHook: CaseActionHook = {
    async before(c) {
      const action = c.body.action;
      if (!['request_return', 'request_extension', 'close', 'reopen'].includes(action)) {
        return;
      }
      const order = await repo.findOrder(c.trx, c.row.id);
      if (!order) {
        return;
      }
      if (action === 'request_return' && !c.body.basis) {
        // 首接负责: the first receiving unit may not bounce an order without a stated basis.
        throw appError(
          'CASE_REQUIREMENT_MISSING',
          'A hotline order may be returned only on a stated basis (the rule or document that puts it outside your remit)',
          [{ path: 'body.basis', message: 'required for hotline orders' }],
        );
      }
      if (action === 'request_extension') {
        const deadline = order.hotline_deadline ?? c.row.handle_deadline_at;
        if (deadline !== null && c.at > deadline) {
          throw appError(
            'HOTLINE_EXTENSION_TOO_LATE',
            'An extension must be asked for before the hotline deadline',
            { deadline: new Date(deadline).toISOString() },
          );
        }
      }
      if (action === 'close' && order.reply_review !== 'accepted') {
        throw appError(
          'HOTLINE_REPLY_NOT_ACCEPTED',
          'A hotline order closes only once the hotline desk has accepted the reply to the citizen',
          { replyReview: order.reply_review },
        );
      }
      if (action === 'reopen') {
        const since = c.row.closed_at ?? 0;
        const ok =
          order.callback_count > 0 &&
          order.callback_at !== null &&
          order.callback_at >= since &&
          order.callback_valid === 1 &&
          order.callback_satisfaction === 'unsatisfied' &&
          order.callback_caused_by_unit === 1;
        if (!ok) {
          throw appError(
            'HOTLINE_REOPEN_NOT_ALLOWED',
            'A hotline order is reopened only after a valid, unsatisfied callback the unit caused, made since it was closed',
          );
        }
      }
    },

    async after(c) {
      const action = c.body.action;
      if (!['dispatch', 'acknowledge', 'approve_return', 'redo', 'reopen'].includes(action)) {
        return;
      }
      const order = await repo.findOrder(c.trx, c.row.id);
      if (!order) {
        return;
      }
      if (action === 'dispatch' && c.after.unit_id) {
        await repo.insertAssignment(c.trx, {
          id: uuidv7(c.at),
          case_id: c.row.id,
          unit_id: c.after.unit_id,
          dispatched_at: c.at,
          ack_deadline_at: c.after.stage === 'acknowledge' ? c.after.stage_deadline_at : null,
          acknowledged_at: null,
          returned_at: null,
        });
        return;
      }
      if (action === 'acknowledge' || action === 'approve_return') {
        const last = await repo.latestAssignment(c.trx, c.row.id);
        if (last && last.unit_id === c.row.unit_id) {
          if (action === 'acknowledge' && last.acknowledged_at === null) {
            await repo.updateAssignment(c.trx, last.id, { acknowledged_at: c.at });
          }
          if (action === 'approve_return' && last.returned_at === null) {
            await repo.updateAssignment(c.trx, last.id, { returned_at: c.at });
          }
        }
        return;
      }
      // redo, reopen: the reply must be made again and reviewed again.
      await repo.updateOrder(c.trx, c.row.id, {
        reply_review: 'redo',
        reply_reviewed_at: c.at,
        reply_reviewed_by: c.actor.userId,
        reply_review_note: c.body.reason ?? null,
        updated_at: c.at,
      });
    },
  };

  function windowOf(q: { from?: string; to?: string }) {
    return {
      from: q.from ? Date.parse(q.from) : undefined,
      to: q.to ? Date.parse(q.to) : undefined,
    };
  }

  async function facts(actor: Actor, q: { from?: string; to?: string }) {
    const w = windowOf(q);
    const orders: OrderFact[] = (await repo.orderFacts(db, actor.scope, w)).map((r) => ({
      caseId: r.case_id,
      number: r.number,
      unitId: r.unit_id,
      streetId: r.street_id,
      closedAt: r.closed_at,
      handledAt: r.handled_at,
      completionDeadline: r.hotline_deadline ?? r.handle_deadline_at,
      repeat: r.repeat_of !== null,
      callback:
        r.callback_count > 0
          ? {
              valid: r.callback_valid === 1,
              contacted: r.callback_contacted === 1,
              solved: r.callback_solved === 1,
              satisfaction: r.callback_satisfaction as HotlineSatisfaction | null,
            }
          : null,
    }));
    const assignments: AssignmentFact[] = (await repo.assignmentFacts(db, actor.scope, w)).map(
      (r) => ({
        caseId: r.case_id,
        number: r.number,
        unitId: r.unit_id,
        streetId: r.street_id,
        ackDeadlineAt: r.ack_deadline_at,
        acknowledgedAt: r.acknowledged_at,
        returnedAt: r.returned_at,
      }),
    );
    return { orders, assignments };
  }

  return {
    caseHook,
    settings,

    /**
     * Takes in a hotline work order as a case (source hotline, idempotency key
     * `hotline:<order no>`) with its overlay row and repeat link, in one transaction. A retry
     * with the same order number returns the existing order (created: false) and changes
     * nothing; a hotline case filed through the cases API with that number gets its overlay.
     * @throws CASE_LOCATION_OUTSIDE_GRIDS, CASE_SOURCE_FORBIDDEN, AUTH_OUT_OF_SCOPE,
     *   CATALOG_CODE_* (matter code)
     */
    async intake(
      actor: Actor,
      body: HotlineOrderBody,
    ): Promise<{ created: boolean; caseId: string; number: string }> {
      const s = await settings();
      const res = await ports.cases.intake(actor, caseBodyOf(body), {
        idempotencyKey: hotlineKey(body.orderNo),
        inTransaction: (trx, row) => insertOrder(trx, row, body, s),
      });
      if (!res.created && !(await repo.findOrder(db, res.row.id))) {
        try {
          await db.transaction().execute((trx) => insertOrder(trx, res.row, body, s));
        } catch (err) {
          // A concurrent retry adopted it first.
          if (err instanceof DomainError || !(await repo.findOrder(db, res.row.id))) {
            throw err;
          }
        }
      }
      return { created: res.created, caseId: res.row.id, number: res.row.number };
    },

    /**
     * The checks of intake without writing (dry-run imports): an order number already taken
     * in is a duplicate; otherwise the case checks (place, jurisdiction, matter code).
     * @throws as intake
     */
    async check(
      actor: Actor,
      body: HotlineOrderBody,
    ): Promise<{ duplicate: { caseId: string; number: string } | null }> {
      const byOrder = await repo.findByOrderNo(db, body.orderNo);
      if (byOrder) {
        return { duplicate: { caseId: byOrder.case_id, number: byOrder.number } };
      }
      const byKey = await ports.cases.findByIdempotencyKey(hotlineKey(body.orderNo));
      if (byKey) {
        return { duplicate: { caseId: byKey.id, number: byKey.number } };
      }
      await ports.cases.checkIntake(actor, caseBodyOf(body));
      return { duplicate: null };
    },

    /** @throws HOTLINE_ORDER_NOT_FOUND */
    get: (actor: Actor, caseId: string): Promise<HotlineOrderView> => orderView(actor, caseId),

    /** A page of orders within the caller's jurisdiction; callers masked for everyone. */
    async list(
      actor: Actor,
      q: ListOrdersQuery,
    ): Promise<{ items: HotlineOrderSummary[]; page: number; pageSize: number; total: number }> {
      const w = windowOf(q);
      const { rows, total } = await repo.list(db, actor.scope, {
        orderNo: q.orderNo,
        requestType: q.requestType,
        repeat: q.repeat,
        unitId: q.unitId,
        from: w.from,
        to: w.to,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return {
        items: rows.map((r) => presentOrderSummary(r, actor)),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },

    /**
     * The unit records its reply to the citizen (答复); the hotline desk then reviews it. A
     * reply replaces one that is pending or was sent back, never an accepted one.
     * @throws HOTLINE_ORDER_NOT_FOUND, CASE_ROLE_FORBIDDEN (not the order's unit),
     *   HOTLINE_REPLY_NOT_ALLOWED (state, or already accepted), CASE_VERSION_CONFLICT
     */
    async reply(actor: Actor, caseId: string, body: ReplyBody): Promise<HotlineOrderView> {
      const r = await visibleOrder(actor, caseId);
      if (r.unit_id === null || actor.unitId !== r.unit_id) {
        throw appError(
          'CASE_ROLE_FORBIDDEN',
          'Only the unit the order was dispatched to may reply',
        );
      }
      if (!REPLY_STATES.includes(r.state as CaseState)) {
        throw appError(
          'HOTLINE_REPLY_NOT_ALLOWED',
          `No reply can be recorded while the case is ${r.state}`,
          { state: r.state },
        );
      }
      if (r.reply_review === 'accepted') {
        throw appError('HOTLINE_REPLY_NOT_ALLOWED', 'The reply was already accepted', {
          replyReview: r.reply_review,
        });
      }
      const at = now();
      const ok = await repo.updateOrder(
        db,
        caseId,
        {
          reply_text: body.text,
          reply_at: at,
          reply_by: actor.userId,
          reply_by_name: actor.displayName,
          reply_review: 'pending',
          updated_at: at,
        },
        r.reply_review,
      );
      if (!ok) {
        throw appError('CASE_VERSION_CONFLICT', 'The order changed meanwhile; reload it');
      }
      return orderView(actor, caseId);
    },

    /**
     * The hotline desk reviews the unit's reply: accept, or redo. A redo of a case that is
     * checked and awaiting closure runs the workflow action `redo` (back to the unit, rework
     * + 1); earlier, the case is still with the unit and only the review changes.
     * @throws HOTLINE_ORDER_NOT_FOUND, HOTLINE_REPLY_NOT_PENDING, CASE_VERSION_CONFLICT and
     *   the errors of the redo action
     */
    async review(actor: Actor, caseId: string, body: ReviewBody): Promise<HotlineOrderView> {
      const r = await visibleOrder(actor, caseId);
      if (r.reply_review !== 'pending') {
        throw appError('HOTLINE_REPLY_NOT_PENDING', 'There is no reply awaiting review', {
          replyReview: r.reply_review,
        });
      }
      const at = now();
      if (body.decision === 'redo' && r.state === 'handled') {
        await ports.cases.act(actor, caseId, {
          action: 'redo',
          version: body.version ?? r.version,
          reason: body.reason,
        });
      } else {
        const ok = await repo.updateOrder(
          db,
          caseId,
          {
            reply_review: body.decision === 'accept' ? 'accepted' : 'redo',
            reply_reviewed_at: at,
            reply_reviewed_by: actor.userId,
            reply_review_note: body.reason ?? null,
            updated_at: at,
          },
          'pending',
        );
        if (!ok) {
          throw appError('CASE_VERSION_CONFLICT', 'The order changed meanwhile; reload it');
        }
      }
      return orderView(actor, caseId);
    },

    /**
     * Records a callback (回访) on a closed order; the order keeps the latest, the history
     * keeps all. An unsatisfied one the unit caused allows the `reopen` action.
     * @throws HOTLINE_ORDER_NOT_FOUND, HOTLINE_CALLBACK_NOT_ALLOWED (not closed),
     *   CASE_VERSION_CONFLICT (a simultaneous callback)
     */
    async callback(actor: Actor, caseId: string, body: CallbackBody): Promise<HotlineOrderView> {
      const r = await visibleOrder(actor, caseId);
      if (r.state !== 'closed') {
        throw appError(
          'HOTLINE_CALLBACK_NOT_ALLOWED',
          `A callback is made once the order is closed; the case is ${r.state}`,
          { state: r.state },
        );
      }
      const at = now();
      const contacted = body.contacted;
      try {
        await db.transaction().execute(async (trx) => {
          const fresh = await repo.findOrder(trx, caseId);
          const seq = (fresh?.callback_count ?? 0) + 1;
          await repo.insertCallback(trx, {
            id: uuidv7(at),
            case_id: caseId,
            seq,
            at,
            by_user: actor.userId,
            contacted: contacted ? 1 : 0,
            solved: contacted ? (body.solved ? 1 : 0) : null,
            satisfaction: contacted ? (body.satisfaction ?? null) : null,
            note: body.note ?? null,
            caused_by_unit: body.causedByUnit ? 1 : 0,
            valid: body.valid ? 1 : 0,
            unit_id: r.unit_id,
          });
          await repo.updateOrder(trx, caseId, {
            callback_contacted: contacted ? 1 : 0,
            callback_solved: contacted ? (body.solved ? 1 : 0) : null,
            callback_satisfaction: contacted ? (body.satisfaction ?? null) : null,
            callback_note: body.note ?? null,
            callback_caused_by_unit: body.causedByUnit ? 1 : 0,
            callback_valid: body.valid ? 1 : 0,
            callback_at: at,
            callback_by: actor.userId,
            callback_count: seq,
            updated_at: at,
          });
        });
      } catch (err) {
        if (err instanceof DomainError) {
          throw err;
        }
        // The (case, seq) key: someone recorded a callback at the same moment.
        throw appError(
          'CASE_VERSION_CONFLICT',
          'Another callback was recorded meanwhile; reload it',
        );
      }
      return orderView(actor, caseId);
    },

    /** Every callback of an order, oldest first. @throws HOTLINE_ORDER_NOT_FOUND */
    async callbacks(actor: Actor, caseId: string) {
      await visibleOrder(actor, caseId);
      return (await repo.listCallbacks(db, caseId)).map((c) => ({
        seq: c.seq,
        at: new Date(c.at).toISOString(),
        contacted: c.contacted === 1,
        solved: c.solved === null ? null : c.solved === 1,
        satisfaction: c.satisfaction,
        note: c.note,
        causedByUnit: c.caused_by_unit === 1,
        valid: c.valid === 1,
        unitId: c.unit_id,
      }));
    },

    /**
     * The hotline rates per unit or street within the caller's jurisdiction, for orders taken
     * in within [from, to); best composite first.
     */
    async rates(actor: Actor, q: RatesQuery) {
      const s = await settings();
      const { orders, assignments } = await facts(actor, q);
      const groups = groupRates(orders, assignments, q.groupBy, now(), s.weights);
      const items = [];
      for (const g of groups) {
        const name = q.groupBy === 'unit' ? await ports.unitName(g.key) : ports.regionName(g.key);
        items.push({
          ...(q.groupBy === 'unit' ? { unitId: g.key } : { streetId: g.key }),
          name,
          counts: g.counts,
          rates: g.rates,
        });
      }
      return {
        groupBy: q.groupBy,
        from: q.from ?? null,
        to: q.to ?? null,
        weights: s.weights,
        items,
      };
    },

    /** The cases behind one count of one unit or street (drill-down of a figure). */
    async rateCases(actor: Actor, q: RateCasesQuery) {
      const { orders, assignments } = await facts(actor, q);
      const by = q.unitId ? 'unit' : 'street';
      const items = casesBehind(
        orders,
        assignments,
        by,
        (q.unitId ?? q.streetId)!,
        q.metric,
        now(),
      );
      return {
        metric: q.metric,
        unitId: q.unitId ?? null,
        streetId: q.streetId ?? null,
        total: items.length,
        items,
      };
    },

    /** Replaces the hotline settings (composite weights, repeat rules). */
    async putSettings(body: HotlineSettings): Promise<HotlineSettings> {
      await repo.putSetting(db, HOTLINE_SETTINGS_KEY, JSON.stringify(body), now());
      return body;
    },
  };
}
