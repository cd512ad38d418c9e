import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { OutboxItem } from '../audit/outbox.js';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { isDuplicateKey } from '../../common/database/revisioned-store.js';
import { TypedCollection, type IndexDeclaration } from '../../common/database/typed-collection.js';
import type { QueueRow } from './review-queue.js';

/** A person's observations on a decision, as a staff member recorded them; the queue's item. */
export interface ReviewRequestDocument {
  _id: string;
  decisionId: string;
  ruleset: string;
  version: number;
  /** The automated decision's events, copied: the decision record itself expires, the review stays. */
  automatedDecision: { type: string; params?: Record<string, unknown> }[];
  observations: string;
  receivedVia?: string;
  submittedBy: string;
  /** The API key's name, when a system recorded the request (`submittedBy` is then `api-key:<id>`). */
  submitterName?: string;
  submittedAt: Date;
  dueAt: Date;
  status: 'open' | 'closed';
  outcome?: 'confirmed' | 'overridden';
  reason?: string;
  newDecision?: { type: string; params?: Record<string, unknown> };
  decidedBy?: string;
  decidedAt?: Date;
  /** True once listed under its decision (docs/adr/0043); absent on requests stored by earlier versions. */
  listed?: true;
  /** The audit event of its submission until the trail holds it, stored in the same insert (docs/adr/0005). */
  outbox?: OutboxItem[];
}

/**
 * The reviewer's decision, keyed by the request's id: one insert, so a second decision is refused by the unique
 * `_id` (FerretDB 1.24's conditional updates are not atomic, docs/adr/0005). Never written over the automated
 * decision: it is kept beside it.
 */
export interface ReviewDecisionDocument {
  _id: string;
  decisionId: string;
  outcome: 'confirmed' | 'overridden';
  reason: string;
  newDecision?: { type: string; params?: Record<string, unknown> };
  decidedBy: string;
  decidedAt: Date;
  /** The audit event of the decision until the trail holds it and the request is closed. */
  outbox?: OutboxItem[];
}

/**
 * One request made about a decision, keyed `<decisionId>#<n>` with n from 1 (docs/adr/0043): the requests about a
 * decision are found by reading n = 1, 2, … by `_id` until one is missing, which the embedded database serves from
 * its index, where a filter on `decisionId` read every request (2–7 s at 5 501).
 */
interface RequestOfDecision {
  _id: string;
  request: string;
}

/** The document saying every request stored before the list of requests by decision is in it. */
const LISTED = 'all-requests-listed';

/** For the search by decision until every request is listed under its decision, on MongoDB. */
const requestIndexes: IndexDeclaration[] = [{ key: { decisionId: 1 } }];

/** What a queue row is made of. */
const QUEUE_FIELDS = { _id: 1, ruleset: 1, status: 1, outcome: 1, dueAt: 1, submittedAt: 1, decidedAt: 1 } as const;
type QueueFields = Pick<ReviewRequestDocument, keyof typeof QUEUE_FIELDS>;
const DECIDED_FIELDS = { _id: 1, outcome: 1, decidedAt: 1 } as const;
type DecidedFields = Pick<ReviewDecisionDocument, keyof typeof DECIDED_FIELDS>;

function queueRowOf(request: QueueFields, decision: DecidedFields | undefined): QueueRow {
  const outcome = decision?.outcome ?? request.outcome;
  const decidedAt = decision?.decidedAt ?? request.decidedAt;
  return {
    id: request._id,
    ruleset: request.ruleset,
    status: decision ? 'closed' : request.status,
    ...(outcome && { outcome }),
    dueAt: request.dueAt.getTime(),
    submittedAt: request.submittedAt.getTime(),
    ...(decidedAt && { decidedAt: decidedAt.getTime() }),
  };
}

