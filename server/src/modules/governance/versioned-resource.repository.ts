import { Schema, type Connection, type Model } from 'mongoose';
import type { ListQuery } from '../../common/http/list-query.js';
import type { ResourceState } from './versioned-resource.js';

type Stored<M, C> = Omit<ResourceState<M, C>, 'key'> & { _id: string };

export interface ResourceListFilter {
  pilot?: string;
  status?: string;
  q?: string;
  archived?: boolean;
}

const DUPLICATE_KEY = 11000;
const SORT_FIELDS: Record<string, string> = { key: '_id', name: 'meta.name', pilot: 'meta.pilot', updatedAt: 'updatedAt', createdAt: 'createdAt' };

/**
 * Storage of one kind of versioned resource: the resource document (metadata, draft, version records,
 * publications, outbox) in `<name>s`, frozen contents by checksum in `<name>_contents`.
 */
export class VersionedResourceRepository<M, C> {
  private readonly resources: Model<Stored<M, C>>;
  private readonly contents: Model<{ _id: string; content: C }>;

  constructor(connection: Connection, name: string) {
    const resourceSchema = new Schema({ _id: String }, { collection: `${name}s`, strict: false, versionKey: false, minimize: false });
    resourceSchema.index({ 'meta.pilot': 1, updatedAt: -1 });
    this.resources = connection.model<Stored<M, C>>(`${name}-resource`, resourceSchema);
    this.contents = connection.model<{ _id: string; content: C }>(
      `${name}-content`,
      new Schema({ _id: String, content: Schema.Types.Mixed }, { collection: `${name}_contents`, versionKey: false, minimize: false }),
    );
  }

  async get(key: string): Promise<ResourceState<M, C> | null> {
    const doc = await this.resources.collection.findOne({ _id: key } as never);
    return doc ? fromStored(doc as unknown as Stored<M, C>) : null;
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
    const { _id, ...fields } = toStored(state);
    const result = await this.resources.collection.updateOne({ _id, rev: expectedRev } as never, { $set: fields });
    return result.matchedCount === 1;
  }

  async pullOutbox(key: string, ids: string[]): Promise<void> {
    await this.resources.collection.updateOne({ _id: key } as never, { $pull: { outbox: { id: { $in: ids } } } } as never);
  }

  async keysWithPendingOutbox(): Promise<string[]> {
    const docs = await this.resources.collection.find({ outbox: { $ne: [] } } as never, { projection: { _id: 1 } }).toArray();
    return docs.map((d) => String(d._id));
  }

  async list(query: ListQuery, filter: ResourceListFilter): Promise<{ items: ResourceState<M, C>[]; total: number }> {
    const mongoFilter: Record<string, unknown> = { archived: filter.archived ?? false };
    if (filter.pilot) mongoFilter['meta.pilot'] = filter.pilot;
    if (filter.status) mongoFilter['versions.status'] = filter.status;
    if (filter.q) {
      const text = new RegExp(filter.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      mongoFilter['$or'] = [{ _id: text }, { 'meta.name': text }, { 'meta.description': text }];
    }
    const sort = { [SORT_FIELDS[query.sortField] ?? '_id']: query.sortOrder === 'ASC' ? 1 : -1 } as const;
    const [docs, total] = await Promise.all([
      this.resources.collection.find(mongoFilter as never).sort(sort).skip(query.skip).limit(query.limit).toArray(),
      this.resources.collection.countDocuments(mongoFilter as never),
    ]);
    return { items: docs.map((d) => fromStored(d as unknown as Stored<M, C>)), total };
  }

  async saveContent(checksum: string, content: C): Promise<void> {
    await this.contents.collection.updateOne({ _id: checksum } as never, { $setOnInsert: { content } }, { upsert: true });
  }

  async loadContent(checksum: string): Promise<C | null> {
    const doc = await this.contents.collection.findOne({ _id: checksum } as never);
    return doc ? (doc['content'] as C) : null;
  }

  /** Makes sure indexes exist before first use. */
  async init(): Promise<void> {
    await Promise.all([this.resources.init(), this.contents.init()]);
  }
}

function toStored<M, C>(state: ResourceState<M, C>): Stored<M, C> {
  const { key, ...rest } = state;
  return { _id: key, ...rest };
}

function fromStored<M, C>(doc: Stored<M, C>): ResourceState<M, C> {
  const { _id, ...rest } = doc;
  return { key: _id, ...rest };
}
