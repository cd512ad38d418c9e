import { turn } from './turn.js';

/**
 * `work` on every item, `size` at a time, giving the event loop a turn between groups: reads by `_id` a few at
 * once (the embedded database serves them one at a time anyway), without holding the service while many land.
 */
export async function inGroups<T>(
  items: readonly T[],
  size: number,
  work: (item: T, index: number) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await turn();
    await Promise.all(items.slice(start, start + size).map((item, i) => work(item, start + i)));
  }
}
