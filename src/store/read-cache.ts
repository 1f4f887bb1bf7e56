/**
 * A read cache for the embedded store. PGlite lives inside one process, so every write to it passes
 * through this process's `RecordStore`, which bumps the merchant's generation after each committed
 * write; a cached answer is served only while its merchant's generation is unchanged. That makes the
 * cache exact (never stale), not merely short-lived — which is also why it is used only with PGlite:
 * with PostgreSQL, other nodes write too and this process would not see their generations.
 *
 * The generation is read before the query runs, so a write that commits while a read is in flight
 * leaves that read's answer already outdated and never served again. Values are shared between
 * callers and must be treated as read-only. Bounded in entries; least recently used goes first.
 *
 * @example
 * const cache = new ReadCache(10_000);
 * const product = await cache.through('mer_1', 'get:prod_1', () => db.query(…));
 * cache.invalidate('mer_1'); // after a write
 */
export class ReadCache {
  private readonly generations = new Map<string, number>();
  private readonly entries = new Map<string, { generation: number; value: unknown }>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 10_000) {}

  /** Returns the cached answer for `key`, or computes, stores and returns it. */
  async through<T>(merchantId: string, key: string, compute: () => Promise<T>): Promise<T> {
    const generation = this.generations.get(merchantId) ?? 0;
    const fullKey = `${merchantId}\u0000${key}`;
    const entry = this.entries.get(fullKey);
    if (entry && entry.generation === generation) {
      this.hits += 1;
      this.entries.delete(fullKey); // re-insert: most recently used last
      this.entries.set(fullKey, entry);
      return entry.value as T;
    }
    this.misses += 1;
    const value = await compute();
    this.entries.set(fullKey, { generation, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Call after a write of this merchant's records has committed. */
  invalidate(merchantId: string): void {
    this.generations.set(merchantId, (this.generations.get(merchantId) ?? 0) + 1);
  }

  get size(): number {
    return this.entries.size;
  }
}
