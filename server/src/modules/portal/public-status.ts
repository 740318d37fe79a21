/**
 * What the public may know about a case's progress: a coarse public status per workflow state,
 * with Chinese and English names, and the history of status changes built from the event log.
 * Never actors, reasons, notes or payloads: only which public status began when. Pure; shared
 * by the portal's status page and Open311 (status, status_notes, notes, updates).
 */
import type { CaseState } from '@common/workflow';

export { PUBLIC_STATUSES, type PublicStatus } from '@common/portal';
import type { PublicStatus } from '@common/portal';

export const PUBLIC_STATUS_NAMES: Readonly<Record<PublicStatus, { zh: string; en: string }>> = {
  received: { zh: '已受理', en: 'Received' },
  verifying: { zh: '现场核实中', en: 'Being verified on site' },
  reviewing: { zh: '审核中', en: 'Under review' },
  accepted: { zh: '已立案', en: 'Accepted' },
  dispatched: { zh: '已派遣', en: 'Assigned to an agency' },
  in_progress: { zh: '处置中', en: 'In progress' },
  deferred: { zh: '暂缓处置', en: 'Deferred' },
  checking: { zh: '处置结果核查中', en: 'Checking the result' },
  closed: { zh: '已办结', en: 'Closed' },
  not_accepted: { zh: '不予立案', en: 'Not accepted' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

/** The public status of each workflow state. */
export const PUBLIC_STATUS_BY_STATE: Readonly<Record<CaseState, PublicStatus>> = {
  reported: 'received',
  verifying: 'verifying',
  pending_register: 'reviewing',
  self_handled: 'reviewing',
  registered: 'accepted',
  dispatched: 'dispatched',
  handling: 'in_progress',
  extension_requested: 'in_progress',
  return_requested: 'in_progress',
  hang_requested: 'in_progress',
  hung: 'deferred',
  checking: 'checking',
  handled: 'checking',
  closed: 'closed',
  refused: 'not_accepted',
  voided: 'cancelled',
};

/** The public status of a workflow state (an unknown state reads as in progress). */
export function publicStatusOf(state: string): PublicStatus {
  return PUBLIC_STATUS_BY_STATE[state as CaseState] ?? 'in_progress';
}

/** True when the case is finished for the public (Open311 `closed`): closed, refused, voided. */
export function isFinishedState(state: string): boolean {
  return state === 'closed' || state === 'refused' || state === 'voided';
}

/** An event as far as the public history needs it. */
export interface HistoryEvent {
  id: string;
  seq: number;
  at: number;
  toState: string;
}

export interface PublicHistoryEntry {
  /** The event that started this status. */
  eventId: string;
  status: PublicStatus;
  at: number;
}

/**
 * The public history of a case: 'received' at the report, then one entry each time the public
 * status changes (events that keep it, such as reminders, overdue marks or a pending request,
 * leave no trace). Events must be in seq order.
 */
export function publicHistory(events: readonly HistoryEvent[]): PublicHistoryEntry[] {
  const out: PublicHistoryEntry[] = [];
  let last: PublicStatus | null = null;
  for (const e of events) {
    if (out.length === 0) {
      out.push({ eventId: e.id, status: 'received', at: e.at });
      last = 'received';
    }
    const status = publicStatusOf(e.toState);
    if (status !== last) {
      out.push({ eventId: e.id, status, at: e.at });
      last = status;
    }
  }
  return out;
}
