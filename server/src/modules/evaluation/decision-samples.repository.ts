import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import { parseSegments, segmentId } from './sample-segments.js';

/** One instance's sample of one version's latest records, listed: small, so listing a version's is cheap. */
interface ListedSample {
  _id: string;
  checksum: string;
  at: Date;
  /** The sample's newest id (absent in samples listed before it was kept, and in an empty one). */
  newest?: string;
  /** Its segments, `seq:newest` comma-separated, the head last (absent in samples stored whole, as at first). */
  segments?: string;
}

/** A listed sample, as a read chooses which ids to read (sample-segments.ts, `readOrder`). */
export type SampleListing = Pick<ListedSample, '_id' | 'newest' | 'segments'>;

/** Ids, oldest first: a segment of a sample under `sample/seq`, or a whole sample (as at first) under its `_id`. */
interface SampleIds {
  _id: string;
  /** Comma-separated: one field, where an array would be one field per id on the embedded database. */
  ids: string;
}

/**
 * The only code that touches `decision_samples` and `decision_sample_ids` (docs/adr/0012, "The latest records of
 * a version"). Listing a version's samples scans the list, one small document per version and instance; the ids
 * (segments of up to 250, about 9 KB) are then read by `_id`, which the embedded database serves from its index.
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

  /** One sample's listed segments (none when it has not been written). */
  async segmentsOf(id: string): Promise<string | undefined> {
    return (await this.listed.collection.findOne({ _id: id }, { projection: { segments: 1 } }))?.segments;
  }

  /**
   * Writes a change to one sample: the listing first, so the newest ids it names are never behind the stored
   * ones (a read skips segments by them); stopped in between, the listing is ahead, which costs a read, and a
   * listed segment not stored yet reads as none. Segments the sample dropped are deleted last.
   */
  async put(
    id: string,
    checksum: string,
    listing: { newest: string; segments: string },
    write: { seq: number; ids: string[] }[],
    remove: number[],
  ): Promise<void> {
    await this.listed.collection.replaceOne({ _id: id }, { checksum, at: new Date(), ...listing }, { upsert: true });
    // One command, in order (the embedded database spent half the CPU on 20 segments this way as one by one).
    const operations = [
      ...write.map(({ seq, ids }) => ({
        replaceOne: { filter: { _id: segmentId(id, seq) }, replacement: { ids: ids.join(',') }, upsert: true },
      })),
      ...remove.map((seq) => ({ deleteOne: { filter: { _id: segmentId(id, seq) } } })),
    ];
    if (operations.length > 0) await this.ids.collection.bulkWrite(operations);
  }

  /** Every instance's sample of the version, listed (their ids are read with `get`). */
  async listedOfVersion(checksum: string): Promise<SampleListing[]> {
    return this.listed.collection.find({ checksum }, { projection: { _id: 1, newest: 1, segments: 1 } }).toArray();
  }

  /**
   * Deletes the samples not written since `cutoff` (instances long gone, versions that stopped deciding): their
   * records are past retention too. Unlisted first, then their ids; a sample written again since it was found is
   * kept. Resolves the `_id`s of the samples deleted.
   */
  async deleteNotWrittenSince(cutoff: Date): Promise<string[]> {
    const old = await this.listed.collection
      .find({ at: { $lt: cutoff } }, { projection: { _id: 1, segments: 1 } })
      .toArray();
    const deleted: string[] = [];
    for (const { _id, segments } of old) {
      if ((await this.listed.collection.deleteOne({ _id, at: { $lt: cutoff } })).deletedCount === 0) continue;
      const stored = segments === undefined ? [_id] : parseSegments(segments).map((s) => segmentId(_id, s.seq));
      for (const ids of stored) await this.ids.collection.deleteOne({ _id: ids });
      deleted.push(_id);
    }
    return deleted;
  }
}

function idsOf(sample: SampleIds | null): string[] {
  return !sample || sample.ids === '' ? [] : sample.ids.split(',');
}
