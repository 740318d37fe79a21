import { requestJson } from './http';
import type { ConsoleConfig } from './types';

export const consoleApi = {
  /** Public settings of the console (map tile URL, time zone); no session needed. */
  config: () => requestJson<ConsoleConfig>('/api/v1/console/config', { handleUnauthorized: false }),
};
