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
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { DecisionSamplesRepository } from './decision-samples.repository.js';
import {
  EMPTY_SAMPLE,
  listingOf,
  parseSegments,
  readOrder,
  sampleFromListing,
  SEGMENT_SIZE,
  segmentId,
  withIds,
  type OwnSample,
} from './sample-segments.js';

/** How many ids a version's sample keeps: the largest `limit` an impact replay may ask for. */
export const SAMPLE_SIZE = 5_000;
const WHAT = 'the samples of the latest decisions';
/** How often the timer looks for ids to add to the samples. */
const FLUSH_EVERY_MS = 5_000;
/**
 * How long a version's ids may wait to be written when they do not fill a segment: with a thousand versions each
 * deciding now and then, a write per version every 5 s would keep the embedded database busy (docs/adr/0012).
 */
const MAX_WAIT_MS = 60_000;
/**
 * How many of its own samples an instance keeps in memory (a head of fewer than 250 ids each, about 14 KB when
 * nearly full); a sample set aside costs two reads by `_id` at its next write.
 */
const OWN_SAMPLES_KEPT = 1_000;
/** How often samples past the records' retention are deleted. */
const PURGE_EVERY_MS = 24 * 3_600_000;
const DAY_MS = 86_400_000;

interface Pending {
  ids: string[];
  /** When the first of them was noted (ms). */
  since: number;
}

/**
 * Which decision records are a version's latest, without reading the records: impact replays them (docs/adr/0012,
 * "The latest records of a version"). Finding them by checksum scanned every record stored on the embedded
 * database, 1.9 s at 20 000 records and 9 s at 100 000, for a window that holds millions. Each instance notes the
 * ids of the records the database took and adds them to its own sample per version (the newest SAMPLE_SIZE ids,
 * in segments: sample-segments.ts) once they fill a segment or have waited a minute, and at shutdown; a read takes
 * what this one has not written yet and the segments of the version's samples, newest first, until the rest are
 * older than what it found. Other instances see a quiet version's latest ids up to a minute late.
 * Only the instance that owns a sample writes it, and nothing deletes one before the records it names are past
 * retention. Ids are time-ordered (common/ids/time-ordered-id.ts): sorted as text, the newest are last.
 */
