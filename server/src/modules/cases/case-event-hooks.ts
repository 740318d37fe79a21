import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { CaseRow, NewCaseEventRow } from './cases.table';

/** One written event: the case as it was (`before`, null at intake) and as it is now. */
export interface CaseEventChange {
  before: CaseRow | null;
  event: NewCaseEventRow;
  after: CaseRow;
}

/**
 * A subscriber to every case event, called inside the transaction that writes the events
 * (every action, the system's closing of merged children, the overdue sweep), right after the
 * event rows and the case rows are written; report events reach it from the intake projector
 * (intake-projections.ts) in the transaction that projects them, a moment after their commit,
 * with `before` null and `after` the case as it is then (its identity and place as reported).
 * - `changes` holds one event per case (an action: one; the overdue sweep: a batch of cases),
 *   so a listener can read what it needs for all of them at once.
 * - Use `trx` only: on SQLite the transaction holds the only connection.
 * - What the listener writes commits or rolls back with the events; a throw rolls the command
 *   back, so a listener must be total over valid events.
 * The evaluation rollups are the first subscriber; others subscribe the same way.
 */
export type CaseEventListener = (
  trx: Kysely<Database>,
  changes: readonly CaseEventChange[],
) => Promise<void>;

/** A fan-out of case event listeners: `emit` is the cases service's `onEvent` port. */
export interface CaseEventHooks {
  /** Adds a listener (at wiring time); listeners run in subscription order. */
  subscribe(name: string, listener: CaseEventListener): void;
  /** Calls every listener in order, awaiting each. */
  emit: CaseEventListener;
  /** Names of the listeners, in order (diagnostics). */
  names(): string[];
}

export function createCaseEventHooks(): CaseEventHooks {
  const listeners: { name: string; listener: CaseEventListener }[] = [];
  return {
    subscribe(name, listener) {
      listeners.push({ name, listener });
    },
    async emit(trx, changes) {
      if (changes.length === 0) {
        return;
      }
      for (const l of listeners) {
        await l.listener(trx, changes);
      }
    },
    names: () => listeners.map((l) => l.name),
  };
}
