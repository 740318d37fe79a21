import { useCallback, useEffect, useMemo, useState } from 'react';
import { importsApi, type ImportJob } from '../../../api/imports.api';
import { useResource } from '../../core/hooks/useResource';

/** How often a queued or running job is asked for its progress (the server has no SSE for it). */
export const IMPORT_POLL_MS = 1000;

/** A job that may still change. */
export const isActiveJob = (j: Pick<ImportJob, 'status'>) =>
  j.status === 'queued' || j.status === 'running';

export interface ImportJobs {
  /** The recent jobs, newest first. */
  jobs: ImportJob[];
  loading: boolean;
  error: Error | null;
  reload: () => void;
  /** Puts a job just started at the top (it is polled from then on). */
  add: (job: ImportJob) => void;
}

/**
 * The user's recent import jobs, with every queued or running one polled (GET
 * /imports/{id}, once per `pollMs`, one round at a time) until it is done or failed. Polling
 * stops when no job is active and when the component unmounts.
 */
export function useImportJobs(pollMs: number = IMPORT_POLL_MS): ImportJobs {
  const list = useResource((signal) => importsApi.list(signal), []);
  // Jobs started or refreshed here, by id: they win over the list's copy.
  const [fresh, setFresh] = useState<ReadonlyMap<string, ImportJob>>(new Map());

  const jobs = useMemo(() => {
    const listed = list.data ?? [];
    const known = new Set(listed.map((j) => j.id));
    const added = [...fresh.values()].filter((j) => !known.has(j.id));
    return [...added, ...listed.map((j) => fresh.get(j.id) ?? j)].sort((a, b) =>
      a.createdAt === b.createdAt
        ? b.id.localeCompare(a.id)
        : b.createdAt.localeCompare(a.createdAt),
    );
  }, [list.data, fresh]);

  const merge = useCallback((updated: readonly ImportJob[]) => {
    if (updated.length === 0) {
      return;
    }
    setFresh((prev) => {
      const next = new Map(prev);
      for (const j of updated) {
        next.set(j.id, j);
      }
      return next;
    });
  }, []);

  const active = jobs.filter(isActiveJob).map((j) => j.id);
  const activeKey = active.join(',');

  useEffect(() => {
    if (!activeKey) {
      return;
    }
    const ids = activeKey.split(',');
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const round = async () => {
      const answers = await Promise.allSettled(ids.map((id) => importsApi.get(id, ctrl.signal)));
      if (ctrl.signal.aborted) {
        return;
      }
      // A failed round (network) is tried again next time; the 401 handler acts on its own.
      merge(answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : [])));
      timer = setTimeout(() => void round(), pollMs);
    };
    timer = setTimeout(() => void round(), pollMs);
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [activeKey, pollMs, merge]);

  const add = useCallback((job: ImportJob) => merge([job]), [merge]);

  return { jobs, loading: list.loading, error: list.error, reload: list.reload, add };
}
