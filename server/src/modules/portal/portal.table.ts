import type { Selectable } from 'kysely';

/** A public report's tracking code, the keyed hash of its phone, and the reporter's rating. */
export interface PublicTrackingTable {
  /** 10-character Crockford base32 code, upper case. */
  code: string;
  case_id: string;
  /** Keyed hash (HMAC-SHA256) of the reporter's phone, for the per-phone rate limit. */
  phone_hash: string | null;
  created_at: number;
  /** satisfied | basically_satisfied | unsatisfied, once, after closure. */
  rating: string | null;
  rating_comment: string | null;
  rated_at: number | null;
}

/** One counted event of a rate limit (key = what is limited, e.g. report:ip:<hash>). */
export interface RateLimitHitTable {
  key: string;
  at: number;
}

export interface PortalTables {
  public_tracking: PublicTrackingTable;
  rate_limit_hit: RateLimitHitTable;
}

export type PublicTrackingRow = Selectable<PublicTrackingTable>;
