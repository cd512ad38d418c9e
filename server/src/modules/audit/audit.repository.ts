import { Inject, Injectable } from '@nestjs/common';
import type { Collection, Filter, MongoBulkWriteError } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { isDuplicateKey } from '../../common/database/revisioned-store.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import type { ChainedEvent } from './audit-chain.js';
import type { IndexedEvent } from './audit-index.js';
import {
  auditClaimIndexes,
  auditEventIndexes,
  type AuditClaimDocument,
  type AuditEventDocument,
  type AuditHeadDocument,
} from './audit-event.schema.js';

export interface AuditFilter {
  resourceType?: string;
  resourceKey?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/** A claimed position of the chain. */
export interface AuditClaim {
  seq: number;
  eventId: string;
  hash: string;
  event: ChainedEvent;
}

const HEAD_ID = 'head';

/**
 * The only code that touches the audit collections. FerretDB 1.24 on SQLite serves only `{_id: <string>}`
 * from an index; any other filter or sort reads the whole collection (docs/adr/0011). So everything an append
 * needs is an `_id` lookup: the event by id (at most once), the head hint, the claims by position.
 */
@Injectable()
export class AuditRepository {
  private readonly events: Collection<AuditEventDocument>;
  private readonly claims: Collection<AuditClaimDocument>;
  private readonly heads: Collection<AuditHeadDocument>;
  /** The collections whose unique indexes an append relies on; each creates them once (TypedCollection). */
  private readonly indexed: { ensureIndexes(): Promise<unknown> }[];

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    const events = new TypedCollection<AuditEventDocument>(connection, 'audit_events', auditEventIndexes);
    const claims = new TypedCollection<AuditClaimDocument>(connection, 'audit_chain', auditClaimIndexes);
    this.indexed = [events, claims];
    this.events = events.collection;
    this.claims = claims.collection;
    this.heads = new TypedCollection<AuditHeadDocument>(connection, 'audit_head').collection;
  }

  /** The unique indexes (seq, claim eventId) must exist before the first append. */
  init(): Promise<unknown> {
    return Promise.all(this.indexed.map((collection) => collection.ensureIndexes()));
  }

  /** The last event by a scan of the whole trail: only to find the head of a trail written before claims existed. */
  async lastEventByScan(): Promise<ChainedEvent | null> {
    const last = await this.events.find({}).sort({ seq: -1 }).limit(1).next();
    return last ? fromDocument(last) : null;
  }

  async existing(ids: string[]): Promise<Set<string>> {
    // One `_id` lookup each: `{_id: {$in}}` is not served from an index by FerretDB 1.24 and reads every event.
    const found = await Promise.all(ids.map(async (id) => ((await this.exists(id)) ? id : null)));
    return new Set(found.filter((id): id is string => id !== null));
  }

  async exists(id: string): Promise<boolean> {
    return (await this.events.findOne({ _id: id }, { projection: { _id: 1 } })) !== null;
  }

  /** Where to start looking for the head (0 when unknown). */
  async headHint(): Promise<number | null> {
    const doc = await this.heads.findOne({ _id: HEAD_ID });
    return doc ? doc.seq : null;
  }

  /** Moves the hint forward (never back, as far as the database applies `$max` atomically; a lag is harmless). */
  async advanceHeadHint(seq: number): Promise<void> {
    try {
      await this.heads.updateOne({ _id: HEAD_ID }, { $max: { seq } }, { upsert: true });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // two first upserts at once: the other one won
    }
  }

  async claimAt(seq: number): Promise<AuditClaim | null> {
    const doc = await this.claims.findOne({ _id: String(seq) });
    return doc ? { seq: doc.seq, eventId: doc.eventId, hash: doc.hash, event: fromDocument(doc.event) } : null;
  }

  /** Claims the event's position; false when the position, or a position for this event id, is already taken. */
  async claim(event: ChainedEvent): Promise<boolean> {
    await this.init();
    const doc: AuditClaimDocument = {
      _id: String(event.seq),
      seq: event.seq,
      eventId: event.id,
      hash: event.hash,
      event: toDocument(event),
    };
    return insertUnlessDuplicate(() => this.claims.insertOne(doc));
  }

