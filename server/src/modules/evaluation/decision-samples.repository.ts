import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';

/** The ids of one instance's latest decision records of one version, oldest first (docs/adr/0012). */
interface StoredSample {
  _id: string;
  checksum: string;
  /** Comma-separated: one field, where an array would be one field per id on the embedded database. */
  ids: string;
  at: Date;
}

export interface DecisionSample {
  id: string;
  ids: string[];
  at: Date;
}

/**
 * The only code that touches `decision_samples`. Its documents are one per version and instance, so reading a
 * version's samples scans a collection as long as the versions that decided, not as long as their records.
 */
@Injectable()
export class DecisionSamplesRepository {
  private readonly samples: TypedCollection<StoredSample>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.samples = new TypedCollection<StoredSample>(connection, 'decision_samples');
  }

  async get(id: string): Promise<string[]> {
    const sample = await this.samples.collection.findOne({ _id: id });
    return sample ? idsOf(sample) : [];
  }

  /** Replaces (or creates) one sample: an `_id` write, which the embedded database serves from its index. */
  async put(id: string, checksum: string, ids: string[]): Promise<void> {
    await this.samples.collection.replaceOne(
      { _id: id },
      { checksum, ids: ids.join(','), at: new Date() },
      { upsert: true },
    );
  }

  async ofVersion(checksum: string): Promise<DecisionSample[]> {
    const samples = await this.samples.collection.find({ checksum }).toArray();
    return samples.map((sample) => ({ id: sample._id, ids: idsOf(sample), at: sample.at }));
  }

  async delete(ids: string[]): Promise<void> {
    for (const _id of ids) await this.samples.collection.deleteOne({ _id });
  }
}

function idsOf(sample: StoredSample): string[] {
  return sample.ids === '' ? [] : sample.ids.split(',');
}
