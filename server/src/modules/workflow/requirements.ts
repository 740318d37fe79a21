import type { DisposalMode, SelectableVoidReason } from '@common/workflow';
import { DISPOSAL_MODES, SELECTABLE_VOID_REASONS } from '@common/workflow';

/** What an action may require in its payload. A closed set: the table may only name these. */
export const REQUIREMENT_KEYS = [
  'reason',
  'photo',
  'deadline',
  'targetUnit',
  'matter',
  'condition',
  'parentCase',
  'disposalMode',
  'verifyResult',
  'description',
  'voidReason',
] as const;

export type RequirementKey = (typeof REQUIREMENT_KEYS)[number];

/**
 * The payload of an action, as the HTTP layer hands it over after schema validation. Every field
 * is optional here; the transition table says which ones an action needs. The requirement check
 * still tests values at run time (blank strings, empty lists, unknown enum values), since the
 * core must not trust its caller.
 */
export interface TransitionPayload {
  /** Free-text reason: refuse, requests, denials, check_fail, audit_fail, supervise. */
  readonly reason?: string;
  /** Optional free-text note on any action. */
  readonly note?: string;
  /** Ids of uploaded attachments (photos). */
  readonly attachmentIds?: readonly string[];
  /** A new handling deadline, epoch milliseconds (UTC). */
  readonly deadline?: number;
  /** The handling unit a case is dispatched to. */
  readonly targetUnitId?: string;
  /** Matter (事项) code chosen at registration. */
  readonly matterCode?: string;
  /** Registration condition (立案条件) code of that matter; it fixes the time limit. */
  readonly conditionCode?: string;
  /** The case a duplicate is merged into. */
  readonly parentCaseId?: string;
  /** 721 disposal mode reported with feedback. */
  readonly disposalMode?: DisposalMode;
  /** Inspector's verify result: true = the problem exists, false = nothing found. */
  readonly verifyResult?: boolean;
  /** What was done (feedback). */
  readonly description?: string;
  /** Why a case is voided (void action only). */
  readonly voidReason?: SelectableVoidReason;
}

/**
 * The payload field behind each requirement key, so the HTTP layer can report a missing
 * requirement as a field path.
 */
export const REQUIREMENT_FIELDS: Readonly<Record<RequirementKey, keyof TransitionPayload>> = {
  reason: 'reason',
  photo: 'attachmentIds',
  deadline: 'deadline',
  targetUnit: 'targetUnitId',
  matter: 'matterCode',
  condition: 'conditionCode',
  parentCase: 'parentCaseId',
  disposalMode: 'disposalMode',
  verifyResult: 'verifyResult',
  description: 'description',
  voidReason: 'voidReason',
};

function isFilledString(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '';
}

function isOneOf(v: unknown, options: readonly string[]): boolean {
  return typeof v === 'string' && options.includes(v);
}

const CHECKS: Readonly<Record<RequirementKey, (p: TransitionPayload) => boolean>> = {
  reason: (p) => isFilledString(p.reason),
  // At least one attachment, and no blank ids hiding an upload that failed.
  photo: (p) =>
    Array.isArray(p.attachmentIds) &&
    p.attachmentIds.length > 0 &&
    p.attachmentIds.every(isFilledString),
  // Whether the deadline lies in the future is the service's check: the core has no clock.
  deadline: (p) =>
    typeof p.deadline === 'number' && Number.isSafeInteger(p.deadline) && p.deadline > 0,
  targetUnit: (p) => isFilledString(p.targetUnitId),
  matter: (p) => isFilledString(p.matterCode),
  condition: (p) => isFilledString(p.conditionCode),
  parentCase: (p) => isFilledString(p.parentCaseId),
  disposalMode: (p) => isOneOf(p.disposalMode, DISPOSAL_MODES),
  // false ("nothing found") is a result too: only absence fails.
  verifyResult: (p) => typeof p.verifyResult === 'boolean',
  description: (p) => isFilledString(p.description),
  // 'merged' and 'self_handle_rejected' are set by the workflow, never picked by a user.
  voidReason: (p) => isOneOf(p.voidReason, SELECTABLE_VOID_REASONS),
};

/** True when `payload` satisfies requirement `key` (present, non-empty, and a known value). */
export function isRequirementMet(key: RequirementKey, payload: TransitionPayload): boolean {
  return CHECKS[key](payload);
}
