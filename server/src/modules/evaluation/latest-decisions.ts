import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PeriodicFlush } from '../../common/async/periodic-flush.js';
import { compareIds } from '../../common/ids/compare-ids.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { DecisionSamplesRepository } from './decision-samples.repository.js';

/** How many ids a version's sample keeps: the largest `limit` an impact replay may ask for. */
export const SAMPLE_SIZE = 5_000;
const WHAT = 'the samples of the latest decisions';
/** How often what this instance stored is added to its samples. */
const FLUSH_EVERY_MS = 5_000;
/** How often samples past the records' retention are deleted. */
const PURGE_EVERY_MS = 24 * 3_600_000;
const DAY_MS = 86_400_000;
/** Sorts after every id: a sample listed without its newest id is read first. */
const NEWEST_UNKNOWN = '\uffff';

/**
 * Which decision records are a version's latest, without reading the records: impact replays them (docs/adr/0012,
 * "The latest records of a version"). Finding them by checksum scanned every record stored on the embedded
 * database, 1.9 s at 20 000 records and 9 s at 100 000, for a window that holds millions. Each instance notes the
 * ids of the records the database took and adds them every few seconds to its own sample per version (the newest
 * SAMPLE_SIZE ids); a read takes what this one has not written yet and the samples of the version, newest first,
 * until the rest are older than what it found.
 * Only the instance that owns a sample writes it, and nothing deletes one before the records it names are past
 * retention. Ids are time-ordered (common/ids/time-ordered-id.ts): sorted as text, the newest are last.
 */
@Injectable()
export class LatestDecisions implements OnApplicationBootstrap, BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger('LatestDecisions');
  private readonly instance = randomUUID();
  private pending = new Map<string, string[]>();
  /** Ids being written: a read in the meantime finds them neither pending nor stored. */
  private writing = new Map<string, string[]>();
  private readonly flusher = new PeriodicFlush(
    () => this.writePending(),
    () => this.pending.size > 0,
    FLUSH_EVERY_MS,
  );
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    private readonly samples: DecisionSamplesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS).unref();
    void this.purge();
  }

  /**
   * Records the database stored. Once the service is stopping, the ids are written before this resolves: the
   * request that stored them is still in flight, so the database is still open.
   */
  noted(records: { _id: string; checksum: string }[]): Promise<void> | undefined {
    for (const { _id, checksum } of records) {
      let ids = this.pending.get(checksum);
      if (!ids) this.pending.set(checksum, (ids = []));
      ids.push(_id);
      // Only the newest SAMPLE_SIZE can be read; trimmed now and then (batches may land out of order: sorted).
      if (ids.length >= 2 * SAMPLE_SIZE) ids.sort().splice(0, ids.length - SAMPLE_SIZE);
    }
    return records.length > 0 ? this.flusher.recorded(WHAT) : undefined;
  }

  /**
   * The ids of the version's latest `limit` stored records, newest first; null when no instance has noted any,
   * i.e. its records (if any) were stored before samples were kept.
   */
  async latestIds(checksum: string, limit: number): Promise<string[] | null> {
    // Taken before the samples are read: ids written while they are read are then in one or the other (or both).
    const unwritten = [...(this.writing.get(checksum) ?? []), ...(this.pending.get(checksum) ?? [])];
    const listed = await this.samples.listedOfVersion(checksum);
    if (listed.length === 0 && unwritten.length === 0) return null;
    // Newest samples first (one listed without its newest id is read in any case): every restart leaves a sample
    // per version until retention, and one whose newest id is older than the `limit` ids found so far has nothing
    // to add, nor has any after it.
    listed.sort((a, b) => compareIds(b.newest ?? NEWEST_UNKNOWN, a.newest ?? NEWEST_UNKNOWN));
    let newest = [...new Set(unwritten)].sort().reverse().slice(0, limit);
    for (const sample of listed) {
      if (sample.newest !== undefined && newest.length === limit && sample.newest < newest.at(-1)!) break;
      const ids = new Set([...newest, ...(await this.samples.get(sample._id))]);
      newest = [...ids].sort().reverse().slice(0, limit);
    }
    return newest;
  }

  flush(): Promise<void> {
    return this.flusher.flush();
  }

  /** Requests still in flight store records after this: from now on their ids are written before they end. */
  beforeApplicationShutdown(): Promise<void> {
    return this.flusher.close(WHAT, (message) => this.logger.warn(message));
  }

  onModuleDestroy(): void {
    this.flusher.stop();
    clearInterval(this.purgeTimer);
  }

  /** Resolves false when the database did not take the ids (they are kept for the next flush). */
  private async writePending(): Promise<boolean> {
    if (this.pending.size === 0) return true;
    this.writing = this.pending;
    this.pending = new Map();
    try {
      for (const [checksum, fresh] of this.writing) {
        const id = `${checksum}/${this.instance}`;
        const kept = await this.samples.get(id);
        const newest = [...new Set([...kept, ...fresh])].sort().slice(-SAMPLE_SIZE);
        await this.samples.put(id, checksum, newest);
      }
      if (this.flusher.failing) this.logger.warn('samples of the latest decisions are written again');
      return true;
    } catch (err) {
      // Kept for the next flush (sorted when written); a sample written already gets its ids twice, kept once.
      for (const [checksum, ids] of this.writing)
        this.pending.set(checksum, [...ids, ...(this.pending.get(checksum) ?? [])]);
      if (!this.flusher.failing)
        this.logger.warn(`samples of the latest decisions not written (${(err as Error).message}); kept`);
      return false;
    } finally {
      this.writing = new Map();
    }
  }

  private async purge(): Promise<void> {
    const cutoff = new Date(Date.now() - this.config.decisionRetentionDays * DAY_MS);
    await this.samples
      .deleteNotWrittenSince(cutoff)
      .catch((err: Error) => this.logger.warn(`old samples of the latest decisions not deleted: ${err.message}`));
  }
}
