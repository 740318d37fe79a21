import { requestJson } from './http';
import type { RoutingRule } from './types';

export const routingApi = {
  rules: () => requestJson<{ items: RoutingRule[] }>('/api/v1/routing/rules').then((r) => r.items),
};
