import { BulkImport } from '../modules/imports/components/BulkImport';

/** Bulk import of 12345 orders and historical cases (intake clerks, shift leaders). */
export function ImportsPage() {
  return <BulkImport />;
}
