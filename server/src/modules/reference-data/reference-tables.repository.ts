import { Inject, Injectable } from '@nestjs/common';
import { compareFrench, compareListValues, matchesSearch, searchFold } from '../../common/text/french-order.js';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { RevisionedStore } from '../../common/database/revisioned-store.js';
import type { PendingChange, ReferenceTable, Row } from './reference-table.js';
import { ORPHAN_AFTER_MS, RowSets, type RowSetRef } from './row-sets.js';

/**
 * A table as stored: its rows, and a pending change's, in row sets apart (docs/adr/0041). `rows` inline is how
 * tables were stored before 2026-12-07: still read, and moved to a set by the table's next change.
 * `rowCount` is kept beside them because lists leave the rows out and FerretDB cannot `$size` an array.
 */
type Stored = Omit<ReferenceTable, 'key' | 'rows' | 'pending'> & {
  _id: string;
  rowCount?: number;
  rows?: Row[];
  rowSet?: RowSetRef;
  pending?: StoredPending;
};
type StoredPending = Omit<PendingChange, 'rows'> & { rows?: Row[]; rowSet?: RowSetRef };

/** Reads of a table that met a set a newer revision had just removed, before giving up. */
const READ_ATTEMPTS = 5;

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
  private readonly rowSets: RowSets;
  /** The row sets each table read here was stored in: what its next revision may no longer name. */
  private readonly setsRead = new WeakMap<ReferenceTable, RowSetRef[]>();

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.store = new RevisionedStore<Stored>(connection.db!, 'reference_tables', 'reference_table_revisions');
    this.rowSets = new RowSets(connection.db!);
  }

  async get(key: string): Promise<ReferenceTable | null> {
    return (await this.getWithRevision(key)).table;
  }

  /** The table (null when missing or deleted) with the revision it was read at (undefined when never created). */
  getWithRevision(key: string): Promise<{ table: ReferenceTable | null; rev: number | undefined }> {
    return this.read(key, async (doc) => {
      const rows = await this.rowsOf(doc);
      const pendingRows = doc.pending ? await this.rowsOf(doc.pending) : [];
      if (!rows || !pendingRows) return undefined;
      const table = fromStored(doc, rows, pendingRows);
      this.setsRead.set(table, setsOf(doc));
      return table;
    });
  }

  /** The outbox of a table, deleted or not, read without its rows: what the start-up drain records. */
  async outboxOf(key: string): Promise<{ outbox: ReferenceTable['outbox'] } | null> {
    const doc = await this.store.get(key);
    return doc ? { outbox: doc.outbox } : null;
  }

  /** The table's current rows (null when missing or deleted) and its revision: what lookups read, no pending rows. */
  rowsWithRevision(key: string): Promise<{ table: Omit<ReferenceTable, 'pending'> | null; rev: number | undefined }> {
    return this.read(key, async (doc) => {
      const rows = await this.rowsOf(doc);
      return rows ? fromStored({ ...doc, pending: undefined }, rows, []) : undefined;
    });
  }

  async create(table: ReferenceTable): Promise<boolean> {
    // A key taken long ago is refused before its rows are written (the insert below decides a race).
    if (await this.store.documents.findOne({ _id: table.key }, { projection: { _id: 1 } })) return false;
    const { doc, written } = await this.toStored(table);
    const created = await this.store.insert(doc);
    if (!created) await this.rowSets.remove(written);
    return created;
  }

  /**
   * `next`, the revision after `read` (a table read here), its new row sets written first. Won, the sets `read`
   * named and `next` does not are removed (a reader still reading them reads the table again); lost, its own new
   * sets are.
   */
  async replace(read: ReferenceTable, next: ReferenceTable): Promise<boolean> {
    const { doc, written } = await this.toStored(next);
    if (!(await this.store.replace(doc, read.rev))) {
      await this.rowSets.remove(written);
      return false;
    }
    const kept = new Set(setsOf(doc).map((ref) => ref.set));
    await this.rowSets.remove((this.setsRead.get(read) ?? []).filter((ref) => !kept.has(ref.set)));
    return true;
  }

  /** The document, rolled forward, made into a table by `hydrate`; read again when a set it names was removed. */
  private async read<T>(
    key: string,
    hydrate: (doc: Stored) => Promise<T | undefined>,
  ): Promise<{ table: T | null; rev: number | undefined }> {
    for (let attempt = 1; ; attempt++) {
      const doc = await this.store.get(key);
      if (!doc || doc.deleted) return { table: null, rev: doc?.rev };
      const table = await hydrate(doc);
      if (table !== undefined) return { table, rev: doc.rev };
      if (attempt === READ_ATTEMPTS)
        throw new Error(`reference table "${key}" changed ${READ_ATTEMPTS} times while its rows were read`);
    }
  }

  /** Rows stored inline (before row sets) or in a set; null when the set was removed meanwhile. */
  private rowsOf(holder: { rows?: Row[]; rowSet?: RowSetRef }): Promise<Row[] | null> {
    if (holder.rowSet) return this.rowSets.read(holder.rowSet);
    return Promise.resolve(holder.rows ?? []);
  }

  private async toStored(table: ReferenceTable): Promise<{ doc: Stored; written: RowSetRef[] }> {
    const { key, rows, pending, ...rest } = table;
    const written: RowSetRef[] = [];
    const setOf = async (held: readonly Row[]) => {
      const stored = await this.rowSets.store(key, held);
      if (stored.written) written.push(stored.ref);
      return stored.ref;
    };
    try {
      const doc: Stored = { _id: key, ...rest, rowCount: rows.length, rowSet: await setOf(rows) };
      if (pending) {
        const { rows: pendingRows, ...summary } = pending;
        doc.pending = { ...summary, rowSet: await setOf(pendingRows) };
      }
      return { doc, written };
    } catch (err) {
      await this.rowSets.remove(written).catch(() => undefined);
      throw err;
    }
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
    const listed = await this.store.documents
      .find({ deleted: { $ne: true } }, { projection: { rows: 0, 'pending.rows': 0 } })
      .toArray();
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
      table: fromStored(d as Stored, [], []),
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

  /** Indexes, then the row sets no table names, left by writers that lost or stopped (older than ten minutes). */
  async init(): Promise<number> {
    await this.store.init();
    return this.sweepRowSets(new Date(Date.now() - ORPHAN_AFTER_MS));
  }

  /**
   * Removes the row sets registered before `before` that their table's current revision does not name; how many.
   * Only the tables those sets belong to are read, each by `_id`: tables whose rows are still stored inline (until
   * their next change) hold no set and are not read at all.
   */
  async sweepRowSets(before: Date): Promise<number> {
    return this.rowSets.sweep(before, async (key) => {
      // Rolled forward: a revision claimed but not yet applied names sets the document does not.
      const doc = await this.store.get(key);
      return doc ? setsOf(doc).map((ref) => ref.set) : [];
    });
  }
}

/** The row sets a stored table names: its rows', and its pending change's. */
function setsOf(doc: Stored): RowSetRef[] {
  return [doc.rowSet, doc.pending?.rowSet].filter((ref) => ref !== undefined);
}

function fromStored(doc: Stored, rows: Row[], pendingRows: Row[]): ReferenceTable {
  const { _id, rowCount: _rowCount, rows: _inline, rowSet: _rowSet, pending, ...rest } = doc;
  const table: ReferenceTable = { key: _id, ...rest, rows };
  if (pending) {
    const { rows: _pendingInline, rowSet: _pendingSet, ...summary } = pending;
    table.pending = { ...summary, rows: pendingRows };
  }
  return table;
}
