import type { CaseEvent } from '../../../api/types';

export interface PhotoGroups {
  /** Photos of the report and the inspector's verification: the problem as found. */
  before: string[];
  /** Photos of the unit's feedback or a self-handling: the result. */
  after: string[];
  /** Photos of the inspector's check. */
  check: string[];
}

const BEFORE = new Set(['report', 'verify']);
const AFTER = new Set(['feedback', 'self_handle']);
const CHECK = new Set(['check_pass', 'check_fail']);

/** Groups a case's photos by when they were taken, from the events that carry them. */
export function photoGroups(events: readonly CaseEvent[]): PhotoGroups {
  const g: PhotoGroups = { before: [], after: [], check: [] };
  for (const e of events) {
    const list = BEFORE.has(e.action)
      ? g.before
      : AFTER.has(e.action)
        ? g.after
        : CHECK.has(e.action)
          ? g.check
          : g.before;
    for (const id of e.attachmentIds) {
      if (!list.includes(id)) {
        list.push(id);
      }
    }
  }
  return g;
}
