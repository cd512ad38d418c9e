import { TooManyRequestsError } from '../../common/errors/domain-errors.js';

/** Impact replays that run at once, across everyone: each takes seconds of the event loop, in turns. */
export const MAX_REPLAYS = 2;

/**
 * Who is replaying decisions now. A replay of 5 000 records takes 5–10 s of the event loop in turns; four at once
 * took `/evaluate` from 3 to 22 ms at the median and 608 ms at worst, and nothing bounded them (an API probe).
 * One replay a person, two in all: past that, 429 with a Retry-After, and nothing is replayed.
 */
export class ReplaySlots {
  private readonly running = new Set<string>();

  async run<T>(who: string, replay: () => Promise<T>): Promise<T> {
    if (this.running.has(who))
      throw new TooManyRequestsError(
        'An impact analysis of yours is still running: wait for its answer before asking for another.',
        5,
        'impact_running',
      );
    if (this.running.size >= MAX_REPLAYS)
      throw new TooManyRequestsError(
        `${MAX_REPLAYS} impact analyses are running: try again in a few seconds.`,
        5,
        'impact_busy',
      );
    this.running.add(who);
    try {
      return await replay();
    } finally {
      this.running.delete(who);
    }
  }
}
