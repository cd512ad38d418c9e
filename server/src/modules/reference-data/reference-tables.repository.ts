import { Inject, Injectable } from '@nestjs/common';
import { Schema, type Connection, type Model } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import type { ReferenceTable } from './reference-table.js';

const DUPLICATE_KEY = 11000;
type Stored = Omit<ReferenceTable, 'key'> & { _id: string };
type RevisionClaim = { _id: string; key: string; rev: number; state: Stored };

/**
 * Reference tables in `reference_tables`. Changes claim the next revision with a unique insert into
 * `reference_table_revisions` (see docs/adr/0005): one writer wins each revision, readers roll forward.
 */
@Injectable()
export class ReferenceTablesRepository {
  private readonly tables: Model<Stored>;
  private readonly revisions: Model<RevisionClaim>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.tables = connection.model<Stored>(
      'ReferenceTable',
      new Schema(
        { _id: String },
        { collection: 'reference_tables', strict: false, versionKey: false, minimize: false },
      ),
    );
    this.revisions = connection.model<RevisionClaim>(
      'ReferenceTableRevision',
      new Schema<RevisionClaim>(
        { _id: String, key: String, rev: Number, state: Schema.Types.Mixed },
        { collection: 'reference_table_revisions', versionKey: false, minimize: false },
      ),
    );
  }

  async get(key: string): Promise<ReferenceTable | null> {
    let doc = (await this.tables.collection.findOne({ _id: key } as never)) as unknown as Stored | null;
    if (!doc) return null;
    for (;;) {
      const claim = await this.revisions.collection.findOne({ _id: `${key}#${doc.rev + 1}` } as never);
      if (!claim) return doc.deleted ? null : fromStored(doc);
      doc = claim['state'] as Stored;
      await this.tables.collection.replaceOne({ _id: key } as never, withoutId(doc) as never);
    }
  }

  async create(table: ReferenceTable): Promise<boolean> {
    try {
      await this.tables.collection.insertOne(toStored(table) as never);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
      throw err;
    }
  }

  async replace(table: ReferenceTable, expectedRev: number): Promise<boolean> {
    if (table.rev !== expectedRev + 1)
      throw new Error(`reference table ${table.key}: rev must go from ${expectedRev} to ${expectedRev + 1}`);
    try {
      await this.revisions.collection.insertOne({
        _id: `${table.key}#${table.rev}`,
        key: table.key,
        rev: table.rev,
        state: toStored(table),
      } as never);
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
      throw err;
    }
    // A whole replacement: fields a change removes (an applied pending change) must go too.
    await this.tables.collection.replaceOne({ _id: table.key } as never, withoutId(toStored(table)) as never);
    // By `_id`: a filter on key/rev makes FerretDB 1.24 read every claim (docs/adr/0011).
    if (table.rev > 2)
      void this.revisions.collection
        .deleteOne({ _id: `${table.key}#${table.rev - 2}` } as never)
        .catch(() => undefined);
    return true;
  }

  async list(skip: number, limit: number, q?: string): Promise<{ items: ReferenceTable[]; total: number }> {
    const filter = q
      ? {
          deleted: { $ne: true },
          $or: [
            { _id: new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') },
            { name: new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') },
          ],
        }
      : { deleted: { $ne: true } };
    const [docs, total] = await Promise.all([
      limit === 0
        ? []
        : this.tables.collection
            .find(filter as never, { projection: { rows: 0 } })
            .sort({ _id: 1 })
            .skip(skip)
            .limit(limit)
            .toArray(),
      this.tables.collection.countDocuments(filter as never),
    ]);
    return { items: docs.map((d) => fromStored({ ...(d as unknown as Stored), rows: [] })), total };
  }

  async revisionsOf(keys: string[]): Promise<Map<string, number>> {
    // One `_id` lookup per key: FerretDB 1.24 serves `{_id: {$in}}` by reading the whole collection.
    const docs = await Promise.all(
      keys.map((key) => this.tables.collection.findOne({ _id: key } as never, { projection: { rev: 1 } })),
    );
    return new Map(docs.filter((d) => d !== null).map((d) => [String(d._id), Number(d['rev'])]));
  }

  async keysWithOutbox(): Promise<string[]> {
    const docs = await this.tables.collection
      .find({ 'outbox.0': { $exists: true } } as never, { projection: { _id: 1 } })
      .toArray();
    return docs.map((d) => String(d._id));
  }

  async init(): Promise<void> {
    await Promise.all([this.tables.init(), this.revisions.init()]);
  }
}

function toStored(table: ReferenceTable): Stored {
  const { key, ...rest } = table;
  return { _id: key, ...rest };
}

function fromStored(doc: Stored): ReferenceTable {
  const { _id, ...rest } = doc;
  return { key: _id, ...rest };
}

function withoutId(doc: Stored): Omit<Stored, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
