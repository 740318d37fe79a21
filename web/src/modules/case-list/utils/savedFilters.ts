/** A named search kept on this browser: the list page's URL query. */
export interface SavedFilter {
  name: string;
  query: string;
}

const keyOf = (userId: string) => `cityloop.savedFilters.${userId}`;

/** The saved searches of a user on this browser (bad or missing data → none). */
export function loadSavedFilters(userId: string): SavedFilter[] {
  try {
    const raw = JSON.parse(localStorage.getItem(keyOf(userId)) ?? '[]') as unknown;
    return Array.isArray(raw)
      ? raw.filter(
          (x): x is SavedFilter =>
            typeof x === 'object' &&
            x !== null &&
            typeof (x as SavedFilter).name === 'string' &&
            typeof (x as SavedFilter).query === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/** Stores the list; a saved search with the same name is replaced. */
export function storeSavedFilters(userId: string, list: readonly SavedFilter[]): void {
  try {
    localStorage.setItem(keyOf(userId), JSON.stringify(list));
  } catch {
    // Storage full or disabled: the searches last for this page only.
  }
}

/** The list with `f` added (or replacing the one of the same name), sorted by name. */
export function withSavedFilter(list: readonly SavedFilter[], f: SavedFilter): SavedFilter[] {
  return [...list.filter((x) => x.name !== f.name), f].sort((a, b) => a.name.localeCompare(b.name));
}
