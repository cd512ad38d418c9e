import { Schema, type Connection, type Model } from 'mongoose';
import type { ListQuery } from '../../common/http/list-query.js';
import { withDerivedStatuses } from './publications.js';
import type { Publication, ResourceState, VersionRecord } from './versioned-resource.js';

type Stored<M, C> = Omit<ResourceState<M, C>, 'key'> & { _id: string };
type RevisionClaim<M, C> = { _id: string; key: string; rev: number; at: Date; state: Stored<M, C> };

export interface ResourceListFilter {
  pilot?: string;
  status?: string;
  q?: string;
  archived?: boolean;
}

const DUPLICATE_KEY = 11000;
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
 * publications, outbox) in `<name>s`, frozen contents by checksum in `<name>_contents`.
 *
 * Compare-and-swap: FerretDB 1.24 does not apply a conditional update atomically under concurrency (two
 * `updateOne({rev: 1})` can both match), but it does enforce unique indexes. So a writer claims the next
 * revision by inserting `<key>#<rev>` (carrying the whole next state) into `<name>_revisions`: one writer wins
 * each revision. The resource document is then brought up to date; a reader that finds a newer claim (the
 * writer died in between, or a slow writer overwrote a newer state) rolls it forward. See docs/adr/0005.
 *
 * Contents (drafts and frozen versions) are stored as JSON text, not as documents: an analyst's JSON may hold
 * keys the database refuses as field names (`$ref`, `$comment`, `$defs` in a JSON Schema, dots, NUL), and a
 * content is only ever read whole. Documents written before that (a `content` object) are still read.
 */
export class VersionedResourceRepository<M, C> {
  private readonly resources: Model<Stored<M, C>>;
  private readonly contents: Model<{ _id: string; contentJson?: string; content?: C }>;
  private readonly revisions: Model<RevisionClaim<M, C>>;

  constructor(connection: Connection, name: string) {
    const resourceSchema = new Schema(
      { _id: String },
      { collection: `${name}s`, strict: false, versionKey: false, minimize: false },
    );
    resourceSchema.index({ 'meta.pilot': 1, updatedAt: -1 });
    // What lists filter and sort on (MongoDB uses them; FerretDB 1.24 serves only `_id` lookups from an index).
    resourceSchema.index({ archived: 1, _id: 1 });
    resourceSchema.index({ archived: 1, updatedAt: -1 });
    this.resources = connection.model<Stored<M, C>>(`${name}-resource`, resourceSchema);
    this.contents = connection.model<{ _id: string; contentJson?: string; content?: C }>(
      `${name}-content`,
      new Schema(
        { _id: String, contentJson: String, content: Schema.Types.Mixed },
        { collection: `${name}_contents`, versionKey: false, minimize: false },
      ),
    );
    this.revisions = connection.model<RevisionClaim<M, C>>(
      `${name}-revision`,
      new Schema<RevisionClaim<M, C>>(
        { _id: String, key: String, rev: Number, at: Date, state: Schema.Types.Mixed },
        { collection: `${name}_revisions`, versionKey: false, minimize: false },
      ),
    );
  }

  async get(key: string): Promise<ResourceState<M, C> | null> {
    const doc = await this.resources.collection.findOne({ _id: key } as never);
    return doc ? this.rollForward(fromStored(doc as unknown as Stored<M, C>)) : null;
  }

  /** Inserts a new resource; false when the key is taken. */
  async create(state: ResourceState<M, C>): Promise<boolean> {
    try {
      await this.resources.collection.insertOne(toStored(state) as never);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
      throw err;
    }
  }

