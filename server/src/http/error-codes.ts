import type { AttachmentErrorCode } from '../modules/attachments/attachments.errors';
import type { AuthErrorCode } from '../modules/auth/auth.errors';
import type { CaseErrorCode } from '../modules/cases/cases.errors';
import type { CatalogErrorCode } from '../modules/catalog/catalog.errors';
import type { ClockErrorCode } from '../modules/clock/clock.errors';
import type { OrgErrorCode } from '../modules/org/org.errors';
import type { RoutingErrorCode } from '../modules/routing/routing.errors';
import type { SpaceErrorCode } from '../modules/space/space.errors';

/** Codes raised by the HTTP edge itself. */
export type HttpErrorCode =
  | 'VALIDATION_FAILED'
  | 'REQUEST_MALFORMED_JSON'
  | 'REQUEST_BODY_TOO_LARGE'
  | 'REQUEST_UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_INVALID'
  | 'ROUTE_NOT_FOUND'
  | 'RESOURCE_NOT_FOUND'
  | 'FORBIDDEN'
  | 'INTERNAL_ERROR';

export type ErrorCode =
  | HttpErrorCode
  | AuthErrorCode
  | OrgErrorCode
  | CatalogErrorCode
  | SpaceErrorCode
  | RoutingErrorCode
  | ClockErrorCode
  | AttachmentErrorCode
  | CaseErrorCode;

/**
 * The one map from error code to HTTP status. A `Record` over the union: adding a code
 * anywhere without giving it a status here does not compile.
 */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  REQUEST_MALFORMED_JSON: 400,
  REQUEST_BODY_TOO_LARGE: 413,
  REQUEST_UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_INVALID: 400,
  ROUTE_NOT_FOUND: 404,
  RESOURCE_NOT_FOUND: 404,
  FORBIDDEN: 403,
  INTERNAL_ERROR: 500,

  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_SESSION_EXPIRED: 401,
  AUTH_RATE_LIMITED: 429,
  AUTH_FORBIDDEN: 403,
  AUTH_OUT_OF_SCOPE: 403,

  ORG_USER_NOT_FOUND: 404,
  ORG_UNIT_NOT_FOUND: 404,
  ORG_USERNAME_TAKEN: 409,
  ORG_UNIT_CODE_TAKEN: 409,
  ORG_SCOPE_INVALID: 400,
  ORG_REGION_NOT_FOUND: 400,

  CATALOG_CODE_INVALID: 400,
  CATALOG_CODE_UNMAPPABLE: 400,
  CATALOG_CODE_RESERVED: 400,
  CATALOG_ENTRY_NOT_FOUND: 404,
  CATALOG_ENTRY_EXISTS: 409,
  CATALOG_ENTRY_STANDARD: 409,
  CATALOG_ENTRY_INVALID: 400,
  CATALOG_CONDITION_NOT_FOUND: 404,
  CATALOG_CONDITION_SEQ_TAKEN: 409,
  CATALOG_CONDITION_LAST: 409,
  CATALOG_OVERRIDE_NOT_FOUND: 404,
  CATALOG_IMPORT_INVALID: 400,

  SPACE_POINT_OUTSIDE_GRIDS: 404,
  SPACE_GRID_NOT_FOUND: 404,
  SPACE_REGION_NOT_FOUND: 404,
  SPACE_GRID_CODE_INVALID: 400,
  SPACE_GEOMETRY_INVALID: 400,
  SPACE_IMPORT_INVALID: 400,

  ROUTING_RULE_NOT_FOUND: 404,
  ROUTING_NO_RULE: 422,

  CLOCK_YEAR_NOT_FOUND: 404,
  CLOCK_SCHEDULE_INVALID: 400,
  CLOCK_WORKING_TIME_INVALID: 400,
  CLOCK_IMPORT_INVALID: 400,

  ATTACHMENT_NOT_FOUND: 404,
  ATTACHMENT_EMPTY: 400,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TOO_MANY_FILES: 400,
  ATTACHMENT_TYPE_UNSUPPORTED: 415,
  ATTACHMENT_IMAGE_INVALID: 400,
  ATTACHMENT_ALREADY_BOUND: 409,

  CASE_NOT_FOUND: 404,
  CASE_VERSION_CONFLICT: 409,
  CASE_ACTION_NOT_ALLOWED: 422,
  CASE_ROLE_FORBIDDEN: 403,
  CASE_REQUIREMENT_MISSING: 422,
  CASE_LOCATION_OUTSIDE_GRIDS: 422,
  CASE_SOURCE_FORBIDDEN: 403,
  CASE_UNIT_INVALID: 400,
  CASE_DEADLINE_INVALID: 400,
  CASE_PARENT_INVALID: 422,
  CASE_MERGED: 422,
};
