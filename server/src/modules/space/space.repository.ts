import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type {
  ComponentRow,
  GridRow,
  NewComponentRow,
  NewGridRow,
  NewRegionRow,
} from './space.table';

type Q = Kysely<Database>;

/** Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK_ROWS = 500;

/** Grid columns without the geometry (list views). */
const GRID_SUMMARY = [
  'code',
  'legacy_code',
  'name',
  'community_id',
  'area_class',
  'min_lng',
  'min_lat',
  'max_lng',
  'max_lat',
  'center_lng',
  'center_lat',
  'area_m2',
  'created_at',
  'updated_at',
] as const;

export type GridSummaryRow = Omit<GridRow, 'geometry'>;

async function count(db: Q, table: 'region' | 'grid' | 'component'): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The only SQL of the space module. Returns rows or undefined; never throws "not found". */
export const spaceRepository = {
  listRegions(db: Q) {
    return db
      .selectFrom('region')
      .select(['id', 'code', 'name', 'level', 'parent_id', 'area_class'])
      .orderBy('code')
      .execute();
  },

  /** Regions with their geometry, optionally only some (by id). */
  listRegionsWithGeometry(db: Q, ids?: readonly string[]) {
    let q = db.selectFrom('region').selectAll();
    if (ids) {
      q = q.where('id', 'in', ids.length ? [...ids] : ['']);
    }
    return q.orderBy('code').execute();
  },

  findRegionGeometry(db: Q, id: string): Promise<{ geometry: string | null } | undefined> {
    return db.selectFrom('region').select('geometry').where('id', '=', id).executeTakeFirst();
  },

  countRegions: (db: Q) => count(db, 'region'),

  /** How many of `codes` exist already in the grid or component table. */
  async countExisting(
    db: Q,
    table: 'grid' | 'component',
    codes: readonly string[],
  ): Promise<number> {
    let n = 0;
    for (let i = 0; i < codes.length; i += CHUNK_ROWS) {
      const r = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('code', 'in', codes.slice(i, i + CHUNK_ROWS))
        .executeTakeFirstOrThrow();
      n += Number(r.n);
    }
    return n;
  },
  countGrids: (db: Q) => count(db, 'grid'),
  countComponents: (db: Q) => count(db, 'component'),

  /** Inserts regions, or replaces name/level/parent/geometry/area class of existing codes. */
  async upsertRegions(db: Q, rows: readonly NewRegionRow[]): Promise<void> {
    // One at a time: parents must exist before children (rows come sorted by level).
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      await db
        .insertInto('region')
        .values(rows.slice(i, i + CHUNK_ROWS))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            level: eb.ref('excluded.level'),
            parent_id: eb.ref('excluded.parent_id'),
            geometry: eb.ref('excluded.geometry'),
            area_class: eb.ref('excluded.area_class'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  },

  /** All grids with geometry, for the spatial index. */
  listGridsForIndex(db: Q) {
    return db
      .selectFrom('grid')
      .select(['code', 'community_id', 'area_class', 'geometry'])
      .orderBy('code')
      .execute();
  },

  /** Inserts grids, or replaces everything but created_at of existing codes. */
  async upsertGrids(db: Q, rows: readonly NewGridRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      await db
        .insertInto('grid')
        .values(rows.slice(i, i + CHUNK_ROWS))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            legacy_code: eb.ref('excluded.legacy_code'),
            name: eb.ref('excluded.name'),
            community_id: eb.ref('excluded.community_id'),
            area_class: eb.ref('excluded.area_class'),
            geometry: eb.ref('excluded.geometry'),
            min_lng: eb.ref('excluded.min_lng'),
            min_lat: eb.ref('excluded.min_lat'),
            max_lng: eb.ref('excluded.max_lng'),
            max_lat: eb.ref('excluded.max_lat'),
            center_lng: eb.ref('excluded.center_lng'),
            center_lat: eb.ref('excluded.center_lat'),
            area_m2: eb.ref('excluded.area_m2'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  },

  findGrid(db: Q, code: string): Promise<GridRow | undefined> {
    return db.selectFrom('grid').selectAll().where('code', '=', code).executeTakeFirst();
  },

  /** A page of grids in the given communities (all when `communityIds` is undefined). */
  async listGrids(
    db: Q,
    f: { communityIds?: readonly string[]; limit: number; offset: number; withGeometry: boolean },
  ): Promise<{ rows: (GridSummaryRow & { geometry?: string })[]; total: number }> {
    let base = db.selectFrom('grid');
    if (f.communityIds) {
      base = base.where('community_id', 'in', f.communityIds.length ? [...f.communityIds] : ['']);
    }
    const total = await base
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = f.withGeometry
      ? await base.selectAll().orderBy('code').limit(f.limit).offset(f.offset).execute()
      : await base.select(GRID_SUMMARY).orderBy('code').limit(f.limit).offset(f.offset).execute();
    return { rows, total: Number(total.n) };
  },

  /** Every grid (with geometry) in the given communities, for export. */
  exportGrids(db: Q, communityIds?: readonly string[]): Promise<GridRow[]> {
    let q = db.selectFrom('grid').selectAll();
    if (communityIds) {
      q = q.where('community_id', 'in', communityIds.length ? [...communityIds] : ['']);
    }
    return q.orderBy('code').execute();
  },

  /** Inserts components, or replaces type/grid/position/owner/maintainer/status by code. */
  async upsertComponents(db: Q, rows: readonly NewComponentRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      await db
        .insertInto('component')
        .values(rows.slice(i, i + CHUNK_ROWS))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            type_code: eb.ref('excluded.type_code'),
            grid_code: eb.ref('excluded.grid_code'),
            lng: eb.ref('excluded.lng'),
            lat: eb.ref('excluded.lat'),
            owner_name: eb.ref('excluded.owner_name'),
            maintainer_unit_id: eb.ref('excluded.maintainer_unit_id'),
            status: eb.ref('excluded.status'),
          })),
        )
        .execute();
    }
  },

  /** A page of components, filtered by grid, type and the grids' communities. */
  async listComponents(
    db: Q,
    f: {
      gridCode?: string;
      typeCode?: string;
      communityIds?: readonly string[];
      limit: number;
      offset: number;
    },
  ): Promise<{ rows: ComponentRow[]; total: number }> {
    let base = db.selectFrom('component');
    if (f.gridCode) {
      base = base.where('component.grid_code', '=', f.gridCode);
    }
    if (f.typeCode) {
      base = base.where('component.type_code', '=', f.typeCode);
    }
    if (f.communityIds) {
      const ids = f.communityIds.length ? [...f.communityIds] : [''];
      base = base.where((eb) =>
        eb(
          'component.grid_code',
          'in',
          eb.selectFrom('grid').select('grid.code').where('grid.community_id', 'in', ids),
        ),
      );
    }
    const total = await base
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await base
      .selectAll('component')
      .orderBy('component.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { rows, total: Number(total.n) };
  },

  /** Every component in the given communities (all when undefined), for export. */
  exportComponents(db: Q, communityIds?: readonly string[]): Promise<ComponentRow[]> {
    let q = db.selectFrom('component').selectAll('component');
    if (communityIds) {
      const ids = communityIds.length ? [...communityIds] : [''];
      q = q.where((eb) =>
        eb(
          'component.grid_code',
          'in',
          eb.selectFrom('grid').select('grid.code').where('grid.community_id', 'in', ids),
        ),
      );
    }
    return q.orderBy('component.code').execute();
  },
};
