import type { Kysely } from 'kysely';
import { T } from '../dialect';

/** The 12345 hotline overlay: orders (keyed by case id), callbacks, dispatches to units. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hotline_order')
    .addColumn('case_id', T.id, (c) => c.primaryKey().references('case_file.id'))
    .addColumn('order_no', T.text, (c) => c.notNull().unique())
    .addColumn('request_type', T.text, (c) => c.notNull())
    .addColumn('caller_name', T.text)
    .addColumn('caller_phone', T.text)
    .addColumn('confidential', T.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('original_text', T.text, (c) => c.notNull())
    .addColumn('urgency', T.text, (c) => c.notNull())
    .addColumn('hotline_deadline', T.ms)
    .addColumn('received_at', T.ms, (c) => c.notNull())
    .addColumn('reply_text', T.text)
    .addColumn('reply_at', T.ms)
    .addColumn('reply_by', T.id)
    .addColumn('reply_by_name', T.text)
    .addColumn('reply_review', T.text)
    .addColumn('reply_reviewed_at', T.ms)
    .addColumn('reply_reviewed_by', T.id)
    .addColumn('reply_review_note', T.text)
    .addColumn('callback_contacted', T.flag)
    .addColumn('callback_solved', T.flag)
    .addColumn('callback_satisfaction', T.text)
    .addColumn('callback_note', T.text)
    .addColumn('callback_caused_by_unit', T.flag)
    .addColumn('callback_valid', T.flag)
    .addColumn('callback_at', T.ms)
    .addColumn('callback_by', T.id)
    .addColumn('callback_count', T.int, (c) => c.notNull().defaultTo(0))
    .addColumn('repeat_of', T.id, (c) => c.references('case_file.id'))
    .addColumn('repeat_group', T.id)
    .addColumn('repeat_reasons', T.json)
    .addColumn('created_at', T.ms, (c) => c.notNull())
    .addColumn('updated_at', T.ms, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hotline_order_phone_idx')
    .on('hotline_order')
    .columns(['caller_phone', 'created_at'])
    .execute();
  await db.schema
    .createIndex('hotline_order_created_idx')
    .on('hotline_order')
    .column('created_at')
    .execute();
  await db.schema
    .createIndex('hotline_order_group_idx')
    .on('hotline_order')
    .column('repeat_group')
    .execute();

  await db.schema
    .createTable('hotline_callback')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('case_id', T.id, (c) => c.notNull().references('hotline_order.case_id'))
    .addColumn('seq', T.int, (c) => c.notNull())
    .addColumn('at', T.ms, (c) => c.notNull())
    .addColumn('by_user', T.id)
    .addColumn('contacted', T.flag, (c) => c.notNull())
    .addColumn('solved', T.flag)
    .addColumn('satisfaction', T.text)
    .addColumn('note', T.text)
    .addColumn('caused_by_unit', T.flag, (c) => c.notNull())
    .addColumn('valid', T.flag, (c) => c.notNull())
    .addColumn('unit_id', T.id)
    .addUniqueConstraint('hotline_callback_seq_uq', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('hotline_assignment')
    .addColumn('id', T.id, (c) => c.primaryKey())
    .addColumn('case_id', T.id, (c) => c.notNull().references('hotline_order.case_id'))
    .addColumn('unit_id', T.id, (c) => c.notNull())
    .addColumn('dispatched_at', T.ms, (c) => c.notNull())
    .addColumn('ack_deadline_at', T.ms)
    .addColumn('acknowledged_at', T.ms)
    .addColumn('returned_at', T.ms)
    .execute();
  await db.schema
    .createIndex('hotline_assignment_case_idx')
    .on('hotline_assignment')
    .columns(['case_id', 'dispatched_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['hotline_assignment', 'hotline_callback', 'hotline_order']) {
    await db.schema.dropTable(t).execute();
  }
}
