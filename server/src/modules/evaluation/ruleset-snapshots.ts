import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { RulesetState } from '../rulesets/ruleset-views.js';
import { RulesetsService } from '../rulesets/rulesets.service.js';

const POLL_MS = 2_000;

/**
 * Rule sets as last read, so evaluations do not query the database, and keep working while it is down.
 * Changes on this instance evict at once; changes on other instances are noticed by polling revision numbers.
 */
@Injectable()
export class RulesetSnapshots implements OnModuleInit, OnApplicationShutdown {
  private readonly snapshots = new Map<string, RulesetState>();
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('RulesetSnapshots');

  constructor(private readonly rulesets: RulesetsService) {
    rulesets.onChange((key) => this.snapshots.delete(key));
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.refresh().catch((err: Error) => this.logger.debug(`poll skipped: ${err.message}`)), POLL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async get(key: string): Promise<RulesetState | null> {
    const cached = this.snapshots.get(key);
    if (cached) return cached;
    const state = await this.rulesets.find(key);
    if (state) this.snapshots.set(key, state);
    return state;
  }

  /** Reloads the snapshots whose revision moved on another instance. */
  async refresh(): Promise<void> {
    if (this.snapshots.size === 0) return;
    const revisions = await this.rulesets.revisionsOf([...this.snapshots.keys()]);
    for (const [key, snapshot] of this.snapshots) {
      if (revisions.get(key) !== snapshot.rev) this.snapshots.delete(key);
    }
  }
}
