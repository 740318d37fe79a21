/** Pure helpers of the portal's spam guards. */

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s]+/gi;

/** How many links (http://, https://, www.) a text holds. */
export function countUrls(text: string): number {
  return text.match(URL_PATTERN)?.length ?? 0;
}

/** A description reduced for the same-text check: trimmed, spaces collapsed, lower case. */
export function normalizeText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A phone number reduced to its digits (and a leading +), for hashing. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  // +86 and 0086 prefixes of mainland numbers say nothing about who called.
  return digits.startsWith('86') && digits.length === 13
    ? digits.slice(2)
    : digits.startsWith('0086')
      ? digits.slice(4)
      : digits;
}
