import { useEffect, useRef, type DependencyList } from 'react';
import type { EvaluationPeriod } from '../../../api/evaluation.api';
import { useResource, type Resource } from '../../core/hooks/useResource';

/**
 * One view of the evaluation page (indicators, rankings, categories, 721): loaded like any
 * resource, and the period the server resolved (label and dates) handed to `onPeriod` each time
 * a view arrives, for the page's heading.
 */
export function useEvaluationView<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  periodOf: (view: T) => EvaluationPeriod,
  onPeriod: ((period: EvaluationPeriod) => void) | undefined,
): Resource<T> {
  const res = useResource(fetcher, deps);
  const report = useRef({ periodOf, onPeriod });
  report.current = { periodOf, onPeriod };
  useEffect(() => {
    if (res.data !== undefined) {
      report.current.onPeriod?.(report.current.periodOf(res.data));
    }
  }, [res.data]);
  return res;
}
