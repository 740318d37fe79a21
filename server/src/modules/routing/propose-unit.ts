/** A routing rule as the pure matcher sees it (null = matches anything). */
export interface RoutingRule {
  id: string;
  matterCode: string | null;
  majorCode: string | null;
  regionId: string | null;
  areaClass: string | null;
  unitId: string;
  priority: number;
}

/** Where and what a case is, for routing. */
export interface RoutingSubject {
  matterCode: string;
  /** The case's region chain ids, any may be null. */
  communityId: string | null;
  streetId: string | null;
  districtId: string | null;
  areaClass: string | null;
}

export interface RoutingProposal {
  unitId: string;
  ruleId: string;
  /** Which columns of the rule matched, most specific first, e.g. ['matter', 'street']. */
  matched: string[];
  score: number;
}

/**
 * Specificity of each matching column. A named matter beats its major class; a community
 * beats a street beats a district; the area class refines. Scores are chosen so that any
 * matter-level rule outranks any major-level rule whatever the region.
 */
const WEIGHT = { matter: 100, major: 50, community: 12, street: 8, district: 4, area: 1 } as const;

/**
 * Picks the handling unit for a case from the routing matrix: the matching rule with the
 * highest specificity, then the lowest priority number, then the lowest id. Pure.
 * Returns null when no rule matches.
 */
export function proposeUnit(
  rules: readonly RoutingRule[],
  s: RoutingSubject,
): RoutingProposal | null {
  let best: RoutingProposal | null = null;
  let bestPriority = 0;
  const major = s.matterCode.slice(0, 2);
  for (const r of rules) {
    const matched: string[] = [];
    let score = 0;
    if (r.matterCode !== null) {
      if (r.matterCode !== s.matterCode) {
        continue;
      }
      matched.push('matter');
      score += WEIGHT.matter;
    }
    if (r.majorCode !== null) {
      if (r.majorCode !== major) {
        continue;
      }
      matched.push('major');
      score += WEIGHT.major;
    }
    if (r.regionId !== null) {
      if (r.regionId === s.communityId) {
        matched.push('community');
        score += WEIGHT.community;
      } else if (r.regionId === s.streetId) {
        matched.push('street');
        score += WEIGHT.street;
      } else if (r.regionId === s.districtId) {
        matched.push('district');
        score += WEIGHT.district;
      } else {
        continue;
      }
    }
    if (r.areaClass !== null) {
      if (r.areaClass !== s.areaClass) {
        continue;
      }
      matched.push('area');
      score += WEIGHT.area;
    }
    const better =
      best === null ||
      score > best.score ||
      (score === best.score &&
        (r.priority < bestPriority || (r.priority === bestPriority && r.id < best.ruleId)));
    if (better) {
      best = { unitId: r.unitId, ruleId: r.id, matched, score };
      bestPriority = r.priority;
    }
  }
  return best;
}
