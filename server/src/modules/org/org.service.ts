import { ROLES, type Role } from '@common/roles';
import type { AppContext } from '../../context';
import { appError } from '../../lib/app-error';
import { BoundedMap } from '../../lib/bounded-map';
import { uuidv7 } from '../../lib/ids';
import type { Actor, ActorScope, ResourcePlace } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { inScope } from '../auth/policy';
import type { RegionDirectory } from '../space/region-directory';
import { orgRepository as repo } from './org.repository';
import type { CreateUnitBody, CreateUserBody, UpdateUnitBody, UpdateUserBody } from './org.schema';
import type { AppUserRow, OrgUnitRow } from './org.table';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  scope: ActorScope;
  phone: string | null;
  active: boolean;
  inspectorGrids?: string[];
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: OrgUnitRow['kind'];
  parentId: string | null;
  regionId: string | null;
  matterMajors: string[];
  phone: string | null;
  active: boolean;
}

/** How long an actor read from the store serves requests (SQLite; see loadActor). */
const ACTOR_CACHE_MS = 60_000;
const ACTOR_CACHE_SIZE = 10_000;

const toRoles = (raw: string[]): Role[] =>
  raw.filter((r): r is Role => (ROLES as readonly string[]).includes(r));

export function userRowToUser(row: AppUserRow, roles: string[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: toRoles(roles),
    unitId: row.unit_id,
    scope: { level: row.scope_level, regionId: row.scope_region_id, unitId: row.scope_unit_id },
    phone: row.phone,
    active: row.active === 1,
  };
}

export function unitRowToUnit(row: OrgUnitRow): OrgUnit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    parentId: row.parent_id,
    regionId: row.region_id,
    matterMajors: JSON.parse(row.matter_majors) as string[],
    phone: row.phone,
    active: row.active === 1,
  };
}

export type OrgService = ReturnType<typeof createOrgService>;

