import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';

export interface FeedbackDocument {
  _id: string; // the completion id: one feedback per answer, the latest wins
  experiment: string;
  variant: string;
  outcome: 'positive' | 'negative';
  value?: number;
  at: Date;
}

/** The only code that touches the feedback collection. */
@Injectable()
export class FeedbackRepository implements OnModuleInit {
  private readonly feedback: TypedCollection<FeedbackDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    // Looked up by `_id` only: results read the experiment log (completions/experiment-log.ts).
    this.feedback = new TypedCollection<FeedbackDocument>(connection, 'feedback');
  }

  onModuleInit(): Promise<unknown> {
    return this.feedback.ensureIndexes();
  }

  async upsert(doc: FeedbackDocument): Promise<void> {
    const { _id, ...fields } = doc;
    await this.feedback.collection.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  /** Drops an index the service no longer reads through (left by an earlier version); none is fine. */
  async dropIndexIfPresent(name: string): Promise<void> {
    // A collection not created yet has no index (and listing its indexes is an error); another instance
    // starting at the same moment may drop it first.
    const present = await this.feedback.collection.indexExists(name).catch(() => false);
    if (present) await this.feedback.collection.dropIndex(name).catch(() => undefined);
  }

  /** Every feedback stored, for copying into the experiment log once (one scan of the collection). */
  all(): AsyncIterable<FeedbackDocument> {
    return this.feedback.collection.find({});
  }
}
