import type { Kysely } from 'kysely';
import { T } from '../dialect';

/**
 * Public channels: Open311 services (the public subset of matters), API clients and the
 * Open311 side of requests; portal tracking codes and ratings; the store-backed rate limiter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('open311_service')
    .addColumn('matter_code', T.text, (c) => c.primaryKey())
    .addColumn('service_code', T.text, (c) => c.notNull().unique())
    .addColumn('name', T.text, (c) => c.notNull())
    .addColumn('name_en', T.text)
    .addColumn('description', T.text, (c) => c.notNull().defaultTo(''))
    .addColumn('group_name', T.text, (c) => c.notNull())
    .addColumn('keywords', T.text, (c) => c.notNull().defaultTo(''))
    .addColumn('notice', T.text)
    .addColumn('attributes', T.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('enabled', T.flag, (c) => c.notNull().defaultTo(1))
    .addColumn('sort', T.int, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .addColumn('updated_at', T.ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_client')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('name', T.text, (c) => c.notNull())
    .addColumn('key_hash', T.text, (c) => c.notNull().unique())
    .addColumn('prefix', T.text, (c) => c.notNull())
    .addColumn('created_by', T.id)
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .addColumn('revoked_at', T.ms)
    .addColumn('last_used_at', T.ms)
    .execute();

  await db.schema
    .createTable('open311_request')
    .addColumn('token', T.text, (c) => c.primaryKey())
    .addColumn('case_id', T.id, (c) => c.unique())
    .addColumn('client_id', T.id, (c) => c.notNull())
    .addColumn('service_code', T.text, (c) => c.notNull())
    .addColumn('email', T.text)
    .addColumn('device_id', T.text)
    .addColumn('account_id', T.text)
    .addColumn('media_url', T.text)
    .addColumn('attributes', T.json, (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('public_tracking')
    .addColumn('code', T.text, (c) => c.primaryKey())
    .addColumn('case_id', T.id, (c) => c.notNull().unique())
    .addColumn('phone_hash', T.text)
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .addColumn('rating', T.text)
    .addColumn('rating_comment', T.text)
    .addColumn('rated_at', T.ms)
    .execute();

  await db.schema
    .createTable('rate_limit_hit')
    .addColumn('key', T.text, (c) => c.notNull())
    .addColumn('at', T.ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_hit_key_idx')
    .on('rate_limit_hit')
    .columns(['key', 'at'])
    .execute();
  await db.schema.createIndex('rate_limit_hit_at_idx').on('rate_limit_hit').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'rate_limit_hit',
    'public_tracking',
    'open311_request',
    'api_client',
    'open311_service',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
