import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';

/** One instance's sample of one version's latest records, listed: small, so listing a version's is cheap. */
interface ListedSample {
  _id: string;
  checksum: string;
  at: Date;
  /** The sample's newest id (absent in samples listed before it was kept, and in an empty one). */
  newest?: string;
}

/** A listed sample, as a read chooses which samples to read the ids of. */
export type SampleListing = Pick<ListedSample, '_id' | 'newest'>;

/** The ids of a sample, oldest first, under the listed sample's `_id`. */
interface SampleIds {
  _id: string;
  /** Comma-separated: one field, where an array would be one field per id on the embedded database. */
  ids: string;
}

/**
 * The only code that touches `decision_samples` and `decision_sample_ids` (docs/adr/0012, "The latest records of
 * a version"). Listing a version's samples scans the list, one small document per version and instance; the ids
 * (up to 5 000, about 185 KB) are then read by `_id`, which the embedded database serves from its index.
 */
@Injectable()
export class DecisionSamplesRepository {
  private readonly listed: TypedCollection<ListedSample>;
  private readonly ids: TypedCollection<SampleIds>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.listed = new TypedCollection<ListedSample>(connection, 'decision_samples');
    this.ids = new TypedCollection<SampleIds>(connection, 'decision_sample_ids');
  }

  async get(id: string): Promise<string[]> {
    return idsOf(await this.ids.collection.findOne({ _id: id }));
  }

  /**
   * Replaces (or creates) one sample: the listing first, so its `newest` is never behind the stored ids (a read
   * skips a sample by it); stopped in between, the listing is ahead, which costs a read, and a listed sample whose
   * ids are not stored yet reads as none.
   */
  async put(id: string, checksum: string, ids: string[]): Promise<void> {
    const listing = { checksum, at: new Date(), ...(ids.length > 0 && { newest: ids.at(-1)! }) };
    await this.listed.collection.replaceOne({ _id: id }, listing, { upsert: true });
    await this.ids.collection.replaceOne({ _id: id }, { ids: ids.join(',') }, { upsert: true });
  }

  /** Every instance's sample of the version, listed (their ids are read with `get`). */
  async listedOfVersion(checksum: string): Promise<SampleListing[]> {
    return this.listed.collection.find({ checksum }, { projection: { _id: 1, newest: 1 } }).toArray();
  }

  /**
   * Deletes the samples not written since `cutoff` (instances long gone, versions that stopped deciding): their
   * records are past retention too. Unlisted first, then their ids.
   */
  async deleteNotWrittenSince(cutoff: Date): Promise<number> {
    const old = await this.listed.collection.find({ at: { $lt: cutoff } }, { projection: { _id: 1 } }).toArray();
    for (const { _id } of old) {
      await this.listed.collection.deleteOne({ _id });
      await this.ids.collection.deleteOne({ _id });
    }
    return old.length;
  }
}

function idsOf(sample: SampleIds | null): string[] {
  return !sample || sample.ids === '' ? [] : sample.ids.split(',');
}
