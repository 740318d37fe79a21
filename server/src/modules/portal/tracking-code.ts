import { randomInt } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so a code read aloud or copied by hand stays unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a tracking code: 10 × 5 bits = 50 random bits. */
export const TRACKING_CODE_LENGTH = 10;

/** A new random tracking code, e.g. `7K3QX9M2TD`. */
export function newTrackingCode(): string {
  let out = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) {
    out += ALPHABET[randomInt(32)];
  }
  return out;
}

/**
 * A code as typed by a person → its canonical form, or null when it cannot be one: case is
 * ignored, spaces and hyphens dropped, I/L read as 1 and O as 0. Pure.
 */
export function normalizeTrackingCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (s.length !== TRACKING_CODE_LENGTH) {
    return null;
  }
  for (const ch of s) {
    if (!ALPHABET.includes(ch)) {
      return null;
    }
  }
  return s;
}
