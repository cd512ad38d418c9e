/**
 * For what collects in memory and is written to the database now and then (the experiment log, the samples of
 * the latest decisions): one write at a time, every `everyMs` and on demand, and at shutdown. Requests still in
 * flight when the service stops record after the last timed write; from `close()` on, `recorded()` makes each
 * of them wait for its own write, while the database is still open (it closes after the listener).
 */
export class PeriodicFlush {
  private flushing?: Promise<void>;
  private closing = false;
  /** Whether the last write failed. */
  failing = false;
  private readonly timer: NodeJS.Timeout;

  /**
   * @param write writes what is pending; resolves false when the database did not take it (kept for next time).
   *   `timed`: called by the timer, when a writer may leave for later what is not worth a write yet; otherwise
   *   everything pending is written.
   * @param pending whether anything is waiting to be written.
   */
  constructor(
    private readonly write: (timed: boolean) => Promise<boolean>,
    private readonly pending: () => boolean,
    everyMs: number,
  ) {
    this.timer = setInterval(() => void this.flush(true), everyMs).unref();
  }

  /** Writes what is pending (a write in progress is joined, not doubled). */
  flush(timed = false): Promise<void> {
    this.flushing ??= this.write(timed)
      .then(
        (written) => {
          this.failing = !written;
        },
        () => {
          this.failing = true; // `write` keeps what it could not write; a throw is a failed write too
        },
      )
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Until everything recorded so far is written; throws when the database did not take it. */
  async flushAll(what: string): Promise<void> {
    while (this.flushing || this.pending()) {
      await this.flush();
      if (this.failing) throw new Error(`${what} could not be written`);
    }
  }

  /** After something was recorded: nothing to wait for, or (once stopping) its write. */
  recorded(what: string): Promise<void> | undefined {
    return this.closing ? this.flushAll(what).catch(() => undefined) : undefined; // the failed write warned
  }

  /** At shutdown: no more timed writes; what is pending now is written, and what is recorded from now on. */
  async close(what: string, warn: (message: string) => void): Promise<void> {
    this.closing = true;
    this.stop();
    await this.flushAll(what).catch((err: Error) => warn(`${err.message} before the service stopped`));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
