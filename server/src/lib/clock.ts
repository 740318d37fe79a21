/** The one source of "now". Domain code takes a Clock; tests pass a ManualClock and move it. */
export interface Clock {
  /** Current time in epoch milliseconds (UTC). */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. For tests and benchmarks. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: number | string | Date) {
    this.#ms = typeof start === 'number' ? start : new Date(start).getTime();
  }
  now(): number {
    return this.#ms;
  }
  set(at: number | string | Date): void {
    this.#ms = typeof at === 'number' ? at : new Date(at).getTime();
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}
