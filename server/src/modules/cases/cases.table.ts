import type { Insertable, Selectable, Updateable } from 'kysely';

/** H3 resolution of `case_file.h3`: res 9 (~0.1 km²), about one unit grid. */
export const CASE_H3_RESOLUTION = 9;

/**
 * The case projection (案件). The event log (case_event) is the truth; this row is what the
 * events add up to, updated in the same transaction, guarded by `version`.
 */
export interface CaseFileTable {
  id: string;
  /** Human-readable number unique per city: local date + 5-digit daily sequence. */
  number: string;
  source: string;
  /** Channel-scoped idempotency key ('hotline:<order no>', 'api:<Idempotency-Key>'). */
  idempotency_key: string | null;
  state: string;
  version: number;

  matter_code: string | null;
  /** The code as given at intake when it was a legacy code. */
  matter_original_code: string | null;
  major_code: string | null;
  condition_id: string | null;
  urgency: 'normal' | 'urgent';
  description: string;
  address: string | null;

  lng: number;
  lat: number;
  h3: string;
  grid_code: string;
  community_id: string | null;
  street_id: string | null;
  district_id: string | null;
  city_id: string | null;
  area_class: string;

  reporter_name: string | null;
  reporter_phone: string | null;
  anonymous: number;
  reported_by: string | null;

  unit_id: string | null;
  proposed_unit_id: string | null;
  /** JSON: { ruleId, matched[] } of the routing proposal. */
  routing_reason: string | null;

  /** The stage whose clock runs now (verify/register/dispatch/acknowledge/handle/check) or null. */
  stage: string | null;
  stage_started_at: number | null;
  stage_deadline_at: number | null;
  /** JSON: { amount, unit } of the current stage's limit. */
  stage_limit: string | null;
  /** 1 once the overdue sweep has marked the current stage. */
  stage_overdue: number;

  handle_started_at: number | null;
  handle_deadline_at: number | null;
  /** JSON: { amount, unit } of the handling limit. */
  handle_limit: string | null;
  /** JSON array of { from, to } while hung (挂账): the clock pauses. */
  pauses: string;
  /** 1 if the handling deadline passed before feedback (kept after the case moves on). */
  handle_overdue: number;

  rework_count: number;
  return_count: number;
  extension_count: number;
  hang_count: number;
  supervise_count: number;
  remind_count: number;

  parent_case_id: string | null;
  disposal_mode: string | null;
  void_reason: string | null;

  created_at: number;
  updated_at: number;
  registered_at: number | null;
  dispatched_at: number | null;
  handled_at: number | null;
  closed_at: number | null;
  /** 'on_time' | 'overdue' once closed. */
  close_kind: string | null;

  event_count: number;
  last_hash: string;
}

/** One immutable event of a case, hash-chained to the one before it. */
export interface CaseEventTable {
  id: string;
  case_id: string;
  seq: number;
  at: number;
  actor_id: string | null;
  actor_name: string;
  actor_role: string;
  action: string;
  from_state: string | null;
  to_state: string;
  /** JSON payload of the command (reason, deadline, unit, …). */
  payload: string;
  /** JSON array of attachment ids. */
  attachment_ids: string;
  prev_hash: string;
  hash: string;
}

/** Daily counter behind case numbers. */
export interface CaseCounterTable {
  day: string;
  last: number;
}

/** Inverted index for free-text search: bigrams of Chinese text, words of the rest. */
export interface CaseTokenTable {
  token: string;
  case_id: string;
}

/** A possible duplicate found at intake. */
export interface CaseDuplicateTable {
  case_id: string;
  candidate_id: string;
  score: number;
  /** JSON: what matched (distance m, minutes apart, text similarity). */
  reason: string;
}

/** A case whose intake projections (search tokens, duplicates, rollups) are still to be written. */
export interface CaseProjectionPendingTable {
  case_id: string;
}

/** A notice to a unit or user: overdue, remind, supervise. */
export interface CaseNoticeTable {
  id: string;
  case_id: string;
  kind: 'overdue' | 'remind' | 'supervise';
  stage: string | null;
  unit_id: string | null;
  /** The deadline that was missed (overdue notices are unique per case, stage and deadline). */
  deadline_at: number | null;
  at: number;
  read_at: number | null;
  note: string | null;
}

/**
 * The overdue sweep's watermark (one row, `name` 'overdue'): every stage deadline up to
 * (`deadline_at`, `case_id`) has been looked at; `at` is when the sweep last moved it.
 */
export interface CaseSweepTable {
  name: string;
  deadline_at: number;
  case_id: string;
  at: number;
}

export interface CasesTables {
  case_file: CaseFileTable;
  case_event: CaseEventTable;
  case_counter: CaseCounterTable;
  case_token: CaseTokenTable;
  case_duplicate: CaseDuplicateTable;
  case_notice: CaseNoticeTable;
  case_projection_pending: CaseProjectionPendingTable;
  case_sweep: CaseSweepTable;
}

export type CaseRow = Selectable<CaseFileTable>;
export type NewCaseRow = Insertable<CaseFileTable>;
export type CaseUpdate = Updateable<CaseFileTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type NewCaseEventRow = Insertable<CaseEventTable>;