/** Departments, handling units, users, roles and jurisdiction scopes. */
export function createOrgService(ctx: AppContext, regions: () => RegionDirectory) {
  const db = ctx.store.db;

  /**
   * Grid → its inspectors, in memory on SQLite (the store belongs to this one process): read
   * whole on first use, dropped by this service's writes of assignments. On PostgreSQL
   * several nodes may share the store, so every look-up reads it.
   */
  const cacheInspectors = ctx.store.kind === 'sqlite';
  let inspectorsByGrid: Map<string, readonly string[]> | null = null;
  let inspectorsGeneration = 0;
  function assignmentsChanged(): void {
    inspectorsByGrid = null;
    inspectorsGeneration++;
  }
  async function inspectorsOfGrid(gridCode: string): Promise<readonly string[]> {
    if (!cacheInspectors) {
      return repo.inspectorsOfGrid(db, gridCode);
    }
    if (!inspectorsByGrid) {
      const generation = inspectorsGeneration;
      const map = new Map<string, string[]>();
      for (const a of await repo.allInspectorGrids(db)) {
        const list = map.get(a.grid_code);
        if (list) {
          list.push(a.user_id);
        } else {
          map.set(a.grid_code, [a.user_id]);
        }
      }
      const frozen = new Map<string, readonly string[]>();
      map.forEach((ids, grid) => frozen.set(grid, Object.freeze(ids)));
      // A write while this was loading makes it stale: use it once, keep nothing.
      if (generation !== inspectorsGeneration) {
        return frozen.get(gridCode) ?? [];
      }
      inspectorsByGrid = frozen;
    }
    return inspectorsByGrid.get(gridCode) ?? [];
  }

  /** Where a region-or-unit lies, for jurisdiction checks. */
  function placeOfRegion(regionId: string | null): ResourcePlace {
    if (!regionId) {
      return {};
    }
    const c = regions().chain(regionId);
    return {
      cityId: c.city?.id,
      districtId: c.district?.id,
      streetId: c.street?.id,
      communityId: c.community?.id,
    };
  }

  async function placeOfScope(scope: ActorScope): Promise<ResourcePlace> {
    if (scope.level === 'unit' && scope.unitId) {
      const unit = await repo.findUnitById(db, scope.unitId);
      return { ...placeOfRegion(unit?.region_id ?? null), unitId: scope.unitId };
    }
    return placeOfRegion(scope.regionId);
  }

  /** An admin may manage what lies inside their own scope; a city admin manages all. */
  async function assertManages(admin: Actor, scope: ActorScope): Promise<void> {
    if (admin.scope.level === 'city') {
      return;
    }
    const place = await placeOfScope(scope);
    // A narrower admin may only hand out scopes that lie wholly inside their own.
    const narrowEnough =
      admin.scope.level === 'district'
        ? scope.level !== 'city'
        : scope.level === 'street' || scope.level === 'unit';
    if (!narrowEnough || !inScope(admin, place)) {
      throw appError('AUTH_OUT_OF_SCOPE', 'That scope lies outside your jurisdiction');
    }
  }

  async function normaliseScope(scope: CreateUserBody['scope']): Promise<ActorScope> {
    if (scope.level === 'unit') {
      if (!scope.unitId) {
        throw appError('ORG_SCOPE_INVALID', 'A unit scope needs unitId', [
          { path: 'body.scope.unitId', message: 'required' },
        ]);
      }
      if (!(await repo.findUnitById(db, scope.unitId))) {
        throw appError('ORG_UNIT_NOT_FOUND', `No unit ${scope.unitId}`, [
          { path: 'body.scope.unitId', message: 'unknown unit' },
        ]);
      }
      return { level: 'unit', regionId: null, unitId: scope.unitId };
    }
    const regionId =
      scope.regionId ?? (scope.level === 'city' ? (regions().root()?.id ?? null) : null);
    if (!regionId && scope.level === 'city') {
      // No regions yet (a fresh install): the city scope is the whole deployment.
      return { level: 'city', regionId: null, unitId: null };
    }
    if (!regionId) {
      throw appError('ORG_SCOPE_INVALID', `A ${scope.level} scope needs regionId`, [
        { path: 'body.scope.regionId', message: 'required' },
      ]);
    }
    const region = regions().byId(regionId);
    if (!region) {
      throw appError('ORG_REGION_NOT_FOUND', `No region ${regionId}`, [
        { path: 'body.scope.regionId', message: 'unknown region' },
      ]);
    }
    if (region.level !== scope.level) {
      throw appError(
        'ORG_SCOPE_INVALID',
        `Region ${region.code} is a ${region.level}, not a ${scope.level}`,
        [{ path: 'body.scope.regionId', message: `must be a ${scope.level}` }],
      );
    }
    return { level: scope.level, regionId, unitId: null };
  }

  async function assertUnit(unitId: string | null | undefined, path: string): Promise<void> {
    if (unitId && !(await repo.findUnitById(db, unitId))) {
      throw appError('ORG_UNIT_NOT_FOUND', `No unit ${unitId}`, [
        { path, message: 'unknown unit' },
      ]);
    }
  }

  async function getUser(admin: Actor | null, id: string): Promise<User> {
    const row = await repo.findUserById(db, id);
    if (!row) {
      throw appError('ORG_USER_NOT_FOUND', `No user ${id}`);
    }
    const user = userRowToUser(row, await repo.rolesOf(db, id));
    if (admin && admin.scope.level !== 'city' && !inScope(admin, await placeOfScope(user.scope))) {
      // Outside the caller's jurisdiction a user does not exist for them.
      throw appError('ORG_USER_NOT_FOUND', `No user ${id}`);
    }
    if (user.roles.includes('inspector')) {
      user.inspectorGrids = await repo.gridsOfInspector(db, id);
    }
    return user;
  }

  /**
   * Actors by user id, in memory on SQLite (the store belongs to this process; every request
   * needs its actor): dropped by this service's writes of a user, and kept at most
   * ACTOR_CACHE_MS, so that a change made beside the server (a script on the file) applies
   * within that time. On PostgreSQL several nodes may share the store: every look-up reads it.
   */
  const cacheActors = ctx.store.kind === 'sqlite';
  const actors = new BoundedMap<string, Actor>(ACTOR_CACHE_SIZE, ACTOR_CACHE_MS);
  let usersGeneration = 0;
  const userListeners: ((userId: string) => void)[] = [];
  function userChanged(userId: string): void {
    actors.delete(userId);
    usersGeneration++;
    userListeners.forEach((l) => l(userId));
  }

  async function readActor(userId: string): Promise<Actor | null> {
    const row = await repo.findUserById(db, userId);
    if (!row || row.active !== 1) {
      return null;
    }
    const user = userRowToUser(row, await repo.rolesOf(db, userId));
    return Object.freeze({
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: Object.freeze([...user.roles]) as Role[],
      unitId: user.unitId,
      scope: Object.freeze({ ...user.scope }),
    });
  }

  return {
    getUser,

    /** The actor of a user id, or null when the user is missing or inactive. */
    async loadActor(userId: string): Promise<Actor | null> {
      if (!cacheActors) {
        return readActor(userId);
      }
      const hit = actors.get(userId);
      if (hit) {
        return hit;
      }
      const generation = usersGeneration;
      const actor = await readActor(userId);
      // A write while this was reading makes it stale: answer with it, keep nothing.
      if (actor && generation === usersGeneration) {
        actors.set(userId, actor);
      } else if (!actor) {
        actors.delete(userId);
      }
      return actor;
    },

    /**
     * Calls `listener` after this service changed a user (roles, scope, unit, activity,
     * password): the auth service drops that user's sessions it keeps in memory.
     */
    onUserChanged(listener: (userId: string) => void): void {
      userListeners.push(listener);
    },

    /** @throws ORG_USERNAME_TAKEN, ORG_SCOPE_INVALID, ORG_REGION_NOT_FOUND, ORG_UNIT_NOT_FOUND, AUTH_OUT_OF_SCOPE */
    async createUser(admin: Actor | null, body: CreateUserBody): Promise<User> {
      const scope = await normaliseScope(body.scope);
      if (admin) {
        await assertManages(admin, scope);
      }
      await assertUnit(body.unitId, 'body.unitId');
      if (await repo.findUserByUsername(db, body.username)) {
        throw appError('ORG_USERNAME_TAKEN', `Username ${body.username} is taken`, [
          { path: 'body.username', message: 'taken' },
        ]);
      }
      const now = ctx.clock.now();
      const id = uuidv7(now);
      const passwordHash = await hashPassword(body.password);
      await db.transaction().execute(async (trx) => {
        await repo.insertUser(
          trx,
          {
            id,
            username: body.username,
            display_name: body.displayName,
            password_hash: passwordHash,
            unit_id: body.unitId ?? (scope.level === 'unit' ? scope.unitId : null),
            scope_level: scope.level,
            scope_region_id: scope.regionId,
            scope_unit_id: scope.unitId,
            phone: body.phone ?? null,
            active: 1,
            created_at: now,
            updated_at: now,
          },
          [...new Set(body.roles)],
        );
        if (body.inspectorGrids) {
          await repo.setInspectorGrids(trx, id, [...new Set(body.inspectorGrids)]);
        }
      });
      if (body.inspectorGrids) {
        assignmentsChanged();
      }
      return getUser(null, id);
    },

    /** @throws ORG_USER_NOT_FOUND and the codes of createUser */
    async updateUser(admin: Actor, id: string, body: UpdateUserBody): Promise<User> {
      const current = await getUser(admin, id);
      const scope = body.scope ? await normaliseScope(body.scope) : undefined;
      if (scope) {
        await assertManages(admin, scope);
      }
      await assertUnit(body.unitId, 'body.unitId');
      const patch: Parameters<typeof repo.updateUser>[2] = { updated_at: ctx.clock.now() };
      if (body.displayName !== undefined) {
        patch.display_name = body.displayName;
      }
      if (body.password !== undefined) {
        patch.password_hash = await hashPassword(body.password);
      }
      if (body.unitId !== undefined) {
        patch.unit_id = body.unitId;
      }
      if (body.phone !== undefined) {
        patch.phone = body.phone;
      }
      if (body.active !== undefined) {
        patch.active = body.active ? 1 : 0;
      }
      if (scope) {
        patch.scope_level = scope.level;
        patch.scope_region_id = scope.regionId;
        patch.scope_unit_id = scope.unitId;
      }
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(
          trx,
          current.id,
          patch,
          body.roles ? [...new Set(body.roles)] : undefined,
        );
        if (body.inspectorGrids) {
          await repo.setInspectorGrids(trx, current.id, [...new Set(body.inspectorGrids)]);
        }
        if (body.active === false || body.password !== undefined) {
          // Deactivating a user or resetting a password ends their sessions.
          await trx
            .updateTable('user_session')
            .set({ revoked_at: ctx.clock.now() })
            .where('user_id', '=', current.id)
            .where('revoked_at', 'is', null)
            .execute();
        }
      });
      userChanged(current.id);
      if (body.inspectorGrids) {
        assignmentsChanged();
      }
      return getUser(admin, id);
    },

    /** Users inside the caller's jurisdiction. */
    async listUsers(
      actor: Actor,
      q: { role?: Role; unitId?: string; page: number; pageSize: number },
    ): Promise<User[]> {
      const regionIds =
        actor.scope.level === 'city' || !actor.scope.regionId
          ? undefined
          : regions().descendantIds(actor.scope.regionId);
      const unitId = actor.scope.level === 'unit' ? (actor.scope.unitId ?? '') : q.unitId;
      const rows = await repo.listUsers(db, {
        regionIds,
        unitId,
        role: q.role,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const roles = await repo.rolesOfMany(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => userRowToUser(r, roles.get(r.id) ?? []));
    },

    async listUnits(actor: Actor, q: { kind?: OrgUnit['kind'] }): Promise<OrgUnit[]> {
      const rows = await repo.listUnits(db, { kind: q.kind });
      // Units are visible city-wide (any user may need to name the unit a case went to);
      // management is scoped.
      void actor;
      return rows.map(unitRowToUnit);
    },

    async getUnit(id: string): Promise<OrgUnit> {
      const row = await repo.findUnitById(db, id);
      if (!row) {
        throw appError('ORG_UNIT_NOT_FOUND', `No unit ${id}`);
      }
      return unitRowToUnit(row);
    },

    /** @throws ORG_UNIT_CODE_TAKEN, ORG_REGION_NOT_FOUND, ORG_UNIT_NOT_FOUND, AUTH_OUT_OF_SCOPE */
    async createUnit(admin: Actor | null, body: CreateUnitBody): Promise<OrgUnit> {
      if (body.regionId && !regions().byId(body.regionId)) {
        throw appError('ORG_REGION_NOT_FOUND', `No region ${body.regionId}`, [
          { path: 'body.regionId', message: 'unknown region' },
        ]);
      }
      if (
        admin &&
        admin.scope.level !== 'city' &&
        !inScope(admin, placeOfRegion(body.regionId ?? null))
      ) {
        throw appError('AUTH_OUT_OF_SCOPE', 'That region lies outside your jurisdiction');
      }
      await assertUnit(body.parentId, 'body.parentId');
      if (await repo.findUnitByCode(db, body.code)) {
        throw appError('ORG_UNIT_CODE_TAKEN', `Unit code ${body.code} is taken`, [
          { path: 'body.code', message: 'taken' },
        ]);
      }
      const id = uuidv7(ctx.clock.now());
      await repo.insertUnit(db, {
        id,
        code: body.code,
        name: body.name,
        name_en: body.nameEn ?? null,
        kind: body.kind,
        parent_id: body.parentId ?? null,
        region_id: body.regionId ?? null,
        matter_majors: JSON.stringify(body.matterMajors),
        phone: body.phone ?? null,
        active: 1,
        created_at: ctx.clock.now(),
      });
      return unitRowToUnit((await repo.findUnitById(db, id))!);
    },

    async updateUnit(admin: Actor, id: string, body: UpdateUnitBody): Promise<OrgUnit> {
      const unit = await this.getUnit(id);
      if (admin.scope.level !== 'city' && !inScope(admin, placeOfRegion(unit.regionId))) {
        throw appError('ORG_UNIT_NOT_FOUND', `No unit ${id}`);
      }
      if (body.regionId && !regions().byId(body.regionId)) {
        throw appError('ORG_REGION_NOT_FOUND', `No region ${body.regionId}`, [
          { path: 'body.regionId', message: 'unknown region' },
        ]);
      }
      await assertUnit(body.parentId, 'body.parentId');
      const patch: Parameters<typeof repo.updateUnit>[2] = {};
      if (body.name !== undefined) {
        patch.name = body.name;
      }
      if (body.nameEn !== undefined) {
        patch.name_en = body.nameEn;
      }
      if (body.kind !== undefined) {
        patch.kind = body.kind;
      }
      if (body.parentId !== undefined) {
        patch.parent_id = body.parentId;
      }
      if (body.regionId !== undefined) {
        patch.region_id = body.regionId;
      }
      if (body.matterMajors !== undefined) {
        patch.matter_majors = JSON.stringify(body.matterMajors);
      }
      if (body.phone !== undefined) {
        patch.phone = body.phone;
      }
      if (body.active !== undefined) {
        patch.active = body.active ? 1 : 0;
      }
      await repo.updateUnit(db, id, patch);
      return this.getUnit(id);
    },

    /** The inspectors assigned to a grid (user ids). */
    inspectorsOfGrid,
    gridsOfInspector: (userId: string) => repo.gridsOfInspector(db, userId),
  };
}
