import { describe, expect, it } from '@jest/globals';
import { FreshRun } from './fresh-run.js';

describe('FreshRun', () => {
  it('gives a caller who asks during a run the next run, shared with the others who asked meanwhile', async () => {
    const started: number[] = [];
    let release: () => void = () => undefined;
    let runs = 0;
    const fresh = new FreshRun(async () => {
      started.push(++runs);
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = fresh.run();
    await Promise.resolve();
    const seen: number[] = [];
    const second = fresh.run().then(() => seen.push(runs));
    const third = fresh.run().then(() => seen.push(runs));
    release();
    await Promise.all([first, second, third]);
    expect(started).toEqual([1, 2]); // the two who asked during run 1 shared run 2
    expect(seen).toEqual([2, 2]);
  });

  it('rejects the callers of a failed run, and runs again for the next caller', async () => {
    let fail = true;
    const fresh = new FreshRun(async () => {
      if (fail) throw new Error('database away');
    });
    await expect(fresh.run()).rejects.toThrow('database away');
    fail = false;
    await expect(fresh.run()).resolves.toBeUndefined();
  });
});
