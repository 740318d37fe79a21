/**
 * Repeat complaints (重复投诉) and caller privacy: pure helpers of the hotline overlay.
 *
 * An order repeats an earlier one when the same caller phone called within the phone window
 * (default 30 days), or when an order of the same matter lies within the radius (default
 * 100 m) within the place window (default 7 days). The new order links to the most recent
 * earlier match (`repeatOf`) and joins that order's chain (`group`: the first order of it).
 */

/** Why an order counts as a repeat. */
export type RepeatReason = 'same_phone' | 'same_place_matter';

/** An earlier order found by one of the repeat rules. */
export interface RepeatCandidate {
  caseId: string;
  createdAt: number;
  /** The candidate's own chain, or null when it is the first of one. */
  repeatGroup: string | null;
  reason: RepeatReason;
}

export interface RepeatLink {
  repeatOf: string;
  group: string;
  reasons: RepeatReason[];
}

/**
 * Picks the link of a new order from the earlier orders the rules found: the most recent one
 * (ties: the larger case id, which is the later UUIDv7), every reason that matched, and that
 * order's chain. Null when nothing matched.
 */
export function pickRepeat(candidates: readonly RepeatCandidate[]): RepeatLink | null {
  if (candidates.length === 0) {
    return null;
  }
  const latest = [...candidates].sort(
    (a, b) => b.createdAt - a.createdAt || (b.caseId > a.caseId ? 1 : -1),
  )[0]!;
  const reasons = (['same_phone', 'same_place_matter'] as const).filter((r) =>
    candidates.some((c) => c.reason === r),
  );
  return { repeatOf: latest.caseId, group: latest.repeatGroup ?? latest.caseId, reasons };
}

/**
 * A phone number as the repeat rule compares it: digits only (a leading + kept out), the
 * country code 86 dropped from an 11-digit mobile. Null when no digits are left.
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) {
    return null;
  }
  let digits = raw.replace(/\D/g, '');
  if (digits.length === 15 && digits.startsWith('0086')) {
    digits = digits.slice(4);
  } else if (digits.length === 13 && digits.startsWith('86') && digits[2] === '1') {
    digits = digits.slice(2);
  }
  return digits.length > 0 ? digits : null;
}

/** Masks the middle of a phone number: 13812345678 → 138****5678; short numbers → ****. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) {
    return phone;
  }
  return phone.length <= 7 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Masks a name but its first character: 王小明 → 王**, Li → L*. */
export function maskName(name: string | null): string | null {
  if (!name) {
    return name;
  }
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres between two WGS84 points (haversine). */
export function distanceMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}
