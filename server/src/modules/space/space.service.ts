import type { AreaClass } from '@common/roles';
import type { AppContext } from '../../context';
import { appError } from '../../lib/app-error';
import { uuidv7 } from '../../lib/ids';
import type { Actor } from '../auth/actor';
import { parseGridCode } from './codes';
import { gcj02ToWgs84, type Crs } from './gcj02';
import { areaM2, bboxOf, interiorPoint, type AreaGeometry } from './geometry';
import { RegionDirectory, type RegionNode } from './region-directory';
import { AreaIndex, type IndexedArea } from './spatial-index';
import {
  parseComponentFeatures,
  parseGridFeatures,
  parseRegionFeatures,
  REGION_LEVELS,
  type ImportIssue,
} from './space.import';
import { spaceRepository as repo, type GridSummaryRow } from './space.repository';
import type {
  ComponentRow,
  GridRow,
  NewComponentRow,
  NewGridRow,
  NewRegionRow,
} from './space.table';
import type {
  ComponentProperties,
  ComponentView,
  FeatureCollection,
  GridDetail,
  GridProperties,
  GridSummary,
  ImportResult,
  Located,
  Page,
  PointGeometry,
  RegionDetail,
  RegionProperties,
  RegionRef,
  RegionTreeNode,
  RegionView,
} from './space.types';

/** At most this many issues are returned for a rejected import (the message gives the count). */
const MAX_ISSUES = 5000;

/** What the space service needs from other modules, bound late by services.ts. */
export interface SpaceDeps {
  /** True when an org unit with this id exists (checks components' maintainer). */
  unitExists?: (id: string) => Promise<boolean>;
}

/** A GeoJSON document as the import endpoints receive it (validated further per feature). */
export interface FeatureCollectionInput {
  features: readonly unknown[];
}

export interface ImportOptions {
  /** Validate and count, write nothing. */
  dryRun?: boolean;
}

const parseGeometry = (json: string): AreaGeometry => JSON.parse(json) as AreaGeometry;

function regionRef(n: RegionNode): RegionRef {
  return Object.freeze({ id: n.id, code: n.code, name: n.name });
}

function gridSummary(
  row: GridSummaryRow & { geometry?: string },
  regions: RegionDirectory,
): GridSummary {
  const out: GridSummary = {
    code: row.code,
    legacyCode: row.legacy_code,
    name: row.name,
    communityId: row.community_id,
    communityCode: regions.byId(row.community_id)?.code ?? null,
    areaClass: row.area_class,
    bbox: [row.min_lng, row.min_lat, row.max_lng, row.max_lat],
    center: [row.center_lng, row.center_lat],
    areaM2: row.area_m2,
  };
  if (row.geometry !== undefined) {
    out.geometry = parseGeometry(row.geometry);
  }
  return out;
}

function componentRowToView(r: ComponentRow): ComponentView {
  return {
    id: r.id,
    code: r.code,
    typeCode: r.type_code,
    gridCode: r.grid_code,
    lng: r.lng,
    lat: r.lat,
    ownerName: r.owner_name,
    maintainerUnitId: r.maintainer_unit_id,
    status: r.status,
  };
}

function rejectImport(kind: string, total: number, issues: ImportIssue[]): never {
  const bad = new Set(issues.map((i) => i.index)).size;
  const shown = issues.length > MAX_ISSUES ? ` (first ${MAX_ISSUES} issues shown)` : '';
  throw appError(
    'SPACE_IMPORT_INVALID',
    `${bad} of ${total} ${kind} features are invalid; nothing was written${shown}`,
    issues.slice(0, MAX_ISSUES),
  );
}

export type SpaceService = Awaited<ReturnType<typeof createSpaceService>>;

/**
 * Regions, unit grids, components and the point → grid index. The index is built from the
 * store when the service starts and rebuilt after every import.
 */
