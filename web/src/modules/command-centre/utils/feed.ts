import type { CaseView } from '../../../api/types';
import type { LiveCaseEvent } from '../../cases/hooks/useLiveCaseEvents';

/** A line of the command centre's live feed. */
export interface FeedEntry {
  id: string;
  caseId: string;
  number: string;
  /** The event's action; null for the "latest changes" lines shown before any live event. */
  action: string | null;
  state: string;
  at: string;
  gridCode: string | null;
  /** The case's matter, when the line comes from the case (events do not carry it). */
  matterCode: string | null;
  live: boolean;
}

export const FEED_SIZE = 40;

export function entryOfEvent(e: LiveCaseEvent): FeedEntry {
  return {
    id: `${e.caseId}:${e.seq ?? `${e.action}@${e.at}`}`,
    caseId: e.caseId,
    number: e.number,
    action: e.action,
    state: e.toState,
    at: e.at,
    gridCode: e.gridCode,
    matterCode: null,
    live: true,
  };
}

export function entryOfCase(c: CaseView): FeedEntry {
  return {
    id: `${c.id}@${c.version}`,
    caseId: c.id,
    number: c.number,
    action: null,
    state: c.state,
    at: c.updatedAt,
    gridCode: c.location.gridCode,
    matterCode: c.matter?.code ?? null,
    live: false,
  };
}

/** New entries on top, newest first, one line per id, at most FEED_SIZE. */
export function mergeFeed(
  current: readonly FeedEntry[],
  incoming: readonly FeedEntry[],
): FeedEntry[] {
  const seen = new Set<string>();
  return [...incoming, ...current]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)))
    .slice(0, FEED_SIZE);
}
