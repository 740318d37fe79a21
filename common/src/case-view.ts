/**
 * The case as the API shows it (`GET /api/v1/cases/{id}` and every list): written by the
 * server's presenter (server/src/modules/cases/cases.presenter.ts), read by the console. One
 * definition for both, so they cannot drift apart. Times are ISO-8601 strings.
 */
import type { TrafficLightColor } from './clock';
import type { TimeUnit } from './roles';
import type { CaseAction, CaseSource, CaseState, ClockStage, DisposalMode } from './workflow';

/** A time limit: an amount of working hours or days, or natural hours or days. */
export interface CaseLimit {
  amount: number;
  unit: TimeUnit;
}

/**
 * One pass of a case through a stage (rework enters handling again: a new pass), with the
 * time it used in its limit's own measure: working time for working hours and days (the
 * calendar's working periods; in handling, the time it was hung left out), clock time for
 * minutes and hours.
 */
export interface CaseStagePass {
  stage: ClockStage;
  startedAt: string;
  /** null while the case is still in the stage. */
  endedAt: string | null;
  /** The stage's limit (the current one's as set; a past one's as configured now). */
  limit: CaseLimit | null;
  /** Minutes used so far, in the limit's measure (clock minutes when there is no limit). */
  usedMinutes: number;
  measure: 'working' | 'clock';
  overdue: boolean;
  /** The deadline the pass missed, when it went overdue. */
  overdueDeadline: string | null;
}

export interface CaseView {
  id: string;
  number: string;
  source: CaseSource;
  state: CaseState;
  version: number;
  matter: {
    code: string;
    originalCode: string | null;
    majorCode: string;
    conditionId: string | null;
  } | null;
  urgency: 'normal' | 'urgent';
  description: string;
  address: string | null;
  location: {
    lng: number;
    lat: number;
    gridCode: string;
    areaClass: string;
    h3: string;
    communityId: string | null;
    streetId: string | null;
    districtId: string | null;
  };
  reporter: { name: string | null; phone: string | null; anonymous: boolean } | null;
  unitId: string | null;
  routing: { proposedUnitId: string | null; ruleId: string | null; matched: string[] } | null;
  stage: {
    name: ClockStage;
    startedAt: string | null;
    deadline: string | null;
    limit: CaseLimit | null;
    overdue: boolean;
    light: TrafficLightColor | null;
    usedRatio: number | null;
  } | null;
  handling: {
    startedAt: string | null;
    deadline: string | null;
    limit: CaseLimit | null;
    overdue: boolean;
    paused: boolean;
  } | null;
  counters: {
    rework: number;
    return: number;
    extension: number;
    hang: number;
    supervise: number;
    remind: number;
  };
  parentCaseId: string | null;
  disposalMode: DisposalMode | null;
  voidReason: string | null;
  createdAt: string;
  updatedAt: string;
  registeredAt: string | null;
  dispatchedAt: string | null;
  handledAt: string | null;
  closedAt: string | null;
  closeKind: string | null;
  availableActions?: CaseAction[];
  duplicates?: CaseDuplicate[];
}

export interface CaseDuplicate {
  caseId: string;
  number: string;
  state: CaseState;
  score: number;
  reason: unknown;
}
