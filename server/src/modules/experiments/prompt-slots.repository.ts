import { Inject, Injectable } from '@nestjs/common';
import { Schema, type Connection, type Model } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';

const DUPLICATE_KEY = 11000;

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
  private readonly slots: Model<PromptSlot>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.slots = connection.model<PromptSlot>(
      'experiment-prompt-slot',
      new Schema<PromptSlot>(
        { _id: String, experiment: String, at: Date },
        { collection: 'experiment_prompt_slots', versionKey: false },
      ),
    );
  }

  /** Claims the prompt for the experiment: undefined when it now holds it (or already did), else the holder's claim. */
  async claim(prompt: string, experiment: string): Promise<{ experiment: string; at: Date } | undefined> {
    try {
      await this.slots.collection.insertOne({ _id: prompt, experiment, at: new Date() } as never);
      return undefined;
    } catch (err) {
      if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
    }
    const holder = await this.slots.collection.findOne({ _id: prompt } as never);
    if (!holder) return this.claim(prompt, experiment); // released in between: try again
    const key = String(holder['experiment']);
    return key === experiment ? undefined : { experiment: key, at: new Date(holder['at'] as Date) };
  }

  /** Frees the prompt if this experiment holds it (a stopped one, or a stale claim). */
  async release(prompt: string, experiment: string): Promise<void> {
    await this.slots.collection.deleteOne({ _id: prompt, experiment } as never);
  }
}