/** The only code that touches review requests and their decisions. */
@Injectable()
export class ReviewsRepository implements OnModuleInit {
  private readonly requests: TypedCollection<ReviewRequestDocument>;
  private readonly decisions: TypedCollection<ReviewDecisionDocument>;
  private readonly ofDecision: TypedCollection<RequestOfDecision>;
  /** Set once the requests stored before the list by decision are known to be in it (they never leave it). */
  private listed = false;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.requests = new TypedCollection<ReviewRequestDocument>(connection, 'review_requests', requestIndexes);
    this.decisions = new TypedCollection<ReviewDecisionDocument>(connection, 'review_decisions');
    this.ofDecision = new TypedCollection<RequestOfDecision>(connection, 'review_requests_by_decision');
  }

  onModuleInit(): Promise<unknown> {
    return this.requests.ensureIndexes();
  }

  /**
   * Stores a new request; false when one with the same id is stored already (the same request sent again). It is
   * listed under its decision first: a request is never stored without being found by its decision, and an entry
   * whose request was not stored (a crash in between) is passed over when read.
   */
  async insert(request: ReviewRequestDocument): Promise<boolean> {
    await this.listUnderDecision(request.decisionId, request._id);
    return insertUnlessTaken(this.requests, request);
  }

  /** The requests made about one decision, oldest first. */
  async byDecision(decisionId: string): Promise<ReviewRequestDocument[]> {
    if (!(await this.allListed()))
      return this.requests.collection.find({ decisionId }).sort({ submittedAt: 1, _id: 1 }).toArray();
    const ids = await this.requestIdsOf(decisionId);
    const found = await Promise.all(ids.map((_id) => this.requests.collection.findOne({ _id })));
    return found
      .filter((r): r is ReviewRequestDocument => r !== null)
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a._id < b._id ? -1 : 1));
  }

  /** The ids listed under a decision, in the order they were listed, each once. */
  private async requestIdsOf(decisionId: string): Promise<string[]> {
    const ids = new Set<string>();
    for (let n = 1; ; n++) {
      const entry = await this.ofDecision.collection.findOne({ _id: `${decisionId}#${n}` });
      if (!entry) return [...ids];
      ids.add(entry.request);
    }
  }

  /**
   * Lists a request under its decision, at the first free place, unless it is there already. The insert under a
   * unique `_id` decides between two requests listed at once: the one refused takes the next place.
   */
  private async listUnderDecision(decisionId: string, request: string): Promise<void> {
    for (let n = 1; ; n++) {
      const _id = `${decisionId}#${n}`;
      const entry = await this.ofDecision.collection.findOne({ _id });
      if (entry?.request === request) return;
      if (entry) continue;
      if (await insertUnlessTaken(this.ofDecision, { _id, request })) return;
      n--; // taken meanwhile: read the same place again (it may be this very request, listed by a retry)
    }
  }

  private async allListed(): Promise<boolean> {
    this.listed ||= (await this.ofDecision.collection.findOne({ _id: LISTED })) !== null;
    return this.listed;
  }

  /**
   * Every stored request's id, decision, whether it is listed and its outbox: what the start-up pass looks after.
   * Read whole, in batches: a filter would make the embedded database read them all before the first batch.
   */
  requestsAtStart(): AsyncIterable<Pick<ReviewRequestDocument, '_id' | 'decisionId' | 'listed' | 'outbox'>> {
    return this.requests.collection.find(
      {},
      { projection: { _id: 1, decisionId: 1, listed: 1, outbox: 1 }, batchSize: 500 },
    );
  }

  /**
   * Lists a request stored by an earlier version under its decision, then marks it listed. Listing one already
   * listed changes nothing, so two instances doing it at once, or a start after a crash halfway, are harmless.
   */
  async listEarlier(request: Pick<ReviewRequestDocument, '_id' | 'decisionId'>): Promise<void> {
    await this.listUnderDecision(request.decisionId, request._id);
    await this.requests.collection.updateOne({ _id: request._id }, { $set: { listed: true } });
  }

  /** Says every request stored before the list by decision is in it: reads stop searching by decision. */
  async markAllListed(): Promise<void> {
    if (!(await this.allListed())) await insertUnlessTaken(this.ofDecision, { _id: LISTED, request: '' });
    this.listed = true;
  }

  async removeRequestOutbox(id: string, items: OutboxItem[]): Promise<void> {
    await this.requests.collection.updateOne({ _id: id }, { $pullAll: { outbox: items } });
  }

  async removeDecisionOutbox(id: string, items: OutboxItem[]): Promise<void> {
    await this.decisions.collection.updateOne({ _id: id }, { $pullAll: { outbox: items } });
  }

  /** Decisions whose audit event or copy into their request may not have been written (a process stopped). */
  decisionsWithOutbox(): Promise<ReviewDecisionDocument[]> {
    return this.decisions.collection.find({ 'outbox.0': { $exists: true } }).toArray();
  }

  findById(id: string): Promise<ReviewRequestDocument | null> {
    return this.requests.collection.findOne({ _id: id });
  }

  /**
   * Every request's queue row, read whole in batches; one whose decision is recorded but not yet copied into it
   * (a reviewer's process stopped in between) is closed, as reading it would make it.
   */
  async *allQueueRows(): AsyncIterable<QueueRow> {
    const decided = new Map<string, DecidedFields>();
    for await (const d of this.decisions.collection.find({}, { projection: DECIDED_FIELDS, batchSize: 1000 }))
      decided.set(d._id, d);
    for await (const r of this.requests.collection.find({}, { projection: QUEUE_FIELDS, batchSize: 500 }))
      yield queueRowOf(r, decided.get(r._id));
  }

  /** The queue rows of these requests (null for one that does not exist), each read by `_id`. */
  async queueRowsOf(ids: string[]): Promise<Map<string, QueueRow | null>> {
    const rows = await Promise.all(
      ids.map(async (_id) => {
        const [request, decision] = await Promise.all([
          this.requests.collection.findOne({ _id }, { projection: QUEUE_FIELDS }),
          this.decisions.collection.findOne({ _id }, { projection: DECIDED_FIELDS }),
        ]);
        return [_id, request && queueRowOf(request, decision ?? undefined)] as const;
      }),
    );
    return new Map(rows);
  }

  /** True when this call recorded the decision; false when one was recorded already. */
  insertDecision(decision: ReviewDecisionDocument): Promise<boolean> {
    return insertUnlessTaken(this.decisions, decision);
  }

  /** The recorded decisions of these requests, each read by `_id` (a `$in` reads every decision here). */
  async findDecisions(ids: string[]): Promise<ReviewDecisionDocument[]> {
    const found = await Promise.all(ids.map((_id) => this.decisions.collection.findOne({ _id })));
    return found.filter((d): d is ReviewDecisionDocument => d !== null);
  }

  /** Copies a recorded decision into its request (whoever recorded it; the same values every time). */
  async close(decision: ReviewDecisionDocument): Promise<void> {
    const { _id, decisionId: _decisionId, outbox: _outbox, ...fields } = decision;
    await this.requests.collection.updateOne({ _id }, { $set: { status: 'closed', ...fields } });
  }
}

/** Inserts a document keyed by its `_id`; false when that id is taken (the insert is the lock). */
async function insertUnlessTaken<T extends { _id: string }>(store: TypedCollection<T>, document: T): Promise<boolean> {
  try {
    await store.collection.insertOne(document as never);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}
