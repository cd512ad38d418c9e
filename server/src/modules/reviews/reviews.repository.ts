import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { isDuplicateKey } from '../../common/database/revisioned-store.js';
import { TypedCollection, type IndexDeclaration } from '../../common/database/typed-collection.js';

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
}

const requestIndexes: IndexDeclaration[] = [{ key: { status: 1, dueAt: 1 } }, { key: { decisionId: 1 } }];

/** The only code that touches review requests and their decisions. */
@Injectable()
export class ReviewsRepository implements OnModuleInit {
  private readonly requests: TypedCollection<ReviewRequestDocument>;
  private readonly decisions: TypedCollection<ReviewDecisionDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.requests = new TypedCollection<ReviewRequestDocument>(connection, 'review_requests', requestIndexes);
    this.decisions = new TypedCollection<ReviewDecisionDocument>(connection, 'review_decisions');
  }

  onModuleInit(): Promise<unknown> {
    return this.requests.ensureIndexes();
  }

  /** Stores a new request; false when one with the same id is stored already (the same request sent again). */
  insert(request: ReviewRequestDocument): Promise<boolean> {
    return insertUnlessTaken(this.requests, request);
  }

  /** The requests made about one decision, oldest first. */
  byDecision(decisionId: string): Promise<ReviewRequestDocument[]> {
    return this.requests.collection.find({ decisionId }).sort({ submittedAt: 1, _id: 1 }).toArray();
  }

  findById(id: string): Promise<ReviewRequestDocument | null> {
    return this.requests.collection.findOne({ _id: id });
  }

  /** Every request of a status (or all), by due date then id. The queue is small: a person's requests, not decisions. */
  list(status: 'open' | 'closed' | undefined): Promise<ReviewRequestDocument[]> {
    return this.requests.collection
      .find(status ? { status } : {})
      .sort({ dueAt: 1, _id: 1 })
      .toArray();
  }

  /** True when this call recorded the decision; false when one was recorded already. */
  insertDecision(decision: ReviewDecisionDocument): Promise<boolean> {
    return insertUnlessTaken(this.decisions, decision);
  }

  findDecisions(ids: string[]): Promise<ReviewDecisionDocument[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.decisions.collection.find({ _id: { $in: ids } }).toArray();
  }

  /** Copies a recorded decision into its request (whoever recorded it; the same values every time). */
  async close(decision: ReviewDecisionDocument): Promise<void> {
    const { _id, decisionId: _decisionId, ...fields } = decision;
    await this.requests.collection.updateOne({ _id }, { $set: { status: 'closed', ...fields } });
  }

  /** Open, overdue and closed-by-outcome counts, for /metrics. */
  async counts(now: Date): Promise<{ open: number; overdue: number; confirmed: number; overridden: number }> {
    const [open, overdue, confirmed, overridden] = await Promise.all([
      this.requests.collection.countDocuments({ status: 'open' }),
      this.requests.collection.countDocuments({ status: 'open', dueAt: { $lt: now } }),
      this.requests.collection.countDocuments({ status: 'closed', outcome: 'confirmed' }),
      this.requests.collection.countDocuments({ status: 'closed', outcome: 'overridden' }),
    ]);
    return { open, overdue, confirmed, overridden };
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
