import type { CaseView, TrafficLightColor } from '../../../api/types';

/** The light a case shows on the map: red when overdue, else its stage's light; none without a limit. */
export function caseLight(c: Pick<CaseView, 'stage'>): TrafficLightColor | 'none' {
  if (!c.stage?.deadline) {
    return 'none';
  }
  return c.stage.overdue ? 'red' : (c.stage.light ?? 'green');
}

const RANK: Record<TrafficLightColor | 'none', number> = { none: 0, green: 1, yellow: 2, red: 3 };

/** The worst light per grid over its open cases, and how many cases each grid holds. */
export function gridLights(
  cases: readonly Pick<CaseView, 'stage' | 'location'>[],
): Map<string, { light: TrafficLightColor | 'none'; count: number }> {
  const out = new Map<string, { light: TrafficLightColor | 'none'; count: number }>();
  for (const c of cases) {
    const light = caseLight(c);
    const cur = out.get(c.location.gridCode);
    out.set(c.location.gridCode, {
      light: cur && RANK[cur.light] >= RANK[light] ? cur.light : light,
      count: (cur?.count ?? 0) + 1,
    });
  }
  return out;
}

/** How many of the cases show each light. */
export function lightCounts(
  cases: readonly Pick<CaseView, 'stage'>[],
): Record<TrafficLightColor | 'none', number> {
  const out = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const c of cases) {
    out[caseLight(c)] += 1;
  }
  return out;
}
