import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { deflateSync, inflateSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { Binary, MongoBulkWriteError } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { databaseAnswers } from '../../common/database/mongo-connection.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import type { TableContent, TraceTable } from '../../engine/trace-table.js';
import { decodeStored, fromDecoded, toStoredInTurns } from './decision-detail.js';
import {
  decisionIndexes,
  type DecisionDocument,
  type StoredDecision,
  type StoredTraceTable,
} from './decision.schema.js';
import { LatestDecisions } from './latest-decisions.js';
import { timeSlices } from '../../common/async/time-slices.js';

/** A record of a batch that the database refused, by its place in the batch. */
export interface RefusedRecord {
  index: number;
  reason: string;
}

/** How many records impact reads at once by `_id`. */
const READ_TOGETHER = 16;

/** MongoDB's duplicate-key error: a trace table stored already, by this instance or another. */
const DUPLICATE_KEY = 11000;

/**
 * True when an insert failed only because documents with those ids exist. The driver also reports a timeout,
 * a reset connection or a failover during the insert as a bulk write error, with no write errors at all: that
 * is a failure, not "already there".
 */
export function onlyDuplicateKeys(err: unknown): boolean {
  if (!(err instanceof MongoBulkWriteError) || err.writeConcernError) return false;
  const errors = [err.writeErrors].flat();
  return errors.length > 0 && errors.every((e) => e.code === DUPLICATE_KEY);
}

/** The only code that touches the decisions collection and the trace tables records cite (docs/adr/0012). */
@Injectable()
export class DecisionsRepository implements OnModuleInit {
  private readonly decisions: TypedCollection<StoredDecision>;
  private readonly traceTables: TypedCollection<StoredTraceTable>;
  /**
   * Ids of trace tables known to be stored: a batch stores only those it is the first to cite. Forgotten after a
   * minute, so a table lost with its collection (dropped, restored from an older backup) is stored again by the next
   * batch that cites it, and the records that cited it meanwhile read whole again: the id is the content's.
   */
  private readonly storedTables = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });
  /**
   * Trace tables read back, by id: records read together mostly cite the same few. Bounded by their JSON's length
   * (16 MB), since a rule set at the size limit has a table of 500 KB.
   */
  private readonly readTables = new LRUCache<string, TableContent>({ maxSize: 16 * 2 ** 20 });

  constructor(
    @Inject(DB_CONNECTION) private readonly connection: Connection,
    private readonly latest: LatestDecisions,
  ) {
    this.decisions = new TypedCollection<StoredDecision>(connection, 'decisions', decisionIndexes);
    // Kept as long as the database: a table is a few KB per version that kept records, and any record may cite it.
    this.traceTables = new TypedCollection<StoredTraceTable>(connection, 'decision_trace_tables');
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
   * throws when the database did not answer, or refused the insert as a whole.
   */
  async insertMany(decisions: DecisionDocument[]): Promise<RefusedRecord[]> {
    if (decisions.length === 0) return [];
    // A record cites its trace table: the table is stored first, so a stored record can always be read whole.
    await this.storeTraceTables(decisions);
    try {
      await this.decisions.collection.insertMany(await toStoredInTurns(decisions), { ordered: false });
      await this.latest.noted(decisions);
      return [];
    } catch (err) {
      if (!(err instanceof MongoBulkWriteError) || err.writeConcernError) throw err;
      const refused = [err.writeErrors].flat();
      if (refused.length === 0) throw err;
      const refusedAt = new Set(refused.map((e) => e.index));
      await this.latest.noted(decisions.filter((_, i) => !refusedAt.has(i)));
      return refused.map((e) => ({ index: e.index, reason: e.errmsg ?? err.message }));
    }
  }

  async findById(id: string): Promise<DecisionDocument | null> {
    const stored = await this.decisions.collection.findOne({ _id: id });
    return stored && (await this.whole([stored]))[0]!;
  }

  /**
   * The latest decisions made by one exact version, newest first, for impact analysis: found by their ids in the
   * version's samples (latest-decisions.ts), each read by `_id`, which the embedded database serves from its
   * index. A version whose records were all stored before samples were kept is searched by checksum, which scans
   * the collection (9 s at 100 000 records here). Handed over one at a time as they are read: impact compares
   * each and lets it go. Collected first, 5 000 records of facts near the body limit were gigabytes at once.
   */
  async *latestFor(checksum: string, limit: number): AsyncGenerator<DecisionDocument> {
    const slice = timeSlices();
    const ids = await this.latest.latestIds(checksum, limit);
    if (ids === null) {
      const stored = this.decisions.collection.find({ checksum }, { batchSize: READ_TOGETHER });
      for await (const record of stored.sort({ at: -1 }).limit(limit)) {
        await slice();
        yield (await this.whole([record]))[0]!;
      }
      return;
    }
    // A few reads at once; each record decoded on its own, the event loop given back when its turn is used up (a
    // record inflates and parses in ~0.1 ms, one of facts near the body limit in ~10: sixteen of those in one turn
    // held it 67–182 ms, a review found).
    for (let first = 0; first < ids.length; first += READ_TOGETHER) {
      const group = ids.slice(first, first + READ_TOGETHER);
      const stored = await Promise.all(group.map((_id) => this.decisions.collection.findOne({ _id })));
      for (const record of stored) {
        if (record === null) continue; // deleted since (past its retention): simply not compared
        await slice();
        yield (await this.whole([record]))[0]!;
      }
    }
  }

  /** Stores the trace tables the records cite that are not known to be stored (an existing one is left as it is). */
  private async storeTraceTables(decisions: DecisionDocument[]): Promise<void> {
    const fresh = new Map<string, TraceTable>();
    for (const { traceTable } of decisions)
      if (traceTable && !this.storedTables.has(traceTable.id)) fresh.set(traceTable.id, traceTable);
    if (fresh.size === 0) return;
    const at = new Date();
    const documents = [...fresh.values()].map(({ id, json }) => ({
      _id: id,
      table: new Binary(deflateSync(json, { level: 1 })),
      at,
    }));
    try {
      await this.traceTables.collection.insertMany(documents, { ordered: false });
    } catch (err) {
      if (!onlyDuplicateKeys(err)) throw err;
    }
    for (const id of fresh.keys()) this.storedTables.set(id, true);
  }

  /** Stored records read back whole: traces that cite a trace table are expanded with it. */
  private async whole(stored: StoredDecision[]): Promise<DecisionDocument[]> {
    const decoded = stored.map(decodeStored);
    const tables = new Map<string, TableContent>();
    const missing: string[] = [];
    for (const { table: id } of decoded) {
      if (id === undefined || tables.has(id) || missing.includes(id)) continue;
      const known = this.readTables.get(id);
      if (known) tables.set(id, known);
      else missing.push(id);
    }
    if (missing.length > 0)
      for (const { _id, table } of await this.traceTables.collection.find({ _id: { $in: missing } }).toArray()) {
        const json = inflateSync(table.value()).toString('utf8');
        tables.set(_id, JSON.parse(json) as TableContent);
        this.readTables.set(_id, tables.get(_id)!, { size: Math.max(1, json.length) });
      }
    return decoded.map((d) => fromDecoded(d, d.table === undefined ? undefined : tables.get(d.table)));
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
