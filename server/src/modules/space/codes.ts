import { appError } from '../../lib/app-error';

/**
 * Codes of the space module, pure: unit grid codes (15 characters, GB/T 30428.1), their
 * 14-character legacy form (CJ/T 213), administrative region codes and component identifiers.
 *
 * A grid code is 6-digit county code + 3-digit street + 3-digit community + 3-digit sequence,
 * e.g. 339901001001001. The legacy code had a 2-digit sequence (6 + 3 + 3 + 2): it maps to the
 * current form by left-padding the sequence with one zero (33990100100107 → 339901001001007);
 * the original is kept in `grid.legacy_code`.
 */

export const GRID_CODE_LENGTH = 15;
export const LEGACY_GRID_CODE_LENGTH = 14;

/** First two digits of every PRC administrative code (GB/T 2260 provinces, plus TW/HK/MO). */
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]); // prettier-ignore

/** True when `prefix` (2 digits) is the code of a real province-level division. */
export function isProvincePrefix(prefix: string): boolean {
  return PROVINCE_PREFIXES.has(prefix);
}

/** A grid code taken apart. */
export interface GridCodeParts {
  /** The 15-character standard code. */
  code: string;
  /** The 14-character code it was given as, or null. */
  legacyCode: string | null;
  /** 6-digit county-level code. */
  countyCode: string;
  /** 9-digit street (town) code. */
  streetCode: string;
  /** 12-digit community code. */
  communityCode: string;
  /** 3-digit sequence inside the community, 001–999. */
  sequence: string;
}

export type CodeCheck<T> = { ok: true; value: T } | { ok: false; message: string };

const GRID_PARTS = [
  { from: 0, to: 6, name: 'county code' },
  { from: 6, to: 9, name: 'street code' },
  { from: 9, to: 12, name: 'community code' },
  { from: 12, to: 15, name: 'sequence' },
] as const;

/** The first character of `s` that is not an ASCII digit: its 1-based position and itself. */
function firstNonDigit(s: string): { position: number; char: string } | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      return { position: i + 1, char: s[i]! };
    }
  }
  return null;
}

function partOf(position: number, legacy: boolean): string {
  const idx = position - 1;
  if (legacy && idx >= 12) {
    return 'sequence';
  }
  return GRID_PARTS.find((p) => idx >= p.from && idx < p.to)?.name ?? 'code';
}

/**
 * Checks a unit grid code without throwing. Accepts the 14-character legacy form when
 * `allowLegacy` is set (imports do; lookups do not). When `communityCode` (12 digits) is
 * given, the grid code must lie in that community.
 */
export function checkGridCode(
  raw: unknown,
  opts: { allowLegacy?: boolean; communityCode?: string } = {},
): CodeCheck<GridCodeParts> {
  if (typeof raw !== 'string' || raw.length === 0) {
    return { ok: false, message: 'Grid code is missing: it must be a string of 15 digits' };
  }
  const legacy = raw.length === LEGACY_GRID_CODE_LENGTH && opts.allowLegacy === true;
  if (raw.length !== GRID_CODE_LENGTH && !legacy) {
    const allowed = opts.allowLegacy ? '15 (or 14 for a legacy code)' : '15';
    return {
      ok: false,
      message: `Grid code "${raw}" has ${raw.length} characters; a unit grid code has ${allowed}: 6-digit county + 3-digit street + 3-digit community + 3-digit sequence`,
    };
  }
  const bad = firstNonDigit(raw);
  if (bad) {
    return {
      ok: false,
      message: `Grid code "${raw}" is invalid: character ${bad.position} ('${bad.char}', in the ${partOf(bad.position, legacy)}) is not a digit`,
    };
  }
  const province = raw.slice(0, 2);
  if (!isProvincePrefix(province)) {
    return {
      ok: false,
      message: `Grid code "${raw}" is invalid: county code ${raw.slice(0, 6)} does not start with a province code (${province} is not one)`,
    };
  }
  const sequence = legacy ? `0${raw.slice(12)}` : raw.slice(12);
  if (sequence === '000') {
    return {
      ok: false,
      message: `Grid code "${raw}" is invalid: sequence ${raw.slice(12)} is not allowed (sequences start at ${legacy ? '01' : '001'})`,
    };
  }
  const communityCode = raw.slice(0, 12);
  if (opts.communityCode !== undefined && opts.communityCode !== communityCode) {
    return {
      ok: false,
      message: `Grid code "${raw}" does not belong to community ${opts.communityCode}: its first 12 digits are ${communityCode}`,
    };
  }
  return {
    ok: true,
    value: {
      code: communityCode + sequence,
      legacyCode: legacy ? raw : null,
      countyCode: raw.slice(0, 6),
      streetCode: raw.slice(0, 9),
      communityCode,
      sequence,
    },
  };
}

/**
 * Parses a unit grid code (see checkGridCode for the options).
 * @throws SPACE_GRID_CODE_INVALID naming the code and what is wrong with it
 */
