import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { within } from '../../common/async/within.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { DecisionsRepository } from './decisions.repository.js';
import { ShadowTalliesRepository } from './shadow-tallies.repository.js';

/**
 * How often the purge runs. Records go a day at a time, when the last of their day is past retention: dropping a
 * day costs one statement, so the purge runs hourly and keeps none more than an hour past that.
 */
const EVERY_MS = 3600_000;
/** How often the legacy collection, which the purge reads whole, is read: it only shrinks. */
const LEGACY_EVERY_MS = 6 * 3600_000;
/** How often a long purge says how far it is. */
const PROGRESS_EVERY_MS = 10_000;

/** What a purge deleted: the day collections dropped, and the records deleted one by one from the legacy collection. */
export interface Purged {
  days: string[];
  records: number;
}

/**
 * Deletes decision records, and the shadow examples that copy their facts, older than the retention period (a
 * scheduled job: TTL indexes are not portable). Records are stored a collection per day (docs/adr/0042): a day is
 * dropped once its last moment is past retention, so a record is kept at most a day and an hour longer than the
 * retention period (one stored before day collections, at most 6 hours longer: that collection is read less often).
 */
@Injectable()
export class DecisionRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<Purged>;
  /** When this process last read the legacy collection through (ms); 0: never. */
  private legacyReadAt = 0;
  private stopping = false;
  private readonly logger = new Logger('DecisionRetention');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly decisions: DecisionsRepository,
    private readonly shadows: ShadowTalliesRepository,
  ) {}

  onApplicationBootstrap(): void {
    void this.purge(new Date(), 'scheduled');
    this.timer = setInterval(() => void this.purge(new Date(), 'scheduled'), EVERY_MS);
    this.timer.unref();
  }

  /** Stops a running purge after its current chunk (each is short), before the connection closes. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.stopping = true;
    if (this.running) await within(this.running, 2_000, () => ({ days: [], records: 0 }));
  }

  /**
   * Deletes the records past retention; a purge already running is not started twice. Answers what it deleted.
   * A scheduled purge reads the legacy collection at most every 6 hours; one asked for reads it every time.
   */
  purge(now = new Date(), how: 'scheduled' | 'asked' = 'asked'): Promise<Purged> {
    this.running ??= this.deleteOld(now, how).finally(() => (this.running = undefined));
    return this.running;
  }

  private async deleteOld(now: Date, how: 'scheduled' | 'asked'): Promise<Purged> {
    const deleted = await this.deleteOldRecords(now, how === 'asked' || (await this.legacyReadDue()));
    if (this.stopping) return deleted;
    // A shadow run's examples hold the facts of the decisions they compared: kept no longer than the records, and
    // purged even when the records' purge stopped early.
    const days = this.config.decisionRetentionDays;
    const examples = await this.shadows
      .deleteExamplesBefore(new Date(now.getTime() - days * 86400_000))
      .catch((err: Error) => {
        this.logger.warn(`retention purge of shadow examples failed: ${err.message}; it runs again in an hour`);
        return 0;
      });
    if (examples > 0) this.logger.log(`deleted ${examples} shadow example(s) older than ${days} days`);
    return deleted;
  }

  /**
   * Whether a scheduled purge reads the legacy collection: not when this instance, or another, read it within 6
   * hours (every instance starting read it whole: 13 s of the database at 106 000 records, a review measured).
   */
  private async legacyReadDue(): Promise<boolean> {
    const shared = await this.decisions.legacyReadAt().catch(() => 0);
    return Date.now() - Math.max(this.legacyReadAt, shared) >= LEGACY_EVERY_MS;
  }

  private async deleteOldRecords(now: Date, readLegacy: boolean): Promise<Purged> {
    const days = this.config.decisionRetentionDays;
    const cutoff = new Date(now.getTime() - days * 86400_000);
    const purged: Purged = { days: [], records: 0 };
    let reported = Date.now();
    const stoppedByShutdown = (): Purged => {
      this.logger.log(`retention purge stopped by shutdown after ${describe(purged)}; the next start goes on`);
      return purged;
    };
    try {
      for await (const day of this.decisions.dropDaysBefore(cutoff)) {
        purged.days.push(day);
        if (this.stopping) return stoppedByShutdown();
      }
      if (readLegacy) {
        for await (const chunk of this.decisions.deleteLegacyBefore(cutoff)) {
          purged.records += chunk;
          if (this.stopping) return stoppedByShutdown();
          if (Date.now() - reported >= PROGRESS_EVERY_MS) {
            reported = Date.now();
            this.logger.log(
              `retention purge: ${purged.records} decision record(s) older than ${days} days deleted so far`,
            );
          }
        }
        this.legacyReadAt = Date.now();
        await this.decisions.noteLegacyRead(new Date(this.legacyReadAt));
      }
    } catch (err) {
      if (this.stopping) return stoppedByShutdown(); // the connection closed under it
      this.logger.warn(
        `retention purge failed after deleting ${describe(purged)}: ${(err as Error).message}; it runs again in an hour`,
      );
      return purged;
    }
    if (purged.days.length > 0 || purged.records > 0)
      this.logger.log(`deleted ${describe(purged)}, older than ${days} days`);
    return purged;
  }
}

/** « the decision records of 2 day(s) (decisions_20260901, decisions_20260902) and 3 record(s) stored before days » */
function describe({ days, records }: Purged): string {
  const parts = [
    ...(days.length > 0 ? [`the decision records of ${days.length} day(s) (${days.join(', ')})`] : []),
    ...(records > 0 || days.length === 0 ? [`${records} decision record(s) stored before day collections`] : []),
  ];
  return parts.join(' and ');
}
