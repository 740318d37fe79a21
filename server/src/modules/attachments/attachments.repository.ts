import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { AttachmentKind, AttachmentRow, NewAttachmentRow } from './attachments.table';

type Q = Kysely<Database>;

/** The only SQL of the attachments module. Returns rows or counts; never throws "not found". */
export const attachmentRepository = {
  async insertMany(db: Q, rows: NewAttachmentRow[]): Promise<void> {
    if (rows.length > 0) {
      await db.insertInto('attachment').values(rows).execute();
    }
  },

  findById(db: Q, id: string): Promise<AttachmentRow | undefined> {
    return db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByIds(db: Q, ids: readonly string[]): Promise<AttachmentRow[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return db
      .selectFrom('attachment')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
  },

  /** Binds still-unbound rows to a case; returns how many rows changed. */
  async bindUnbound(
    db: Q,
    ids: readonly string[],
    caseId: string,
    kind: AttachmentKind | null,
  ): Promise<number> {
    if (ids.length === 0) {
      return 0;
    }
    const res = await db
      .updateTable('attachment')
      .set({ case_id: caseId, kind })
      .where('id', 'in', [...ids])
      .where('case_id', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  /** Rows never bound to a case, uploaded before `before` (epoch ms), oldest first. */
  listUnboundBefore(db: Q, before: number, limit: number): Promise<AttachmentRow[]> {
    return db
      .selectFrom('attachment')
      .selectAll()
      .where('case_id', 'is', null)
      .where('uploaded_at', '<', before)
      .orderBy('uploaded_at')
      .limit(limit)
      .execute();
  },

  /** Deletes rows that are (still) unbound; returns the blob keys of the rows that went. */
  async deleteUnbound(
    db: Q,
    ids: readonly string[],
  ): Promise<{ id: string; blob_key: string; thumb_key: string | null }[]> {
    if (ids.length === 0) {
      return [];
    }
    return db
      .deleteFrom('attachment')
      .where('id', 'in', [...ids])
      .where('case_id', 'is', null)
      .returning(['id', 'blob_key', 'thumb_key'])
      .execute();
  },
};
