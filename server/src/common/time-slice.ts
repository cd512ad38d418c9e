import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';

/** How long work on what a caller sent may hold the event loop before it lets other requests through. */
const SLICE_MS = 10;

/**
 * Splits long synchronous work (a 20 000-row import) into slices, so that nothing a caller sends stalls the
 * event loop for everyone else (README, "Rules the code keeps"): ask `due()` between items, cheap enough to ask
 * per row, and `await pause()` when it says so.
 */
export class TimeSlicer {
  private sliceStart = performance.now();

  due(): boolean {
    return performance.now() - this.sliceStart >= SLICE_MS;
  }

  async pause(): Promise<void> {
    await setImmediate();
    this.sliceStart = performance.now();
  }
}
