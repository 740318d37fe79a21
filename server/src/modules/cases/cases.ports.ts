import type { AreaClass, TimeUnit } from '@common/roles';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { Actor } from '../auth/actor';
import type { WorkingCalendar } from '../clock';
import type { RoutingProposal, RoutingSubject } from '../routing/propose-unit';
import type { ClockStage } from './case-clock';

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
  seq: number;
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
  handleLimit(matterCode: string, conditionId: string | null, areaClass: AreaClass): Promise<MatterLimit | null>;
  /** A city-wide stage limit. */
  stageLimit(stage: Exclude<ClockStage, 'handle'>, urgency: 'normal' | 'urgent', areaClass: AreaClass): { amount: number; unit: TimeUnit };
  calendar(): WorkingCalendar;
  /** The level of a region id, or undefined when unknown. */
  regionLevel(regionId: string): 'city' | 'district' | 'street' | 'community' | undefined;
  inspectorsOfGrid(gridCode: string): Promise<string[]>;
  gridsOfInspector(userId: string): Promise<string[]>;
  unitExists(unitId: string): Promise<boolean>;
  proposeUnit(subject: RoutingSubject): RoutingProposal | null;
  /** @throws ATTACHMENT_NOT_FOUND for ids that do not exist or the actor may not use. */
  assertAttachments(ids: string[], actor: Actor | null): Promise<void>;
  bindAttachments(db: Kysely<Database>, ids: string[], caseId: string, kind: string): Promise<void>;
  publish(event: LiveCaseEvent): void;
}
