import { requestJson } from './http';
import type { CaseView, Grid, TrafficLightColor } from './types';

/** A report from the inspector app (server inspector.schema.ts): a case body with a client id. */
export interface InspectorReportBody {
  /** A UUID made when the report is captured: a retry with it returns the same case. */
  clientId: string;
  description: string;
  lng: number;
  lat: number;
  crs?: 'wgs84' | 'gcj02';
  matterCode?: string;
  address?: string;
  urgency?: 'normal' | 'urgent';
  attachmentIds?: string[];
}

/** A verify or check task of the inspector's grids (server inspector.service.ts). */
export interface InspectorTask {
  caseId: string;
  number: string;
  task: 'verify' | 'check';
  state: 'verifying' | 'checking';
  version: number;
  description: string;
  address: string | null;
  matterCode: string | null;
  location: { lng: number; lat: number; gridCode: string };
  deadline: string | null;
  light: TrafficLightColor | null;
  usedRatio: number | null;
  overdue: boolean;
  createdAt: string;
}

export const inspectorApi = {
  /** Files a report; 201 for a new case, 200 when the clientId was seen before. */
  report: (body: InspectorReportBody) =>
    requestJson<CaseView>('/api/v1/inspector/reports', { json: body }),
  tasks: (signal?: AbortSignal) =>
    requestJson<{ items: InspectorTask[]; total: number }>('/api/v1/inspector/tasks', {
      signal,
    }),
  grids: (signal?: AbortSignal) =>
    requestJson<{ items: Grid[] }>('/api/v1/inspector/grids', { signal }).then((r) => r.items),
};
