import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from '@jest/globals';
import { cpuMilliseconds, pastLimit, startClock, type WorkClock } from './work-clock.js';

/** Blocks this thread for `ms` without spending CPU: what waiting for a core looks like from inside. */
const waitWithoutWorking = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Works until `ms` have passed on both clocks (where the CPU time is the process's, it can run ahead). */
const work = (ms: number) => {
  const cpuFrom = cpuMilliseconds();
  const wallFrom = performance.now();
  let x = 0;
  while (cpuMilliseconds() - cpuFrom < ms || performance.now() - wallFrom < ms) x += Math.sqrt(x + 1);
  return x;
};

describe('the work clock of computed facts and renders', () => {
  it('is not past its limit when the process waited rather than worked', () => {
    const clock = startClock(5);
    expect(pastLimit(clock)).toBe(false); // the first check starts the CPU clock
    waitWithoutWorking(30);
    expect(performance.now()).toBeGreaterThan(clock.wallDeadline);
    expect(pastLimit(clock)).toBe(false);
  });

  /**
   * Clocks moved by hand, so that what is counted does not depend on the machine's load or the scheduler's tick
   * (a real reading may trail by 4 ms): `work` spends CPU and wall time alike, `pause` wall time only.
   */
  const handClocks = () => {
    const time = { wall: 0, cpu: 0 };
    return {
      readers: { wall: () => time.wall, cpu: () => time.cpu },
      work: (ms: number) => ((time.wall += ms), (time.cpu += ms)),
      /** Works in slices of a millisecond, checking after each as evaluations do: the CPU it took to stop. */
      untilStopped: (clock: WorkClock) => {
        const from = time.cpu;
        for (let slice = 0; slice < 1_000; slice++) {
          time.wall += 1;
          time.cpu += 1;
          if (pastLimit(clock)) return time.cpu - from;
        }
        return Number.POSITIVE_INFINITY;
      },
    };
  };

  it('is past its limit once the work has taken that long on both clocks', () => {
    const hand = handClocks();
    const clock = startClock(5, hand.readers);
    expect(pastLimit(clock)).toBe(false);
    // One slice is the longest stretch, and not counted: the sixth millisecond past the fifth stops it.
    expect(hand.untilStopped(clock)).toBe(7);
  });

  it('does not count one long stretch between two checks (a garbage collection), but stops work that stays slow', () => {
    const hand = handClocks();
    const clock = startClock(5, hand.readers);
    expect(pastLimit(clock)).toBe(false);
    hand.work(20); // a collection on this thread: its CPU time, not the evaluation's
    expect(pastLimit(clock)).toBe(false);
    expect(hand.untilStopped(clock)).toBe(6);
  });

  it('is not past its limit before the wall clock is, however the CPU time is counted', () => {
    const clock = startClock(60_000);
    pastLimit(clock);
    work(8);
    expect(pastLimit(clock)).toBe(false);
  });

  // Only where the system says how long each thread ran (Linux); elsewhere the process's CPU time is the clock.
  const perThread = existsSync('/proc/thread-self/schedstat');
  if (perThread)
    it('does not count the CPU time other threads spend meanwhile', async () => {
      // Another thread busy for 200 ms, as V8's collector and compiler threads are beside an evaluation.
      const started = new Int32Array(new SharedArrayBuffer(4));
      const busy = new Worker(
        `const { workerData } = require('node:worker_threads');
       Atomics.store(workerData, 0, 1); Atomics.notify(workerData, 0);
       const end = Date.now() + 200; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1);`,
        { eval: true, workerData: started },
      );
      const finished = new Promise((done) => busy.once('exit', done));
      Atomics.wait(started, 0, 0, 5_000);
      const clock = startClock(5);
      expect(pastLimit(clock)).toBe(false);
      waitWithoutWorking(40);
      expect(pastLimit(clock)).toBe(false);
      await finished;
    });

  it('stops work ten times past its limit on the wall clock, whatever the CPU clock says', () => {
    const clock = startClock(5);
    expect(pastLimit(clock)).toBe(false);
    waitWithoutWorking(60);
    expect(pastLimit(clock)).toBe(true);
  });
});