@Injectable()
export class LatestDecisions implements OnApplicationBootstrap, BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger('LatestDecisions');
  private readonly instance = randomUUID();
  private pending = new Map<string, Pending>();
  /** Ids being written: a read in the meantime finds them neither pending nor stored. */
  private writing = new Map<string, Pending>();
  /** This instance's samples by checksum, least recently written first. */
  private readonly own = new Map<string, OwnSample>();
  private readonly flusher = new PeriodicFlush(
    (timed) => this.writePending(timed),
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
      let waiting = this.pending.get(checksum);
      if (!waiting) this.pending.set(checksum, (waiting = { ids: [], since: Date.now() }));
      const { ids } = waiting;
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
    const unwritten = [...(this.writing.get(checksum)?.ids ?? []), ...(this.pending.get(checksum)?.ids ?? [])];
    const listed = await this.samples.listedOfVersion(checksum);
    if (listed.length === 0 && unwritten.length === 0) return null;
    // Newest segments first (a sample stored whole before its newest id was listed is read in any case): every
    // restart leaves a sample per version until retention, and a segment whose newest id is older than the
    // `limit` ids found so far has nothing to add, nor has any after it.
    let newest = [...new Set(unwritten)].sort().reverse().slice(0, limit);
    for (const { id, newest: itsNewest } of readOrder(listed)) {
      if (itsNewest !== undefined && newest.length === limit && itsNewest < newest.at(-1)!) break;
      const ids = new Set([...newest, ...(await this.samples.get(id))]);
      newest = [...ids].sort().reverse().slice(0, limit);
    }
    return newest;
  }

  /** Writes every id noted so far, whether or not it fills a segment (the timer leaves those for later). */
  flush(): Promise<void> {
    return this.flusher.flushAll(WHAT);
  }

  /** Requests still in flight store records after this: from now on their ids are written before they end. */
  beforeApplicationShutdown(): Promise<void> {
    return this.flusher.close(WHAT, (message) => this.logger.warn(message));
  }

  onModuleDestroy(): void {
    this.flusher.stop();
    clearInterval(this.purgeTimer);
  }

  /**
   * Resolves false when the database did not take the ids (kept for the next flush). `timed`: only the versions
   * whose ids fill a segment or have waited MAX_WAIT_MS.
   */
  private async writePending(timed: boolean): Promise<boolean> {
    const now = Date.now();
    for (const [checksum, waiting] of this.pending)
      if (!timed || waiting.ids.length >= SEGMENT_SIZE || now - waiting.since >= MAX_WAIT_MS) {
        this.writing.set(checksum, waiting);
        this.pending.delete(checksum);
      }
    if (this.writing.size === 0) return !this.flusher.failing; // nothing was tried: no news either way
    try {
      for (const [checksum, { ids }] of this.writing) {
        await this.addToSample(checksum, ids);
        this.writing.delete(checksum); // stored: not to be written again if a later version's write fails
      }
      if (this.flusher.failing) this.logger.warn('samples of the latest decisions are written again');
      return true;
    } catch (err) {
      // Kept for the next flush: the version whose write failed and those not tried yet.
      for (const [checksum, { ids, since }] of this.writing) {
        const later = this.pending.get(checksum);
        this.pending.set(checksum, {
          ids: [...ids, ...(later?.ids ?? [])],
          since: Math.min(since, later?.since ?? since),
        });
      }
      if (!this.flusher.failing)
        this.logger.warn(`samples of the latest decisions not written (${(err as Error).message}); kept`);
      return false;
    } finally {
      this.writing = new Map();
    }
  }

  /**
   * Writes the ids into this instance's sample of the version; what it knows of the sample moves on once stored.
   * After a failed write the listing may be ahead of what it knows: the version stays in memory (it is pending)
   * and the retry starts from what it knew, rewriting the same segments.
   */
  private async addToSample(checksum: string, fresh: string[]): Promise<void> {
    if (fresh.length === 0) return;
    const id = this.sampleId(checksum);
    const sample = this.own.get(checksum) ?? (await this.readOwn(id));
    const change = withIds(sample, fresh, SAMPLE_SIZE);
    await this.samples.put(id, checksum, listingOf(change.next), change.write, change.remove);
    this.own.delete(checksum); // most recently written last
    this.own.set(checksum, change.next);
    this.setAside();
  }

  /** Beyond OWN_SAMPLES_KEPT, the least recently written samples with nothing waiting are read back when needed. */
  private setAside(): void {
    for (const checksum of this.own.keys()) {
      if (this.own.size <= OWN_SAMPLES_KEPT) return;
      if (!this.pending.has(checksum) && !this.writing.has(checksum)) this.own.delete(checksum);
    }
  }

  private sampleId(checksum: string): string {
    return `${checksum}/${this.instance}`;
  }

  /** One of this instance's samples it set aside: from its listing and its head (empty if never written). */
  private async readOwn(id: string): Promise<OwnSample> {
    const segments = await this.samples.segmentsOf(id);
    if (segments === undefined) return EMPTY_SAMPLE;
    const listed = parseSegments(segments);
    return sampleFromListing(listed, await this.samples.get(segmentId(id, listed.at(-1)!.seq)));
  }

  private async purge(): Promise<void> {
    const cutoff = new Date(Date.now() - this.config.decisionRetentionDays * DAY_MS);
    try {
      // One of this instance's own may go too (a version quiet for the whole retention): it starts again empty.
      for (const id of await this.samples.deleteNotWrittenSince(cutoff))
        for (const checksum of this.own.keys()) if (this.sampleId(checksum) === id) this.own.delete(checksum);
    } catch (err) {
      this.logger.warn(`old samples of the latest decisions not deleted: ${(err as Error).message}`);
    }
  }
}
