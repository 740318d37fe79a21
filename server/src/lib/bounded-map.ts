/**
 * A map of at most `maxSize` entries, each kept at most `ttlMs` (monotonic time, not the
 * business clock): when full, the oldest entry makes room. For look-ups kept in memory
 * (sessions, actors, recent cases' tokens); the owner drops what its writes change.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();

  constructor(
    private readonly maxSize: number,
    private readonly ttlMs = Infinity,
  ) {}

  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (e && e.until <= performance.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e?.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): void {
    if (!this.entries.has(key) && this.entries.size >= this.maxSize) {
      // The oldest entry (a Map keeps insertion order).
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { value, until: performance.now() + this.ttlMs });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Drops every entry whose value matches. */
  deleteWhere(match: (value: V) => boolean): void {
    for (const [key, e] of this.entries) {
      if (match(e.value)) {
        this.entries.delete(key);
      }
    }
  }
}
