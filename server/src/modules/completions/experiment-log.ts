import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { PeriodicFlush } from '../../common/async/periodic-flush.js';
import { timeSlices } from '../../common/async/time-slices.js';
import { timeOrderedId } from '../../common/ids/time-ordered-id.js';
import type { CompletionDocument } from './completion.schema.js';
import { ExperimentLogRepository, type LogChunk } from './experiment-log.repository.js';
import { answerRow, mergeRows, splitRows, type ExperimentRows, type FeedbackRow } from './experiment-rows.js';

const WHAT = 'the experiment log';
/** How often what this instance recorded is written as chunks. */
const FLUSH_EVERY_MS = 1_000;
/** Chunks hold at most this many rows (about 250 KB of JSON); merging makes chunks of up to this many. */
const MERGED_CHUNK_ROWS = 5_000;
/**
 * Chunks under this many rows are merged. Not every chunk under MERGED_CHUNK_ROWS: a merged chunk of 4 990 rows
 * pairs with none, and sixteen such would have had every read merge again (a review found the churn).
 */
const SMALL_CHUNK_ROWS = MERGED_CHUNK_ROWS / 2;
/** An experiment whose log has this many small chunks has them merged when it is next read. */
const MERGE_AFTER_CHUNKS = 16;
/** Rows kept while the database does not take them; past this, the oldest are dropped, and said so. */
const MAX_PENDING_ROWS = 200_000;

/**
 * What experiments' results are computed from: every answer an experiment served and the feedback on it, kept as
 * a few chunks per experiment (docs/adr/0029, "Results from a log of answers"). On the embedded database every
 * filtered read scans its whole collection, and results read from the completions themselves took 2 s at 10 000
 * answers, 12 s at 50 000, and failed at 100 000; the watch that stops a breaching experiment read them every
 * minute. Each instance collects what it records and writes it every second; a read merges the chunks with what
 * is not written yet, so an instance sees its own answers at once and the others' within a second.
 */
