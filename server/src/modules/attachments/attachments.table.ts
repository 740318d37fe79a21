import type { Insertable, Selectable } from 'kysely';

/** What an attachment shows in its case: set when a case or event first references it. */
export const ATTACHMENT_KINDS = ['report', 'feedback', 'check', 'verify', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The image types accepted, as detected from the content (never from the name). */
export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

/**
 * An uploaded evidence photo. The bytes live in blob storage under `blob_key` (and the
 * thumbnail under `thumb_key`); the row is the metadata. Rows and blobs are never changed
 * after upload, only bound to a case once.
 */
export interface AttachmentTable {
  id: string;
  /** Lowercase hex SHA-256 of the original bytes; also the ETag. */
  sha256: string;
  mime: AttachmentMime;
  bytes: number;
  /** Pixel size as encoded in the file (EXIF orientation not applied). */
  width: number;
  height: number;
  /** The client's file name, for display only (never used to decide anything). */
  original_name: string | null;
  /** The uploading user; null for a public (portal) upload. */
  uploaded_by: string | null;
  uploaded_at: number;
  /** The case that references it; null until a case or event binds it. */
  case_id: string | null;
  kind: AttachmentKind | null;
  blob_key: string;
  /** Key of the WebP thumbnail; null when no thumbnailer was available at upload. */
  thumb_key: string | null;
}

export interface AttachmentTables {
  attachment: AttachmentTable;
}

export type AttachmentRow = Selectable<AttachmentTable>;
export type NewAttachmentRow = Insertable<AttachmentTable>;
