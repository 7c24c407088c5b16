import type { TableChanges } from './table-changes';

/**
 * How long a cached read may be used at most, announced change or not: the safety net for a
 * notification that never came (a listener that has not noticed yet that its connection is gone).
 */
export const CACHE_TTL_MS = 1_000;

/**
 * Reads kept in memory until a table they come from changes.
 *
 * The invalidation bound: an entry is dropped when a write to one of `tables` is announced
 * (TableChanges): for a write of this process before the write returns (its own connection hears
 * it), for a write of another process on a server within the notification's latency (milliseconds);
 * and whatever happens to notifications, an entry is never used later than CACHE_TTL_MS after its
 * read began, so a write committed before a request is seen by it if the request starts at least
 * CACHE_TTL_MS after the commit. A read still running when a change is announced is not kept.
 *
 * Entries hold the promise of the read, so concurrent misses read once. Values are shared: callers
 * must not change them. Without announcements (a data source not opened by openDataSource) nothing
 * is kept.
 */
export class ChangeAwareCache<K, V> {
  private readonly entries = new Map<K, { value: Promise<V>; expiresAt: number }>();
  private readonly enabled: boolean;

  constructor(
    changes: TableChanges | undefined,
    private readonly tables: readonly string[],
    private readonly options: { maxEntries: number; ttlMs?: number; keep?: (value: V) => boolean } = { maxEntries: 1_000 },
  ) {
    this.enabled = changes !== undefined;
    changes?.subscribe((table) => {
      if (table === null || this.tables.includes(table)) this.clear();
    });
  }

  get(key: K, read: () => Promise<V>): Promise<V> {
    if (!this.enabled) return read();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const entry = { value: read(), expiresAt: now + (this.options.ttlMs ?? CACHE_TTL_MS) };
    if (hit) this.entries.delete(key);
    else if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, entry);
    const forget = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    entry.value.then((v) => this.options.keep && !this.options.keep(v) && forget(), forget);
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }
}
