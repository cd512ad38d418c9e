import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * For a loop over many items in one request (a batch, a test run, a 20 000-row import): `await slice()` between
 * items gives the event loop back once the current slice has run `milliseconds`, so nothing a caller sends holds
 * other requests up. Awaiting a resolved promise would not do: it resumes on a microtask, before any I/O.
 */
export function timeSlices(milliseconds = 10): () => Promise<void> | undefined {
  let started = performance.now();
  return () => {
    if (performance.now() - started <= milliseconds) return undefined;
    return nextTurn().then(() => {
      started = performance.now();
    });
  };
}
