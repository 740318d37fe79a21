import type { Role, ScopeLevel } from '@common/roles';
import { requestJson } from './http';
import type { Limit, MatterCondition, OrgUnit, RoutingRule, StageLimit, User } from './types';

/**
 * The administration API (role admin): users, units, GeoJSON imports, the routing matrix,
 * time limits, the working calendar and Open311. Reads shared with other workspaces stay in
 * their own clients (orgApi.units, routingApi.rules, catalogApi, clockApi.deadline).
 */

export interface AdminUser extends User {
  inspectorGrids?: string[];
}

export interface UserScopeBody {
  level: ScopeLevel;
  regionId?: string | null;
  unitId?: string | null;
}

export interface CreateUserBody {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  unitId?: string | null;
  scope: UserScopeBody;
  phone?: string | null;
  inspectorGrids?: string[];
}

export type UpdateUserBody = Partial<Omit<CreateUserBody, 'username'>> & { active?: boolean };

export type UnitKind = OrgUnit['kind'];

export interface UnitBody {
  code?: string;
  name: string;
  nameEn?: string | null;
  kind: UnitKind;
  parentId?: string | null;
  regionId?: string | null;
  matterMajors?: string[];
  phone?: string | null;
  active?: boolean;
}

/** The answer of a GeoJSON import (or its dry run). */
export interface SpaceImportResult {
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
}

/** One problem of one feature, as SPACE_IMPORT_INVALID lists them in `details`. */
export interface SpaceImportIssue {
  index: number;
  code: string | null;
  path: string;
  message: string;
}

export interface RoutingRuleBody {
  matterCode?: string | null;
  majorCode?: string | null;
  regionId?: string | null;
  areaClass?: 'A' | 'B' | 'C' | null;
  unitId: string;
  priority: number;
  note?: string | null;
}

export type AreaLimits = Record<'A' | 'B' | 'C', Limit>;

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  source?: string;
}

export interface CalendarYear {
  year: number;
  entered: boolean;
  official: boolean;
  note: string | null;
  timeZone: string;
  periods: { start: string; end: string }[];
  days: CalendarDay[];
}

export interface CalendarWarning {
  code: string;
  year: number;
  message: string;
}

export interface CalendarYears {
  years: {
    year: number;
    official: boolean;
    note: string | null;
    holidays: number;
    workdays: number;
    updatedAt: string | null;
  }[];
  warnings: CalendarWarning[];
}

export interface Open311Service {
  matterCode: string;
  serviceCode: string;
  name: string;
  nameEn: string | null;
  description: string;
  group: string;
  keywords: string[];
  notice: string | null;
  attributes: unknown[];
  enabled: boolean;
  sort: number;
  createdAt: string;
  updatedAt: string;
}

export interface Open311ServiceBody {
  name?: string;
  nameEn?: string | null;
  description?: string;
  group?: string;
  notice?: string | null;
  enabled?: boolean;
  sort?: number;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const id = (x: string) => encodeURIComponent(x);

export const adminApi = {
  users: (q: { role?: Role; page?: number; pageSize?: number } = {}, signal?: AbortSignal) =>
    requestJson<{ items: AdminUser[] }>('/api/v1/org/users', {
      query: { pageSize: 500, ...q },
      signal,
    }).then((r) => r.items),
  user: (userId: string) => requestJson<AdminUser>(`/api/v1/org/users/${id(userId)}`),
  createUser: (body: CreateUserBody) => requestJson<AdminUser>('/api/v1/org/users', { json: body }),
  updateUser: (userId: string, body: UpdateUserBody) =>
    requestJson<AdminUser>(`/api/v1/org/users/${id(userId)}`, { method: 'PATCH', json: body }),

  createUnit: (body: UnitBody) => requestJson<OrgUnit>('/api/v1/org/units', { json: body }),
  updateUnit: (unitId: string, body: Omit<UnitBody, 'code'>) =>
    requestJson<OrgUnit>(`/api/v1/org/units/${id(unitId)}`, { method: 'PATCH', json: body }),

  /** GeoJSON import of regions or grids; `dryRun` checks everything and writes nothing. */
  importSpace: (kind: 'regions' | 'grids', collection: unknown, dryRun: boolean) =>
    requestJson<SpaceImportResult>(`/api/v1/space/${kind}/import`, {
      json: collection,
      query: { dryRun: String(dryRun) },
    }),
  gridCount: () =>
    requestJson<{ total: number }>('/api/v1/space/grids', { query: { pageSize: 1 } }).then(
      (r) => r.total,
    ),

  createRule: (body: RoutingRuleBody) =>
    requestJson<RoutingRule>('/api/v1/routing/rules', { json: body }),
  updateRule: (ruleId: string, body: RoutingRuleBody) =>
    requestJson<RoutingRule>(`/api/v1/routing/rules/${id(ruleId)}`, { method: 'PUT', json: body }),
  deleteRule: (ruleId: string) =>
    requestJson<void>(`/api/v1/routing/rules/${id(ruleId)}`, { method: 'DELETE' }),

  putConditionLimits: (conditionId: string, limits: AreaLimits) =>
    requestJson<MatterCondition>(`/api/v1/catalog/conditions/${id(conditionId)}/limits`, {
      method: 'PUT',
      json: limits,
    }),
  putStageLimits: (items: StageLimit[]) =>
    requestJson<{ items: StageLimit[] }>('/api/v1/catalog/stage-limits', {
      method: 'PUT',
      json: { items },
    }).then((r) => r.items),

  calendarYear: (year: number, signal?: AbortSignal) =>
    requestJson<CalendarYear>('/api/v1/clock/calendar', { query: { year }, signal }),
  calendarYears: (signal?: AbortSignal) =>
    requestJson<CalendarYears>('/api/v1/clock/calendar/years', { signal }),
  putCalendarYear: (
    year: number,
    body: { official: boolean; note?: string | null; days: CalendarDay[] },
  ) =>
    requestJson<CalendarYear>(`/api/v1/clock/calendar/years/${year}`, {
      method: 'PUT',
      json: {
        official: body.official,
        note: body.note ?? null,
        days: body.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
      },
    }),
  putWorkingPeriods: (periods: { start: string; end: string }[]) =>
    requestJson<{ timeZone: string; periods: { start: string; end: string }[] }>(
      '/api/v1/clock/calendar/periods',
      { method: 'PUT', json: { periods } },
    ),
  services: (signal?: AbortSignal) =>
    requestJson<{ items: Open311Service[] }>('/api/v1/admin/open311/services', { signal }).then(
      (r) => r.items,
    ),
  putService: (matterCode: string, body: Open311ServiceBody) =>
    requestJson<Open311Service>(`/api/v1/admin/open311/services/${id(matterCode)}`, {
      method: 'PUT',
      json: body,
    }),
  deleteService: (matterCode: string) =>
    requestJson<void>(`/api/v1/admin/open311/services/${id(matterCode)}`, { method: 'DELETE' }),
  keys: (signal?: AbortSignal) =>
    requestJson<{ items: ApiKey[] }>('/api/v1/admin/open311/keys', { signal }).then((r) => r.items),
  /** Issues a key: the answer holds the key itself, the only time it is ever shown. */
  createKey: (name: string) =>
    requestJson<ApiKey & { key: string }>('/api/v1/admin/open311/keys', { json: { name } }),
  revokeKey: (keyId: string) =>
    requestJson<void>(`/api/v1/admin/open311/keys/${id(keyId)}`, { method: 'DELETE' }),
};
