import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export interface UrlParams {
  get(name: string): string | null;
  /** Sets (or with null, removes) one query parameter, replacing the history entry. */
  set(name: string, value: string | null): void;
}

/** Page state kept in the URL (tab, selected case) so reloads and shared links keep it. */
export function useUrlParams(): UrlParams {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (name: string, value: string | null) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (value) {
            next.set(name, value);
          } else {
            next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { get: (name) => params.get(name), set };
}
