import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

type Q = Kysely<Database>;

/** The only SQL of the space module. */
export const spaceRepository = {
  listRegions(db: Q) {
    return db
      .selectFrom('region')
      .select(['id', 'code', 'name', 'level', 'parent_id', 'area_class'])
      .orderBy('code')
      .execute();
  },
};
