import { CASE_SOURCES, CASE_STATES, type CaseSource, type CaseState } from '@common/workflow';
import type { CaseListQuery } from '../../../api/types';

const SORTS = ['created_at', 'updated_at', 'stage_deadline_at', 'number'] as const;

/** The case list's query from the page URL (unknown values are dropped, never sent). */
export function queryFromParams(p: URLSearchParams): CaseListQuery {
  const states = (p.get('state') ?? '')
    .split(',')
    .filter((s): s is CaseState => (CASE_STATES as readonly string[]).includes(s));
  const source = p.get('source');
  const overdue = p.get('overdue');
  const sort = p.get('sort');
  const page = Number(p.get('page'));
  const matter = p.get('matter');
  return {
    state: states.length > 0 ? states : undefined,
    matter: matter && /^\d{2}(\d{3})?$/.test(matter) ? matter : undefined,
    regionId: p.get('regionId') || undefined,
    unitId: p.get('unitId') || undefined,
    source:
      source && (CASE_SOURCES as readonly string[]).includes(source)
        ? (source as CaseSource)
        : undefined,
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : undefined,
    from: p.get('from') || undefined,
    to: p.get('to') || undefined,
    q: p.get('q') || undefined,
    sort: (SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as CaseListQuery['sort'])
      : undefined,
    order: p.get('order') === 'asc' ? 'asc' : p.get('order') === 'desc' ? 'desc' : undefined,
    page: Number.isInteger(page) && page > 0 ? page : undefined,
  };
}

/** The page URL's parameters for a query (empty values left out). */
export function paramsFromQuery(q: CaseListQuery): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | number | boolean | undefined) => {
    if (v !== undefined && v !== '') {
      p.set(k, String(v));
    }
  };
  set('state', q.state?.length ? q.state.join(',') : undefined);
  set('matter', q.matter);
  set('regionId', q.regionId);
  set('unitId', q.unitId);
  set('source', q.source);
  set('overdue', q.overdue);
  set('from', q.from);
  set('to', q.to);
  set('q', q.q);
  set('sort', q.sort);
  set('order', q.order);
  set('page', q.page && q.page > 1 ? q.page : undefined);
  return p;
}
