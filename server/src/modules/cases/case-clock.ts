import type { CaseState, ClockStage } from '@common/workflow';
import { stageOf } from '@common/workflow';
import type { TimeUnit } from '@common/roles';
import { addTime, advanceBy, elapsedFor, type PauseInterval, type WorkingCalendar } from '../clock';

export { stageOf, type ClockStage } from '@common/workflow';

export interface Limit {
  amount: number;
  unit: TimeUnit;
}

/** The clock fields of a case that transitions change. */
export interface CaseClock {
  stage: ClockStage | null;
  stageStartedAt: number | null;
  stageDeadlineAt: number | null;
  stageLimit: Limit | null;
  stageOverdue: boolean;
  handleStartedAt: number | null;
  handleDeadlineAt: number | null;
  handleLimit: Limit | null;
  handleOverdue: boolean;
  pauses: PauseInterval[];
}

export interface ClockStep {
  from: CaseState;
  to: CaseState;
  action: string;
  now: number;
  calendar: WorkingCalendar;
  /** The stage limit of the stage being entered (not used for 'handle'). */
  stageLimit: (stage: Exclude<ClockStage, 'handle'>) => Limit;
  /** The handling limit of the case's matter and condition, when known. */
  handleLimit: Limit | null;
  /** approve_extension: the deadline granted. */
  grantedDeadline?: number;
}

/**
 * The working clock of one transition. Pure: takes the case's clock and the step, returns
 * the new clock.
 * - The handling clock starts at dispatch (时限 from 派遣) and runs through acknowledge;
 *   a rework (check_fail, and the hotline desk's redo) restarts it with the full limit.
 * - A reopen (closed → handling) starts a new handling clock: full limit from now, no pauses,
 *   and the overdue mark of the earlier round cleared.
 * - An approved extension sets the handling deadline to the granted one.
 * - An approved hang opens a pause; resume closes it and moves the deadline by the time that
 *   was left when the case was hung (in the limit's measure: working time for working units).
 * - Entering any other stage starts that stage's own limit.
 */
export function stepClock(c: CaseClock, s: ClockStep): CaseClock {
  const next: CaseClock = { ...c, pauses: c.pauses.map((p) => ({ ...p })) };
  if (s.action === 'dispatch') {
    next.handleStartedAt = s.now;
    next.handleLimit = s.handleLimit;
    next.handleDeadlineAt = s.handleLimit
      ? addTime(s.calendar, s.now, s.handleLimit.amount, s.handleLimit.unit)
      : null;
    next.handleOverdue = false;
    next.pauses = [];
  }
  if (s.action === 'check_fail' || s.action === 'redo' || s.action === 'reopen') {
    next.handleStartedAt = s.now;
    next.handleDeadlineAt = c.handleLimit
      ? addTime(s.calendar, s.now, c.handleLimit.amount, c.handleLimit.unit)
      : null;
    next.pauses = [];
  }
  if (s.action === 'reopen') {
    next.handleOverdue = false;
  }
  if (s.action === 'approve_extension' && s.grantedDeadline !== undefined) {
    next.handleDeadlineAt = s.grantedDeadline;
  }
  if (s.action === 'approve_hang') {
    next.pauses.push({ from: s.now, to: null });
  }
  if (s.action === 'resume') {
    const open = next.pauses.find((p) => p.to === null);
    if (open) {
      open.to = s.now;
      if (c.handleDeadlineAt !== null && c.handleLimit) {
        next.handleDeadlineAt = resumedDeadline(
          s.calendar,
          open.from,
          c.handleDeadlineAt,
          c.handleLimit.unit,
          s.now,
        );
      }
    }
  }

  const stage = stageOf(s.to);
  if (stage === 'handle') {
    next.stage = 'handle';
    next.stageStartedAt = next.handleStartedAt;
    next.stageDeadlineAt = next.handleDeadlineAt;
    next.stageLimit = next.handleLimit;
    next.stageOverdue = next.handleOverdue;
  } else if (stage === null) {
    next.stage = null;
    next.stageStartedAt = null;
    next.stageDeadlineAt = null;
    next.stageLimit = null;
    next.stageOverdue = false;
  } else if (stage !== c.stage || s.from !== s.to) {
    const limit = s.stageLimit(stage);
    next.stage = stage;
    next.stageStartedAt = s.now;
    next.stageLimit = limit;
    next.stageDeadlineAt = addTime(s.calendar, s.now, limit.amount, limit.unit);
    next.stageOverdue = false;
  }
  return next;
}

/**
 * The handling deadline of a case hung since `hungAt` if it resumes at `now`: moved by the time
 * that was left when it was hung (in the limit's measure). A case hung after its deadline keeps
 * it. While a case is hung this is the deadline its light is measured against.
 */
export function resumedDeadline(
  calendar: WorkingCalendar,
  hungAt: number,
  deadline: number,
  unit: TimeUnit,
  now: number,
): number {
  const left = elapsedFor(calendar, hungAt, deadline, unit);
  return left > 0 ? advanceBy(calendar, now, left, unit) : deadline;
}

/** True when the handling stage ended after its deadline (closure and evaluation use it). */
export function handledLate(c: Pick<CaseClock, 'handleDeadlineAt'>, handledAt: number): boolean {
  return c.handleDeadlineAt !== null && handledAt > c.handleDeadlineAt;
}
