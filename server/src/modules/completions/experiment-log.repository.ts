import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Binary, MongoServerError } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import type { ExperimentRows } from './experiment-rows.js';

/** Rows of one experiment written together: a flush of one instance, or the merge of earlier chunks. */
interface StoredChunk {
  _id: string;
  /** Empty on the log's own markers, which name no experiment. */
  experiment: string;
  /** How many answers and feedback rows the chunk holds: merges pick the small chunks. */
  size: number;
  /** `ExperimentRows` as deflated JSON: the embedded database pays per field and per document, not per byte. */
  rows?: Binary;
  at: Date;
}

export interface LogChunk {
  id: string;
  size: number;
  rows: ExperimentRows;
}

/** The marker saying completions and feedback stored before the log existed were copied into it. */
const BACKFILLED = 'backfilled:v1';
const DUPLICATE_KEY = 11000;
const deflated = promisify(deflate);
const inflated = promisify(inflate);

/**
 * The only code that touches `experiment_log` (docs/adr/0029, "Results from a log of answers"). Reading an
 * experiment's chunks is one scan of this collection, whose documents are a few per experiment, not one per answer.
 * Deflate and inflate run on the thread pool: a merged chunk is about a megabyte of JSON.
 */
@Injectable()
export class ExperimentLogRepository implements OnModuleInit {
  private readonly chunks: TypedCollection<StoredChunk>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.chunks = new TypedCollection<StoredChunk>(connection, 'experiment_log', [{ key: { experiment: 1 } }]);
  }

  onModuleInit(): Promise<unknown> {
    return this.chunks.ensureIndexes();
  }

  async insert(chunks: { id: string; experiment: string; rows: ExperimentRows }[]): Promise<void> {
    if (chunks.length === 0) return;
    const at = new Date();
    const documents = await Promise.all(
      chunks.map(async ({ id, experiment, rows }) => ({
        _id: id,
        experiment,
        size: rows.answers.length + rows.feedback.length,
        rows: new Binary(await deflated(JSON.stringify(rows), { level: 1 })),
        at,
      })),
    );
    await this.chunks.collection.insertMany(documents, { ordered: false });
  }

  /** The stored chunks of one experiment, in the order they were written. */
  async chunksOf(experiment: string): Promise<LogChunk[]> {
    const stored = await this.chunks.collection.find({ experiment }).toArray();
    stored.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    // One after the other: each chunk's JSON (up to about 1 MB) is parsed in a turn of its own. Inflated all at
    // once, their parses ran back to back in one turn.
    const chunks: LogChunk[] = [];
    for (const { _id, size, rows } of stored)
      chunks.push({
        id: _id,
        size,
        rows: JSON.parse((await inflated(rows!.buffer)).toString('utf8')) as ExperimentRows,
      });
    return chunks;
  }

  /** Deletes chunks by id (each an `_id` delete, which the embedded database serves from its index). */
  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.chunks.collection.bulkWrite(
      ids.map((_id) => ({ deleteOne: { filter: { _id } } })),
      { ordered: false },
    );
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
