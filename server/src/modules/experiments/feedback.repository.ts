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
    this.feedback = new TypedCollection<FeedbackDocument>(connection, 'feedback', [
      { key: { experiment: 1, variant: 1 } },
    ]);
  }

  onModuleInit(): Promise<unknown> {
    return this.feedback.ensureIndexes();
  }

  async upsert(doc: FeedbackDocument): Promise<void> {
    const { _id, ...fields } = doc;
    await this.feedback.collection.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  /** The answers that received positive feedback (their completion ids). */
  async positiveAnswers(experiment: string): Promise<Set<string>> {
    const rows = await this.feedback.collection
      .find({ experiment, outcome: 'positive' }, { projection: { _id: 1 } })
      .toArray();
    return new Set(rows.map((r) => r._id));
  }

  /** Positive feedback per variant. */
  async conversions(experiment: string): Promise<Map<string, number>> {
    const rows = await this.feedback.collection
      .aggregate<{ _id: string; n: number }>([
        { $match: { experiment, outcome: 'positive' } },
        { $group: { _id: '$variant', n: { $sum: 1 } } },
      ])
      .toArray();
    return new Map(rows.map((r) => [r._id, r.n]));
  }
}
