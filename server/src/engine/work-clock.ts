// The time limits of work the event loop cannot interrupt (computed facts, template renders): counted in the
// CPU time the thread doing the work spends, read once the wall clock says the limit may be past.
import { closeSync, openSync, readSync } from 'node:fs';

/** CPU time of the whole process (user and system, every thread), in milliseconds. */
function processCpuMilliseconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * A reader of the calling thread's own CPU time, from Linux's scheduler statistics (`/proc/thread-self/schedstat`,
 * nanoseconds on the CPU; it may trail by one scheduler tick, a few milliseconds). The file stays open and is read
 * again from its start (about 1 µs). Null where there is no such file.
 */
function threadCpuReader(): (() => number) | null {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return null;
  }
  const buffer = Buffer.alloc(128);
  const read = (): number => {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return Number(buffer.toString('latin1', 0, length).split(' ', 1)[0]) / 1e6;
  };
  // A kernel without scheduler statistics writes zeros: a thread that has loaded this module has run for a while.
  if (read() > 0) return read;
  closeSync(fd);
  return null;
}

/**
 * CPU time this thread has spent so far, in milliseconds, or the whole process's where the system does not say
 * per thread. The process's time also counts V8's own threads (garbage collection marks in parallel, the compiler
 * optimizes) and the thread pool: during 30 ms of work it read 38.5 ms here, and an evaluation that followed a
 * large request was refused over the collector's work, not its own.
 */
export const cpuMilliseconds: () => number = threadCpuReader() ?? processCpuMilliseconds;

/**
 * A work limit of `milliseconds`. The wall clock alone also counts the time the process waited for a core (other
 * processes on a loaded machine) or was paused: a light evaluation that waited 30 ms was refused with a 4xx it
 * did nothing to earn, and refusing it gave the event loop nothing back. So the limit is passed when both the wall
 * clock and the thread's CPU time have run past it. The wall clock is cheap and read at every check; the CPU
 * clock (about 1.5 µs) starts at the first check, so work too light to reach one never pays for it, and is read
 * again only past the wall deadline.
 *
 * The longest stretch between two checks is not counted either. Work is checked every few thousand units, a
 * fraction of a millisecond; one long stretch is a pause the work did not cause: a full garbage collection runs
 * on this thread and is its CPU time. After a 0.9 MB request, an evaluation of 200 numbers (40 000 units, about
 * 2 ms) was refused on `time` on a loaded machine. Work that stays slow still passes the limit one stretch later.
 */
export interface WorkClock {
  /** The two clocks read: the process's wall clock and this thread's CPU time (tests give clocks of their own). */
  readers: ClockReaders;
  wallDeadline: number;
  /** The CPU time at the first check; NaN before it. */
  cpuFrom: number;
  milliseconds: number;
  /** The wall clock at the last check, and the longest stretch between two checks since the first. */
  lastCheck: number;
  longestStretch: number;
}

export interface ClockReaders {
  wall: () => number;
  cpu: () => number;
}
const REAL_CLOCKS: ClockReaders = { wall: () => performance.now(), cpu: cpuMilliseconds };

export function startClock(milliseconds: number, readers: ClockReaders = REAL_CLOCKS): WorkClock {
  return {
    readers,
    wallDeadline: readers.wall() + milliseconds,
    cpuFrom: Number.NaN,
    milliseconds,
    lastCheck: Number.NaN,
    longestStretch: 0,
  };
}

/** Past this many times its limit on the wall clock, work stops whatever the CPU clock says (a clock that lies). */
const WALL_CEILING = 10;

/**
 * True once the work has run past its limit on both clocks, its longest stretch between two checks aside, or ten
 * times past it on the wall clock.
 */
export function pastLimit(clock: WorkClock): boolean {
  const now = clock.readers.wall();
  if (Number.isNaN(clock.cpuFrom)) clock.cpuFrom = clock.readers.cpu();
  else if (now - clock.lastCheck > clock.longestStretch) clock.longestStretch = now - clock.lastCheck;
  clock.lastCheck = now;
  if (now <= clock.wallDeadline) return false;
  if (now > clock.wallDeadline + (WALL_CEILING - 1) * clock.milliseconds) return true;
  return clock.readers.cpu() - clock.cpuFrom - clock.longestStretch > clock.milliseconds;
}
