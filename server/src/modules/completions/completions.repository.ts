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

  /** Per variant of an experiment: answers served, errors, and latencies (for the p95 guardrail). */
  async exposures(experiment: string): Promise<Map<string, { served: number; errors: number; latencies: number[] }>> {
    const docs = await this.completions
      .find({ experiment }, { variant: 1, outcome: 1, latencyMs: 1 })
      .lean<CompletionDocument[]>()
      .exec();
    const byVariant = new Map<string, { served: number; errors: number; latencies: number[] }>();
    for (const doc of docs) {
      const entry = byVariant.get(doc.variant ?? '') ?? { served: 0, errors: 0, latencies: [] };
      if (doc.outcome === 'ok') entry.served++;
      else entry.errors++;
      entry.latencies.push(doc.latencyMs);
      byVariant.set(doc.variant ?? '', entry);
    }
    return byVariant;
  }

  findById(id: string): Promise<CompletionDocument | null> {
    return this.completions.findById(id).lean<CompletionDocument>().exec();
  }
}
