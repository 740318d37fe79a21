import type { AppContext } from '../../context';
import { RegionDirectory } from './region-directory';
import { spaceRepository as repo } from './space.repository';

export type SpaceService = Awaited<ReturnType<typeof createSpaceService>>;

/** Regions, unit grids, components and the point → grid index. */
export async function createSpaceService(ctx: AppContext) {
  const db = ctx.store.db;
  let regions = new RegionDirectory(await repo.listRegions(db));

  return {
    /** The in-memory region tree. */
    regions: () => regions,

    /** Re-reads regions (and grids) after an import. */
    async reload(): Promise<void> {
      regions = new RegionDirectory(await repo.listRegions(db));
    },
  };
}
