import { z } from 'zod';
import { ATTACHMENT_KINDS, ATTACHMENT_MIMES } from './attachments.table';

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export const attachmentMetaSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  mime: z.enum(ATTACHMENT_MIMES),
  bytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  originalName: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.number().int(),
  caseId: z.string().nullable(),
  kind: z.enum(ATTACHMENT_KINDS).nullable(),
  url: z.string(),
  thumbUrl: z.string().nullable(),
});

/** One entry per uploaded file, in upload order. */
export const uploadResponse = z.object({ items: z.array(attachmentMetaSchema) });
