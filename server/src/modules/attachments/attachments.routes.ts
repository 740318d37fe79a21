import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook';
import { appError } from '../../lib/app-error';
import { DomainError } from '../../lib/errors';
import type { Services } from '../../services';
import type { Actor } from '../auth/actor';
import { idParams, uploadResponse } from './attachments.schema';
import {
  MAX_FILES_PER_PUBLIC_UPLOAD,
  MAX_FILES_PER_UPLOAD,
  type IncomingFile,
  type OpenedBlob,
} from './attachments.service';

/**
 * The file parts of a multipart request, one at a time, each read up to `limitBytes` (a
 * longer file arrives truncated and flagged). Multipart-level problems become API errors.
 * @throws REQUEST_UNSUPPORTED_MEDIA_TYPE (not multipart), ATTACHMENT_TOO_MANY_FILES,
 *   VALIDATION_FAILED (a text field), REQUEST_INVALID (a malformed body)
 */
async function* filesOf(
  req: FastifyRequest,
  maxFiles: number,
  limitBytes: number,
): AsyncGenerator<IncomingFile> {
  if (!req.isMultipart()) {
    throw appError(
      'REQUEST_UNSUPPORTED_MEDIA_TYPE',
      'Send the photos as multipart/form-data file parts',
    );
  }
  const parts = req.parts({
    limits: { files: maxFiles, fileSize: limitBytes, fields: 10, fieldSize: 1024, parts: 50 },
  });
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        throw appError('VALIDATION_FAILED', `body.${part.fieldname}: send only file parts`, [
          { path: `body.${part.fieldname}`, message: 'unknown field', code: 'unknown_field' },
        ]);
      }
      const data = await part.toBuffer();
      yield { filename: part.filename || null, data, truncated: part.file.truncated };
    }
  } catch (err) {
    if (err instanceof DomainError) {
      throw err;
    }
    const code = (err as { code?: unknown }).code;
    if (code === 'FST_FILES_LIMIT') {
      throw appError('ATTACHMENT_TOO_MANY_FILES', `At most ${maxFiles} files per request`);
    }
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw appError('VALIDATION_FAILED', 'Too many parts in the request; send only file parts');
    }
    const message = err instanceof Error ? err.message : String(err);
    throw appError('REQUEST_INVALID', `Malformed multipart body: ${message}`);
  }
}

/** Streams a blob with caching headers; answers 304 when the client has this version. */
async function sendBlob(req: FastifyRequest, reply: FastifyReply, blob: OpenedBlob) {
  void reply
    .header('etag', blob.etag)
    // Ids never change content; private: the photos are personal data behind a session.
    .header('cache-control', 'private, max-age=86400')
    .header('x-content-type-options', 'nosniff');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === blob.etag)) {
    return reply.status(304).send();
  }
  void reply.type(blob.mime).header('content-disposition', `inline; filename="${blob.filename}"`);
  if (blob.bytes !== null) {
    void reply.header('content-length', blob.bytes);
  }
  return reply.send(await blob.stream());
}

const uploadDescription = (max: number, limit: number) =>
  `multipart/form-data with 1-${max} file parts (any field name). JPEG, PNG or WebP only, ` +
  `decided by the content, at most ${limit} bytes each. All files are stored or none: a ` +
  'rejected file fails the request and error.details lists each rejected file (files[i]).';

/** Upload (staff and public) and download of evidence photos. */
export function registerAttachmentRoutes(app: FastifyInstance, s: Services): void {
  const limitBytes = s.ctx.config.uploads.limitBytes;
  // Encapsulated: only these routes parse multipart; everywhere else it stays a 415.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: limitBytes, files: MAX_FILES_PER_UPLOAD, parts: 50 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['attachments'];

    r.post('/api/v1/attachments', {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Upload evidence photos',
        description: uploadDescription(MAX_FILES_PER_UPLOAD, limitBytes),
        consumes: ['multipart/form-data'],
        response: { 201: uploadResponse },
      },
      handler: async (req, reply) => {
        const actor = requireActor(req);
        const items = await s.attachments.upload(
          actor,
          filesOf(req, MAX_FILES_PER_UPLOAD, limitBytes),
        );
        return reply.status(201).send({ items });
      },
    });

    // Separate from the staff route so the public rate limit can be put on it alone.
    r.post('/api/v1/public/attachments', {
      config: { auth: 'public' },
      // The per-IP upload limit of the public channels (portal settings).
      preHandler: async (req) => s.portal.limitUpload(req.ip),
      schema: {
        tags,
        summary: 'Upload photos from the public portal (no account)',
        description: uploadDescription(MAX_FILES_PER_PUBLIC_UPLOAD, limitBytes),
        consumes: ['multipart/form-data'],
        response: { 201: uploadResponse },
      },
      handler: async (req, reply) => {
        const items = await s.attachments.upload(
          null,
          filesOf(req, MAX_FILES_PER_PUBLIC_UPLOAD, limitBytes),
        );
        return reply.status(201).send({ items });
      },
    });

    r.get('/api/v1/attachments/:id', {
      config: { auth: 'session' },
      schema: { tags, summary: 'The original photo', params: idParams },
      handler: async (req, reply) => {
        await assertMayView(s, requireActor(req), req.params.id);
        return sendBlob(req, reply, await s.attachments.open(req.params.id, 'original'));
      },
    });

    r.get('/api/v1/attachments/:id/thumb', {
      config: { auth: 'session' },
      schema: { tags, summary: 'The WebP thumbnail (max 320 px)', params: idParams },
      handler: async (req, reply) => {
        await assertMayView(s, requireActor(req), req.params.id);
        return sendBlob(req, reply, await s.attachments.open(req.params.id, 'thumb'));
      },
    });
  });
}

/**
 * A photo of a case is visible to whoever may see the case; an unbound upload only to its
 * uploader. Anything else answers as if the photo did not exist.
 */
async function assertMayView(s: Services, actor: Actor, id: string): Promise<void> {
  const [meta] = await s.attachments.getMeta([id]);
  const notFound = () => appError('ATTACHMENT_NOT_FOUND', `No attachment ${id}`);
  if (!meta) {
    throw notFound();
  }
  if (meta.caseId) {
    await s.cases.get(actor, meta.caseId).catch(() => {
      throw notFound();
    });
    return;
  }
  if (meta.uploadedBy !== actor.userId) {
    throw notFound();
  }
}
