import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type FieldIssue } from '../lib/errors';
import { ERROR_STATUS, type ErrorCode } from './error-codes';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
  requestId: string;
}

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  message: string,
  details?: unknown,
) {
  const body: ErrorBody = { error: { code, message }, requestId: req.id };
  if (details !== undefined) {
    body.error.details = details;
  }
  return reply.status(ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}

/** Validation issues of a request → field-path issues (`body.username`, `query.lng`). */
function validationIssues(err: FastifyError): FieldIssue[] {
  // Fastify names the query string 'querystring'; paths say `query.x` like the services do.
  const context = err.validationContext ?? 'body';
  const where = context === 'querystring' ? 'query' : context;
  const issues: FieldIssue[] = [];
  for (const v of err.validation ?? []) {
    const base = String(v.instancePath).replace(/^\//, '').replaceAll('/', '.');
    const params = v.params as { keys?: string[] } | undefined;
    if (v.keyword === 'unrecognized_keys' && params?.keys) {
      for (const key of params.keys) {
        issues.push({
          path: [where, base, key].filter(Boolean).join('.'),
          message: 'unknown field',
          code: 'unknown_field',
        });
      }
      continue;
    }
    issues.push({
      path: [where, base].filter(Boolean).join('.'),
      message: v.message ?? 'invalid',
      code: v.keyword,
    });
  }
  return issues;
}

/**
 * The one error mapper of the HTTP edge: DomainErrors by their code, framework errors by
 * kind, anything else a 500 without internals (logged with the request id).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const domainCode: string | undefined =
      err instanceof DomainError ? (err as DomainError).code : undefined;
    if (domainCode !== undefined && isErrorCode(domainCode)) {
      if (ERROR_STATUS[domainCode] >= 500) {
        req.log.error({ err }, 'domain error');
      }
      return send(reply, req, domainCode, err.message, (err as DomainError).details);
    }
    if (hasZodFastifySchemaValidationErrors(err) || err.validation) {
      const issues = validationIssues(err);
      const first = issues[0];
      const message = first ? `${first.path}: ${first.message}` : 'Request validation failed';
      return send(reply, req, 'VALIDATION_FAILED', message, issues);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, req, 'REQUEST_MALFORMED_JSON', 'The request body is not valid JSON');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, req, 'REQUEST_BODY_TOO_LARGE', 'The request body is too large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, req, 'REQUEST_UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type');
      default:
        break;
    }
    if (err.statusCode === 413) {
      return send(reply, req, 'REQUEST_BODY_TOO_LARGE', err.message);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, req, 'REQUEST_INVALID', err.message);
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, req, 'INTERNAL_ERROR', 'Internal server error');
  });

  app.setNotFoundHandler((req, reply) =>
    send(reply, req, 'ROUTE_NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`),
  );
}

/**
 * Errors the router raises before any route runs (a path parameter longer than the router
 * allows, a URL it cannot decode), in the same envelope as every other error. Fastify's
 * `frameworkErrors` option.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return send(reply, req, 'REQUEST_URI_TOO_LONG', 'A path parameter is too long');
  }
  return send(reply, req, 'REQUEST_INVALID', 'The request URL is not valid');
}
