import type { AuthErrorCode } from '../modules/auth/auth.errors';
import type { CatalogErrorCode } from '../modules/catalog/catalog.errors';
import type { OrgErrorCode } from '../modules/org/org.errors';
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
  HttpErrorCode | AuthErrorCode | OrgErrorCode | CatalogErrorCode | SpaceErrorCode;

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
  CATALOG_ENTRY_NOT_FOUND: 404,
  CATALOG_CONDITION_NOT_FOUND: 404,
  CATALOG_IMPORT_INVALID: 400,

  SPACE_POINT_OUTSIDE_GRIDS: 404,
  SPACE_GRID_NOT_FOUND: 404,
  SPACE_REGION_NOT_FOUND: 404,
  SPACE_GRID_CODE_INVALID: 400,
  SPACE_GEOMETRY_INVALID: 400,
  SPACE_IMPORT_INVALID: 400,
};
