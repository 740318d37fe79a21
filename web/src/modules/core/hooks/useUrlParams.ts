import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router';

export interface UrlParams {
  get: (name: string) => string | null;
  /** Sets (or with null, removes) one query parameter, replacing the history entry. */
  set: (name: string, value: string | null) => void;
}

/** Page state kept in the URL (tab, selected case) so reloads and shared links keep it. */
export function useUrlParams(): UrlParams {
  const [params, setParams] = useSearchParams();
  // Two quick changes (a tab, then a row) must both survive: build on the last one we set,
  // not on the parameters of the last render.
  const latest = useRef(params);
  latest.current = params;
  const set = useCallback(
    (name: string, value: string | null) => {
      const next = new URLSearchParams(latest.current);
      if (value) {
        next.set(name, value);
      } else {
        next.delete(name);
      }
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return { get: (name) => params.get(name), set };
}
