import { useEffect, useRef, useState } from 'react';
import { ApiError, NETWORK_ERROR } from '../../../api/http';
import { inspectorApi, type InspectorTask } from '../../../api/inspector.api';
import type { Grid } from '../../../api/types';
import { useLiveCaseEvents } from '../../cases/hooks/useLiveCaseEvents';
import { useResource } from '../../core/hooks/useResource';
import { readSnapshot, writeSnapshot } from '../utils/idbQueueStore';

interface Snapshot<T> {
  at: string;
  value: T;
}

export interface Offline<T> {
  data: T | undefined;
  /** Set when `data` comes from the phone (the network failed): when it was saved. */
  savedAt: string | null;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

const offlineError = (e: Error | null) =>
  e instanceof ApiError && (e.code === NETWORK_ERROR || e.status === 0);

/**
 * Data the inspector needs in the field, kept on the phone: fetched when online (and saved per
 * user), read from the phone when the network fails.
 */
function useKeptOnPhone<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): Offline<T> {
  const r = useResource(
    async (signal) => {
      if (!key) {
        return undefined;
      }
      const value = await load(signal);
      void writeSnapshot<Snapshot<T>>(key, { at: new Date().toISOString(), value }).catch(
        () => undefined,
      );
      return value;
    },
    [key],
  );
  const [kept, setKept] = useState<Snapshot<T> | null>(null);
  const failedOffline = offlineError(r.error);
  useEffect(() => {
    if (!key || !failedOffline) {
      return;
    }
    let live = true;
    readSnapshot<Snapshot<T>>(key).then(
      (s) => live && setKept(s ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key, failedOffline]);
  const fromPhone = failedOffline && kept !== null;
  return {
    data: fromPhone ? kept.value : r.data,
    savedAt: fromPhone ? kept.at : null,
    error: fromPhone ? null : r.error,
    loading: r.loading,
    reload: r.reload,
  };
}

/** The inspector's verify and check tasks, refreshed when case events arrive (no polling). */
export function useInspectorTasks(
  userId: string | null,
  online: boolean,
): Offline<InspectorTask[]> {
  const r = useKeptOnPhone(userId ? `tasks:${userId}` : null, (signal) =>
    inspectorApi.tasks(signal).then((x) => x.items),
  );
  const { reload } = r;
  useLiveCaseEvents(() => reload());
  // Back online: fetch the fresh list.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) {
      reload();
    }
    wasOnline.current = online;
  }, [online, reload]);
  return r;
}

/** The inspector's grids with their outlines (the report map), kept for offline use. */
export function useInspectorGrids(userId: string | null): Offline<Grid[]> {
  return useKeptOnPhone(userId ? `grids:${userId}` : null, (signal) => inspectorApi.grids(signal));
}
