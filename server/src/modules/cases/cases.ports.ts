import type { AreaClass, Role, TimeUnit } from '@common/roles';
import type { CaseState } from '@common/workflow';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { Actor } from '../auth/actor';
import type { WorkingCalendar } from '../clock';
import type { RoutingProposal, RoutingSubject } from '../routing/propose-unit';
import type { ClockStage } from './case-clock';
import type { CaseEventListener } from './case-event-hooks';
import type { ActionBody } from './cases.schema';
import type { CaseRow, NewCaseEventRow } from './cases.table';

/** Where a point lies: what intake needs from the space module. */
export interface LocatedPoint {
  lng: number;
  lat: number;
  gridCode: string;
  areaClass: AreaClass;
  communityId: string | null;
  streetId: string | null;
  districtId: string | null;
  cityId: string | null;
}

export interface MatterLimit {
  conditionId: string;
  amount: number;
  unit: TimeUnit;
  photoRequired: boolean;
  urgent: boolean;
}

export interface ResolvedMatter {
  code: string;
  original: string | null;
}

/** A live case event, pushed to subscribers whose jurisdiction covers the case. */
export interface LiveCaseEvent {
  caseId: string;
  number: string;
  /** The event's place in the case's chain; null for an overdue mark (a notice, not an event). */
  seq: number | null;
  action: string;
  fromState: string | null;
  toState: string;
  at: number;
  actorRole: string;
  streetId: string | null;
  districtId: string | null;
  cityId: string | null;
  unitId: string | null;
  gridCode: string;
  lng: number;
  lat: number;
}

/**
 * What the cases module needs from the others, as narrow functions (wired in services.ts),
 * so the module's dependencies are explicit and its tests can see them.
 */
export interface CasePorts {
  /** Point (WGS84) → grid and region chain, or null outside every grid. */
  locate(lng: number, lat: number): LocatedPoint | null;
  /** GCJ-02 → WGS84. */
  gcj02ToWgs84(lng: number, lat: number): [number, number];
  /** A current or legacy matter code → current code. @throws CATALOG_* errors. */
  resolveMatter(code: string, legacyKind?: 'event' | 'component'): Promise<ResolvedMatter>;
  /** The handling limit of a matter (and condition) in an area class. */
  handleLimit(
    matterCode: string,
    conditionId: string | null,
    areaClass: AreaClass,
  ): Promise<MatterLimit | null>;
  /** A city-wide stage limit. */
  stageLimit(
    stage: Exclude<ClockStage, 'handle'>,
    urgency: 'normal' | 'urgent',
    areaClass: AreaClass,
  ): { amount: number; unit: TimeUnit };
  calendar(): WorkingCalendar;
  /** The level of a region id, or undefined when unknown. */
  regionLevel(regionId: string): 'city' | 'district' | 'street' | 'community' | undefined;
  inspectorsOfGrid(gridCode: string): Promise<readonly string[]>;
  gridsOfInspector(userId: string): Promise<string[]>;
  unitExists(unitId: string): Promise<boolean>;
  proposeUnit(subject: RoutingSubject): RoutingProposal | null;
  /** @throws ATTACHMENT_NOT_FOUND for ids that do not exist or the actor may not use. */
  assertAttachments(ids: string[], actor: Actor | null): Promise<void>;
  bindAttachments(db: Kysely<Database>, ids: string[], caseId: string, kind: string): Promise<void>;
  publish(event: LiveCaseEvent): void;
  /** False when nobody can receive a published event (see LiveBus.heard). */
  heard(): boolean;
  /**
   * Called inside the transaction of every event (intake, actions, system closes, the
   * overdue sweep) once the event and the case row are written; see CaseEventListener.
   */
  onEvent: CaseEventListener;
}

/** What an action hook is told: the action, who takes it, and the case before it. */
export interface CaseActionContext {
  /** The action's transaction: read and write only through it (SQLite has one connection). */
  trx: Kysely<Database>;
  actor: Actor;
  /** The role the actor acts in (the workflow table's choice). */
  role: Role;
  /** The case as it was before the action (already version-checked). */
  row: CaseRow;
  body: ActionBody;
  /** The state the workflow moves the case to. */
  to: CaseState;
  /** Epoch ms of the action. */
  at: number;
}

/**
 * The extension point of `act` for overlays that keep their own rules (the 12345 hotline):
 * the cases module stays the single entry for actions, and an overlay adds checks and
 * bookkeeping without copying its logic. Registered with `cases.addActionHook` (services.ts).
 * - `before` runs inside the action's transaction once the workflow table and the policy have
 *   allowed the action and its payload, before anything is written: throw an AppError to
 *   refuse it (the transaction rolls back).
 * - `after` runs in the same transaction once the event and the projection are written; what
 *   it writes commits or rolls back with the action.
 */
export interface CaseActionHook {
  before?(c: CaseActionContext): Promise<void>;
  after?(c: CaseActionContext & { after: CaseRow; event: NewCaseEventRow }): Promise<void>;
}
