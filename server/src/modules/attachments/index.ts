/** Evidence photos of cases: upload, storage, thumbnails, download and binding to cases. */
export {
  createAttachmentService,
  MAX_FILES_PER_PUBLIC_UPLOAD,
  MAX_FILES_PER_UPLOAD,
} from './attachments.service';
export type {
  AttachmentMeta,
  AttachmentService,
  AttachmentServiceDeps,
  IncomingFile,
  OpenedBlob,
} from './attachments.service';
export { registerAttachmentRoutes } from './attachments.routes';
export { ATTACHMENT_KINDS, ATTACHMENT_MIMES } from './attachments.table';
export type { AttachmentKind, AttachmentMime, AttachmentTables } from './attachments.table';
export type { AttachmentErrorCode } from './attachments.errors';
export { BlobNotFoundError, createDiskBlobStorage, type BlobStorage } from './blob-storage';
export type { Thumbnailer } from './thumbnail';
