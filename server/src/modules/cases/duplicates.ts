import { searchTokens } from './search-tokens';

export interface DuplicateProbe {
  matterCode: string | null;
  lng: number;
  lat: number;
  description: string;
  at: number;
}

/** An open case near a new report (its description's tokens come from `tokensOf`). */
export interface NearbyCase {
  id: string;
  matter_code: string | null;
  lng: number;
  lat: number;
  created_at: number;
}

export interface DuplicateCandidate {
  id: string;
  score: number;
  reason: {
    distanceM: number;
    hoursApart: number;
    textSimilarity: number;
    sameMatter: boolean | null;
  };
}

/** Parameters of duplicate detection (configuration; these are the defaults). */
export const DUPLICATE_DEFAULTS = { maxDistanceM: 100, maxHours: 72, minScore: 0.5 } as const;

/** Great-circle distance in metres. Pure. */
export function distanceM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const R = 6_371_008.8;
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLng = (lng2 - lng1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Jaccard similarity of the texts' search tokens. Pure. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(new Set(searchTokens(a)), new Set(searchTokens(b)));
}

function jaccard(ta: ReadonlySet<string>, tb: ReadonlySet<string>): number {
  if (ta.size === 0 || tb.size === 0) {
    return 0;
  }
  let inter = 0;
  for (const t of ta) {
    if (tb.has(t)) {
      inter++;
    }
  }
  return inter / (ta.size + tb.size - inter);
}

/**
 * The longitude/latitude box around a point that holds every point within `radiusM` (a
 * little larger, never smaller), for the store's first cut of candidates. Pure.
 */
export function searchBox(
  lng: number,
  lat: number,
  radiusM: number,
): { minLng: number; maxLng: number; minLat: number; maxLat: number } {
  const dLat = (radiusM / 111_000) * 1.01;
  const dLng =
    dLat / Math.max(0.01, Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180));
  return { minLng: lng - dLng, maxLng: lng + dLng, minLat: lat - dLat, maxLat: lat + dLat };
}

/**
 * Scores open nearby cases as duplicates of a new report: closeness in space (40 %) and
 * time (20 %), text similarity (40 %); a different known matter rules a candidate out.
 * Returns candidates at or above minScore, best first. Pure.
 */
export function findDuplicates(
  probe: DuplicateProbe,
  nearby: readonly NearbyCase[],
  /** The search tokens of a candidate's description, by case id. */
  tokensOf: (id: string) => ReadonlySet<string>,
  opts: { maxDistanceM: number; maxHours: number; minScore: number } = DUPLICATE_DEFAULTS,
): DuplicateCandidate[] {
  const out: DuplicateCandidate[] = [];
  const probeTokens = new Set(searchTokens(probe.description));
  for (const c of nearby) {
    const sameMatter =
      probe.matterCode && c.matter_code ? probe.matterCode === c.matter_code : null;
    if (sameMatter === false) {
      continue;
    }
    const d = distanceM(probe.lng, probe.lat, c.lng, c.lat);
    const hours = Math.abs(probe.at - c.created_at) / 3_600_000;
    if (d > opts.maxDistanceM || hours > opts.maxHours) {
      continue;
    }
    const sim = jaccard(probeTokens, tokensOf(c.id));
    const score =
      0.4 * (1 - d / opts.maxDistanceM) +
      0.2 * (1 - hours / opts.maxHours) +
      0.4 * sim +
      (sameMatter ? 0.1 : 0);
    if (score >= opts.minScore) {
      out.push({
        id: c.id,
        score: Math.round(Math.min(1, score) * 1000) / 1000,
        reason: {
          distanceM: Math.round(d),
          hoursApart: Math.round(hours * 10) / 10,
          textSimilarity: Math.round(sim * 100) / 100,
          sameMatter,
        },
      });
    }
  }
  return out.sort((a, b) => b.score - a.score).slice(0, 10);
}
