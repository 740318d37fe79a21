import { useCallback } from 'react';
import { useLabels } from '../../i18n/hooks/useLabels';
import { useT } from '../../i18n/hooks/useT';
import { evaluationMessages } from '../evaluation.messages';

/**
 * The name of a counted fact as drill-downs and tables show it: 'unit.handled_on_time',
 * 'handled_on_time' → 按时处置; 'disposal.service' → 服务. An unknown name shows as it is.
 */
export function useCountName(): (metric: string) => string {
  const t = useT(evaluationMessages);
  const labels = useLabels();
  return useCallback(
    (metric: string) => {
      const dot = metric.indexOf('.');
      const family = dot >= 0 ? metric.slice(0, dot) : '';
      const name = dot >= 0 ? metric.slice(dot + 1) : metric;
      if (family === 'disposal') {
        return labels.disposal(name);
      }
      const key = `count.${name}` as Parameters<typeof t>[0];
      const text = t(key);
      return text === key ? name : text;
    },
    [t, labels],
  );
}