export async function createSpaceService(ctx: AppContext, deps: SpaceDeps = {}) {
  const db = ctx.store.db;
  let regions = new RegionDirectory(await repo.listRegions(db));
  let index = new AreaIndex<Located>([]);
  let byGridCode = new Map<string, Located>();

  /** Reads every grid and builds the spatial index and the grid → chain map. */
  async function rebuildIndex(): Promise<void> {
    const rows = await repo.listGridsForIndex(db);
    const refs = new Map<string, RegionRef>();
    const ref = (n: RegionNode) => {
      let r = refs.get(n.id);
      if (!r) {
        r = regionRef(n);
        refs.set(n.id, r);
      }
      return r;
    };
    const areas: IndexedArea<Located>[] = [];
    const codes = new Map<string, Located>();
    let orphans = 0;
    for (const row of rows) {
      const c = regions.chain(row.community_id);
      if (!c.community || !c.street || !c.district || !c.city) {
        orphans++;
        continue;
      }
      const value: Located = Object.freeze({
        grid: Object.freeze({ code: row.code, areaClass: row.area_class as AreaClass }),
        community: ref(c.community),
        street: ref(c.street),
        district: ref(c.district),
        city: ref(c.city),
      });
      areas.push({ geometry: parseGeometry(row.geometry), value });
      codes.set(row.code, value);
    }
    if (orphans > 0) {
      ctx.log.warn({ orphans }, 'grids without a full region chain are left out of the index');
    }
    index = new AreaIndex(areas);
    byGridCode = codes;
  }

  async function reload(): Promise<void> {
    regions = new RegionDirectory(await repo.listRegions(db));
    await rebuildIndex();
  }

  await rebuildIndex();

  /** Region ids the actor may see below their scope (null: no restriction). */
  function scopeIds(actor: Actor): Set<string> | null {
    const { level, regionId } = actor.scope;
    if ((level === 'district' || level === 'street') && regionId) {
      return new Set(regions.descendantIds(regionId));
    }
    return null;
  }

  /** The scope's regions plus the chain above it (so a tree or an export stays rooted). */
  /** Region rows as GeoJSON features, largest regions first. */
  function regionFeatures(
    rows: Awaited<ReturnType<typeof repo.listRegionsWithGeometry>>,
  ): FeatureCollection<AreaGeometry | null, RegionProperties> {
    const rank = (l: string) => REGION_LEVELS.indexOf(l as RegionNode['level']);
    rows.sort((a, b) => rank(a.level) - rank(b.level) || (a.code < b.code ? -1 : 1));
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        geometry: r.geometry ? parseGeometry(r.geometry) : null,
        properties: {
          code: r.code,
          name: r.name,
          level: r.level,
          parentCode: r.parent_id ? (regions.byId(r.parent_id)?.code ?? null) : null,
          areaClass: r.area_class,
        },
      })),
    };
  }

  function visibleIds(actor: Actor): Set<string> | null {
    const inScope = scopeIds(actor);
    if (!inScope || !actor.scope.regionId) {
      return inScope;
    }
    const chain = regions.chain(actor.scope.regionId);
    for (const n of [chain.city, chain.district, chain.street, chain.community]) {
      if (n) {
        inScope.add(n.id);
      }
    }
    return inScope;
  }

  /**
   * Community ids of the region `rootId` (or all), intersected with the actor's scope.
   * Undefined means "no restriction at all".
   */
  function communityFilter(actor: Actor, rootId?: string): string[] | undefined {
    const inScope = scopeIds(actor);
    if (!rootId && !inScope) {
      return undefined;
    }
    const candidates = rootId ? regions.descendantIds(rootId) : [...inScope!];
    return candidates.filter(
      (id) => regions.byId(id)?.level === 'community' && (!inScope || inScope.has(id)),
    );
  }

  function view(n: RegionNode): RegionView {
    return {
      id: n.id,
      code: n.code,
      name: n.name,
      level: n.level,
      parentId: n.parentId,
      parentCode: n.parentId ? (regions.byId(n.parentId)?.code ?? null) : null,
      areaClass: n.areaClass,
    };
  }

  /** @throws SPACE_REGION_NOT_FOUND when the region is unknown (or outside the caller's view) */
  function visibleRegion(actor: Actor, id: string): RegionNode {
    const n = regions.byId(id);
    const visible = visibleIds(actor);
    if (!n || (visible && !visible.has(id))) {
      throw appError('SPACE_REGION_NOT_FOUND', `No region ${id}`);
    }
    return n;
  }

  function locate(lng: number, lat: number, crs: Crs = 'wgs84'): Located | null {
    if (crs === 'gcj02') {
      const [x, y] = gcj02ToWgs84(lng, lat);
      return index.find(x, y);
    }
    return index.find(lng, lat);
  }

  return {
    /** The in-memory region tree. */
    regions: () => regions,

    /** Re-reads regions and grids and rebuilds the spatial index (after any import). */
    reload,

    /** Number of grids in the spatial index. */
    indexedGrids: () => index.size,

    /**
     * The unit grid containing a point and its region chain, or null outside every grid.
     * WGS84 by default; `crs: 'gcj02'` converts first. Allocation-free for WGS84 input: the
     * result is a frozen object shared by every lookup that hits the same grid.
     */
    locate,

    /**
     * As locate, for callers that need a grid.
     * @throws SPACE_POINT_OUTSIDE_GRIDS when the point lies in no grid
     */
    locateOrFail(lng: number, lat: number, crs: Crs = 'wgs84'): Located {
      const hit = locate(lng, lat, crs);
      if (!hit) {
        throw appError(
          'SPACE_POINT_OUTSIDE_GRIDS',
          `Point [${lng}, ${lat}] (${crs}) lies outside every unit grid`,
          { lng, lat, crs },
        );
      }
      return hit;
    },

    /** The region chain of a grid by its 15-character code, or null when unknown. */
    gridChain: (code: string): Located | null => byGridCode.get(code) ?? null,

    /** Regions visible to the actor, optionally one level or the children of one region. */
    listRegions(actor: Actor, q: { level?: RegionNode['level']; parentId?: string }): RegionView[] {
      const visible = visibleIds(actor);
      return regions
        .all()
        .filter(
          (n) =>
            (!visible || visible.has(n.id)) &&
            (!q.level || n.level === q.level) &&
            (q.parentId === undefined || n.parentId === q.parentId),
        )
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
        .map(view);
    },

    /** The visible regions as a tree (roots first, children sorted by code). */
    regionTree(actor: Actor): RegionTreeNode[] {
      const visible = visibleIds(actor);
      const build = (n: RegionNode): RegionTreeNode => ({
        ...view(n),
        children: regions
          .children(n.id)
          .filter((c) => !visible || visible.has(c.id))
          .sort((a, b) => (a.code < b.code ? -1 : 1))
          .map(build),
      });
      return regions
        .all()
        .filter((n) => n.parentId === null && (!visible || visible.has(n.id)))
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map(build);
    },

    /** @throws SPACE_REGION_NOT_FOUND */
    async getRegion(actor: Actor, id: string): Promise<RegionDetail> {
      const n = visibleRegion(actor, id);
      const row = await repo.findRegionGeometry(db, id);
      const visible = visibleIds(actor);
      return {
        ...view(n),
        geometry: row?.geometry ? parseGeometry(row.geometry) : null,
        children: regions
          .children(id)
          .filter((c) => !visible || visible.has(c.id))
          .sort((a, b) => (a.code < b.code ? -1 : 1))
          .map(view),
      };
    },

    /**
     * A page of grids inside the actor's jurisdiction, optionally of one community or street.
     * @throws SPACE_REGION_NOT_FOUND for an unknown or invisible community/street
     */
    async listGrids(
      actor: Actor,
      q: {
        communityId?: string;
        streetId?: string;
        page: number;
        pageSize: number;
        withGeometry?: boolean;
      },
    ): Promise<Page<GridSummary>> {
      const root = q.communityId ?? q.streetId;
      if (q.communityId) {
        visibleRegion(actor, q.communityId);
      }
      if (q.streetId) {
        visibleRegion(actor, q.streetId);
      }
      let communityIds = communityFilter(actor, root);
      if (q.communityId && q.streetId) {
        const inStreet = new Set(regions.descendantIds(q.streetId));
        communityIds = communityIds?.filter((id) => inStreet.has(id));
      }
      const { rows, total } = await repo.listGrids(db, {
        communityIds,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
        withGeometry: q.withGeometry === true,
      });
      return {
        items: rows.map((r) => gridSummary(r, regions)),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },

    /**
     * One grid with its geometry and region chain. Accepts a 14-character legacy code.
     * @throws SPACE_GRID_CODE_INVALID for a malformed code
     * @throws SPACE_GRID_NOT_FOUND when unknown or outside the caller's jurisdiction
     */
    async getGrid(actor: Actor, rawCode: string): Promise<GridDetail> {
      const { code } = parseGridCode(rawCode, { allowLegacy: true, path: 'params.code' });
      const row = await repo.findGrid(db, code);
      const inScope = scopeIds(actor);
      if (!row || (inScope && !inScope.has(row.community_id))) {
        throw appError('SPACE_GRID_NOT_FOUND', `No unit grid ${code}`);
      }
      const c = regions.chain(row.community_id);
      const ref = (n: RegionNode | null) => (n ? regionRef(n) : null);
      return {
        ...gridSummary(row, regions),
        geometry: parseGeometry(row.geometry),
        community: ref(c.community),
        street: ref(c.street),
        district: ref(c.district),
        city: ref(c.city),
      };
    },

    /**
     * A page of components inside the actor's jurisdiction.
     * @throws SPACE_GRID_CODE_INVALID for a malformed grid code filter
     */
    async listComponents(
      actor: Actor,
      q: { gridCode?: string; typeCode?: string; page: number; pageSize: number },
    ): Promise<Page<ComponentView>> {
      const gridCode = q.gridCode
        ? parseGridCode(q.gridCode, { allowLegacy: true, path: 'query.gridCode' }).code
        : undefined;
      const { rows, total } = await repo.listComponents(db, {
        gridCode,
        typeCode: q.typeCode,
        communityIds: communityFilter(actor),
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: rows.map(componentRowToView), page: q.page, pageSize: q.pageSize, total };
    },

    /**
     * Imports regions (city → district → street → community) from GeoJSON, all or nothing.
     * Existing codes are replaced (name, parent, geometry, area class); ids stay.
     * @throws SPACE_IMPORT_INVALID listing every bad feature as { index, code, path, message }
     */
    async importRegions(
      fc: FeatureCollectionInput,
      opts: ImportOptions = {},
    ): Promise<ImportResult> {
      const total = fc.features.length;
      const parsed = parseRegionFeatures(fc.features, (code) => regions.byCode(code));
      if (parsed.issues.length > 0) {
        rejectImport('region', total, parsed.issues);
      }
      const created = parsed.items.filter((r) => !regions.byCode(r.code)).length;
      const result: ImportResult = {
        dryRun: opts.dryRun === true,
        total,
        created,
        updated: total - created,
      };
      if (opts.dryRun) {
        return result;
      }
      const now = ctx.clock.now();
      const ids = new Map<string, string>();
      for (const r of parsed.items) {
        ids.set(r.code, regions.byCode(r.code)?.id ?? uuidv7(now));
      }
      const rank = (l: string) => REGION_LEVELS.indexOf(l as RegionNode['level']);
      const rows: NewRegionRow[] = [...parsed.items]
        .sort((a, b) => rank(a.level) - rank(b.level) || (a.code < b.code ? -1 : 1))
        .map((r) => ({
          id: ids.get(r.code)!,
          code: r.code,
          name: r.name,
          level: r.level,
          parent_id: r.parentCode
            ? (ids.get(r.parentCode) ?? regions.byCode(r.parentCode)?.id ?? null)
            : null,
          geometry: r.geometry ? JSON.stringify(r.geometry) : null,
          area_class: r.areaClass,
          created_at: now,
          updated_at: now,
        }));
      await db.transaction().execute(async (trx) => {
        // Level by level, so parents exist before their children on both stores.
        for (const level of REGION_LEVELS) {
          await repo.upsertRegions(
            trx,
            rows.filter((r) => r.level === level),
          );
        }
      });
      await reload();
      return result;
    },

    /**
     * Imports unit grids from GeoJSON (Polygon/MultiPolygon; properties code, communityCode?,
     * areaClass, name?), all or nothing; re-importing a code replaces its geometry. Computes
     * bbox, interior centre and area, then rebuilds the index.
     * @throws SPACE_IMPORT_INVALID listing every bad feature as { index, code, path, message }
     */
    async importGrids(fc: FeatureCollectionInput, opts: ImportOptions = {}): Promise<ImportResult> {
      const total = fc.features.length;
      const parsed = parseGridFeatures(fc.features, (code) => regions.byCode(code));
      if (parsed.issues.length > 0) {
        rejectImport('grid', total, parsed.issues);
      }
      if (opts.dryRun) {
        const known = await repo.countExisting(
          db,
          'grid',
          parsed.items.map((g) => g.code),
        );
        return { dryRun: true, total, created: total - known, updated: known };
      }
      const now = ctx.clock.now();
      const rows: NewGridRow[] = parsed.items.map((g) => {
        const bb = bboxOf(g.geometry);
        const [cx, cy] = interiorPoint(g.geometry);
        return {
          code: g.code,
          legacy_code: g.legacyCode,
          name: g.name,
          community_id: regions.byCode(g.communityCode)!.id,
          area_class: g.areaClass,
          geometry: JSON.stringify(g.geometry),
          min_lng: bb.minLng,
          min_lat: bb.minLat,
          max_lng: bb.maxLng,
          max_lat: bb.maxLat,
          center_lng: cx,
          center_lat: cy,
          area_m2: Math.round(areaM2(g.geometry) * 100) / 100,
          created_at: now,
          updated_at: now,
        };
      });
      let created = 0;
      await db.transaction().execute(async (trx) => {
        const before = await repo.countGrids(trx);
        await repo.upsertGrids(trx, rows);
        created = (await repo.countGrids(trx)) - before;
      });
      await rebuildIndex();
      return { dryRun: false, total, created, updated: total - created };
    },

    /**
     * Imports components from GeoJSON Points (properties code, typeCode?, gridCode?,
     * ownerName?, maintainerUnitId?, status?), all or nothing; each point must lie in a grid.
     * @throws SPACE_IMPORT_INVALID listing every bad feature as { index, code, path, message }
     */
    async importComponents(
      fc: FeatureCollectionInput,
      opts: ImportOptions = {},
    ): Promise<ImportResult> {
      const total = fc.features.length;
      const parsed = parseComponentFeatures(
        fc.features,
        (lng, lat) => index.find(lng, lat)?.grid.code ?? null,
      );
      const unitIds = [
        ...new Set(parsed.items.map((c) => c.maintainerUnitId).filter((u) => u !== null)),
      ];
      for (const id of unitIds) {
        if (!deps.unitExists || !(await deps.unitExists(id))) {
          for (const c of parsed.items.filter((x) => x.maintainerUnitId === id)) {
            parsed.issues.push({
              index: c.index,
              code: c.code,
              path: 'properties.maintainerUnitId',
              message: `unknown unit ${id}`,
            });
          }
        }
      }
      if (parsed.issues.length > 0) {
        parsed.issues.sort((a, b) => a.index - b.index);
        rejectImport('component', total, parsed.issues);
      }
      if (opts.dryRun) {
        const known = await repo.countExisting(
          db,
          'component',
          parsed.items.map((c) => c.code),
        );
        return { dryRun: true, total, created: total - known, updated: known };
      }
      const now = ctx.clock.now();
      const rows: NewComponentRow[] = parsed.items.map((c) => ({
        id: uuidv7(now),
        code: c.code,
        type_code: c.typeCode,
        grid_code: c.gridCode,
        lng: c.lng,
        lat: c.lat,
        owner_name: c.ownerName,
        maintainer_unit_id: c.maintainerUnitId,
        status: c.status,
        created_at: now,
      }));
      let created = 0;
      await db.transaction().execute(async (trx) => {
        const before = await repo.countComponents(trx);
        await repo.upsertComponents(trx, rows);
        created = (await repo.countComponents(trx)) - before;
      });
      return { dryRun: false, total, created, updated: total - created };
    },

    /** Regions as GeoJSON: the actor's view, optionally one region's subtree and its chain. */
    /**
     * Regions as GeoJSON (the import format): the actor's view, optionally one region's
     * subtree plus the chain above it, parents before children.
     * @throws SPACE_REGION_NOT_FOUND for an unknown or invisible region
     */
    async exportRegions(
      actor: Actor,
      q: { regionId?: string } = {},
    ): Promise<FeatureCollection<AreaGeometry | null, RegionProperties>> {
      let ids: Set<string> | null = visibleIds(actor);
      if (q.regionId) {
        visibleRegion(actor, q.regionId);
        const sub = new Set(regions.descendantIds(q.regionId));
        const c = regions.chain(q.regionId);
        for (const n of [c.city, c.district, c.street]) {
          if (n) {
            sub.add(n.id);
          }
        }
        const visible = ids;
        ids = visible ? new Set([...sub].filter((id) => visible.has(id))) : sub;
      }
      return regionFeatures(await repo.listRegionsWithGeometry(db, ids ? [...ids] : undefined));
    },

    /**
     * The city's region outlines for the public (the portal's map without a tile server):
     * codes, names and levels only, every region of the city (public administrative bounds).
     */
    async publicOutlines(): Promise<FeatureCollection<AreaGeometry | null, RegionProperties>> {
      const all = regionFeatures(await repo.listRegionsWithGeometry(db, undefined));
      return {
        type: 'FeatureCollection',
        features: all.features.map((f) => ({
          ...f,
          properties: { ...f.properties, areaClass: null },
        })),
      };
    },

    /**
     * Grids as GeoJSON (the import format), in the actor's jurisdiction, optionally one region.
     * @throws SPACE_REGION_NOT_FOUND for an unknown or invisible region
     */
    async exportGrids(
      actor: Actor,
      q: { regionId?: string } = {},
    ): Promise<FeatureCollection<AreaGeometry, GridProperties>> {
      if (q.regionId) {
        visibleRegion(actor, q.regionId);
      }
      const rows = await repo.exportGrids(db, communityFilter(actor, q.regionId));
      return {
        type: 'FeatureCollection',
        features: rows.map((r: GridRow) => {
          const properties: GridProperties = {
            code: r.code,
            communityCode: regions.byId(r.community_id)?.code ?? '',
            areaClass: r.area_class,
          };
          if (r.name) {
            properties.name = r.name;
          }
          if (r.legacy_code) {
            properties.legacyCode = r.legacy_code;
          }
          return { type: 'Feature', geometry: parseGeometry(r.geometry), properties };
        }),
      };
    },

    /**
     * Components as GeoJSON Points (the import format), in the actor's jurisdiction.
     * @throws SPACE_REGION_NOT_FOUND for an unknown or invisible region
     */
    async exportComponents(
      actor: Actor,
      q: { regionId?: string } = {},
    ): Promise<FeatureCollection<PointGeometry, ComponentProperties>> {
      if (q.regionId) {
        visibleRegion(actor, q.regionId);
      }
      const rows = await repo.exportComponents(db, communityFilter(actor, q.regionId));
      return {
        type: 'FeatureCollection',
        features: rows.map((r) => {
          const properties: ComponentProperties = {
            code: r.code,
            typeCode: r.type_code,
            gridCode: r.grid_code,
          };
          if (r.owner_name) {
            properties.ownerName = r.owner_name;
          }
          if (r.maintainer_unit_id) {
            properties.maintainerUnitId = r.maintainer_unit_id;
          }
          if (r.status !== 'normal') {
            properties.status = r.status;
          }
          return {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
            properties,
          };
        }),
      };
    },
  };
}
