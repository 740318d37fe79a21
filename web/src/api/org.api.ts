import { requestJson } from './http';
import type { OrgUnit } from './types';

export const orgApi = {
  units: () => requestJson<{ items: OrgUnit[] }>('/api/v1/org/units').then((r) => r.items),
};
