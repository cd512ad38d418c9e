import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import { completionIndexes, type CompletionDocument } from './completion.schema.js';
import { ExperimentLog } from './experiment-log.js';

/** The only code that touches the completions collection. */
@Injectable()
export class CompletionsRepository implements OnModuleInit {
  private readonly completions: TypedCollection<CompletionDocument>;

  constructor(
    @Inject(DB_CONNECTION) connection: Connection,
    private readonly log: ExperimentLog,
  ) {
    this.completions = new TypedCollection<CompletionDocument>(connection, 'completions', completionIndexes);
  }

  onModuleInit(): Promise<unknown> {
    return this.completions.ensureIndexes();
  }

  /** Stores a completion; one an experiment served also goes to the log its results are read from. */
  async insert(record: CompletionDocument): Promise<void> {
    await this.completions.collection.insertOne(record);
    await this.log.answered(record);
  }

  /** Every completion an experiment served, for copying into the experiment log once (one scan of the collection). */
  async *servedByExperiments(): AsyncGenerator<CompletionDocument> {
    for await (const completion of this.completions.collection.find({ experiment: { $exists: true } }))
      if (completion.experiment) yield completion;
  }

  /** Drops an index the service no longer reads through (left by an earlier version); none is fine. */
  async dropIndexIfPresent(name: string): Promise<void> {
    // A collection not created yet has no index (and listing its indexes is an error); another instance
    // starting at the same moment may drop it first.
    const present = await this.completions.collection.indexExists(name).catch(() => false);
    if (present) await this.completions.collection.dropIndex(name).catch(() => undefined);
  }

  findById(id: string): Promise<CompletionDocument | null> {
    return this.completions.collection.findOne({ _id: id });
  }
}
