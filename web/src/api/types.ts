import type { Role, ScopeLevel, TimeUnit } from '@common/roles';
import type { CaseAction, CaseSource, CaseState, DisposalMode } from '@common/workflow';
import type { TrafficLightColor } from '@common/clock';

/**
 * Shapes of the API's JSON as the console reads them (mirrors of the server presenters:
 * cases.presenter.ts, org.service.ts, space and catalog routes). Times are ISO-8601 strings.
 */

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  scope: { level: ScopeLevel; regionId: string | null; unitId: string | null };
  phone: string | null;
  active: boolean;
}

export interface LoginResponse {
  expiresAt: string;
  user: User;
}

export interface Limit {
  amount: number;
  unit: TimeUnit;
}

export type { ClockStage } from '@common/workflow';
import type { ClockStage } from '@common/workflow';
export type { CaseDuplicate, CaseStagePass, CaseView } from '@common/case-view';

export interface CaseEvent {
  id: string;
  /** null for an overdue mark: a notice merged into the timeline, outside the hash chain. */
  seq: number | null;
  at: string;
  actor: { id: string | null; name: string; role: string };
  /** A workflow action, or 'report' / 'overdue'. */
  action: string;
  fromState: CaseState | null;
  toState: CaseState;
  payload: Record<string, unknown>;
  attachmentIds: string[];
  hash: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface CaseListQuery {
  state?: readonly CaseState[];
  matter?: string;
  regionId?: string;
  grid?: string;
  unitId?: string;
  source?: CaseSource;
  overdue?: boolean;
  from?: string;
  to?: string;
  q?: string;
  parent?: string;
  mine?: boolean;
  sort?: 'created_at' | 'updated_at' | 'stage_deadline_at' | 'number';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface NewCaseBody {
  source: CaseSource;
  matterCode?: string;
  conditionId?: string;
  description: string;
  address?: string;
  lng: number;
  lat: number;
  crs?: 'wgs84' | 'gcj02';
  urgency?: 'normal' | 'urgent';
  reporter?: { name?: string; phone?: string; anonymous?: boolean };
  attachmentIds?: string[];
  externalId?: string;
}

export interface ActionBody {
  action: CaseAction;
  version: number;
  reason?: string;
  note?: string;
  attachmentIds?: string[];
  deadline?: string;
  targetUnitId?: string;
  matterCode?: string;
  conditionId?: string;
  parentCaseId?: string;
  disposalMode?: DisposalMode;
  verifyResult?: boolean;
  description?: string;
  voidReason?: 'duplicate' | 'invalid' | 'out_of_jurisdiction';
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: 'bureau' | 'centre' | 'handling_unit' | 'street_office';
  parentId: string | null;
  regionId: string | null;
  matterMajors: string[];
  phone: string | null;
  active: boolean;
}

export type RegionLevel = 'city' | 'district' | 'street' | 'community';

export interface Region {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  parentCode: string | null;
  areaClass: string | null;
}

export interface RegionNode extends Region {
  children: RegionNode[];
}

export type Geometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface RegionFeature {
  type: 'Feature';
  geometry: Geometry | null;
  properties: { code: string; name: string; level: RegionLevel; parentCode: string | null };
}

export interface RegionCollection {
  type: 'FeatureCollection';
  features: RegionFeature[];
}

export interface NamedRegion {
  id: string;
  code: string;
  name: string;
}

export interface Grid {
  code: string;
  legacyCode: string | null;
  name: string | null;
  communityId: string | null;
  communityCode: string | null;
  areaClass: string;
  bbox: [number, number, number, number];
  center: [number, number];
  areaM2: number;
  geometry: Geometry;
  community?: NamedRegion | null;
  street?: NamedRegion | null;
  district?: NamedRegion | null;
  city?: NamedRegion | null;
}

export interface LocateResult {
  grid: { code: string; areaClass: string };
  community: NamedRegion | null;
  street: NamedRegion | null;
  district: NamedRegion | null;
  city: NamedRegion | null;
}

export interface CatalogEntry {
  kind: 'matter' | 'component';
  code: string;
  majorCode: string;
  majorName: string;
  name: string;
  nameEn: string | null;
  componentCode: string | null;
  standard: boolean;
  active: boolean;
}

export interface MatterCondition {
  id: string;
  matterCode: string;
  seq: number;
  name: string;
  closureCondition: string | null;
  photoRequired: boolean;
  urgent: boolean;
  active: boolean;
  limits: Partial<Record<'A' | 'B' | 'C', Limit>>;
}

/** A stage's time limit for an urgency and area class. */
export interface StageLimit {
  stage: Exclude<ClockStage, 'handle'>;
  urgency: 'normal' | 'urgent';
  areaClass: 'A' | 'B' | 'C';
  amount: number;
  unit: TimeUnit;
}

export interface Attachment {
  id: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  originalName: string | null;
  url: string;
  thumbUrl: string | null;
}

export interface DeadlinePreview {
  start: string;
  amount: number;
  unit: TimeUnit;
  deadline: string;
  warnings: string[];
}

export interface RoutingRule {
  id: string;
  matterCode: string | null;
  majorCode: string | null;
  regionId: string | null;
  areaClass: string | null;
  unitId: string;
  priority: number;
  note: string | null;
}

export interface ConsoleConfig {
  /** Raster tile URL template ({z}/{x}/{y}); null: our own layers only. */
  mapTileUrl: string | null;
  timeZone: string;
  version: string;
}

export type { CaseAction, CaseSource, CaseState, DisposalMode, Role, TrafficLightColor };
