import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { completionSchema, type CompletionDocument } from './completion.schema.js';

/** The only code that touches the completions collection. */
@Injectable()
export class CompletionsRepository {
  private readonly completions: Model<CompletionDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.completions = connection.model<CompletionDocument>('Completion', completionSchema);
  }

  async insert(record: CompletionDocument): Promise<void> {
    await this.completions.collection.insertOne(record as never);
  }

  findById(id: string): Promise<CompletionDocument | null> {
    return this.completions.findById(id).lean<CompletionDocument>().exec();
  }
}
