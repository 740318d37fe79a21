import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  /** Fetches again (keeps the current data on screen meanwhile). */
  reload: () => void;
  /** Replaces the data, e.g. with the case an action returned. */
  setData: (data: T) => void;
}

/**
 * Loads data for a component: refetches when `deps` change, aborts stale requests, and keeps
 * the last data while reloading so lists do not flash empty.
 */
export function useResource<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    fetcherRef.current(ctrl.signal).then(
      (d) => {
        if (!ctrl.signal.aborted) {
          setData(d);
          setError(null);
          setLoading(false);
        }
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) {
          setError(err instanceof Error ? err : new Error(String(err)));
          setLoading(false);
        }
      },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
