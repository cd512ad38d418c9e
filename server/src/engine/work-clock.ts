// The time limits of work the event loop cannot interrupt (computed facts, template renders): counted in the
// CPU time this process spends, read once the wall clock says the limit may be past.

/** CPU time this process has spent so far, in milliseconds (user and system, every thread). */
export function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * A work limit of `milliseconds`. The wall clock alone also counts the time the process waited for a core (other
 * processes on a loaded machine) or was paused: a light evaluation that waited 30 ms was refused with a 4xx it
 * did nothing to earn, and refusing it gave the event loop nothing back. So the limit is passed when both the wall
 * clock and the process's CPU time have run past it. The wall clock is cheap and read at every check; the CPU
 * clock (about 0.5 µs) starts at the first check, so work too light to reach one never pays for it, and is read
 * again only past the wall deadline.
 */
export interface WorkClock {
  wallDeadline: number;
  /** The CPU time at the first check; NaN before it. */
  cpuFrom: number;
  milliseconds: number;
}

export function startClock(milliseconds: number): WorkClock {
  return { wallDeadline: performance.now() + milliseconds, cpuFrom: Number.NaN, milliseconds };
}

/** True once the work has run past its limit on both clocks. */
export function pastLimit(clock: WorkClock): boolean {
  if (Number.isNaN(clock.cpuFrom)) clock.cpuFrom = cpuMilliseconds();
  if (performance.now() <= clock.wallDeadline) return false;
  return cpuMilliseconds() - clock.cpuFrom > clock.milliseconds;
}
