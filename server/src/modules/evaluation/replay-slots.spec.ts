import { describe, expect, it } from '@jest/globals';
import { TooManyRequestsError } from '../../common/errors/domain-errors.js';
import { MAX_REPLAYS, ReplaySlots } from './replay-slots.js';

/** A replay that runs until `finish` is called. */
function pending() {
  let finish!: (value: string) => void;
  const done = new Promise<string>((resolve) => (finish = resolve));
  return { replay: () => done, finish };
}

describe('impact replay slots', () => {
  it('runs one replay a person and two in all, refusing the others at once with a code and a wait', async () => {
    const slots = new ReplaySlots();
    const [lea, max] = [pending(), pending()];
    const first = slots.run('lea', lea.replay);
    const refusal = (who: string) =>
      slots
        .run(who, () => Promise.resolve('ran'))
        .then(
          () => 'ran',
          (err: TooManyRequestsError) => [err.code, err.retryAfterSeconds],
        );
    expect(await refusal('lea')).toEqual(['impact_running', 5]);
    const second = slots.run('max', max.replay);
    expect(MAX_REPLAYS).toBe(2);
    expect(await refusal('zoe')).toEqual(['impact_busy', 5]);
    lea.finish('a');
    expect(await first).toBe('a');
    // A slot is given back when its replay ends, however it ends.
    expect(await refusal('lea')).toBe('ran');
    await expect(slots.run('zoe', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await refusal('zoe')).toBe('ran');
    max.finish('b');
    expect(await second).toBe('b');
  });
});
