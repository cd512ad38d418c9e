import { Inject, Injectable } from '@nestjs/common';
import { Schema, type Connection, type Model } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';

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
export class FeedbackRepository {
  private readonly feedback: Model<FeedbackDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    const schema = new Schema<FeedbackDocument>(
      { _id: String, experiment: String, variant: String, outcome: String, value: Number, at: Date },
      { collection: 'feedback', versionKey: false },
    );
    schema.index({ experiment: 1, variant: 1 });
    this.feedback = connection.model<FeedbackDocument>('Feedback', schema);
  }

  async upsert(doc: FeedbackDocument): Promise<void> {
    const { _id, ...fields } = doc;
    await this.feedback.updateOne({ _id }, { $set: fields }, { upsert: true }).exec();
  }

  /** Positive feedback per variant. */
  async conversions(experiment: string): Promise<Map<string, number>> {
    const rows = await this.feedback
      .aggregate<{ _id: string; n: number }>([
        { $match: { experiment, outcome: 'positive' } },
        { $group: { _id: '$variant', n: { $sum: 1 } } },
      ])
      .exec();
    return new Map(rows.map((r) => [r._id, r.n]));
  }
}
