import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { DecisionsRepository } from './decisions.repository.js';

const EVERY_MS = 6 * 3600_000;

/** Deletes decision records older than the retention period (a scheduled job: TTL indexes are not portable). */
@Injectable()
export class DecisionRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('DecisionRetention');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly decisions: DecisionsRepository,
  ) {}

  onApplicationBootstrap(): void {
    void this.purge();
    this.timer = setInterval(() => void this.purge(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.decisionRetentionDays * 86400_000);
    const deleted = await this.decisions.deleteOlderThan(cutoff).catch((err: Error) => {
      this.logger.warn(`retention purge failed: ${err.message}`);
      return 0;
    });
    if (deleted > 0)
      this.logger.log(`deleted ${deleted} decision record(s) older than ${this.config.decisionRetentionDays} days`);
    return deleted;
  }
}
