import { describe, expect, it } from '@jest/globals';
import { timeSlices } from './time-slices.js';

describe('time slices of a long loop', () => {
  it('let a callback queued before the loop run while the loop is still going', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    const slice = timeSlices(1);
    let ranDuringLoop = false;
    // Busy for 30 ms, as a loop of evaluations would be: without the slices the callback would wait for its end.
    const end = performance.now() + 30;
    while (performance.now() < end) {
      await slice();
      ranDuringLoop ||= ran;
    }
    expect(ranDuringLoop).toBe(true);
  });

  it('do not yield within a slice: short loops keep their pace', () => {
    const slice = timeSlices(10_000);
    expect(slice()).toBeUndefined();
  });
});
