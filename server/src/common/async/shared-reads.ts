/** A read of one key on its way, and whether the key was forgotten since it started. */
interface Read<V> {
  value: Promise<V>;
  stale: boolean;
}

/**
 * Reads for a cache that another party can invalidate: one read per key at a time, shared by the callers that
 * ask meanwhile, and a key forgotten while its read is on the way marks that read stale. The read still answers
 * its callers (their requests were already on their way) but must not fill the cache: it may hold what the
 * change replaced. The read is given `stale()` to ask just before it caches.
 */
export class SharedReads<V> {
  private readonly reading = new Map<string, Read<V>>();

  get(key: string, read: (stale: () => boolean) => Promise<V>): Promise<V> {
    const inFlight = this.reading.get(key);
    if (inFlight) return inFlight.value;
    const entry: Read<V> = { stale: false, value: read(() => entry.stale) };
    this.reading.set(key, entry);
    void entry.value.finally(() => this.reading.get(key) === entry && this.reading.delete(key)).catch(() => undefined);
    return entry.value;
  }

  /** The key changed: a read on its way is not kept, and the next caller reads again. */
  forget(key: string): void {
    const entry = this.reading.get(key);
    if (!entry) return;
    entry.stale = true;
    this.reading.delete(key);
  }

  /** Anything may have changed (the feed lost track): no read on its way is kept. */
  forgetAll(): void {
    for (const entry of this.reading.values()) entry.stale = true;
    this.reading.clear();
  }
}
