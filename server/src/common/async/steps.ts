import { turn } from './turn.js';

/** A long computation written as a generator that yields between its steps (a rule, a pass, a row...). */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end in one go (tests, benchmarks, callers off the request path). */
export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * Runs the steps giving the event loop back whenever `pause` says its slice is over (`timeSlices`). The first
 * step waits for a new turn: the caller has usually just read and hashed the content in the current one.
 */
export async function runStepsInTurns<T>(steps: Steps<T>, pause: () => Promise<void> | undefined): Promise<T> {
  await turn();
  let step = steps.next();
  while (!step.done) {
    const slice = pause();
    if (slice) await slice;
    step = steps.next();
  }
  return step.value;
}