@Injectable()
export class ExperimentLog implements BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger('ExperimentLog');
  private pending = new Map<string, ExperimentRows>();
  private pendingRows = 0;
  /** Rows being written: a read in the meantime finds them neither pending nor stored. */
  private writing = new Map<string, ExperimentRows>();
  private readonly merging = new Set<string>();
  private readonly flusher = new PeriodicFlush(
    () => this.writePending(),
    () => this.pending.size > 0,
    FLUSH_EVERY_MS,
  );

  constructor(private readonly repository: ExperimentLogRepository) {}

  /**
   * A completion stored (answer or error) that an experiment served. Once the service is stopping, the row is
   * written before this resolves: the request that recorded it is still in flight, so the database is still open.
   */
  answered(completion: CompletionDocument): Promise<void> | undefined {
    if (!completion.experiment) return undefined;
    this.rowsOf(completion.experiment).answers.push(answerRow(completion));
    return this.counted(1);
  }

  /** Feedback stored on an answer of an experiment: the latest given for an answer is the one that counts. */
  feedbackGiven(experiment: string, row: FeedbackRow): Promise<void> | undefined {
    this.rowsOf(experiment).feedback.push(row);
    return this.counted(1);
  }

  /** Every answer of the experiment, once, in the order served, with the last feedback given on each. */
  async read(experiment: string, slice = timeSlices()): Promise<ExperimentRows> {
    // Taken before the chunks are read: rows written while they are read are then in one or the other (or both).
    const unwritten = [this.writing.get(experiment), this.pending.get(experiment)].filter((r) => r !== undefined);
    const copies = unwritten.map((rows) => ({ answers: [...rows.answers], feedback: [...rows.feedback] }));
    const { chunks, moved } = await this.repository.chunksOf(experiment);
    // Chunks that moved while they were read are being merged already: not merged again here. (One merged by
    // another instance after it was read here may still be merged again: its rows stored twice, counted once.)
    if (!moved) this.mergeSmallChunks(experiment, chunks);
    return mergeRows([...chunks.map((c) => c.rows), ...copies], slice);
  }

  /** Writes what is pending, in chunks per experiment (a flush in progress is joined, not doubled). */
  flush(): Promise<void> {
    return this.flusher.flush();
  }

  /** Until everything recorded so far is written; throws when the database did not take it. */
  flushAll(): Promise<void> {
    return this.flusher.flushAll(WHAT);
  }

  /**
   * Requests still in flight (a model's answer takes up to its timeout) record answers after this: from now on
   * each is written before its request ends (`answered`), while the database is still open.
   */
  beforeApplicationShutdown(): Promise<void> {
    return this.flusher.close(WHAT, (message) => this.logger.warn(message));
  }

  onModuleDestroy(): void {
    this.flusher.stop();
  }

  backfilled(): Promise<boolean> {
    return this.repository.backfilled();
  }

  /** Marks the copy done, once what it copied is written (a copy interrupted before is done again). */
  async markBackfilled(): Promise<void> {
    await this.flushAll();
    await this.repository.markBackfilled();
  }

  private rowsOf(experiment: string): ExperimentRows {
    let rows = this.pending.get(experiment);
    if (!rows) this.pending.set(experiment, (rows = { answers: [], feedback: [] }));
    return rows;
  }

  private counted(rows: number): Promise<void> | undefined {
    this.bound(rows);
    return this.flusher.recorded(WHAT);
  }

  /** Counts rows kept in memory, and drops the oldest experiment's past MAX_PENDING_ROWS. */
  private bound(rows: number): void {
    this.pendingRows += rows;
    if (this.pendingRows <= MAX_PENDING_ROWS) return;
    // Only while the database refuses every write for a long time: the completions themselves are stored (or not)
    // apart from this log, so what is lost is their place in results, which the warning says.
    const [experiment, oldest] = this.pending.entries().next().value!;
    this.pending.delete(experiment);
    this.pendingRows -= oldest.answers.length + oldest.feedback.length;
    this.logger.warn(
      `${oldest.answers.length} answer(s) and ${oldest.feedback.length} feedback row(s) of experiment "${experiment}" dropped from its results: the database has not taken the log for too long`,
    );
  }

  /** Resolves false when the database did not take the rows (they are kept for the next flush). */
  private async writePending(): Promise<boolean> {
    if (this.pending.size === 0) return true;
    this.writing = this.pending;
    this.pending = new Map();
    this.pendingRows = 0;
    try {
      // At most MERGED_CHUNK_ROWS a chunk: rows kept through an outage would otherwise make one chunk that every
      // read parses in one long turn.
      await this.repository.insert(
        [...this.writing].flatMap(([experiment, rows]) =>
          splitRows(rows, MERGED_CHUNK_ROWS).map((part) => ({ id: timeOrderedId(), experiment, rows: part })),
        ),
      );
      if (this.flusher.failing) this.logger.warn('the experiment log is written again');
      return true;
    } catch (err) {
      // Kept for the next flush, ahead of what came since. A chunk that did land is then written twice: a read
      // counts each answer once.
      for (const [experiment, rows] of this.writing) {
        const later = this.pending.get(experiment);
        this.pending.set(
          experiment,
          later
            ? { answers: [...rows.answers, ...later.answers], feedback: [...rows.feedback, ...later.feedback] }
            : rows,
        );
        this.bound(rows.answers.length + rows.feedback.length);
      }
      if (!this.flusher.failing)
        this.logger.warn(
          `experiment log not written (${(err as Error).message}); kept, and tried again every second (once stopping, with the next answer)`,
        );
      return false;
    } finally {
      this.writing = new Map();
    }
  }

  /**
   * Merges an experiment's small chunks into chunks of up to MERGED_CHUNK_ROWS, in the background: the merged
   * chunk is written before the small ones are deleted, so a failure or a crash between the two leaves rows twice,
   * never nowhere. Two instances merging at once both write their copy; reads count each answer once.
   */
  private mergeSmallChunks(experiment: string, chunks: LogChunk[]): void {
    const small = chunks.filter((c) => c.size < SMALL_CHUNK_ROWS);
    if (small.length < MERGE_AFTER_CHUNKS || this.merging.has(experiment)) return;
    this.merging.add(experiment);
    const groups: LogChunk[][] = [[]];
    let rows = 0;
    for (const chunk of small) {
      if (rows + chunk.size > MERGED_CHUNK_ROWS && groups.at(-1)!.length > 0) {
        groups.push([]);
        rows = 0;
      }
      groups.at(-1)!.push(chunk);
      rows += chunk.size;
    }
    void (async () => {
      for (const group of groups.filter((g) => g.length > 1)) {
        const merged = await mergeRows(group.map((c) => c.rows));
        await this.repository.insert([{ id: timeOrderedId(), experiment, rows: merged }]);
        await this.repository.delete(group.map((c) => c.id));
      }
    })()
      .catch((err: Error) => this.logger.warn(`chunks of experiment "${experiment}" not merged: ${err.message}`))
      .finally(() => this.merging.delete(experiment));
  }
}
