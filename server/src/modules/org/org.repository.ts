import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { AppUserRow, NewAppUserRow, NewOrgUnitRow, OrgUnitRow } from './org.table';

type Q = Kysely<Database>;

/** The only SQL of the org module. Returns rows or undefined; never throws "not found". */
export const orgRepository = {
  findUserByUsername(db: Q, username: string): Promise<AppUserRow | undefined> {
    return db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
  },

  findUserById(db: Q, id: string): Promise<AppUserRow | undefined> {
    return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async rolesOf(db: Q, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('user_role')
      .select('role')
      .where('user_id', '=', userId)
      .orderBy('role')
      .execute();
    return rows.map((r) => r.role);
  },

  async rolesOfMany(db: Q, userIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (userIds.length === 0) {
      return out;
    }
    const rows = await db
      .selectFrom('user_role')
      .select(['user_id', 'role'])
      .where('user_id', 'in', userIds)
      .orderBy('role')
      .execute();
    for (const r of rows) {
      out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.role]);
    }
    return out;
  },

  async insertUser(db: Q, row: NewAppUserRow, roles: string[]): Promise<void> {
    await db.insertInto('app_user').values(row).execute();
    if (roles.length > 0) {
      await db
        .insertInto('user_role')
        .values(roles.map((role) => ({ user_id: row.id, role })))
        .execute();
    }
  },

  async updateUser(
    db: Q,
    id: string,
    patch: Partial<NewAppUserRow>,
    roles?: string[],
  ): Promise<void> {
    if (Object.keys(patch).length > 0) {
      await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
    }
    if (roles) {
      await db.deleteFrom('user_role').where('user_id', '=', id).execute();
      if (roles.length > 0) {
        await db
          .insertInto('user_role')
          .values(roles.map((role) => ({ user_id: id, role })))
          .execute();
      }
    }
  },

  /** Users, optionally only those whose scope region lies in `regionIds` or unit in `unitIds`. */
  listUsers(
    db: Q,
    filter: { regionIds?: string[]; unitId?: string; role?: string; limit: number; offset: number },
  ) {
    let q = db.selectFrom('app_user').selectAll('app_user');
    if (filter.role) {
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_role')
            .select('user_role.user_id')
            .whereRef('user_role.user_id', '=', 'app_user.id')
            .where('user_role.role', '=', filter.role!),
        ),
      );
    }
    if (filter.regionIds) {
      const ids = filter.regionIds;
      q = q.where((eb) =>
        eb.or([
          eb('scope_region_id', 'in', ids.length ? ids : ['']),
          eb.exists(
            eb
              .selectFrom('org_unit')
              .select('org_unit.id')
              .whereRef('org_unit.id', '=', 'app_user.unit_id')
              .where('org_unit.region_id', 'in', ids.length ? ids : ['']),
          ),
        ]),
      );
    }
    if (filter.unitId) {
      q = q.where('unit_id', '=', filter.unitId);
    }
    return q.orderBy('username').limit(filter.limit).offset(filter.offset).execute();
  },

  findUnitById(db: Q, id: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findUnitByCode(db: Q, code: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
  },

  listUnits(db: Q, filter: { kind?: string; regionIds?: string[] }): Promise<OrgUnitRow[]> {
    let q = db.selectFrom('org_unit').selectAll();
    if (filter.kind) {
      q = q.where('kind', '=', filter.kind as OrgUnitRow['kind']);
    }
    if (filter.regionIds) {
      q = q.where('region_id', 'in', filter.regionIds.length ? filter.regionIds : ['']);
    }
    return q.orderBy('code').execute();
  },

  async insertUnit(db: Q, row: NewOrgUnitRow): Promise<void> {
    await db.insertInto('org_unit').values(row).execute();
  },

  async updateUnit(db: Q, id: string, patch: Partial<NewOrgUnitRow>): Promise<void> {
    await db.updateTable('org_unit').set(patch).where('id', '=', id).execute();
  },

  async setInspectorGrids(db: Q, userId: string, gridCodes: string[]): Promise<void> {
    await db.deleteFrom('inspector_grid').where('user_id', '=', userId).execute();
    for (let i = 0; i < gridCodes.length; i += 500) {
      const chunk = gridCodes.slice(i, i + 500);
      await db
        .insertInto('inspector_grid')
        .values(chunk.map((grid_code) => ({ user_id: userId, grid_code })))
        .execute();
    }
  },

  async gridsOfInspector(db: Q, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('inspector_grid')
      .select('grid_code')
      .where('user_id', '=', userId)
      .orderBy('grid_code')
      .execute();
    return rows.map((r) => r.grid_code);
  },

  /** Every inspector → grid assignment. */
  allInspectorGrids(db: Q): Promise<{ user_id: string; grid_code: string }[]> {
    return db.selectFrom('inspector_grid').select(['user_id', 'grid_code']).execute();
  },

  async inspectorsOfGrid(db: Q, gridCode: string): Promise<string[]> {
    const rows = await db
      .selectFrom('inspector_grid')
      .select('user_id')
      .where('grid_code', '=', gridCode)
      .execute();
    return rows.map((r) => r.user_id);
  },
};
