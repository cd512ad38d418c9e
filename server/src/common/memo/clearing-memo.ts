/**
 * Values made once per key and kept, up to `limit` keys; past that the memo starts again. For what is made
 * when something is compiled (a path's resolver, an expression's code, a pattern's matcher): cheap to make
 * again, so the bound needs no order of use, and a value already handed out stays valid after a clear. A `make`
 * that throws keeps nothing: the next call makes (and throws) again.
 */
export class ClearingMemo<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, make: (key: K) => V): V {
    const known = this.values.get(key);
    if (known !== undefined || this.values.has(key)) return known as V;
    const value = make(key);
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}
