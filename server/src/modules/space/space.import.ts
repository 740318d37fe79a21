import { AREA_CLASSES, type AreaClass } from '@common/roles';
import {
  checkComponentCode,
  checkGridCode,
  checkRegionCode,
  impliedParentCode,
  inferRegionLevel,
  REGION_CODE_LENGTH,
  type RegionLevelName,
} from './codes';
import { checkAreaGeometry, type AreaGeometry } from './geometry';

/**
 * Pure validation of GeoJSON imports: every feature is checked and every problem listed
 * before anything is written (the service writes only when `issues` is empty).
 */

/** One problem of one feature: which feature, its code if readable, where, what. */
export interface ImportIssue {
  index: number;
  code: string | null;
  path: string;
  message: string;
}

export const REGION_LEVELS: readonly RegionLevelName[] = [
  'city',
  'district',
  'street',
  'community',
];
const PARENT_LEVEL: Record<RegionLevelName, RegionLevelName | null> = {
  city: null,
  district: 'city',
  street: 'district',
  community: 'street',
};

export interface RegionInput {
  code: string;
  name: string;
  level: RegionLevelName;
  parentCode: string | null;
  areaClass: AreaClass | null;
  geometry: AreaGeometry | null;
}

export interface GridInput {
  code: string;
  legacyCode: string | null;
  communityCode: string;
  areaClass: AreaClass;
  name: string | null;
  geometry: AreaGeometry;
}

export interface ComponentInput {
  code: string;
  typeCode: string;
  gridCode: string;
  lng: number;
  lat: number;
  ownerName: string | null;
  maintainerUnitId: string | null;
  status: string;
}

interface RawFeature {
  type?: unknown;
  properties?: unknown;
  geometry?: unknown;
}

/** What the validators need to know about regions already stored. */
export interface KnownRegion {
  code: string;
  level: RegionLevelName;
}

export interface ParseResult<T> {
  items: T[];
  issues: ImportIssue[];
}

/** Codes as GIS tools write them: strings, or integers (no admin code starts with 0). */
function codeOf(v: unknown): string | null {
  if (typeof v === 'string') {
    return v.trim();
  }
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) {
    return String(v);
  }
  return null;
}

function optionalText(
  v: unknown,
  max: number,
  path: string,
  push: (path: string, message: string) => void,
): string | null {
  if (v === undefined || v === null || v === '') {
    return null;
  }
  if (typeof v !== 'string' || v.length > max) {
    push(path, `must be a string of at most ${max} characters`);
    return null;
  }
  return v;
}

/** Walks the features, handing each one's properties to `each` with an issue collector. */
function walk<T>(
  features: readonly unknown[],
  each: (
    f: RawFeature,
    props: Record<string, unknown>,
    push: (path: string, message: string) => void,
    setCode: (code: string | null) => void,
    index: number,
  ) => T | null,
): ParseResult<T & { index: number }> {
  const items: (T & { index: number })[] = [];
  const issues: ImportIssue[] = [];
  features.forEach((raw, index) => {
    let code: string | null = null;
    const mine: Omit<ImportIssue, 'code'>[] = [];
    const push = (path: string, message: string) => mine.push({ index, path, message });
    const setCode = (c: string | null) => {
      code = c;
    };
    if (raw === null || typeof raw !== 'object' || (raw as RawFeature).type !== 'Feature') {
      push('type', 'each item of features must be a GeoJSON Feature');
    } else {
      const f = raw as RawFeature;
      const props =
        f.properties && typeof f.properties === 'object' && !Array.isArray(f.properties)
          ? (f.properties as Record<string, unknown>)
          : null;
      if (!props) {
        push('properties', 'properties must be an object');
      } else {
        const item = each(f, props, push, setCode, index);
        if (item !== null && mine.length === 0) {
          items.push({ ...item, index });
        }
      }
    }
    for (const m of mine) {
      issues.push({ ...m, code });
    }
  });
  return { items, issues };
}

function parseAreaClass(
  v: unknown,
  required: boolean,
  push: (path: string, message: string) => void,
): AreaClass | null {
  if (v === undefined || v === null || v === '') {
    if (required) {
      push('properties.areaClass', 'areaClass is required: A (core), B (general) or C (outlying)');
    }
    return null;
  }
  if (typeof v !== 'string' || !(AREA_CLASSES as readonly string[]).includes(v)) {
    push(
      'properties.areaClass',
      `areaClass ${JSON.stringify(v)} is not one of A (core), B (general), C (outlying)`,
    );
    return null;
  }
  return v as AreaClass;
}

/**
 * Regions of a FeatureCollection (city → district → street → community). Properties: code,
 * name, level? (inferred from the code), parentCode? (implied by the code), areaClass?.
 * Geometry may be null. Parents must be in the file or already stored, one level up.
 */
