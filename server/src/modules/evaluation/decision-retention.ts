import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { within } from '../../common/async/within.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { DecisionsRepository } from './decisions.repository.js';
import { ShadowTalliesRepository } from './shadow-tallies.repository.js';

const EVERY_MS = 6 * 3600_000;
/** How often a long purge says how far it is. */
const PROGRESS_EVERY_MS = 10_000;

/**
 * Deletes decision records, and the shadow examples that copy their facts, older than the retention period (a
 * scheduled job: TTL indexes are not portable).
 */
@Injectable()
export class DecisionRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopping = false;
  private readonly logger = new Logger('DecisionRetention');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly decisions: DecisionsRepository,
    private readonly shadows: ShadowTalliesRepository,
  ) {}

  onApplicationBootstrap(): void {
    void this.purge();
    this.timer = setInterval(() => void this.purge(), EVERY_MS);
    this.timer.unref();
  }

  /** Stops a running purge after its current chunk (each is short), before the connection closes. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.stopping = true;
    if (this.running) await within(this.running, 2_000, () => 0);
  }

  /** Deletes the records past retention; a purge already running is not started twice. Answers how many. */
  purge(now = new Date()): Promise<number> {
    this.running ??= this.deleteOld(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async deleteOld(now: Date): Promise<number> {
    const deleted = await this.deleteOldRecords(now);
    if (this.stopping) return deleted;
    // A shadow run's examples hold the facts of the decisions they compared: kept no longer than the records, and
    // purged even when the records' purge stopped early.
    const days = this.config.decisionRetentionDays;
    const examples = await this.shadows
      .deleteExamplesBefore(new Date(now.getTime() - days * 86400_000))
      .catch((err: Error) => {
        this.logger.warn(`retention purge of shadow examples failed: ${err.message}; it runs again in 6 h`);
        return 0;
      });
    if (examples > 0) this.logger.log(`deleted ${examples} shadow example(s) older than ${days} days`);
    return deleted;
  }

  private async deleteOldRecords(now: Date): Promise<number> {
    const days = this.config.decisionRetentionDays;
    const cutoff = new Date(now.getTime() - days * 86400_000);
    let deleted = 0;
    let reported = Date.now();
    const stoppedByShutdown = (): number => {
      this.logger.log(`retention purge stopped by shutdown after ${deleted} record(s); the next start goes on`);
      return deleted;
    };
    try {
      for await (const chunk of this.decisions.deleteOlderThan(cutoff)) {
        deleted += chunk;
        if (this.stopping) return stoppedByShutdown();
        if (Date.now() - reported >= PROGRESS_EVERY_MS) {
          reported = Date.now();
          this.logger.log(`retention purge: ${deleted} decision record(s) older than ${days} days deleted so far`);
        }
      }
    } catch (err) {
      if (this.stopping) return stoppedByShutdown(); // the connection closed under it
      this.logger.warn(
        `retention purge failed after deleting ${deleted} record(s): ${(err as Error).message}; it runs again in 6 h`,
      );
      return deleted;
    }
    if (deleted > 0) this.logger.log(`deleted ${deleted} decision record(s) older than ${days} days`);
    return deleted;
  }
}