  /** Writes the next state only if nobody changed the resource since `expectedRev` was read. */
  async replace(state: ResourceState<M, C>, expectedRev: number): Promise<boolean> {
    if (state.rev !== expectedRev + 1)
      throw new Error(
        `a transition must move ${state.key} from rev ${expectedRev} to ${expectedRev + 1}, not ${state.rev}`,
      );
    try {
      await this.revisions.collection.insertOne({
        _id: revisionId(state.key, state.rev),
        key: state.key,
        rev: state.rev,
        at: new Date(),
        state: toStored(state),
      } as never);
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
      throw err;
    }
    await this.writeCurrent(state);
    // Older claims are no longer needed to roll forward; keeping the last two covers a writer still finishing.
    // Deleted by `_id` (each change removes the one that just fell out): a filter on `key`/`rev` would make
    // FerretDB read every claim of every resource (docs/adr/0011).
    if (state.rev > 2)
      void this.revisions.collection
        .deleteOne({ _id: revisionId(state.key, state.rev - 2) } as never)
        .catch(() => undefined);
    return true;
  }

  private async rollForward(state: ResourceState<M, C>): Promise<ResourceState<M, C>> {
    let current = state;
    for (;;) {
      const claim = await this.revisions.collection.findOne({ _id: revisionId(current.key, current.rev + 1) } as never);
      if (!claim) return current;
      current = fromStored(claim['state'] as Stored<M, C>);
      await this.writeCurrent(current);
    }
  }

  private async writeCurrent(state: ResourceState<M, C>): Promise<void> {
    const { _id, ...fields } = toStored(state);
    await this.resources.collection.updateOne({ _id } as never, { $set: fields });
  }

  /** Whether any resource was ever stored (archived ones included). */
  async any(): Promise<boolean> {
    return (await this.resources.collection.findOne({}, { projection: { _id: 1 } })) !== null;
  }

  /** Current revision numbers of some resources: the cheap check instances poll to notice others' changes. */
  async revisionsOf(keys: string[]): Promise<Map<string, number>> {
    // One `_id` lookup per key: FerretDB 1.24 serves `{_id: {$in}}` by reading the whole collection.
    const docs = await Promise.all(
      keys.map((key) => this.resources.collection.findOne({ _id: key } as never, { projection: { rev: 1 } })),
    );
    return new Map(docs.filter((d) => d !== null).map((d) => [String(d._id), Number(d['rev'])]));
  }

  async keysWithOutbox(): Promise<string[]> {
    const docs = await this.resources.collection
      .find({ 'outbox.0': { $exists: true } } as never, { projection: { _id: 1 } })
      .toArray();
    return docs.map((d) => String(d._id));
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
      const text = new RegExp(filter.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      mongoFilter['$or'] = [{ _id: text }, { 'meta.name': text }, { 'meta.description': text }];
    }
    const field = SORT_FIELDS[query.sortField] ?? '_id';
    const direction = query.sortOrder === 'ASC' ? 1 : -1;
    // One pass over the matching documents, bringing back only `_id` and the sort key: FerretDB 1.24 reads the
    // whole collection for any filter, sort or count, so a find plus a count would read it twice. The page is then
    // read by `_id`, without draft contents and outboxes (lists never show them).
    let keys = await this.resources.collection
      .find(mongoFilter as never, {
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
      page.map((id) => this.resources.collection.findOne({ _id: id } as never, { projection: LIST_PROJECTION })),
    );
    const items = await Promise.all(
      docs.filter((d) => d !== null).map((d) => this.rollForward(fromStored(d as unknown as Stored<M, C>))),
    );
    return { items, total: keys.length };
  }

  /** Stores a frozen content under its checksum (one insert; the same content stored before is kept as it is). */
  async saveContent(checksum: string, content: C): Promise<void> {
    try {
      await this.contents.collection.insertOne({ _id: checksum, contentJson: JSON.stringify(content) } as never);
    } catch (err) {
      if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
    }
  }

  async loadContent(checksum: string): Promise<C | null> {
    const doc = await this.contents.collection.findOne({ _id: checksum } as never);
    if (!doc) return null;
    return typeof doc['contentJson'] === 'string' ? (JSON.parse(doc['contentJson']) as C) : (doc['content'] as C);
  }

  /** Makes sure indexes exist before first use. */
  async init(): Promise<void> {
    await Promise.all([this.resources.init(), this.contents.init(), this.revisions.init()]);
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

function revisionId(key: string, rev: number): string {
  return `${key}#${rev}`;
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
