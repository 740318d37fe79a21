import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * The 12345 hotline overlay of a case (one row per hotline work order, keyed by the case id).
 * The case itself (state, unit, clocks, event log) lives in case_file; this row holds what
 * only the hotline knows: its order number, the caller, its own deadline, the reply to the
 * citizen and its review, the latest callback and the repeat-complaint link.
 */
export interface HotlineOrderTable {
  case_id: string;
  /** The hotline's own order number (工单编号); intake is idempotent on it. */
  order_no: string;
  /** consult | help | complaint | report | suggestion | praise. */
  request_type: string;
  caller_name: string | null;
  /** Normalised (digits, no +86): repeat detection compares it. */
  caller_phone: string | null;
  /** 1: the caller asked for confidentiality; only the hotline desk sees the caller. */
  confidential: number;
  /** The citizen's words as the hotline recorded them (the case description is a copy). */
  original_text: string;
  urgency: 'normal' | 'urgent';
  /** The hotline's own deadline (办理时限), epoch ms; null when the hotline gave none. */
  hotline_deadline: number | null;
  /** When the hotline received the call (epoch ms); the intake time when not given. */
  received_at: number;

  reply_text: string | null;
  reply_at: number | null;
  reply_by: string | null;
  reply_by_name: string | null;
  /** pending | accepted | redo; null before the first reply. */
  reply_review: string | null;
  reply_reviewed_at: number | null;
  reply_reviewed_by: string | null;
  reply_review_note: string | null;

  /** The latest callback (history in hotline_callback); null before the first. */
  callback_contacted: number | null;
  callback_solved: number | null;
  /** satisfied | basically_satisfied | unsatisfied; null when the caller was not reached. */
  callback_satisfaction: string | null;
  callback_note: string | null;
  callback_caused_by_unit: number | null;
  /** 0: the desk ruled the callback invalid (left out of the rates). */
  callback_valid: number | null;
  callback_at: number | null;
  callback_by: string | null;
  callback_count: number;

  /** The earlier order this one repeats (case id), or null. */
  repeat_of: string | null;
  /** The first order of the repeat chain (case id), or null. */
  repeat_group: string | null;
  /** JSON array: 'same_phone' and/or 'same_place_matter'. */
  repeat_reasons: string | null;

  created_at: number;
  updated_at: number;
}

/** Every callback (回访) of an order, in order; the order row mirrors the latest. */
export interface HotlineCallbackTable {
  id: string;
  case_id: string;
  seq: number;
  at: number;
  by_user: string | null;
  contacted: number;
  solved: number | null;
  satisfaction: string | null;
  note: string | null;
  caused_by_unit: number;
  valid: number;
  /** The unit that handled the case when the callback was made. */
  unit_id: string | null;
}

/**
 * One dispatch of a hotline order to a unit: when it was sent, by when it had to be
 * acknowledged (签收), when it was, and whether the unit returned it. Feeds on-time
 * acknowledgement and the return rate per unit.
 */
export interface HotlineAssignmentTable {
  id: string;
  case_id: string;
  unit_id: string;
  dispatched_at: number;
  ack_deadline_at: number | null;
  acknowledged_at: number | null;
  returned_at: number | null;
}

export interface HotlineTables {
  hotline_order: HotlineOrderTable;
  hotline_callback: HotlineCallbackTable;
  hotline_assignment: HotlineAssignmentTable;
}

export type HotlineOrderRow = Selectable<HotlineOrderTable>;
export type NewHotlineOrderRow = Insertable<HotlineOrderTable>;
export type HotlineOrderUpdate = Updateable<HotlineOrderTable>;
export type HotlineCallbackRow = Selectable<HotlineCallbackTable>;
export type HotlineAssignmentRow = Selectable<HotlineAssignmentTable>;
