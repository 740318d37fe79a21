const KEY = 'cityloop.portal.reports';
const MAX = 20;

/** A report sent from this browser: its tracking code, for the "my reports" list. */
export interface MyReport {
  trackingNumber: string;
  number: string;
  at: string;
}

/** The reports sent from this browser, newest first (kept in localStorage, nowhere else). */
export function readMyReports(storage: Storage = localStorage): MyReport[] {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(raw)
      ? raw.filter(
          (x): x is MyReport =>
            typeof x === 'object' &&
            x !== null &&
            typeof (x as MyReport).trackingNumber === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/** Remembers a sent report (most recent first, at most 20, no duplicates). */
export function rememberMyReport(r: MyReport, storage: Storage = localStorage): MyReport[] {
  const list = [
    r,
    ...readMyReports(storage).filter((x) => x.trackingNumber !== r.trackingNumber),
  ].slice(0, MAX);
  try {
    storage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Private mode: the list lasts for the page.
  }
  return list;
}