export function parseRegionFeatures(
  features: readonly unknown[],
  known: (code: string) => KnownRegion | undefined,
): ParseResult<RegionInput & { index: number }> {
  const firstIndex = new Map<string, number>();
  const parsed = walk(features, (f, p, push, setCode, index) => {
    const code = codeOf(p.code);
    setCode(code);
    if (!code) {
      push('properties.code', 'code is required: the administrative code of the region');
    }
    let level: RegionLevelName | null = null;
    if (p.level !== undefined && p.level !== null) {
      if (typeof p.level === 'string' && (REGION_LEVELS as readonly string[]).includes(p.level)) {
        level = p.level as RegionLevelName;
      } else {
        push('properties.level', `level must be one of ${REGION_LEVELS.join(', ')}`);
      }
    } else if (code) {
      level = inferRegionLevel(code);
      if (!level) {
        push(
          'properties.code',
          `code "${code}" has ${code.length} digits; a region code has 6 (city, district), 9 (street) or 12 (community)`,
        );
      }
    }
    if (code && level) {
      const c = checkRegionCode(code, level);
      if (!c.ok) {
        push('properties.code', c.message);
      }
      const existing = known(code);
      if (existing && existing.level !== level) {
        push('properties.level', `region ${code} is stored as a ${existing.level}, not a ${level}`);
      }
    }
    if (code) {
      const first = firstIndex.get(code);
      if (first !== undefined) {
        push('properties.code', `duplicate code ${code}: feature ${first} has it too`);
      } else {
        firstIndex.set(code, index);
      }
    }
    const name = typeof p.name === 'string' ? p.name.trim() : '';
    if (!name || name.length > 100) {
      push('properties.name', 'name is required (1–100 characters)');
    }
    let parentCode: string | null = null;
    if (p.parentCode !== undefined && p.parentCode !== null && p.parentCode !== '') {
      parentCode = codeOf(p.parentCode);
      if (!parentCode) {
        push('properties.parentCode', 'parentCode must be an administrative code');
      } else if (level === 'city') {
        push('properties.parentCode', 'a city is the top region: it has no parent');
      }
    } else if (code && level) {
      parentCode = impliedParentCode(code, level);
    }
    if (code && parentCode && (level === 'street' || level === 'community')) {
      if (!code.startsWith(parentCode)) {
        push(
          'properties.parentCode',
          `a ${level} code starts with its parent's code: ${code} does not start with ${parentCode}`,
        );
      }
    }
    const areaClass = parseAreaClass(p.areaClass, false, push);
    let geometry: AreaGeometry | null = null;
    if (f.geometry !== null && f.geometry !== undefined) {
      const g = checkAreaGeometry(f.geometry);
      if (g.ok) {
        geometry = g.geometry;
      } else {
        g.issues.forEach((i) => push(i.path, i.message));
      }
    }
    if (!code || !level) {
      return null;
    }
    return {
      code,
      name,
      level,
      parentCode: level === 'city' ? null : parentCode,
      areaClass,
      geometry,
    };
  });

  // Parents: in this file or stored, exactly one level up.
  const inFile = new Map(parsed.items.map((r) => [r.code, r] as const));
  for (const r of parsed.items) {
    const want = PARENT_LEVEL[r.level];
    if (!want) {
      continue;
    }
    const parent = r.parentCode ? (inFile.get(r.parentCode) ?? known(r.parentCode)) : undefined;
    if (!parent) {
      parsed.issues.push({
        index: r.index,
        code: r.code,
        path: 'properties.parentCode',
        message: `unknown parent ${r.parentCode ?? '(none)'}: a ${r.level} needs a ${want} in this file or already stored`,
      });
    } else if (parent.level !== want) {
      parsed.issues.push({
        index: r.index,
        code: r.code,
        path: 'properties.parentCode',
        message: `parent ${parent.code} is a ${parent.level}; a ${r.level}'s parent must be a ${want}`,
      });
    }
  }
  parsed.issues.sort((a, b) => a.index - b.index);
  return parsed;
}

/**
 * Unit grids of a FeatureCollection of Polygons/MultiPolygons. Properties: code (15 digits,
 * or a 14-digit legacy code), communityCode? (else the code's first 12 digits), areaClass
 * (A/B/C), name?. The community must already be stored.
 */
