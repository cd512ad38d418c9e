import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { decisionSchema, type DecisionDocument } from './decision.schema.js';

/** The only code that touches the decisions collection. */
@Injectable()
export class DecisionsRepository {
  private readonly decisions: Model<DecisionDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.decisions = connection.model<DecisionDocument>('Decision', decisionSchema);
  }

  async insertMany(decisions: DecisionDocument[]): Promise<void> {
    if (decisions.length > 0) await this.decisions.collection.insertMany(decisions as never[], { ordered: false });
  }

  findById(id: string): Promise<DecisionDocument | null> {
    return this.decisions.findById(id).lean<DecisionDocument>().exec();
  }

  /** The latest decisions made by one exact version, for impact analysis. */
  latestFor(checksum: string, limit: number): Promise<DecisionDocument[]> {
    return this.decisions.find({ checksum }).sort({ at: -1 }).limit(limit).lean<DecisionDocument[]>().exec();
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const result = await this.decisions.deleteMany({ at: { $lt: cutoff } }).exec();
    return result.deletedCount;
  }
}
