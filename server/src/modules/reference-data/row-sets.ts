import type { Collection, Db } from 'mongodb';
import { timeOrderedId } from '../../common/ids/time-ordered-id.js';
import { inGroups } from '../../common/async/in-groups.js';
import type { Row } from './reference-table.js';

/** Where a table's rows (or a pending change's) are stored: `chunks` documents `<set>.0` … of `count` rows. */
export interface RowSetRef {
  set: string;
  chunks: number;
  count: number;
}

/** A set as registered before its chunks are written: what the sweep needs to find and remove them. */
interface RowSetDoc {
  _id: string;
  table: string;
  chunks: number;
  at: Date;
}

interface RowChunkDoc {
  _id: string;
  rows: Row[];
}

/**
 * A chunk holds rows up to about this many characters of values: the driver decodes a document in one piece, and
 * 128 K characters take it 1–3 ms where a whole 730 KB table had taken 30–50.
 */
const CHUNK_WEIGHT = 128 * 1024;
const CHUNK_ROWS = 1_000;
/** Chunks read, written or deleted at once: a turn of decoding each, with the database's work in between. */
const CHUNKS_AT_ONCE = 4;
/** A set no table names for this long was left by a writer that lost its revision, or stopped, before removing it. */
export const ORPHAN_AFTER_MS = 10 * 60_000;

/**
 * The rows of reference tables, stored apart from the table documents (docs/adr/0041). A table document names its
 * rows' set; a set is written once, before the table document that names it, and never changed: a change writes
 * a new set and the old one is removed once no revision names it. Sets are registered in `reference_table_row_sets`
 * before their chunks go into `reference_table_row_chunks`, so a set a writer abandoned is found by the sweep
 * without reading any chunk. Every read and delete of a chunk is by `_id`, the one lookup FerretDB serves from an
 * index.
 */
export class RowSets {
  private readonly sets: Collection<RowSetDoc>;
  private readonly chunks: Collection<RowChunkDoc>;
  /**
   * The set each rows array was read from or written as. A change that keeps the rows (a change proposed, then
   * rejected) or adopts the pending ones (approved) hands the same array back, and its set is named again instead
   * of written again. Rows arrays are never changed in place once read or built.
   */
  private readonly known = new WeakMap<readonly Row[], RowSetRef>();

  constructor(db: Db) {
    this.sets = db.collection<RowSetDoc>('reference_table_row_sets');
    this.chunks = db.collection<RowChunkDoc>('reference_table_row_chunks');
  }

  /**
   * The set holding `rows`: the one they came from while it is still registered, or a new one written now. (A set
   * is removed once a newer revision no longer names it; a writer holding rows read before that loses its claim,
   * but its rows must not be named meanwhile as if they were stored.)
   */
  async store(table: string, rows: readonly Row[]): Promise<{ ref: RowSetRef; written: boolean }> {
    const known = this.known.get(rows);
    // Named again only by the table it is registered under: the sweep asks that table alone whether it names it.
    if (known && (await this.sets.findOne({ _id: known.set }, { projection: { table: 1 } }))?.table === table)
      return { ref: known, written: false };
    const pieces = chunked(rows);
    const ref: RowSetRef = { set: timeOrderedId(), chunks: pieces.length, count: rows.length };
    await this.sets.insertOne({ _id: ref.set, table, chunks: ref.chunks, at: new Date() });
    try {
      await inGroups(pieces, CHUNKS_AT_ONCE, async (piece, i) => {
        await this.chunks.insertOne({ _id: chunkId(ref.set, i), rows: piece });
      });
    } catch (err) {
      // Half-written: removed now if the database lets us, else by the sweep.
      await this.remove([ref]).catch(() => undefined);
      throw err;
    }
    this.known.set(rows, ref);
    return { ref, written: true };
  }

  /** The rows of a set; null when a chunk is gone (a newer revision removed the set: read the table again). */
  async read(ref: RowSetRef): Promise<Row[] | null> {
    const pieces = new Array<Row[] | null>(ref.chunks).fill(null);
    await inGroups(pieces, CHUNKS_AT_ONCE, async (_, i) => {
      pieces[i] = (await this.chunks.findOne({ _id: chunkId(ref.set, i) }))?.rows ?? null;
    });
    if (pieces.some((piece) => piece === null)) return null;
    const rows = (pieces as Row[][]).flat();
    this.known.set(rows, ref);
    return rows;
  }

  /** Removes sets: their chunks first, then the entry that lets the sweep find them. */
  async remove(refs: readonly RowSetRef[]): Promise<void> {
    for (const ref of refs) {
      await inGroups(new Array<undefined>(ref.chunks).fill(undefined), CHUNKS_AT_ONCE, (_, i) =>
        this.chunks.deleteOne({ _id: chunkId(ref.set, i) }),
      );
      await this.sets.deleteOne({ _id: ref.set });
    }
  }

  /**
   * Removes the sets registered before `before` that their table no longer names (`namedBy`, asked once per
   * table): left by a writer that lost its revision, or stopped between writing a revision and removing the sets
   * it replaced. Returns how many.
   */
  async sweep(before: Date, namedBy: (table: string) => Promise<readonly string[]>): Promise<number> {
    const registered = await this.sets.find({ at: { $lt: before } }).toArray();
    const byTable = new Map<string, RowSetDoc[]>();
    for (const doc of registered) byTable.set(doc.table, [...(byTable.get(doc.table) ?? []), doc]);
    const orphans: RowSetDoc[] = [];
    for (const [table, docs] of byTable) {
      const named = new Set(await namedBy(table));
      orphans.push(...docs.filter((doc) => !named.has(doc._id)));
    }
    await this.remove(orphans.map((doc) => ({ set: doc._id, chunks: doc.chunks, count: 0 })));
    return orphans.length;
  }
}

function chunkId(set: string, index: number): string {
  return `${set}.${index}`;
}

/** Consecutive rows, cut where a chunk reaches CHUNK_WEIGHT characters of values or CHUNK_ROWS rows. */
function chunked(rows: readonly Row[]): Row[][] {
  const pieces: Row[][] = [];
  let piece: Row[] = [];
  let weight = 0;
  for (const row of rows) {
    const rowWeight = weightOf(row);
    if (piece.length > 0 && (weight + rowWeight > CHUNK_WEIGHT || piece.length >= CHUNK_ROWS)) {
      pieces.push(piece);
      piece = [];
      weight = 0;
    }
    piece.push(row);
    weight += rowWeight;
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/** About the characters a row takes: its names and texts, 8 for any other value. */
function weightOf(row: Row): number {
  let weight = 0;
  for (const name in row) {
    const value = row[name];
    weight += name.length + (typeof value === 'string' ? value.length : 8);
  }
  return weight;
}
