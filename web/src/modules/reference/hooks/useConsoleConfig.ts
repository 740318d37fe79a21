import { consoleApi } from '../../../api/console.api';
import type { ConsoleConfig } from '../../../api/types';
import { useResource } from '../../core/hooks/useResource';
import { cached } from '../../core/utils/cached';

/** The console's public settings (map tile URL, time zone); null until loaded or on error. */
export function useConsoleConfig(): ConsoleConfig | null {
  const r = useResource(() => cached('console.config', () => consoleApi.config()), []);
  return r.data ?? null;
}