  /**
   * Claims consecutive positions in one ordered insert (group commit). Returns how many of the first claims were
   * taken; the first one not taken is held by another event (another instance) or names an event id already claimed.
   */
  async claimMany(events: ChainedEvent[]): Promise<number> {
    await this.init();
    const docs = events.map((event): AuditClaimDocument => ({
      _id: String(event.seq),
      seq: event.seq,
      eventId: event.id,
      hash: event.hash,
      event: toDocument(event),
    }));
    if (docs.length === 1) return (await insertUnlessDuplicate(() => this.claims.insertOne(docs[0]!))) ? 1 : 0;
    try {
      await this.claims.insertMany(docs, { ordered: true });
      return docs.length;
    } catch (err) {
      const first = writeErrorsOf(err)[0];
      if (first === undefined || !isDuplicateKey(first.code === undefined ? err : first)) throw err;
      return first.index;
    }
  }

  /**
   * Writes claimed events into the trail. Returns those refused as duplicates: already there (completed by another
   * appender), or — if the caller's idea of the head was stale — a position another event already holds.
   */
  async insertMany(events: ChainedEvent[]): Promise<ChainedEvent[]> {
    await this.init();
    if (events.length === 1) return (await this.insert(events[0]!)) ? [] : [events[0]!];
    try {
      await this.events.insertMany(events.map(toDocument), { ordered: false });
      return [];
    } catch (err) {
      const list = writeErrorsOf(err);
      if (list.length === 0 || !list.every(isDuplicateKey)) throw err;
      return list.map((e) => events[e.index]!);
    }
  }

  /** Removes a claim this appender made on a position that turned out to be taken in the trail. */
  async unclaim(event: ChainedEvent): Promise<void> {
    const doc = await this.claims.findOne({ _id: String(event.seq) });
    if (doc && doc.eventId === event.id) await this.claims.deleteOne({ _id: String(event.seq) });
  }

  /** Drops old claims (by `_id`, one command): only the recent ones are needed to find the head. */
  forgetClaims(seqs: number[]): Promise<unknown> {
    const positive = seqs.filter((seq) => seq > 0);
    if (positive.length === 0) return Promise.resolve();
    return this.claims
      .bulkWrite(
        positive.map((seq) => ({ deleteOne: { filter: { _id: String(seq) } } })),
        { ordered: false },
      )
      .catch(() => undefined);
  }

  /** Writes a claimed event into the trail; false when it is already there (drained twice, or rolled forward). */
  async insert(event: ChainedEvent): Promise<boolean> {
    await this.init();
    return insertUnlessDuplicate(() => this.events.insertOne(toDocument(event)));
  }

  async find(
    filter: AuditFilter,
    sortOrder: 1 | -1,
    skip: number,
    limit: number,
  ): Promise<{ items: ChainedEvent[]; total: number }> {
    // One pass bringing back only `_id` and `seq` of the matching events (FerretDB 1.24 reads every event for any
    // filter, sort or count: a find plus a count would read them twice), then the page by `_id`.
    const matching = await this.events.find(toQuery(filter), { projection: { _id: 1, seq: 1 } }).toArray();
    matching.sort((a, b) => sortOrder * (a.seq - b.seq));
    const items = await this.byIds(matching.slice(skip, skip + limit).map((d) => d._id));
    return { items, total: matching.length };
  }

  /** Events by id, in the order given, one `_id` lookup each (an id not found is left out). */
  async byIds(ids: string[]): Promise<ChainedEvent[]> {
    const docs = await Promise.all(ids.map((id) => this.events.findOne({ _id: id })));
    return docs.filter((d) => d !== null).map(fromDocument);
  }

