import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { timeOrderedId } from '../../common/ids/time-ordered-id.js';
import { DecisionSamplesRepository, type DecisionSample } from './decision-samples.repository.js';

/** How many ids a version's sample keeps: the largest `limit` an impact replay may ask for. */
export const SAMPLE_SIZE = 5_000;
/** How often what this instance stored is added to its samples. */
const FLUSH_EVERY_MS = 5_000;
/** A sample not written for this long belongs to an instance that stopped, or stopped deciding on that version. */
const STALE_AFTER_MS = 60_000;

/**
 * Which decision records are a version's latest, without reading the records: impact replays them (docs/adr/0012,
 * "The latest records of a version"). Finding them by checksum scanned every record stored on the embedded
 * database, 1.9 s at 20 000 records and 9 s at 100 000, for a window that holds millions. Each instance notes the
 * ids of the records it stores and adds them every few seconds to its own sample per version (the newest
 * SAMPLE_SIZE ids); a read takes every instance's samples of the version and what this one has not written yet.
 * Ids are time-ordered (common/ids/time-ordered-id.ts), so the newest sort last.
 */
@Injectable()
export class LatestDecisions implements BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger('LatestDecisions');
  private readonly instance = randomUUID();
  private pending = new Map<string, string[]>();
  /** Ids being written: a read in the meantime finds them neither pending nor stored. */
  private writing = new Map<string, string[]>();
  private flushing?: Promise<void>;
  private failing = false;
  private readonly merging = new Set<string>();
  private readonly timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS).unref();

  constructor(private readonly samples: DecisionSamplesRepository) {}

  /** Records the database stored. */
  noted(records: { _id: string; checksum: string }[]): void {
    for (const { _id, checksum } of records) {
      let ids = this.pending.get(checksum);
      if (!ids) this.pending.set(checksum, (ids = []));
      ids.push(_id);
      // Only the newest SAMPLE_SIZE can be read; trimmed now and then rather than on every record.
      if (ids.length >= 2 * SAMPLE_SIZE) ids.splice(0, ids.length - SAMPLE_SIZE);
    }
  }

  /**
   * The ids of the version's latest `limit` stored records, newest first; null when no instance has noted any,
   * i.e. its records (if any) were stored before samples were kept.
   */
  async latestIds(checksum: string, limit: number): Promise<string[] | null> {
    // Taken before the samples are read: ids written while they are read are then in one or the other (or both).
    const unwritten = [...(this.writing.get(checksum) ?? []), ...(this.pending.get(checksum) ?? [])];
    const samples = await this.samples.ofVersion(checksum);
    if (samples.length === 0 && unwritten.length === 0) return null;
    this.mergeStale(checksum, samples);
    const ids = new Set(unwritten);
    for (const sample of samples) for (const id of sample.ids) ids.add(id);
    return [...ids].sort().reverse().slice(0, limit);
  }

  flush(): Promise<void> {
    this.flushing ??= this.writePending().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.pending.size > 0) await this.flush(); // noted while the first flush was writing
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) return;
    this.writing = this.pending;
    this.pending = new Map();
    try {
      for (const [checksum, fresh] of this.writing) {
        const id = `${checksum}/${this.instance}`;
        const kept = await this.samples.get(id);
        await this.samples.put(id, checksum, [...kept, ...fresh].slice(-SAMPLE_SIZE));
      }
      if (this.failing) this.logger.warn('samples of the latest decisions are written again');
      this.failing = false;
    } catch (err) {
      // Kept for the next flush, ahead of what came since; a sample written already gets its ids twice, read once.
      for (const [checksum, ids] of this.writing) this.noted(ids.map((_id) => ({ _id, checksum })));
      if (!this.failing)
        this.logger.warn(`samples of the latest decisions not written (${(err as Error).message}); tried again`);
      this.failing = true;
    } finally {
      this.writing = new Map();
    }
  }

  /**
   * Stale samples of a version (instances restarted or gone) are merged into a new one, then deleted, in the
   * background: each restart would otherwise leave one more to read. The merged sample is written first and
   * under a new id, so nothing is lost if the deletes fail, and no live instance's sample is touched.
   */
  private mergeStale(checksum: string, samples: DecisionSample[]): void {
    const stale = samples.filter((sample) => Date.now() - sample.at.getTime() > STALE_AFTER_MS);
    if (stale.length < 2 || this.merging.has(checksum)) return;
    this.merging.add(checksum);
    const ids = [...new Set(stale.flatMap((sample) => sample.ids))].sort().slice(-SAMPLE_SIZE);
    void this.samples
      .put(`${checksum}/merged-${timeOrderedId()}`, checksum, ids)
      .then(() => this.samples.delete(stale.map((sample) => sample.id)))
      .catch((err: Error) => this.logger.warn(`stale samples of ${checksum} not merged: ${err.message}`))
      .finally(() => this.merging.delete(checksum));
  }
}
