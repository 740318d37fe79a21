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
