import type { Kysely } from 'kysely';
import { T } from '../dialect';

/** Space, catalog, org, routing and settings: the tables everything else stands on. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_setting')
    .addColumn('key', T.text, (c) => c.primaryKey())
    .addColumn('value', T.json, (c) => c.notNull())
    .addColumn('updated_at', T.ms, (c) => c.notNull())
    .execute();

  // --- space
  await db.schema
    .createTable('region')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('code', T.text, (c) => c.notNull().unique())
    .addColumn('name', T.text, (c) => c.notNull())
    .addColumn('level', T.text, (c) => c.notNull())
    .addColumn('parent_id', T.id, (c) => c.references('region.id'))
    .addColumn('geometry', T.json)
    .addColumn('area_class', T.text)
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .addColumn('updated_at', T.ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('region_parent_idx').on('region').column('parent_id').execute();

  await db.schema
    .createTable('grid')
    .addColumn('code', T.text, (c) => c.primaryKey())
    .addColumn('legacy_code', T.text)
    .addColumn('community_id', T.id, (c) => c.notNull().references('region.id'))
    .addColumn('area_class', T.text, (c) => c.notNull())
    .addColumn('geometry', T.json, (c) => c.notNull())
    .addColumn('min_lng', T.float, (c) => c.notNull())
    .addColumn('min_lat', T.float, (c) => c.notNull())
    .addColumn('max_lng', T.float, (c) => c.notNull())
    .addColumn('max_lat', T.float, (c) => c.notNull())
    .addColumn('center_lng', T.float, (c) => c.notNull())
    .addColumn('center_lat', T.float, (c) => c.notNull())
    .addColumn('area_m2', T.float, (c) => c.notNull())
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .addColumn('updated_at', T.ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grid_community_idx').on('grid').column('community_id').execute();

  // --- catalog (before component, which references a component type)
  await db.schema
    .createTable('catalog_entry')
    .addColumn('kind', T.text, (c) => c.notNull())
    .addColumn('code', T.text, (c) => c.notNull())
    .addColumn('major_code', T.text, (c) => c.notNull())
    .addColumn('major_name', T.text, (c) => c.notNull())
    .addColumn('name', T.text, (c) => c.notNull())
    .addColumn('name_en', T.text)
    .addColumn('component_code', T.text)
    .addColumn('standard', T.flag, (c) => c.notNull().defaultTo(1))
    .addColumn('active', T.flag, (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('catalog_entry_pk', ['kind', 'code'])
    .execute();

  await db.schema
    .createTable('legacy_code_override')
    .addColumn('legacy_code', T.text, (c) => c.notNull())
    .addColumn('legacy_kind', T.text, (c) => c.notNull())
    .addColumn('kind', T.text, (c) => c.notNull())
    .addColumn('code', T.text, (c) => c.notNull())
    .addColumn('note', T.text)
    .addPrimaryKeyConstraint('legacy_code_override_pk', ['legacy_code', 'legacy_kind'])
    .addForeignKeyConstraint('legacy_code_override_target_fk', ['kind', 'code'], 'catalog_entry', [
      'kind',
      'code',
    ])
    .execute();

  await db.schema
    .createTable('registration_condition')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('matter_code', T.text, (c) => c.notNull())
    .addColumn('seq', T.int, (c) => c.notNull())
    .addColumn('name', T.text, (c) => c.notNull())
    .addColumn('closure_condition', T.text, (c) => c.notNull())
    .addColumn('photo_required', T.flag, (c) => c.notNull().defaultTo(1))
    .addColumn('urgent', T.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('active', T.flag, (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('registration_condition_seq_uq', ['matter_code', 'seq'])
    .execute();

  await db.schema
    .createTable('condition_time_limit')
    .addColumn('condition_id', T.id, (c) =>
      c.notNull().references('registration_condition.id').onDelete('cascade'),
    )
    .addColumn('area_class', T.text, (c) => c.notNull())
    .addColumn('amount', T.int, (c) => c.notNull())
    .addColumn('unit', T.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('condition_time_limit_pk', ['condition_id', 'area_class'])
    .execute();

  await db.schema
    .createTable('stage_time_limit')
    .addColumn('stage', T.text, (c) => c.notNull())
    .addColumn('urgency', T.text, (c) => c.notNull())
    .addColumn('area_class', T.text, (c) => c.notNull())
    .addColumn('amount', T.int, (c) => c.notNull())
    .addColumn('unit', T.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('stage_time_limit_pk', ['stage', 'urgency', 'area_class'])
    .execute();

  // --- org
  await db.schema
    .createTable('org_unit')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('code', T.text, (c) => c.notNull().unique())
    .addColumn('name', T.text, (c) => c.notNull())
    .addColumn('name_en', T.text)
    .addColumn('kind', T.text, (c) => c.notNull())
    .addColumn('parent_id', T.id, (c) => c.references('org_unit.id'))
    .addColumn('region_id', T.id, (c) => c.references('region.id'))
    .addColumn('matter_majors', T.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('phone', T.text)
    .addColumn('active', T.flag, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('component')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('code', T.text, (c) => c.notNull().unique())
    .addColumn('type_code', T.text, (c) => c.notNull())
    .addColumn('grid_code', T.text, (c) => c.notNull().references('grid.code'))
    .addColumn('lng', T.float, (c) => c.notNull())
    .addColumn('lat', T.float, (c) => c.notNull())
    .addColumn('owner_name', T.text)
    .addColumn('maintainer_unit_id', T.id, (c) => c.references('org_unit.id'))
    .addColumn('status', T.text, (c) => c.notNull().defaultTo('normal'))
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('component_grid_idx').on('component').column('grid_code').execute();
  await db.schema.createIndex('component_type_idx').on('component').column('type_code').execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('username', T.text, (c) => c.notNull().unique())
    .addColumn('display_name', T.text, (c) => c.notNull())
    .addColumn('password_hash', T.text, (c) => c.notNull())
    .addColumn('unit_id', T.id, (c) => c.references('org_unit.id'))
    .addColumn('scope_level', T.text, (c) => c.notNull())
    .addColumn('scope_region_id', T.id, (c) => c.references('region.id'))
    .addColumn('scope_unit_id', T.id, (c) => c.references('org_unit.id'))
    .addColumn('phone', T.text)
    .addColumn('active', T.flag, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .addColumn('updated_at', T.ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_role')
    .addColumn('user_id', T.id, (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', T.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('inspector_grid')
    .addColumn('user_id', T.id, (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('grid_code', T.text, (c) => c.notNull().references('grid.code').onDelete('cascade'))
    .addPrimaryKeyConstraint('inspector_grid_pk', ['user_id', 'grid_code'])
    .execute();
  await db.schema
    .createIndex('inspector_grid_grid_idx')
    .on('inspector_grid')
    .column('grid_code')
    .execute();

  await db.schema
    .createTable('user_session')
    .addColumn('token_hash', T.text, (c) => c.primaryKey())
    .addColumn('user_id', T.id, (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .addColumn('expires_at', T.ms, (c) => c.notNull())
    .addColumn('revoked_at', T.ms)
    .addColumn('ip', T.text)
    .addColumn('user_agent', T.text)
    .execute();

  await db.schema
    .createTable('login_failure')
    .addColumn('key', T.text, (c) => c.notNull())
    .addColumn('at', T.ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_failure_key_idx')
    .on('login_failure')
    .columns(['key', 'at'])
    .execute();

  // --- routing
  await db.schema
    .createTable('routing_rule')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('matter_code', T.text)
    .addColumn('major_code', T.text)
    .addColumn('region_id', T.id, (c) => c.references('region.id'))
    .addColumn('area_class', T.text)
    .addColumn('unit_id', T.id, (c) => c.notNull().references('org_unit.id'))
    .addColumn('priority', T.int, (c) => c.notNull().defaultTo(100))
    .addColumn('note', T.text)
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'routing_rule',
    'login_failure',
    'user_session',
    'inspector_grid',
    'user_role',
    'app_user',
    'component',
    'org_unit',
    'stage_time_limit',
    'condition_time_limit',
    'registration_condition',
    'legacy_code_override',
    'catalog_entry',
    'grid',
    'region',
    'app_setting',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
