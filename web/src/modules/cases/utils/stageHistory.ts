import type { CaseEvent } from '../../../api/types';
import type { ClockStage } from '../../../api/types';
import { stageOf } from '@common/workflow';

/** One pass of a case through a stage. */
export interface StagePass {
  stage: ClockStage;
  startedAt: string;
  /** null while the case is still in the stage. */
  endedAt: string | null;
  /** The deadline an overdue event recorded for this pass, if it went overdue. */
  overdueDeadline: string | null;
  overdue: boolean;
}

/**
 * The stages a case went through, from its events: a pass starts when an event enters a
 * stage and ends when one leaves it (rework enters `handle` again: a new pass).
 */
export function stageHistory(events: readonly CaseEvent[]): StagePass[] {
  const out: StagePass[] = [];
  let open: StagePass | null = null;
  for (const e of events) {
    if (e.action === 'overdue') {
      if (open && (e.payload.stage === undefined || e.payload.stage === open.stage)) {
        open.overdue = true;
        open.overdueDeadline = typeof e.payload.deadline === 'string' ? e.payload.deadline : null;
      }
      continue;
    }
    const next = stageOf(e.toState);
    const prev = e.fromState ? stageOf(e.fromState) : null;
    const restarted =
      next !== null && next === prev && ['check_fail', 'redo', 'reopen'].includes(e.action);
    if (open && (next !== open.stage || restarted)) {
      open.endedAt = e.at;
      open = null;
    }
    if (next && !open) {
      open = { stage: next, startedAt: e.at, endedAt: null, overdueDeadline: null, overdue: false };
      out.push(open);
    }
  }
  return out;
}