  /**
   * What the audit index reads of the events after a position, in storage order, in batches: a range of the `seq`
   * index on MongoDB, one pass over the trail on FerretDB 1.24.
   */
  async *indexedEventsAfter(after: number, batchSize = 1000): AsyncGenerator<IndexedEvent> {
    const cursor = this.events.find(after > 0 ? { seq: { $gt: after } } : {}, {
      projection: { _id: 1, seq: 1, resourceType: 1, resourceKey: 1, actor: 1, action: 1, at: 1 },
      batchSize,
    });
    try {
      for await (const doc of cursor) {
        const { _id, seq, resourceType, resourceKey, actor, action, at } = doc;
        yield { id: _id, seq, resourceType, actor, action, at, ...(resourceKey !== undefined && { resourceKey }) };
      }
    } finally {
      await cursor.close();
    }
  }

  /**
   * A page of the whole trail by position, from the claims (`_id` lookups): `seqs` are the positions wanted.
   * Null when a position has no claim (a trail written before claims existed): the caller reads the events.
   */
  async byPositions(seqs: number[]): Promise<ChainedEvent[] | null> {
    const events = await this.claimedEvents(seqs);
    return events.some((e) => e === null) ? null : (events as ChainedEvent[]);
  }

  /** The events claimed at these positions, one `_id` lookup each; null where the claim is gone (or never was). */
  async claimedEvents(seqs: number[]): Promise<(ChainedEvent | null)[]> {
    return Promise.all(seqs.map(async (seq) => (await this.claimAt(seq))?.event ?? null));
  }

  /** Matching events in chain order through one cursor read in batches (export). */
  async *inOrder(filter: AuditFilter = {}, batchSize = 500): AsyncGenerator<ChainedEvent> {
    const cursor = this.events.find(toQuery(filter), { batchSize }).sort({ seq: 1 });
    try {
      for await (const doc of cursor) yield fromDocument(doc);
    } finally {
      await cursor.close();
    }
  }

  /**
   * Every event in storage order (about chain order: events are inserted as they are chained), through one
   * cursor read in batches: no sort, so the database streams instead of reading and sorting everything first.
   */
  async *inStorageOrder(batchSize = 1000): AsyncGenerator<ChainedEvent> {
    const cursor = this.events.find({}, { batchSize });
    try {
      for await (const doc of cursor) yield fromDocument(doc);
    } finally {
      await cursor.close();
    }
  }

  /** Events from a position on, in chain order (verification's fallback when storage order is far off). */
  async *fromSeq(seq: number, batchSize = 1000): AsyncGenerator<ChainedEvent> {
    const cursor = this.events.find({ seq: { $gte: seq } }, { batchSize }).sort({ seq: 1 });
    try {
      for await (const doc of cursor) yield fromDocument(doc);
    } finally {
      await cursor.close();
    }
  }
}

async function insertUnlessDuplicate(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** The failed documents of an insertMany, by index (the driver gives one or a list, depending on the path). */
function writeErrorsOf(err: unknown): { index: number; code?: number }[] {
  const writeErrors = (err as Partial<MongoBulkWriteError> | null)?.writeErrors as
    { index: number; code?: number }[] | { index: number; code?: number } | undefined;
  return Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
}

function toQuery(filter: AuditFilter): Filter<AuditEventDocument> {
  const query: Filter<AuditEventDocument> = {};
  if (filter.resourceType !== undefined) query.resourceType = filter.resourceType;
  if (filter.resourceKey !== undefined) query.resourceKey = filter.resourceKey;
  if (filter.actor !== undefined) query.actor = filter.actor;
  if (filter.action !== undefined) query.action = filter.action;
  if (filter.from || filter.to)
    query.at = { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lte: filter.to }) };
  return query;
}

function toDocument(event: ChainedEvent): AuditEventDocument {
  const { id, at, ...rest } = event;
  return { _id: id, at: new Date(at), ...rest };
}

function fromDocument(doc: AuditEventDocument): ChainedEvent {
  const { _id, at, ...rest } = doc;
  return { id: _id, at: (at instanceof Date ? at : new Date(at)).toISOString(), ...rest };
}
