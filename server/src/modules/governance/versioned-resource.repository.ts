import escapeStringRegexp from 'escape-string-regexp';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { ListQuery } from '../../common/http/list-query.js';
import { isDuplicateKey, RevisionedStore } from '../../common/database/revisioned-store.js';
import { withDerivedStatuses } from './publications.js';
import type { Publication, ResourceState, VersionRecord } from './versioned-resource.js';

type Stored<M, C> = Omit<ResourceState<M, C>, 'key'> & { _id: string };
type StoredContent<C> = { _id: string; contentJson?: string; content?: C };

export interface ResourceListFilter {
  pilot?: string;
  status?: string;
  q?: string;
  archived?: boolean;
}

const LIST_PROJECTION = { 'draft.content': 0, 'draft.contentJson': 0, outbox: 0 };
const SORT_FIELDS: Record<string, string> = {
  key: '_id',
  name: 'meta.name',
  pilot: 'meta.pilot',
  updatedAt: 'updatedAt',
  createdAt: 'createdAt',
};

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
    this.store = new RevisionedStore<Stored<M, C>>(db, `${name}s`, `${name}_revisions`, [
      { 'meta.pilot': 1, updatedAt: -1 },
      // What lists filter and sort on (MongoDB uses them; FerretDB 1.24 serves only `_id` lookups from an index).
      { archived: 1, _id: 1 },
      { archived: 1, updatedAt: -1 },
    ]);
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

  /** Current revision numbers of some resources: the cheap check instances poll to notice others' changes. */
  revisionsOf(keys: string[]): Promise<Map<string, number>> {
    return this.store.revisionsOf(keys);
  }

  keysWithOutbox(): Promise<string[]> {
    return this.store.keysWithOutbox();
  }

  /** A page of resources, without their draft contents and outboxes (lists never show them). */
  async list(query: ListQuery, filter: ResourceListFilter): Promise<{ items: ResourceState<M, C>[]; total: number }> {
    const mongoFilter: Record<string, unknown> = { archived: filter.archived ?? false };
    if (filter.pilot) mongoFilter['meta.pilot'] = filter.pilot;
    // Published and retired depend on the clock (a scheduled publication retires the version before it when it
    // starts): those are judged on the derived statuses below, never on the stored ones.
    const derived = filter.status === 'published' || filter.status === 'retired';
    if (filter.status) mongoFilter['versions.status'] = derived ? { $in: ['published', 'retired'] } : filter.status;
    if (filter.q) {
      const text = new RegExp(escapeStringRegexp(filter.q), 'i');
      mongoFilter['$or'] = [{ _id: text }, { 'meta.name': text }, { 'meta.description': text }];
    }
    const field = SORT_FIELDS[query.sortField] ?? '_id';
    const direction = query.sortOrder === 'ASC' ? 1 : -1;
    // One pass over the matching documents, bringing back only `_id` and the sort key: FerretDB 1.24 reads the
    // whole collection for any filter, sort or count, so a find plus a count would read it twice. The page is then
    // read by `_id`, without draft contents and outboxes (lists never show them).
    let keys = await this.store.documents
      .find(mongoFilter, {
        projection: { _id: 1, [field]: 1, ...(derived && { versions: 1, publications: 1 }) },
      })
      .toArray();
    if (derived) {
      const now = new Date();
      keys = keys.filter((doc) =>
        withDerivedStatuses(doc['versions'] as VersionRecord[], (doc['publications'] ?? []) as Publication[], now).some(
          (v) => v.status === filter.status,
        ),
      );
    }
    const sortKey = (doc: Record<string, unknown>): unknown =>
      field.split('.').reduce<unknown>((v, part) => (v as Record<string, unknown> | undefined)?.[part], doc);
    keys.sort((a, b) => direction * compareValues(sortKey(a), sortKey(b)) || direction * compareValues(a._id, b._id));
    const page = keys.slice(query.skip, query.skip + query.limit).map((d) => String(d._id));
    const docs = await Promise.all(
      page.map((id) => this.store.documents.findOne({ _id: id }, { projection: LIST_PROJECTION })),
    );
    const items = await Promise.all(
      docs.filter((d) => d !== null).map(async (d) => fromStored(await this.store.rollForward(d as Stored<M, C>))),
    );
    return { items, total: keys.length };
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

/** MongoDB's order for what lists sort on: missing first, then numbers, strings, dates. */
function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown) =>
    v === undefined || v === null
      ? 0
      : typeof v === 'number'
        ? 1
        : typeof v === 'string'
          ? 2
          : v instanceof Date
            ? 3
            : 4;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const [x, y] =
    a instanceof Date && b instanceof Date ? [a.getTime(), b.getTime()] : [a as number | string, b as number | string];
  return x < y ? -1 : x > y ? 1 : 0;
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
