import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { deflateSync, inflateSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { Binary, MongoBulkWriteError, type Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { databaseAnswers } from '../../common/database/mongo-connection.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import type { TableContent, TraceTable } from '../../engine/trace-table.js';
import { decodeStored, fromDecoded, toStoredInTurns } from './decision-detail.js';
import {
  collectionOfDecision,
  dayCollectionEnds,
  isDecisionCollection,
  LEGACY_DECISIONS,
} from './decision-partitions.js';
import { type DecisionDocument, type StoredDecision, type StoredTraceTable } from './decision.schema.js';
import { LatestDecisions } from './latest-decisions.js';
import { timeSlices } from '../../common/async/time-slices.js';
import { decisionIdSpellings } from './decision-id-spellings.js';

/** A record of a batch that the database refused, by its place in the batch. */
export interface RefusedRecord {
  index: number;
  reason: string;
}

/** How many records impact reads at once by `_id`. */
const READ_TOGETHER = 16;

/** How often a reader looks whether the legacy collection came back once it was gone. */
const LEGACY_CHECK_EVERY_MS = 60_000;
const LEGACY_READ = 'legacy-read';

/** MongoDB's error for a collection that does not exist. */
const NAMESPACE_NOT_FOUND = 26;

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

/** The only code that touches decision records (a collection per day, docs/adr/0042) and the trace tables they cite (0012). */
@Injectable()
export class DecisionsRepository implements OnModuleInit {
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
  /** The collections of decision records, by name: a day's (decision-partitions.ts) or the legacy one. */
  private readonly collections = new Map<string, Collection<StoredDecision>>();
  /**
   * False once the legacy collection is known to be gone (never created here, or dropped empty by the purge): a
   * record not in its day's collection is then not looked for there.
   */
  private legacyMayHold = true;
  private legacyCheckedAt = 0;
  /** When the purge last read the legacy collection, shared by the instances (`legacy-read`). */
  private readonly purgeState: TypedCollection<{ _id: string; at: Date }>;

  constructor(
    @Inject(DB_CONNECTION) private readonly connection: Connection,
    private readonly latest: LatestDecisions,
  ) {
    // Kept as long as the database: a table is a few KB per version that kept records, and any record may cite it.
    this.traceTables = new TypedCollection<StoredTraceTable>(connection, 'decision_trace_tables');
    this.purgeState = new TypedCollection<{ _id: string; at: Date }>(connection, 'decision_retention');
  }

  /** Whether records stored before day collections are still there to read (docs/adr/0042). */
  async onModuleInit(): Promise<void> {
    const found = await this.connection.db!.listCollections({ name: LEGACY_DECISIONS }, { nameOnly: true }).toArray();
    this.legacyMayHold = found.length > 0;
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
    const stored = await toStoredInTurns(decisions);
    // One collection per day: a batch made around midnight is stored in two.
    const byCollection = new Map<string, number[]>();
    stored.forEach(({ _id }, i) => {
      const name = collectionOfDecision(_id);
      const indexes = byCollection.get(name);
      if (indexes) indexes.push(i);
      else byCollection.set(name, [i]);
    });
    const refused: RefusedRecord[] = [];
    const done: number[] = [];
    try {
      for (const [name, indexes] of byCollection) {
        if (name === LEGACY_DECISIONS) this.legacyMayHold = true;
        try {
          const records = byCollection.size === 1 ? stored : indexes.map((i) => stored[i]!);
          await this.collection(name).insertMany(records, { ordered: false });
        } catch (err) {
          if (!(err instanceof MongoBulkWriteError) || err.writeConcernError) throw err;
          const errors = [err.writeErrors].flat();
          if (errors.length === 0) throw err;
          for (const e of errors) refused.push({ index: indexes[e.index]!, reason: e.errmsg ?? err.message });
        }
        done.push(...indexes);
      }
    } finally {
      // What was stored before a failure is noted all the same: impact may replay it.
      const refusedAt = new Set(refused.map((r) => r.index));
      await this.latest.noted(done.filter((i) => !refusedAt.has(i)).map((i) => decisions[i]!));
    }
    return refused.sort((a, b) => a.index - b.index);
  }

  /** A record by its id, read in any case (decision-id-spellings.ts). */
  async findById(id: string): Promise<DecisionDocument | null> {
    for (const spelling of decisionIdSpellings(id)) {
      const stored = await this.storedById(spelling);
      if (stored) return (await this.whole([stored]))[0]!;
    }
    return null;
  }

  /**
   * A stored record by id: in its day's collection, or, for one stored before those, in the legacy collection
   * while that still exists.
   */
  private async storedById(id: string): Promise<StoredDecision | null> {
    const name = collectionOfDecision(id);
    const found = await this.collection(name).findOne({ _id: id });
    if (found || name === LEGACY_DECISIONS || !(await this.legacyMayHoldNow())) return found;
    return this.collection(LEGACY_DECISIONS).findOne({ _id: id });
  }

  /**
   * Whether the legacy collection may hold records. Checked again at most once a minute once found gone: an
   * instance of an earlier version (a rolling upgrade) or a restored backup may bring it back.
   */
  private async legacyMayHoldNow(): Promise<boolean> {
    if (this.legacyMayHold || Date.now() - this.legacyCheckedAt < LEGACY_CHECK_EVERY_MS) return this.legacyMayHold;
    this.legacyCheckedAt = Date.now();
    const found = await this.connection.db!.listCollections({ name: LEGACY_DECISIONS }, { nameOnly: true }).toArray();
    this.legacyMayHold = found.length > 0;
    return this.legacyMayHold;
  }

  /** When any instance last read the legacy collection through for the purge (ms; 0: never). */
  async legacyReadAt(): Promise<number> {
    const state = await this.purgeState.collection.findOne({ _id: LEGACY_READ });
    return state?.at.getTime() ?? 0;
  }

  async noteLegacyRead(at: Date): Promise<void> {
    const note = () => this.purgeState.collection.updateOne({ _id: LEGACY_READ }, { $set: { at } }, { upsert: true });
    // Two first notes at once: FerretDB refuses one upsert of the same new `_id` (E11000); the document is then there.
    await note().catch((err: unknown) => {
      if ((err as { code?: number }).code !== 11000) throw err;
      return note();
    });
  }

  private collection(name: string): Collection<StoredDecision> {
    let collection = this.collections.get(name);
    if (!collection) this.collections.set(name, (collection = this.connection.db!.collection<StoredDecision>(name)));
    return collection;
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
      // Newest day first, the legacy collection last; each searched by checksum (a scan on the embedded database).
      let left = limit;
      for (const name of await this.decisionCollections()) {
        const stored = this.collection(name).find({ checksum }, { batchSize: READ_TOGETHER });
        for await (const record of stored.sort({ at: -1 }).limit(left)) {
          await slice();
          left--;
          yield (await this.whole([record]))[0]!;
        }
        if (left === 0) return;
      }
      return;
    }
    // A few reads at once; each record decoded on its own, the event loop given back when its turn is used up (a
    // record inflates and parses in ~0.1 ms, one of facts near the body limit in ~10: sixteen of those in one turn
    // held it 67–182 ms, a review found).
    for (let first = 0; first < ids.length; first += READ_TOGETHER) {
      const group = ids.slice(first, first + READ_TOGETHER);
      const stored = await Promise.all(group.map((_id) => this.storedById(_id)));
      for (const record of stored) {
        if (record === null) continue; // deleted since (past its retention): simply not compared
        await slice();
        yield (await this.whole([record]))[0]!;
      }
    }
  }

  /** The collections holding decision records: the days' newest first, then the legacy one if it is there. */
  private async decisionCollections(): Promise<string[]> {
    const all = await this.connection.db!.listCollections({}, { nameOnly: true }).toArray();
    const names = all.map((c) => c.name).filter(isDecisionCollection);
    // `decisions_YYYYMMDD` sorts by day as text; `decisions` sorts before every day, so it ends up last.
    return names.sort().reverse();
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
   * Drops the day collections whose whole day is older than `cutoff`, oldest first, yielding each one's name;
   * stopping the iteration stops the purge between days. Dropping a day is one statement however many records it
   * held, where deleting them by date made the embedded database read every record (docs/adr/0042).
   */
  async *dropDaysBefore(cutoff: Date): AsyncGenerator<string> {
    const days = (await this.decisionCollections()).filter((name) => name !== LEGACY_DECISIONS).reverse();
    for (const name of days) {
      if (dayCollectionEnds(name)! > cutoff.getTime()) return;
      await this.collection(name)
        .drop()
        .catch((err: unknown) => {
          if ((err as { code?: number }).code !== NAMESPACE_NOT_FOUND) throw err; // dropped by another instance
        });
      this.collections.delete(name);
      yield name;
    }
  }

  /**
   * Deletes the legacy collection's records older than `cutoff`, `chunk` at a time, yielding how many each chunk
   * deleted; stopping the iteration stops the purge between chunks. The collection is read whole, in batches,
   * and the dates compared here: a filter on the date makes the embedded database read every record before it
   * answers the first batch (8 s at 100 000 records, past the socket timeout at a few hundred thousand). Deletes
   * go by id, a chunk per statement: one `deleteMany` held SQLite's only write lock for 13 s on 460 MB. Once no
   * record is left, the collection is dropped, and reads stop looking there.
   */
  async *deleteLegacyBefore(cutoff: Date, chunk = 500): AsyncGenerator<number> {
    const [exists] = await this.connection
      .db!.listCollections({ name: LEGACY_DECISIONS }, { nameOnly: true })
      .toArray();
    if (!exists) return void (this.legacyMayHold = false);
    const legacy = this.collection(LEGACY_DECISIONS);
    let ids: string[] = [];
    let kept = 0;
    const deleteChunk = async (): Promise<number> => {
      const result = await legacy.bulkWrite(
        ids.map((_id) => ({ deleteOne: { filter: { _id } } })),
        { ordered: false },
      );
      ids = [];
      return result.deletedCount;
    };
    for await (const { _id, at } of legacy.find({}, { projection: { _id: 1, at: 1 }, batchSize: chunk })) {
      if (at instanceof Date && at < cutoff) ids.push(_id);
      else kept++;
      if (ids.length === chunk) yield await deleteChunk();
    }
    if (ids.length > 0) yield await deleteChunk();
    if (kept === 0 && (await legacy.findOne({}, { projection: { _id: 1 } })) === null) {
      await legacy.drop().catch(() => undefined); // gone already, or left for the next purge
      this.legacyMayHold = false;
    }
  }
}
