import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * A matter offered to the public through Open311 (and the portal's category list): the
 * public subset of the catalog an administrator chooses, with public names.
 */
export interface Open311ServiceTable {
  /** The catalog matter (5-digit code). */
  matter_code: string;
  /** The Open311 service_code: the 5-digit matter code. */
  service_code: string;
  /** Chinese public name. */
  name: string;
  name_en: string | null;
  description: string;
  /** The Open311 group: the matter's major class name. */
  group_name: string;
  /** Comma-separated keywords. */
  keywords: string;
  /** Open311 service_notice: what the city will do, shown after a request is made. */
  notice: string | null;
  /** JSON array of extra text attributes: { code, description, required, datatype }. */
  attributes: string;
  enabled: number;
  sort: number;
  created_at: number;
  updated_at: number;
}

/** A client of the Open311 API with its own key (only the SHA-256 of the key is stored). */
export interface ApiClientTable {
  id: string;
  name: string;
  /** Lowercase hex SHA-256 of the key. */
  key_hash: string;
  /** The first characters of the key, for display. */
  prefix: string;
  created_by: string | null;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

/** The Open311 side of a case made through POST requests: its token and client data. */
export interface Open311RequestTable {
  /** The tracking token returned by POST and resolved by tokens/{token}. */
  token: string;
  case_id: string | null;
  client_id: string;
  service_code: string;
  email: string | null;
  device_id: string | null;
  account_id: string | null;
  /** The media_url the client sent (stored as given, never fetched). */
  media_url: string | null;
  /** JSON object of the attribute values sent. */
  attributes: string;
  created_at: number;
}

export interface Open311Tables {
  open311_service: Open311ServiceTable;
  api_client: ApiClientTable;
  open311_request: Open311RequestTable;
}

export type Open311ServiceRow = Selectable<Open311ServiceTable>;
export type NewOpen311ServiceRow = Insertable<Open311ServiceTable>;
export type Open311ServiceUpdate = Updateable<Open311ServiceTable>;
export type ApiClientRow = Selectable<ApiClientTable>;
export type Open311RequestRow = Selectable<Open311RequestTable>;