export function parseGridCode(
  raw: unknown,
  opts: { allowLegacy?: boolean; communityCode?: string; path?: string } = {},
): GridCodeParts {
  const r = checkGridCode(raw, opts);
  if (!r.ok) {
    throw appError('SPACE_GRID_CODE_INVALID', r.message, [
      { path: opts.path ?? 'code', message: r.message },
    ]);
  }
  return r.value;
}

export type RegionLevelName = 'city' | 'district' | 'street' | 'community';

/** Digits of a region code per level: city and district (county) 6, street 9, community 12. */
export const REGION_CODE_LENGTH: Record<RegionLevelName, number> = {
  city: 6,
  district: 6,
  street: 9,
  community: 12,
};

/**
 * The level an administrative code denotes when none is given: 12 digits a community,
 * 9 a street, 6 ending in 00 a prefecture-level city, other 6 a county-level district.
 */
export function inferRegionLevel(code: string): RegionLevelName | null {
  switch (code.length) {
    case 12:
      return 'community';
    case 9:
      return 'street';
    case 6:
      return code.endsWith('00') ? 'city' : 'district';
    default:
      return null;
  }
}

/** The code of the parent a region code implies (null for a city). */
export function impliedParentCode(code: string, level: RegionLevelName): string | null {
  switch (level) {
    case 'community':
      return code.slice(0, 9);
    case 'street':
      return code.slice(0, 6);
    case 'district':
      return `${code.slice(0, 4)}00`;
    case 'city':
      return null;
  }
}

/** Checks an administrative region code for a level (digits, length, province prefix). */
export function checkRegionCode(raw: unknown, level: RegionLevelName): CodeCheck<string> {
  if (typeof raw !== 'string' || raw.length === 0) {
    return { ok: false, message: 'Region code is missing: it must be a string of digits' };
  }
  const want = REGION_CODE_LENGTH[level];
  if (raw.length !== want) {
    return {
      ok: false,
      message: `Region code "${raw}" has ${raw.length} characters; a ${level} code has ${want} digits`,
    };
  }
  const bad = firstNonDigit(raw);
  if (bad) {
    return {
      ok: false,
      message: `Region code "${raw}" is invalid: character ${bad.position} ('${bad.char}') is not a digit`,
    };
  }
  if (!isProvincePrefix(raw.slice(0, 2))) {
    return {
      ok: false,
      message: `Region code "${raw}" is invalid: ${raw.slice(0, 2)} is not a province code`,
    };
  }
  return { ok: true, value: raw };
}

/** A component identifier taken apart: 6-digit county + 5-digit type + 6-digit sequence. */
export interface ComponentCodeParts {
  code: string;
  countyCode: string;
  typeCode: string;
  sequence: string;
}

export const COMPONENT_CODE_LENGTH = 17;

/** Checks a 17-character component identifier; `typeCode` must match when given. */
export function checkComponentCode(
  raw: unknown,
  opts: { typeCode?: string } = {},
): CodeCheck<ComponentCodeParts> {
  if (typeof raw !== 'string' || raw.length === 0) {
    return { ok: false, message: 'Component code is missing: it must be a string of 17 digits' };
  }
  if (raw.length !== COMPONENT_CODE_LENGTH) {
    return {
      ok: false,
      message: `Component code "${raw}" has ${raw.length} characters; it has 17: 6-digit county + 5-digit component type + 6-digit sequence`,
    };
  }
  const bad = firstNonDigit(raw);
  if (bad) {
    return {
      ok: false,
      message: `Component code "${raw}" is invalid: character ${bad.position} ('${bad.char}') is not a digit`,
    };
  }
  if (!isProvincePrefix(raw.slice(0, 2))) {
    return {
      ok: false,
      message: `Component code "${raw}" is invalid: ${raw.slice(0, 2)} is not a province code`,
    };
  }
  const typeCode = raw.slice(6, 11);
  const type = checkComponentType(typeCode);
  if (!type.ok) {
    return { ok: false, message: `Component code "${raw}" is invalid: ${type.message}` };
  }
  if (opts.typeCode !== undefined && opts.typeCode !== typeCode) {
    return {
      ok: false,
      message: `Component code "${raw}" carries type ${typeCode}, not ${opts.typeCode}`,
    };
  }
  if (raw.slice(11) === '000000') {
    return {
      ok: false,
      message: `Component code "${raw}" is invalid: sequence 000000 is not allowed`,
    };
  }
  return {
    ok: true,
    value: { code: raw, countyCode: raw.slice(0, 6), typeCode, sequence: raw.slice(11) },
  };
}

/** Checks a 5-digit component type code (GB/T 47678.5 classes 01–05). */
export function checkComponentType(raw: unknown): CodeCheck<string> {
  if (typeof raw !== 'string' || !/^\d{5}$/.test(raw)) {
    return { ok: false, message: `component type ${JSON.stringify(raw)} is not a 5-digit code` };
  }
  const major = raw.slice(0, 2);
  if (major < '01' || major > '05') {
    return {
      ok: false,
      message: `component type ${raw} has major class ${major}; component classes are 01–05`,
    };
  }
  if (raw.slice(2) === '000') {
    return { ok: false, message: `component type ${raw} has minor 000` };
  }
  return { ok: true, value: raw };
}
