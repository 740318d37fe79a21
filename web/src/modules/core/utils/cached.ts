const cache = new Map<string, Promise<unknown>>();

/**
 * One shared request per key for reference data (units, region shapes, console config):
 * every component asks, the network is hit once. A failed request is forgotten so the next
 * caller retries.
 */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** Forgets every cached answer (sign-out: the next user may see another jurisdiction). */
export function clearCache(): void {
  cache.clear();
}
