import { Inject, Injectable } from '@nestjs/common';
import { compareFrench, compareListValues, matchesSearch, searchFold } from '../../common/text/french-order.js';
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

  /**
   * One page of the tables, ordered by `sortField` in French order (« école » before « Zèbre ») and matched by `q`
   * in the key, name or description, case and accents aside. Tables are few (tens): they are read without their
   * rows and ordered here, as FerretDB serves neither that order nor that search from an index anyway.
   */
  async list(
    skip: number,
    limit: number,
    q: string | undefined,
    sortField: 'key' | 'name' | 'updatedAt',
    sortOrder: 'ASC' | 'DESC',
  ): Promise<{ items: ListedTable[]; total: number }> {
    const listed = await this.store.documents.find({ deleted: { $ne: true } }, { projection: { rows: 0 } }).toArray();
    const text = q ? searchFold(q) : undefined;
    const matching =
      text === undefined
        ? listed
        : listed.filter((d) =>
            [d._id, d.name, d.description].some((s) => typeof s === 'string' && matchesSearch(s, text)),
          );
    const field = (d: (typeof listed)[number]) => String(sortField === 'key' ? d._id : (d[sortField] ?? ''));
    const direction = sortOrder === 'ASC' ? 1 : -1;
    // Timestamps (ISO 8601) order as text does; names and keys as French does; ties by key.
    const words = sortField !== 'updatedAt';
    matching.sort((a, b) => direction * (compareListValues(field(a), field(b), words) || compareFrench(a._id, b._id)));
    const total = matching.length;
    const docs = matching.slice(skip, skip + limit);
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
