import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Binary, MongoServerError } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import { DependencyUnavailableError } from '../../common/errors/domain-errors.js';
import { compareIds } from '../../common/ids/compare-ids.js';
import type { ExperimentRows } from './experiment-rows.js';

/**
 * Rows of one experiment written together: a flush of one instance, or the merge of earlier chunks. Listed in
 * `experiment_log` (small documents: reading an experiment's list scans them all), their rows in
 * `experiment_log_rows` under the same `_id` (read by `_id`, which the embedded database serves from its index).
 */
interface StoredChunk {
  _id: string;
  /** Empty on the log's own markers, which name no experiment. */
  experiment: string;
  /** How many answers and feedback rows the chunk holds: merges pick the small chunks. */
  size: number;
  at: Date;
}

interface StoredRows {
  _id: string;
  /** `ExperimentRows` as deflated JSON: the embedded database pays per field and per document, not per byte. */
  rows: Binary;
}

export interface LogChunk {
  id: string;
  size: number;
  rows: ExperimentRows;
}

/** The marker saying completions and feedback stored before the log existed were copied into it. */
const BACKFILLED = 'backfilled:v1';
const DUPLICATE_KEY = 11000;
/** A read lists the chunks again when one was merged under it, reading only those it has not read yet. */
const MAX_LIST_ATTEMPTS = 20;
const deflated = promisify(deflate);
const inflated = promisify(inflate);

/**
 * The only code that touches `experiment_log` and `experiment_log_rows` (docs/adr/0029, "Results from a log of
 * answers"). Listing an experiment's chunks scans the list, whose documents are small (a few dozen per
 * experiment at 100 000 answers); the rows are then read by `_id`. Deflate and inflate run on the thread pool: a
 * chunk is up to about 250 KB of JSON.
 */
@Injectable()
export class ExperimentLogRepository implements OnModuleInit {
  private readonly chunks: TypedCollection<StoredChunk>;
  private readonly rows: TypedCollection<StoredRows>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.chunks = new TypedCollection<StoredChunk>(connection, 'experiment_log', [{ key: { experiment: 1 } }]);
    this.rows = new TypedCollection<StoredRows>(connection, 'experiment_log_rows');
  }

  onModuleInit(): Promise<unknown> {
    return this.chunks.ensureIndexes();
  }

  /** Stores chunks: the rows first, so a listed chunk always has them. */
  async insert(chunks: { id: string; experiment: string; rows: ExperimentRows }[]): Promise<void> {
    if (chunks.length === 0) return;
    const rows = [];
    for (const chunk of chunks)
      rows.push({ _id: chunk.id, rows: new Binary(await deflated(JSON.stringify(chunk.rows), { level: 1 })) });
    await this.rows.collection.insertMany(rows, { ordered: false });
    const at = new Date();
    await this.chunks.collection.insertMany(
      chunks.map(({ id, experiment, rows: { answers, feedback } }) => ({
        _id: id,
        experiment,
        size: answers.length + feedback.length,
        at,
      })),
      { ordered: false },
    );
  }

  /**
   * The stored chunks of one experiment, in the order they were written, and whether the list moved while it was
   * read. A chunk whose rows are gone by the time they are read was merged meanwhile (by any instance): the merged
   * chunk was written before they were deleted, so the list is read again for the chunks not read yet, and no row
   * is left out. A merged chunk read along with chunks it merged repeats their rows, which a read counts once
   * (`mergeRows`). Read again in full, each time, a busy merge made reads fail (500) at 100 000 answers.
   */
  async chunksOf(experiment: string): Promise<{ chunks: LogChunk[]; moved: boolean }> {
    const read = new Map<string, LogChunk>();
    for (let attempt = 1; attempt <= MAX_LIST_ATTEMPTS; attempt++) {
      const listed = await this.chunks.collection.find({ experiment }).toArray();
      listed.sort((a, b) => compareIds(a._id, b._id));
      let vanished = false;
      // One after the other: each chunk's JSON is parsed in a turn of its own. Inflated all at once, their parses
      // ran back to back in one turn.
      for (const { _id, size } of listed) {
        if (read.has(_id)) continue;
        const rows = await this.rowsOf(_id);
        if (rows) read.set(_id, { id: _id, size, rows });
        else vanished = true;
      }
      if (!vanished) return { chunks: [...read.values()].sort((a, b) => compareIds(a.id, b.id)), moved: attempt > 1 };
    }
    throw new DependencyUnavailableError(
      `The log of experiment "${experiment}" is being reorganised by another instance; try again in a moment.`,
      'experiment_log_busy',
      1, // a merge takes tens of milliseconds: a second later it is over
    );
  }

  private async rowsOf(id: string): Promise<ExperimentRows | null> {
    const stored = await this.rows.collection.findOne({ _id: id });
    return stored && (JSON.parse((await inflated(stored.rows.buffer)).toString('utf8')) as ExperimentRows);
  }

  /** Deletes chunks by id (each an `_id` delete, which the embedded database serves from its index). */
  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const byId = ids.map((_id) => ({ deleteOne: { filter: { _id } } }));
    // Unlisted first: a reader never finds a listed chunk without its rows (except in that gap, which it skips).
    await this.chunks.collection.bulkWrite(byId, { ordered: false });
    await this.rows.collection.bulkWrite(byId, { ordered: false });
  }

  async backfilled(): Promise<boolean> {
    return (await this.chunks.collection.findOne({ _id: BACKFILLED })) !== null;
  }

  async markBackfilled(): Promise<void> {
    try {
      await this.chunks.collection.insertOne({ _id: BACKFILLED, experiment: '', size: 0, at: new Date() });
    } catch (err) {
      if (!(err instanceof MongoServerError && err.code === DUPLICATE_KEY)) throw err;
    }
  }
}