export function parseGridFeatures(
  features: readonly unknown[],
  known: (code: string) => KnownRegion | undefined,
): ParseResult<GridInput & { index: number }> {
  const seen = new Map<string, number>();
  return walk(features, (f, p, push, setCode, index) => {
    const rawCode = codeOf(p.code);
    setCode(rawCode);
    let communityCode: string | null = null;
    if (p.communityCode !== undefined && p.communityCode !== null && p.communityCode !== '') {
      communityCode = codeOf(p.communityCode);
      if (!communityCode || communityCode.length !== REGION_CODE_LENGTH.community) {
        push('properties.communityCode', 'communityCode must be a 12-digit community code');
        communityCode = null;
      }
    }
    const check = checkGridCode(rawCode ?? p.code, {
      allowLegacy: true,
      communityCode: communityCode ?? undefined,
    });
    let code: string | null = null;
    if (!check.ok) {
      push('properties.code', check.message);
    } else {
      code = check.value.code;
      communityCode ??= check.value.communityCode;
    }
    if (communityCode) {
      const community = known(communityCode);
      if (!community) {
        push('properties.communityCode', `unknown community ${communityCode}: import it first`);
      } else if (community.level !== 'community') {
        push(
          'properties.communityCode',
          `region ${communityCode} is a ${community.level}, not a community`,
        );
      }
    }
    const areaClass = parseAreaClass(p.areaClass, true, push);
    const name = optionalText(p.name, 100, 'properties.name', push);
    const g = checkAreaGeometry(f.geometry);
    if (!g.ok) {
      g.issues.forEach((i) => push(i.path, i.message));
    }
    if (code) {
      const first = seen.get(code);
      if (first !== undefined) {
        push('properties.code', `duplicate grid code ${code}: feature ${first} has it too`);
      } else {
        seen.set(code, index);
      }
    }
    if (!check.ok || !code || !communityCode || !areaClass || !g.ok) {
      return null;
    }
    return {
      code,
      legacyCode: check.value.legacyCode,
      communityCode,
      areaClass,
      name,
      geometry: g.geometry,
    };
  });
}

/** Where a point lies: the grid code containing it and that grid's county, or null. */
export type GridAt = (lng: number, lat: number) => string | null;

/**
 * Components of a FeatureCollection of Points. Properties: code (17 digits: county + type +
 * sequence), typeCode? (else from the code), gridCode? (else located), ownerName?,
 * maintainerUnitId?, status? (default normal). The point must lie in a stored grid, in the
 * grid named (if any), and the code's county must be that grid's county.
 */
export function parseComponentFeatures(
  features: readonly unknown[],
  gridAt: GridAt,
): ParseResult<ComponentInput & { index: number }> {
  const seen = new Map<string, number>();
  return walk(features, (f, p, push, setCode, index) => {
    const code = codeOf(p.code);
    setCode(code);
    const typeCode =
      p.typeCode === undefined || p.typeCode === null ? undefined : codeOf(p.typeCode);
    const check = checkComponentCode(code ?? p.code, { typeCode: typeCode ?? undefined });
    if (!check.ok) {
      push('properties.code', check.message);
    }
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    let lng = NaN;
    let lat = NaN;
    if (!g || g.type !== 'Point' || !Array.isArray(g.coordinates)) {
      push('geometry', 'a component is a GeoJSON Point');
    } else {
      const [x, y] = g.coordinates as unknown[];
      if (
        typeof x !== 'number' ||
        typeof y !== 'number' ||
        !Number.isFinite(x) ||
        !Number.isFinite(y)
      ) {
        push('geometry.coordinates', 'a position must be [longitude, latitude]');
      } else if (x < -180 || x > 180 || y < -90 || y > 90) {
        push('geometry.coordinates', `position [${x}, ${y}] is outside WGS84 bounds`);
      } else {
        lng = x;
        lat = y;
      }
    }
    let gridCode: string | null = null;
    if (Number.isFinite(lng)) {
      gridCode = gridAt(lng, lat);
      const named = p.gridCode === undefined || p.gridCode === null ? null : codeOf(p.gridCode);
      if (!gridCode) {
        push('geometry.coordinates', `point [${lng}, ${lat}] lies outside every unit grid`);
      } else if (named && named !== gridCode) {
        push('properties.gridCode', `the point lies in grid ${gridCode}, not in ${named}`);
      } else if (check.ok && check.value.countyCode !== gridCode.slice(0, 6)) {
        push(
          'properties.code',
          `component ${check.value.code} has county ${check.value.countyCode} but lies in grid ${gridCode} of county ${gridCode.slice(0, 6)}`,
        );
      }
    }
    const ownerName = optionalText(p.ownerName, 100, 'properties.ownerName', push);
    const maintainerUnitId = optionalText(
      p.maintainerUnitId,
      64,
      'properties.maintainerUnitId',
      push,
    );
    const status = optionalText(p.status, 32, 'properties.status', push) ?? 'normal';
    if (check.ok) {
      const first = seen.get(check.value.code);
      if (first !== undefined) {
        push(
          'properties.code',
          `duplicate component code ${check.value.code}: feature ${first} has it too`,
        );
      } else {
        seen.set(check.value.code, index);
      }
    }
    if (!check.ok || !gridCode) {
      return null;
    }
    return {
      code: check.value.code,
      typeCode: check.value.typeCode,
      gridCode,
      lng,
      lat,
      ownerName,
      maintainerUnitId,
      status,
    };
  });
}
