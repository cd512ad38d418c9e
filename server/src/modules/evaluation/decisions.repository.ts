import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoBulkWriteError } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { databaseAnswers } from '../../common/database/mongo-connection.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import { fromStored, toStored } from './decision-detail.js';
import { decisionIndexes, type DecisionDocument, type StoredDecision } from './decision.schema.js';

/** A record of a batch that the database refused, by its place in the batch. */
export interface RefusedRecord {
  index: number;
  reason: string;
}

/** The only code that touches the decisions collection. */
@Injectable()
export class DecisionsRepository implements OnModuleInit {
  private readonly decisions: TypedCollection<StoredDecision>;

  constructor(@Inject(DB_CONNECTION) private readonly connection: Connection) {
    this.decisions = new TypedCollection<StoredDecision>(connection, 'decisions', decisionIndexes);
  }

  onModuleInit(): Promise<unknown> {
    return this.decisions.ensureIndexes();
  }

  /** True when the database answers a ping within `timeoutMs`. */
  answers(timeoutMs: number): Promise<boolean> {
    return databaseAnswers(this.connection, timeoutMs);
  }

  /**
   * Stores the records, each independently of the others (`ordered: false`). Answers the ones the database
   * refused while storing the rest (a key it cannot store, in a version saved before such keys were refused);
   * throws when the database did not answer.
   */
  async insertMany(decisions: DecisionDocument[]): Promise<RefusedRecord[]> {
    if (decisions.length === 0) return [];
    try {
      await this.decisions.collection.insertMany(decisions.map(toStored), { ordered: false });
      return [];
    } catch (err) {
      if (!(err instanceof MongoBulkWriteError) || err.writeConcernError) throw err;
      const refused = [err.writeErrors].flat();
      if (refused.length === 0) throw err;
      return refused.map((e) => ({ index: e.index, reason: e.errmsg ?? err.message }));
    }
  }

  async findById(id: string): Promise<DecisionDocument | null> {
    const stored = await this.decisions.collection.findOne({ _id: id });
    return stored && fromStored(stored);
  }

  /** The latest decisions made by one exact version, for impact analysis. */
  async latestFor(checksum: string, limit: number): Promise<DecisionDocument[]> {
    const stored = await this.decisions.collection.find({ checksum }).sort({ at: -1 }).limit(limit).toArray();
    return stored.map(fromStored);
  }

  /**
   * Deletes the records older than `cutoff`, `chunk` at a time, yielding how many each chunk deleted; stopping the
   * iteration stops the purge between chunks. One `deleteMany` on the date would be a single statement as long as
   * the collection: the embedded database cannot use the index for it (it scans), and a 460 MB collection held
   * SQLite's only write lock for 13 s, during which no decision record could be stored, and past the socket
   * timeout on larger ones. One cursor over the old records' ids, and deletes by id, keep each statement short.
   */
  async *deleteOlderThan(cutoff: Date, chunk = 500): AsyncGenerator<number> {
    let ids: string[] = [];
    const deleteChunk = async (): Promise<number> => {
      const result = await this.decisions.collection.bulkWrite(
        ids.map((_id) => ({ deleteOne: { filter: { _id } } })),
        { ordered: false },
      );
      ids = [];
      return result.deletedCount;
    };
    const old = this.decisions.collection.find({ at: { $lt: cutoff } }, { projection: { _id: 1 }, batchSize: chunk });
    for await (const { _id } of old) {
      ids.push(_id);
      if (ids.length === chunk) yield await deleteChunk();
    }
    if (ids.length > 0) yield await deleteChunk();
  }
}
