/**
 * Runs `work` one at a time, for callers that need a run which started after they asked: a list must contain
 * every change that returned before the list was asked, so a run already under way when it is asked may not do.
 * Callers that ask while a run is under way share the next run.
 */
export class FreshRun {
  private asked = 0;
  private covered = 0;
  private running: Promise<void> | null = null;

  constructor(private readonly work: () => Promise<void>) {}

  /** Resolves once a run that started after this call has finished; rejects if that run failed. */
  async run(): Promise<void> {
    const asked = ++this.asked;
    while (this.covered < asked) {
      this.running ??= this.once().finally(() => {
        this.running = null;
      });
      await this.running;
    }
  }

  private async once(): Promise<void> {
    const asked = this.asked;
    await this.work();
    this.covered = Math.max(this.covered, asked);
  }
}
