import { turn } from './turn.js';

/** What `timeSlices` returns: a promise to await once the slice has run out, nothing while it lasts. */
export type Slice = () => Promise<void> | undefined;

/**
 * In loops over many cheap items (the rows of an experiment's log), reading the clock for each would cost more
 * than the item: such loops call their slice once every this many items (`if (i % ITEMS_PER_CLOCK_READ === 0)`).
 */
export const ITEMS_PER_CLOCK_READ = 1_024;

/**
 * For a loop over many items in one request (a batch, a test run, a 20 000-row import): `await slice()` between
 * items gives the event loop back once the current slice has run `milliseconds`, so nothing a caller sends holds
 * other requests up. Awaiting a resolved promise would not do: it resumes on a microtask, before any I/O.
 */
export function timeSlices(milliseconds = 10): Slice {
  let started = performance.now();
  return () => {
    if (performance.now() - started <= milliseconds) return undefined;
    return turn().then(() => {
      started = performance.now();
    });
  };
}

/**
 * `items.map(map)` for work that must not hold the event loop (a batch of records to encode, of results to
 * write): a turn is given back every `milliseconds`, and none while the slice lasts (no promise per item).
 */
export async function mapInTurns<T, R>(items: readonly T[], map: (item: T) => R, milliseconds = 10): Promise<R[]> {
  const slice = timeSlices(milliseconds);
  const mapped: R[] = [];
  for (const item of items) {
    const turn = slice();
    if (turn) await turn;
    mapped.push(map(item));
  }
  return mapped;
}
