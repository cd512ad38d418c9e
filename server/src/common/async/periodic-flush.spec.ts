import { describe, expect, it } from '@jest/globals';
import { PeriodicFlush } from './periodic-flush.js';

/** A store that takes what is pending when `up`, and keeps it otherwise. */
function store() {
  const state = { pending: [] as number[], stored: [] as number[], up: true, writes: 0 };
  const flusher = new PeriodicFlush(
    async () => {
      state.writes++;
      await new Promise((r) => setImmediate(r));
      if (!state.up) return false;
      state.stored.push(...state.pending.splice(0));
      return true;
    },
    () => state.pending.length > 0,
    60_000,
  );
  return { state, flusher };
}

describe('periodic flush', () => {
  it('joins a write in progress instead of starting a second one', async () => {
    const { state, flusher } = store();
    state.pending.push(1);
    await Promise.all([flusher.flush(), flusher.flush()]);
    expect([state.writes, state.stored]).toEqual([1, [1]]);
    flusher.stop();
  });

  it('says a failed write, and writes everything once the store is back', async () => {
    const { state, flusher } = store();
    state.pending.push(1, 2);
    state.up = false;
    await expect(flusher.flushAll('the rows')).rejects.toThrow('the rows could not be written');
    expect(state.pending).toEqual([1, 2]);
    state.up = true;
    await flusher.flushAll('the rows');
    expect([state.stored, flusher.failing]).toEqual([[1, 2], false]);
    flusher.stop();
  });

  it('tells the write whether the timer called it (a timed write may leave what is not worth a write yet)', async () => {
    const calls: boolean[] = [];
    const flusher = new PeriodicFlush(
      async (timed) => {
        calls.push(timed);
        return true;
      },
      () => false,
      5,
    );
    await new Promise((r) => setTimeout(r, 40));
    await flusher.flush();
    flusher.stop();
    expect([calls.length > 1, calls.slice(0, -1).every((timed) => timed), calls.at(-1)]).toEqual([true, true, false]);
  });

  it('once closing, makes whoever records wait for its write', async () => {
    const { state, flusher } = store();
    state.pending.push(1);
    expect(flusher.recorded('the rows')).toBeUndefined(); // the timer will write it
    await flusher.close('the rows', () => undefined);
    expect(state.stored).toEqual([1]);
    state.pending.push(2); // a request still in flight records after the close
    await flusher.recorded('the rows');
    expect(state.stored).toEqual([1, 2]);
  });
});
