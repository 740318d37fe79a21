import { OPEN_STATES } from '@common/workflow';
import { useEffect, useMemo, useRef, useState } from 'react';
import { casesApi } from '../../../api/cases.api';
import { evaluationApi } from '../../../api/evaluation.api';
import { gridsApi } from '../../../api/grids.api';
import type { Grid } from '../../../api/types';
import { useLiveCaseEvents } from '../../cases/hooks/useLiveCaseEvents';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';
import { useSession } from '../../session/hooks/useSession';
import { entryOfCase, entryOfEvent, mergeFeed, type FeedEntry } from '../utils/feed';
import { watchedArea } from '../utils/kpis';

/** Days in the trend chart. */
export const TREND_DAYS = 14;
/** Open cases drawn on the map (the newest; the API's largest page). */
const MAP_CASES = 200;
/** Communities whose grids are drawn (those with the most open cases). */
const MAX_COMMUNITIES = 40;
/** Live events refresh the figures at most this often. */
const REFRESH_MS = 5_000;

/**
 * Everything the command centre shows, for the user's jurisdiction: open cases, counts,
 * trends, classes, hotspots, and the live feed. Live events (SSE, no polling) update the feed
 * at once and refresh the figures, at most every few seconds.
 */
export function useCommandData() {
  const { user } = useSession();
  const area = useMemo(() => watchedArea(user?.scope), [user?.scope]);
  const areaKey = `${area.dimension}:${area.key ?? ''}`;
  const [tick, setTick] = useState(0);
  const [liveFeed, setLiveFeed] = useState<FeedEntry[]>([]);
  const [live, setLive] = useState(false);

  const open = useResource(
    (signal) =>
      casesApi.list(
        { state: OPEN_STATES, sort: 'updated_at', order: 'desc', pageSize: MAP_CASES },
        signal,
      ),
    [tick],
  );
  const overdue = useResource(
    (signal) => casesApi.list({ state: OPEN_STATES, overdue: true, pageSize: 1 }, signal),
    [tick],
  );
  const intake = useResource(
    (signal) =>
      evaluationApi.trends(
        {
          dimension: area.dimension,
          key: area.key,
          metric: 'reported',
          period: 'day',
          count: TREND_DAYS,
        },
        signal,
      ),
    [tick, areaKey],
  );
  const closed = useResource(
    (signal) =>
      evaluationApi.trends(
        {
          dimension: area.dimension,
          key: area.key,
          metric: 'closed',
          period: 'day',
          count: TREND_DAYS,
        },
        signal,
      ),
    [tick, areaKey],
  );
  const month = useResource(
    (signal) => evaluationApi.indicators(area.subject, { period: 'month' }, signal),
    [tick, areaKey],
  );
  const majors = useResource(
    (signal) =>
      evaluationApi.trends(
        { dimension: 'major', metric: 'reported', period: 'month', count: 2, top: 12 },
        signal,
      ),
    [tick],
  );
  const hotspots = useResource(
    (signal) => evaluationApi.hotspots({ period: 'month', res: 8, top: 30 }, signal),
    [tick],
  );
  const recent = useResource(
    (signal) => casesApi.list({ sort: 'updated_at', order: 'desc', pageSize: 15 }, signal),
    [],
  );

  // The grids of the communities with open cases (outlines cached for the session).
  const communities = useMemo(() => {
    const n = new Map<string, number>();
    for (const c of open.data?.items ?? []) {
      if (c.location.communityId) {
        n.set(c.location.communityId, (n.get(c.location.communityId) ?? 0) + 1);
      }
    }
    return [...n]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_COMMUNITIES)
      .map(([id]) => id)
      .sort();
  }, [open.data]);
  const grids = useResource(
    () =>
      Promise.all(
        communities.map((id) =>
          cached(`space.grids.community.${id}`, () =>
            gridsApi
              .list({ communityId: id, withGeometry: true, pageSize: 500 })
              .then((p) => p.items),
          ),
        ),
      ).then((lists): Grid[] => lists.flat()),
    [communities.join(',')],
  );

  // Before the first live event the feed shows the latest changes.
  const feed = useMemo(
    () => mergeFeed((recent.data?.items ?? []).map(entryOfCase), liveFeed),
    [recent.data, liveFeed],
  );

  const lastRefresh = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const liveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      for (const t of [timer.current, liveTimer.current]) {
        if (t) {
          clearTimeout(t);
        }
      }
    },
    [],
  );
  useLiveCaseEvents((events) => {
    setLiveFeed((f) => mergeFeed(f, events.map(entryOfEvent)));
    // The "live" mark stays lit for a while after each event.
    setLive(true);
    if (liveTimer.current) {
      clearTimeout(liveTimer.current);
    }
    liveTimer.current = setTimeout(() => setLive(false), 10_000);
    if (timer.current) {
      return;
    }
    const wait = Math.max(0, lastRefresh.current + REFRESH_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      lastRefresh.current = Date.now();
      setTick((n) => n + 1);
    }, wait);
  }, 300);

  const errors = [open, overdue, intake, closed, month, majors, hotspots, grids]
    .map((r) => r.error)
    .filter((e): e is Error => e !== null);

  return {
    area,
    open,
    overdue,
    intake,
    closed,
    month,
    majors,
    hotspots,
    grids,
    feed,
    live,
    errors,
  };
}

export type CommandData = ReturnType<typeof useCommandData>;
