import type { Kysely } from 'kysely';
import { T } from '../dialect';

/** Cases: the projection, the hash-chained event log, numbering, search, duplicates, notices. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_file')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('number', T.text, (c) => c.notNull().unique())
    .addColumn('source', T.text, (c) => c.notNull())
    .addColumn('idempotency_key', T.text, (c) => c.unique())
    .addColumn('state', T.text, (c) => c.notNull())
    .addColumn('version', T.int, (c) => c.notNull())
    .addColumn('matter_code', T.text)
    .addColumn('matter_original_code', T.text)
    .addColumn('major_code', T.text)
    .addColumn('condition_id', T.id)
    .addColumn('urgency', T.text, (c) => c.notNull())
    .addColumn('description', T.text, (c) => c.notNull())
    .addColumn('address', T.text)
    .addColumn('lng', T.float, (c) => c.notNull())
    .addColumn('lat', T.float, (c) => c.notNull())
    .addColumn('h3', T.text, (c) => c.notNull())
    .addColumn('grid_code', T.text, (c) => c.notNull())
    .addColumn('community_id', T.id)
    .addColumn('street_id', T.id)
    .addColumn('district_id', T.id)
    .addColumn('city_id', T.id)
    .addColumn('area_class', T.text, (c) => c.notNull())
    .addColumn('reporter_name', T.text)
    .addColumn('reporter_phone', T.text)
    .addColumn('anonymous', T.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('reported_by', T.id)
    .addColumn('unit_id', T.id)
    .addColumn('proposed_unit_id', T.id)
    .addColumn('routing_reason', T.json)
    .addColumn('stage', T.text)
    .addColumn('stage_started_at', T.ms)
    .addColumn('stage_deadline_at', T.ms)
    .addColumn('stage_limit', T.json)
    .addColumn('stage_overdue', T.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('handle_started_at', T.ms)
    .addColumn('handle_deadline_at', T.ms)
    .addColumn('handle_limit', T.json)
    .addColumn('pauses', T.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('handle_overdue', T.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('rework_count', T.int, (c) => c.notNull().defaultTo(0))
    .addColumn('return_count', T.int, (c) => c.notNull().defaultTo(0))
    .addColumn('extension_count', T.int, (c) => c.notNull().defaultTo(0))
    .addColumn('hang_count', T.int, (c) => c.notNull().defaultTo(0))
    .addColumn('supervise_count', T.int, (c) => c.notNull().defaultTo(0))
    .addColumn('remind_count', T.int, (c) => c.notNull().defaultTo(0))
    .addColumn('parent_case_id', T.id, (c) => c.references('case_file.id'))
    .addColumn('disposal_mode', T.text)
    .addColumn('void_reason', T.text)
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .addColumn('updated_at', T.ms, (c) => c.notNull())
    .addColumn('registered_at', T.ms)
    .addColumn('dispatched_at', T.ms)
    .addColumn('handled_at', T.ms)
    .addColumn('closed_at', T.ms)
    .addColumn('close_kind', T.text)
    .addColumn('event_count', T.int, (c) => c.notNull())
    .addColumn('last_hash', T.text, (c) => c.notNull())
    .execute();
  for (const [name, cols] of [
    ['case_state_idx', ['state', 'created_at']],
    ['case_street_idx', ['street_id', 'created_at']],
    ['case_district_idx', ['district_id', 'created_at']],
    ['case_unit_idx', ['unit_id', 'state']],
    ['case_grid_idx', ['grid_code', 'state']],
    ['case_created_idx', ['created_at']],
    ['case_stage_deadline_idx', ['stage_deadline_at']],
    ['case_parent_idx', ['parent_case_id']],
    ['case_matter_idx', ['matter_code', 'created_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('case_file')
      .columns([...cols])
      .execute();
  }

  await db.schema
    .createTable('case_event')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('case_id', T.id, (c) => c.notNull().references('case_file.id'))
    .addColumn('seq', T.int, (c) => c.notNull())
    .addColumn('at', T.ms, (c) => c.notNull())
    .addColumn('actor_id', T.id)
    .addColumn('actor_name', T.text, (c) => c.notNull())
    .addColumn('actor_role', T.text, (c) => c.notNull())
    .addColumn('action', T.text, (c) => c.notNull())
    .addColumn('from_state', T.text)
    .addColumn('to_state', T.text, (c) => c.notNull())
    .addColumn('payload', T.json, (c) => c.notNull())
    .addColumn('attachment_ids', T.json, (c) => c.notNull())
    .addColumn('prev_hash', T.text, (c) => c.notNull())
    .addColumn('hash', T.text, (c) => c.notNull())
    .addUniqueConstraint('case_event_seq_uq', ['case_id', 'seq'])
    .execute();
  await db.schema.createIndex('case_event_at_idx').on('case_event').column('at').execute();

  await db.schema
    .createTable('case_counter')
    .addColumn('day', T.text, (c) => c.primaryKey())
    .addColumn('last', T.int, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_token')
    .addColumn('token', T.text, (c) => c.notNull())
    .addColumn('case_id', T.id, (c) => c.notNull().references('case_file.id'))
    .addPrimaryKeyConstraint('case_token_pk', ['token', 'case_id'])
    .execute();

  await db.schema
    .createTable('case_duplicate')
    .addColumn('case_id', T.id, (c) => c.notNull().references('case_file.id'))
    .addColumn('candidate_id', T.id, (c) => c.notNull().references('case_file.id'))
    .addColumn('score', T.float, (c) => c.notNull())
    .addColumn('reason', T.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('case_duplicate_pk', ['case_id', 'candidate_id'])
    .execute();

  await db.schema
    .createTable('case_notice')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('case_id', T.id, (c) => c.notNull().references('case_file.id'))
    .addColumn('kind', T.text, (c) => c.notNull())
    .addColumn('stage', T.text)
    .addColumn('unit_id', T.id)
    .addColumn('deadline_at', T.ms)
    .addColumn('at', T.ms, (c) => c.notNull())
    .addColumn('read_at', T.ms)
    .addColumn('note', T.text)
    .execute();
  await db.schema
    .createIndex('case_notice_unit_idx')
    .on('case_notice')
    .columns(['unit_id', 'at'])
    .execute();
  // One overdue notice per case, stage and missed deadline: makes the sweep idempotent.
  await db.schema
    .createIndex('case_notice_overdue_uq')
    .on('case_notice')
    .columns(['case_id', 'kind', 'stage', 'deadline_at'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'case_notice',
    'case_duplicate',
    'case_token',
    'case_counter',
    'case_event',
    'case_file',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
