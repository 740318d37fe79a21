import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { CaseRow, NewCaseEventRow } from './cases.table';

/**
 * A subscriber to every case event, called inside the transaction that writes the event
 * (intake, every action, the system's closing of merged children, the overdue sweep), right
 * after the event row and the case row are written.
 * - `before` is the case as it was (null at intake), `after` the case as it is now.
 * - Use `trx` only: on SQLite the transaction holds the only connection.
 * - What the listener writes commits or rolls back with the event; a throw rolls the command
 *   back, so a listener must be total over valid events.
 * The evaluation rollups are the first subscriber; others subscribe the same way.
 */
export type CaseEventListener = (
  trx: Kysely<Database>,
  before: CaseRow | null,
  event: NewCaseEventRow,
  after: CaseRow,
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
    async emit(trx, before, event, after) {
      for (const l of listeners) {
        await l.listener(trx, before, event, after);
      }
    },
    names: () => listeners.map((l) => l.name),
  };
}
