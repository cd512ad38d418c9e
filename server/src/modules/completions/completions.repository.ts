import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import { completionIndexes, type CompletionDocument } from './completion.schema.js';

export interface VariantExposure {
  served: number;
  errors: number;
  /** Latency at the 95th percentile of the variant's completions (answers and errors), null before the first. */
  p95LatencyMs: number | null;
}

/** The only code that touches the completions collection. */
@Injectable()
export class CompletionsRepository implements OnModuleInit {
  private readonly completions: TypedCollection<CompletionDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.completions = new TypedCollection<CompletionDocument>(connection, 'completions', completionIndexes);
  }

  onModuleInit(): Promise<unknown> {
    return this.completions.ensureIndexes();
  }

  async insert(record: CompletionDocument): Promise<void> {
    await this.completions.collection.insertOne(record);
  }

  /**
   * Per variant of an experiment: answers served, errors, and the 95th percentile of latency (for the
   * guardrail). Counted by the database; the percentile is the one completion at its rank in latency order,
   * so an experiment's results cost a few small reads however many completions it has served.
   */
  async exposures(experiment: string): Promise<Map<string, VariantExposure>> {
    const groups = await this.completions.collection
      .aggregate<{ _id: { variant?: string; outcome: string }; n: number }>([
        { $match: { experiment } },
        { $group: { _id: { variant: '$variant', outcome: '$outcome' }, n: { $sum: 1 } } },
      ])
      .toArray();
    const byVariant = new Map<string, VariantExposure>();
    for (const { _id, n } of groups) {
      if (_id.outcome === 'unavailable') continue; // the provider's failure, not the variant's
      const variant = _id.variant ?? '';
      const entry = byVariant.get(variant) ?? { served: 0, errors: 0, p95LatencyMs: null };
      if (_id.outcome === 'ok') entry.served += n;
      else entry.errors += n;
      byVariant.set(variant, entry);
    }
    await Promise.all(
      [...byVariant].map(async ([variant, entry]) => {
        const total = entry.served + entry.errors;
        const rank = Math.min(total - 1, Math.floor(total * 0.95));
        const [atRank] = await this.completions.collection
          .find(
            { experiment, variant: variant === '' ? null : variant, outcome: { $ne: 'unavailable' } },
            { projection: { latencyMs: 1 } },
          )
          .sort({ latencyMs: 1 })
          .skip(rank)
          .limit(1)
          .toArray();
        entry.p95LatencyMs = typeof atRank?.latencyMs === 'number' ? atRank.latencyMs : null;
      }),
    );
    return byVariant;
  }

  /**
   * Every completion of an experiment, oldest first, with only what the sequential boundary and the cost
   * guardrail read (variant, instant, outcome, tokens). Sorted here: FerretDB 1.24 sorts without an index anyway.
   */
  async history(
    experiment: string,
  ): Promise<Pick<CompletionDocument, '_id' | 'variant' | 'at' | 'outcome' | 'usage'>[]> {
    const rows = await this.completions.collection
      .find({ experiment }, { projection: { _id: 1, variant: 1, at: 1, outcome: 1, usage: 1 } })
      .toArray();
    return rows.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  }

  findById(id: string): Promise<CompletionDocument | null> {
    return this.completions.collection.findOne({ _id: id });
  }
}
