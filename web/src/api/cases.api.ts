import { request, requestJson, type QueryValue } from './http';
import type {
  ActionBody,
  CaseEvent,
  CaseListQuery,
  CaseStagePass,
  CaseView,
  NewCaseBody,
  Page,
} from './types';

/** The list query as the server reads it (booleans as 'true' / 'false'). */
export function caseQueryParams(q: CaseListQuery): Record<string, QueryValue> {
  return {
    ...q,
    state: q.state,
    overdue: q.overdue === undefined ? undefined : String(q.overdue),
    mine: q.mine === undefined ? undefined : String(q.mine),
  };
}

export const casesApi = {
  list: (q: CaseListQuery, signal?: AbortSignal) =>
    requestJson<Page<CaseView>>('/api/v1/cases', { query: caseQueryParams(q), signal }),
  get: (id: string, signal?: AbortSignal) =>
    requestJson<CaseView>(`/api/v1/cases/${encodeURIComponent(id)}`, { signal }),
  /** The timeline of a case and the stages it went through, each with the time it used. */
  history: (id: string, signal?: AbortSignal) =>
    requestJson<{ items: CaseEvent[]; stages: CaseStagePass[] }>(
      `/api/v1/cases/${encodeURIComponent(id)}/events`,
      { signal },
    ),
  /** Files a new case; the idempotency key makes a retried submit return the same case. */
  create: (body: NewCaseBody, idempotencyKey: string) =>
    requestJson<CaseView>('/api/v1/cases', {
      json: body,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  act: (id: string, body: ActionBody) =>
    requestJson<CaseView>(`/api/v1/cases/${encodeURIComponent(id)}/actions`, { json: body }),
  /** The filtered list as an Excel workbook (server-side, same filters as `list`). */
  exportXlsx: async (q: CaseListQuery, lang: string): Promise<Blob> => {
    const { page: _page, pageSize: _size, ...filters } = q;
    const res = await request('/api/v1/cases/export.xlsx', {
      query: { ...caseQueryParams(filters), lang },
      headers: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    return res.blob();
  },
};
