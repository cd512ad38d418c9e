/**
 * A stand-in for a repository read in unit tests: counts its calls, answers a copy of what `current` gives at
 * the time of the call, and, when `hold.next` is set, waits for it before answering (a read on its way while
 * something else happens).
 */
export function heldReads<T>(current: () => T) {
  let reads = 0;
  const hold: { next?: Promise<void> } = {};
  const read = async (): Promise<T> => {
    reads++;
    const copy = current();
    const wait = hold.next;
    hold.next = undefined;
    if (wait) await wait;
    return copy;
  };
  return { read, hold, reads: () => reads };
}
