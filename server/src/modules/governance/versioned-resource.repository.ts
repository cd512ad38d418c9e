import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { isDuplicateKey, RevisionedStore } from '../../common/database/revisioned-store.js';
import { listRowOf, type ListRow, type StoredListFields } from './list-index.js';
import type { ResourceState } from './versioned-resource.js';

type Stored<M, C> = Omit<ResourceState<M, C>, 'key'> & { _id: string };
type StoredContent<C> = { _id: string; contentJson?: string; content?: C };

const LIST_PROJECTION = { 'draft.content': 0, 'draft.contentJson': 0, outbox: 0 };
/** What the list index reads of each resource (docs/adr/0037). */
const LIST_ROW_PROJECTION = { archived: 1, meta: 1, createdAt: 1, updatedAt: 1, versions: 1, publications: 1 };

/**
 * Storage of one kind of versioned resource: the resource document (metadata, draft, version records,
 * publications, outbox) in `<name>s` under the revision claim of `RevisionedStore` (claims in
 * `<name>_revisions`, docs/adr/0005), frozen contents by checksum in `<name>_contents`.
 *
 * Contents (drafts and frozen versions) are stored as JSON text, not as documents: an analyst's JSON may hold
 * keys the database refuses as field names (`$ref`, `$comment`, `$defs` in a JSON Schema, dots, NUL), and a
 * content is only ever read whole. Documents written before that (a `content` object) are still read.
 */
export class VersionedResourceRepository<M, C> {
  private readonly store: RevisionedStore<Stored<M, C>>;
  private readonly contents: Collection<StoredContent<C>>;

  constructor(connection: Connection, name: string) {
    const db = connection.db!;
    // Lists filter and sort in memory (docs/adr/0037): no index beyond `_id` is needed.
    this.store = new RevisionedStore<Stored<M, C>>(db, `${name}s`, `${name}_revisions`);
    this.contents = db.collection<StoredContent<C>>(`${name}_contents`);
  }

  async get(key: string): Promise<ResourceState<M, C> | null> {
    const doc = await this.store.get(key);
    return doc ? fromStored(doc) : null;
  }

  /** Inserts a new resource; false when the key is taken. */
  create(state: ResourceState<M, C>): Promise<boolean> {
    return this.store.insert(toStored(state));
  }

  /** Writes the next state only if nobody changed the resource since `expectedRev` was read. */
  replace(state: ResourceState<M, C>, expectedRev: number): Promise<boolean> {
    return this.store.replace(toStored(state), expectedRev);
  }

  /** Whether any resource was ever stored (archived ones included). */
  any(): Promise<boolean> {
    return this.store.any();
  }

  /** The keys of the first `limit` resources stored (about the oldest first), read without a scan. */
  firstKeys(limit: number): Promise<string[]> {
    return this.store.firstKeys(limit);
  }

  /** Current revision numbers of some resources: the cheap check instances poll to notice others' changes. */
  revisionsOf(keys: string[]): Promise<Map<string, number>> {
    return this.store.revisionsOf(keys);
  }

  keysWithOutbox(): Promise<string[]> {
    return this.store.keysWithOutbox();
  }

  /** Every resource's list fields, streamed in batches: one pass over the collection (builds the list index). */
  async *allListRows(): AsyncGenerator<ListRow> {
    // Batches keep each decode short: the whole collection in one reply would hold the event loop.
    const cursor = this.store.documents.find({}, { projection: LIST_ROW_PROJECTION, batchSize: 500 });
    try {
      for await (const doc of cursor) yield listRowOf(doc as unknown as StoredListFields);
    } finally {
      await cursor.close();
    }
  }

  /** The list fields of some resources, one `_id` lookup each, rolled forward; null for a key that is gone. */
  async listRowsOf(keys: string[]): Promise<Map<string, ListRow | null>> {
    const docs = await Promise.all(keys.map((key) => this.pageItem(key)));
    return new Map(keys.map((key, i) => [key, docs[i] ? listRowOf(docs[i] as unknown as StoredListFields) : null]));
  }

  /** The resources of one page, in the order given, without draft contents and outboxes (lists never show them). */
  async page(keys: string[]): Promise<ResourceState<M, C>[]> {
    const docs = await Promise.all(keys.map((key) => this.pageItem(key)));
    return docs.filter((d) => d !== null).map((d) => fromStored(d));
  }

  private async pageItem(key: string): Promise<Stored<M, C> | null> {
    const doc = await this.store.documents.findOne({ _id: key }, { projection: LIST_PROJECTION });
    return doc ? this.store.rollForward(doc as Stored<M, C>) : null;
  }

  /** Stores a frozen content under its checksum (one insert; the same content stored before is kept as it is). */
  async saveContent(checksum: string, content: C): Promise<void> {
    try {
      await this.contents.insertOne({ _id: checksum, contentJson: JSON.stringify(content) });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  async loadContent(checksum: string): Promise<C | null> {
    const doc = await this.contents.findOne({ _id: checksum });
    if (!doc) return null;
    return typeof doc.contentJson === 'string' ? (JSON.parse(doc.contentJson) as C) : (doc.content as C);
  }

  /** Makes sure indexes exist before first use. */
  init(): Promise<void> {
    return this.store.init();
  }
}

function toStored<M, C>(state: ResourceState<M, C>): Stored<M, C> {
  const { key, draft, ...rest } = state;
  if (!draft) return { _id: key, draft, ...rest };
  const { content, ...draftFields } = draft;
  return {
    _id: key,
    draft: { ...draftFields, contentJson: JSON.stringify(content) } as unknown as typeof draft,
    ...rest,
  };
}

function fromStored<M, C>(doc: Stored<M, C>): ResourceState<M, C> {
  const { _id, draft, ...rest } = doc;
  const stored = draft as (typeof draft & { contentJson?: string }) | null | undefined;
  if (typeof stored?.contentJson !== 'string') return { key: _id, draft, ...rest };
  const { contentJson, ...draftFields } = stored;
  return { key: _id, draft: { ...draftFields, content: JSON.parse(contentJson) as C }, ...rest };
}
