import { Inject, Injectable } from '@nestjs/common';
import escapeStringRegexp from 'escape-string-regexp';
import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { RevisionedStore } from '../../common/database/revisioned-store.js';
import type { ReferenceTable } from './reference-table.js';

/** `rowCount` is kept beside the rows because lists leave the rows out and FerretDB cannot `$size` an array. */
type Stored = Omit<ReferenceTable, 'key'> & { _id: string; rowCount?: number };

/** A table as listed: without its rows, with how many it holds. */
export interface ListedTable {
  table: ReferenceTable;
  rowCount: number;
}

/**
 * Reference tables in `reference_tables`, under the revision claim of `RevisionedStore` (claims in
 * `reference_table_revisions`, docs/adr/0005): one writer wins each revision, readers roll forward.
 */
@Injectable()
export class ReferenceTablesRepository {
  private readonly store: RevisionedStore<Stored>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.store = new RevisionedStore<Stored>(connection.db!, 'reference_tables', 'reference_table_revisions');
  }

  async get(key: string): Promise<ReferenceTable | null> {
    const doc = await this.store.get(key);
    return doc && !doc.deleted ? fromStored(doc) : null;
  }

  /** The table (null when missing or deleted) with the revision it was read at (undefined when never created). */
  async getWithRevision(key: string): Promise<{ table: ReferenceTable | null; rev: number | undefined }> {
    const doc = await this.store.get(key);
    return { table: doc && !doc.deleted ? fromStored(doc) : null, rev: doc?.rev };
  }

  create(table: ReferenceTable): Promise<boolean> {
    return this.store.insert(toStored(table));
  }

  replace(table: ReferenceTable, expectedRev: number): Promise<boolean> {
    return this.store.replace(toStored(table), expectedRev);
  }

  async list(skip: number, limit: number, q?: string): Promise<{ items: ListedTable[]; total: number }> {
    // A BSON regular expression is a C string: search text holding NUL cannot be one (the driver threw, a 500).
    // No key holds NUL (the API refuses it); a name that did would only go unfound by such a search.
    if (q?.includes('\u0000')) return { items: [], total: 0 };
    const text = q ? new RegExp(escapeStringRegexp(q), 'i') : undefined;
    const filter: Filter<Stored> = text
      ? { deleted: { $ne: true }, $or: [{ _id: text }, { name: text }] }
      : { deleted: { $ne: true } };
    const [docs, total] = await Promise.all([
      limit === 0
        ? []
        : this.store.documents
            .find(filter, { projection: { rows: 0 } })
            .sort({ _id: 1 })
            .skip(skip)
            .limit(limit)
            .toArray(),
      this.store.documents.countDocuments(filter),
    ]);
    const uncounted = docs.filter((d) => typeof d.rowCount !== 'number').map((d) => d._id);
    const counted = await this.countRows(uncounted);
    const items = docs.map((d) => ({
      table: fromStored({ ...(d as Stored), rows: [] }),
      rowCount: d.rowCount ?? counted.get(d._id) ?? 0,
    }));
    return { items, total };
  }

  /** Tables stored before `rowCount` was: read their rows once to count them (rare, and only those). */
  private async countRows(keys: string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const docs = await this.store.documents.find({ _id: { $in: keys } }, { projection: { rows: 1 } }).toArray();
    return new Map(docs.map((d) => [d._id, Array.isArray(d.rows) ? d.rows.length : 0]));
  }

  revisionsOf(keys: string[]): Promise<Map<string, number>> {
    return this.store.revisionsOf(keys);
  }

  keysWithOutbox(): Promise<string[]> {
    return this.store.keysWithOutbox();
  }

  init(): Promise<void> {
    return this.store.init();
  }
}

function toStored(table: ReferenceTable): Stored {
  const { key, ...rest } = table;
  return { _id: key, ...rest, rowCount: table.rows.length };
}

function fromStored(doc: Stored): ReferenceTable {
  const { _id, rowCount: _rowCount, ...rest } = doc;
  return { key: _id, ...rest };
}
