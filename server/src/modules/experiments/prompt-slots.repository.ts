import { Inject, Injectable } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { isDuplicateKey } from '../../common/database/revisioned-store.js';
import { TypedCollection } from '../../common/database/typed-collection.js';

interface PromptSlot {
  _id: string;
  experiment: string;
  at: Date;
}

/**
 * "One experiment per prompt", enforced by the database: an experiment that starts (or is scheduled to) holds
 * its prompt's slot, a document whose `_id` is the prompt. The unique `_id` lets one claimant win, even across
 * instances; a check of the running experiments before publishing could not (two publishes at once both passed
 * it, and a scheduled experiment was not running yet). See docs/adr/0005 for why not a conditional update.
 */
@Injectable()
export class PromptSlotsRepository {
  private readonly slots: Collection<PromptSlot>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.slots = new TypedCollection<PromptSlot>(connection, 'experiment_prompt_slots').collection;
  }

  /** Claims the prompt for the experiment: undefined when it now holds it (or already did), else the holder's claim. */
  async claim(prompt: string, experiment: string): Promise<{ experiment: string; at: Date } | undefined> {
    try {
      await this.slots.insertOne({ _id: prompt, experiment, at: new Date() });
      return undefined;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const holder = await this.slots.findOne({ _id: prompt });
    if (!holder) return this.claim(prompt, experiment); // released in between: try again
    return holder.experiment === experiment ? undefined : { experiment: holder.experiment, at: new Date(holder.at) };
  }

  /** Frees the prompt if this experiment holds it (a stopped one, or a stale claim). */
  async release(prompt: string, experiment: string): Promise<void> {
    await this.slots.deleteOne({ _id: prompt, experiment });
  }
}
