import { setImmediate as immediate } from 'node:timers/promises';

/**
 * Gives the event loop a turn in which timers and I/O run, wherever it is called from. One `setImmediate` set from
 * an I/O callback (a request's handler, a database reply) runs in the same round of the loop, right after that
 * callback and before timers and the next poll for I/O: the work on either side held the loop as one block (a
 * request's checks and the first slice of its analysis, 15 + 15 ms, were 31 ms to a timer). The second immediate,
 * set from the check phase, runs in the next round, after its timers and poll. Set from the check phase already,
 * it costs one more round of the loop, a few microseconds when nothing waits.
 */
export async function turn(): Promise<void> {
  await immediate();
  await immediate();
}
