import { CaseSearch } from '../modules/case-list/components/CaseSearch';

/** Case list and search (every staff role, within their jurisdiction). */
export function CaseListPage() {
  return <CaseSearch />;
}
