import { Inject, Injectable } from '@nestjs/common';
import escapeStringRegexp from 'escape-string-regexp';
import type { Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { RevisionedStore } from '../../common/database/revisioned-store.js';
import type { ReferenceTable } from './reference-table.js';

type Stored = Omit<ReferenceTable, 'key'> & { _id: string };

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

  create(table: ReferenceTable): Promise<boolean> {
    return this.store.insert(toStored(table));
  }

  replace(table: ReferenceTable, expectedRev: number): Promise<boolean> {
    return this.store.replace(toStored(table), expectedRev);
  }

  async list(skip: number, limit: number, q?: string): Promise<{ items: ReferenceTable[]; total: number }> {
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
    return { items: docs.map((d) => fromStored({ ...(d as Stored), rows: [] })), total };
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
  return { _id: key, ...rest };
}

function fromStored(doc: Stored): ReferenceTable {
  const { _id, ...rest } = doc;
  return { key: _id, ...rest };
}
