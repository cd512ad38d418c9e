import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { Counter, Gauge, Histogram } from 'prom-client';
import { HttpMetrics } from '../../common/metrics/http-metrics.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import type { DecisionDocument } from './decision.schema.js';
import { DecisionsRepository, type RefusedRecord } from './decisions.repository.js';

interface Pending {
  records: DecisionDocument[];
  done: (stored: boolean) => void;
  /** When the records were queued (performance.now()): how long they have waited for a batch. */
  since: number;
}

/** After a failed flush, how often the database is pinged to learn it is back. */
const PROBE_EVERY_MS = 500;

/**
 * Group commit for decision records: records are stored with one `insertMany` per batch, at most
 * `decisionMaxInFlight` at once; a batch forms while earlier ones are being stored (or for `decisionFlushMs`,
 * when set). Each caller learns whether its own batch was stored, so `logged: true` means stored. The queue is
 * bounded: when it is full, callers wait for room (back-pressure), nothing is dropped.
 */
@Injectable()
export class DecisionWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger('DecisionWriter');
  private queue: Pending[] = [];
  private queuedRecords = 0;
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Set by a failed flush, cleared by the first ping the database answers: meanwhile callers get `logged: false` at once. */
  private databaseAway = false;
  /** Set on SIGTERM: what is queued goes at once, and no timer keeps the process alive. */
  private shuttingDown = false;
  private readonly waitingForRoom: (() => void)[] = [];
  private readonly flushes = new Set<Promise<void>>();
  private readonly depth: Gauge;
  private readonly batchSizes: Histogram;
  private readonly flushSeconds: Histogram;
  private readonly failures: Counter;
  /** Decisions answered `logged: false`, by why: each is a decision without a findable record. */
  private readonly unlogged: Counter<'reason'>;
  /** Decisions answered `logged: false` without being tried, since the database was taken for away. */
  private skippedWhileAway = 0;
  /** Records of batches that timed out or failed since the database was last seen: they may have landed. */
  private unconfirmedWhileAway = 0;

  constructor(
    private readonly decisions: DecisionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: HttpMetrics,
  ) {
    const registers = [metrics.registry];
    this.depth = new Gauge({
      name: 'gabarit_decision_queue_depth',
      help: 'Decision records waiting to be stored',
      registers,
    });
    this.batchSizes = new Histogram({
      name: 'gabarit_decision_batch_size',
      help: 'Decision records stored per insertMany',
      buckets: [1, 5, 10, 25, 50, 100, 200, 500, 1000],
      registers,
    });
    this.flushSeconds = new Histogram({
      name: 'gabarit_decision_flush_seconds',
      help: 'Time to store one batch of decision records',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.failures = new Counter({
      name: 'gabarit_decision_flush_failures_total',
      help: 'Batches of decision records that could not be stored',
      registers,
    });
    // Batches undercount: while the database is away, decisions are answered without a try, and no batch fails.
    this.unlogged = new Counter({
      name: 'gabarit_decision_records_unlogged_total',
      help: 'Decisions answered logged: false, by reason: not_confirmed (the insert failed or timed out; it may still land), refused (by the database), database_away (not tried while the database did not answer)',
      labelNames: ['reason'],
      registers,
    });
  }

  /** Resolves true once the records are stored, false when the database refused or did not answer in time. */
  async write(records: DecisionDocument[]): Promise<boolean> {
    if (records.length === 0) return true;
    if (this.databaseAway) return this.notTried(records);
    while (this.queuedRecords > 0 && this.queuedRecords + records.length > this.config.decisionQueueMax) {
      await new Promise<void>((resolve) => this.waitingForRoom.push(resolve));
      // The database was taken for away while this caller waited for room (the queue was answered and emptied):
      // queued now, its records would go to it one timed-out insert after another.
      if (this.databaseAway) return this.notTried(records);
    }
    return new Promise<boolean>((done) => {
      this.queue.push({ records, done, since: performance.now() });
      this.queuedRecords += records.length;
      this.depth.set(this.queuedRecords);
      this.schedule();
    });
  }

  /** Answered `logged: false` without a try: the database is taken for away. */
  private notTried(records: DecisionDocument[]): false {
    this.skippedWhileAway += records.length;
    this.unlogged.inc({ reason: 'database_away' }, records.length);
    return false;
  }

  /** SIGTERM: store what is queued before the database connection closes, within the usual slots, with no timer. */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule();
    while (this.flushes.size > 0) await Promise.all([...this.flushes]); // each flush that ends sends the next
  }

  /**
   * Flushes while a slot is free and the batch is full or its first record has waited `decisionFlushMs`; otherwise
   * waits for the rest of that time. When every slot is busy, the flush that ends first picks the queue up, and
   * records that waited through it go at once: waiting a full `decisionFlushMs` again after a slot freed left the
   * database idle while callers waited (at 16 connections, a quarter fewer decisions per second).
   */
  private schedule(): void {
    while (this.queue.length > 0 && this.inFlight < this.config.decisionMaxInFlight) {
      const waited = performance.now() - this.queue[0]!.since;
      const mayWait = !this.shuttingDown && this.queuedRecords < this.config.decisionBatchSize;
      if (mayWait && waited < this.config.decisionFlushMs) {
        this.timer ??= setTimeout(() => {
          this.timer = undefined;
          this.schedule();
        }, this.config.decisionFlushMs - waited);
        return;
      }
      this.flush();
    }
  }

  private flush(): void {
    const batch = this.take();
    if (batch.length === 0) return;
    this.inFlight++;
    const flushing = this.store(batch).finally(() => {
      this.inFlight--;
      this.flushes.delete(flushing);
      this.schedule();
    });
    this.flushes.add(flushing);
  }

  /** Takes whole callers' record lists from the head of the queue, up to one batch. */
  private take(): Pending[] {
    const batch: Pending[] = [];
    let size = 0;
    while (
      this.queue.length > 0 &&
      (batch.length === 0 || size + this.queue[0]!.records.length <= this.config.decisionBatchSize)
    ) {
      const next = this.queue.shift()!;
      batch.push(next);
      size += next.records.length;
    }
    this.queuedRecords -= size;
    this.depth.set(this.queuedRecords);
    while (this.waitingForRoom.length > 0 && this.queuedRecords < this.config.decisionQueueMax)
      this.waitingForRoom.shift()!();
    return batch;
  }

  private async store(batch: Pending[]): Promise<void> {
    const records = batch.flatMap((pending) => pending.records);
    const started = performance.now();
    let refused: RefusedRecord[];
    try {
      refused = await withTimeout(this.decisions.insertMany(records), this.config.decisionWriteTimeoutMs);
      this.batchSizes.observe(records.length - refused.length);
      this.flushSeconds.observe((performance.now() - started) / 1000);
    } catch (err) {
      this.failures.inc();
      this.unlogged.inc({ reason: 'not_confirmed' }, records.length);
      this.unconfirmedWhileAway += records.length;
      // Not "not stored": an insert that timed out may still land; its callers were told it was not logged.
      this.logger.warn(
        `${records.length} decision record(s) not confirmed (${(err as Error).message}): answered logged: false, though they may still be stored; decisions go unrecorded until the database answers`,
      );
      this.markAway();
      for (const pending of batch) pending.done(false);
      return;
    }
    if (refused.length === 0) {
      for (const pending of batch) pending.done(true);
      return;
    }
    // The database answered and stored the others: only the callers whose own records it refused learn
    // `logged: false`, and it is not taken for away (other callers' records keep being stored).
    this.failures.inc();
    this.logger.warn(
      `${refused.length} of ${records.length} decision record(s) refused by the database: ${refused[0]!.reason}`,
    );
    const refusedAt = new Set(refused.map((r) => r.index));
    let first = 0;
    for (const pending of batch) {
      const last = first + pending.records.length;
      let stored = true;
      for (let i = first; i < last && stored; i++) if (refusedAt.has(i)) stored = false;
      if (!stored) this.unlogged.inc({ reason: 'refused' }, pending.records.length);
      pending.done(stored);
      first = last;
    }
  }

  /**
   * The database did not store a batch: answer `logged: false` at once (what waits in the queue too) instead of
   * queueing behind it, and ping it until it answers; records go to it again from then on.
   */
  private markAway(): void {
    if (this.databaseAway) return;
    this.databaseAway = true;
    while (this.queue.length > 0)
      for (const pending of this.take()) {
        this.skippedWhileAway += pending.records.length;
        this.unlogged.inc({ reason: 'database_away' }, pending.records.length);
        pending.done(false);
      }
    const probe = async (): Promise<void> => {
      while (this.databaseAway) {
        await sleep(PROBE_EVERY_MS, undefined, { ref: false }); // never what keeps the process alive
        if (await this.decisions.answers(PROBE_EVERY_MS * 2)) {
          this.databaseAway = false;
          // Both kinds are said: the recovery line had counted only the skipped ones, and read « 0 » after an
          // outage whose only casualty was the batch that timed out (an API review).
          this.logger.warn(
            `the database answers again: decision records are stored again; ${this.skippedWhileAway} decision(s) were answered logged: false meanwhile and have no record, and ${this.unconfirmedWhileAway} whose storing was not confirmed may or may not have one`,
          );
          this.skippedWhileAway = 0;
          this.unconfirmedWhileAway = 0;
        }
      }
    };
    void probe();
  }
}

/** The insert may still land after the timeout; the caller is then told `logged: false`, never a false `true`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
