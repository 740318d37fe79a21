import {
  HOTLINE_REQUEST_TYPE_NAMES_ZH,
  type HotlineRequestType,
  type HotlineSatisfaction,
} from '@common/hotline';
import type { Actor } from '../auth/actor';
import type { CaseView } from '../cases/cases.presenter';
import type { OrderWithCase } from './hotline.repository';
import type { HotlineOrderRow } from './hotline.table';
import { maskName, maskPhone, type RepeatReason } from './repeat';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const flag = (v: number | null): boolean | null => (v === null ? null : v === 1);

/** The hotline desk: it takes the calls, reviews replies and calls back. */
const DESK_ROLES = ['intake_clerk', 'shift_leader'] as const;

export const isHotlineDesk = (actor: Actor | null): boolean =>
  actor?.roles.some((r) => (DESK_ROLES as readonly string[]).includes(r)) ?? false;

export interface CallerView {
  name: string | null;
  phone: string | null;
  /** True when name and phone are shown masked. */
  masked: boolean;
}

/**
 * Who sees the caller, and how (decision, see README):
 * - the hotline desk (intake_clerk, shift_leader) sees name and phone in full on the order
 *   itself, masked in lists and exports;
 * - everyone else (dispatchers, leaders, handling units) sees them masked, never in full;
 * - a confidential order shows no caller at all to anyone but the desk.
 */
export function presentCaller(
  o: Pick<HotlineOrderRow, 'caller_name' | 'caller_phone' | 'confidential'>,
  actor: Actor | null,
  where: 'detail' | 'list',
): CallerView | null {
  const desk = isHotlineDesk(actor);
  if (o.confidential === 1 && !desk) {
    return null;
  }
  if (!o.caller_name && !o.caller_phone) {
    return null;
  }
  if (desk && where === 'detail') {
    return { name: o.caller_name, phone: o.caller_phone, masked: false };
  }
  return { name: maskName(o.caller_name), phone: maskPhone(o.caller_phone), masked: true };
}

export interface HotlineOrderSummary {
  caseId: string;
  number: string;
  orderNo: string;
  requestType: string;
  requestTypeName: string;
  confidential: boolean;
  caller: CallerView | null;
  urgency: string;
  state: string;
  unitId: string | null;
  hotlineDeadline: string | null;
  receivedAt: string;
  createdAt: string;
  replyReview: string | null;
  callbackSatisfaction: string | null;
  repeat: boolean;
}

export interface HotlineOrderView extends Omit<
  HotlineOrderSummary,
  'replyReview' | 'callbackSatisfaction' | 'repeat'
> {
  originalText: string;
  reply: {
    text: string;
    at: string;
    byName: string | null;
    review: string | null;
    reviewedAt: string | null;
    reviewNote: string | null;
  } | null;
  callback: {
    contacted: boolean;
    solved: boolean | null;
    satisfaction: HotlineSatisfaction | null;
    note: string | null;
    causedByUnit: boolean | null;
    valid: boolean;
    at: string;
    count: number;
  } | null;
  repeat: {
    isRepeat: boolean;
    of: string | null;
    group: string | null;
    reasons: RepeatReason[];
    /** The other orders of the chain, oldest first. */
    related: {
      caseId: string;
      number: string;
      orderNo: string;
      state: string;
      createdAt: string;
    }[];
  };
  case: CaseView;
}

const typeName = (t: string) => HOTLINE_REQUEST_TYPE_NAMES_ZH[t as HotlineRequestType] ?? t;

/** A list row: the caller masked (or hidden) for everyone. */
export function presentOrderSummary(r: OrderWithCase, actor: Actor | null): HotlineOrderSummary {
  return {
    caseId: r.case_id,
    number: r.number,
    orderNo: r.order_no,
    requestType: r.request_type,
    requestTypeName: typeName(r.request_type),
    confidential: r.confidential === 1,
    caller: presentCaller(r, actor, 'list'),
    urgency: r.urgency,
    state: r.state,
    unitId: r.unit_id,
    hotlineDeadline: iso(r.hotline_deadline),
    receivedAt: iso(r.received_at)!,
    createdAt: iso(r.created_at)!,
    replyReview: r.reply_review,
    callbackSatisfaction:
      r.callback_count > 0 ? (r.callback_satisfaction ?? 'not_contacted') : null,
    repeat: r.repeat_of !== null,
  };
}

/** One order with its case, reply, callback and repeat chain. */
export function presentOrder(
  r: OrderWithCase,
  o: {
    actor: Actor | null;
    caseView: CaseView;
    related: {
      case_id: string;
      number: string;
      order_no: string;
      state: string;
      created_at: number;
    }[];
  },
): HotlineOrderView {
  return {
    caseId: r.case_id,
    number: r.number,
    orderNo: r.order_no,
    requestType: r.request_type,
    requestTypeName: typeName(r.request_type),
    confidential: r.confidential === 1,
    caller: presentCaller(r, o.actor, 'detail'),
    urgency: r.urgency,
    state: r.state,
    unitId: r.unit_id,
    hotlineDeadline: iso(r.hotline_deadline),
    receivedAt: iso(r.received_at)!,
    createdAt: iso(r.created_at)!,
    originalText: r.original_text,
    reply:
      r.reply_text !== null && r.reply_at !== null
        ? {
            text: r.reply_text,
            at: iso(r.reply_at)!,
            byName: r.reply_by_name,
            review: r.reply_review,
            reviewedAt: iso(r.reply_reviewed_at),
            reviewNote: r.reply_review_note,
          }
        : null,
    callback:
      r.callback_count > 0 && r.callback_at !== null
        ? {
            contacted: r.callback_contacted === 1,
            solved: flag(r.callback_solved),
            satisfaction: r.callback_satisfaction as HotlineSatisfaction | null,
            note: r.callback_note,
            causedByUnit: flag(r.callback_caused_by_unit),
            valid: r.callback_valid !== 0,
            at: iso(r.callback_at)!,
            count: r.callback_count,
          }
        : null,
    repeat: {
      isRepeat: r.repeat_of !== null,
      of: r.repeat_of,
      group: r.repeat_group ?? (o.related.length > 0 ? r.case_id : null),
      reasons: r.repeat_reasons ? (JSON.parse(r.repeat_reasons) as RepeatReason[]) : [],
      related: o.related
        .filter((x) => x.case_id !== r.case_id)
        .map((x) => ({
          caseId: x.case_id,
          number: x.number,
          orderNo: x.order_no,
          state: x.state,
          createdAt: iso(x.created_at)!,
        })),
    },
    case: o.caseView,
  };
}
