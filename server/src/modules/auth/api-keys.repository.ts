import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model, SortOrder } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import type { ListQuery } from '../../common/http/list-query.js';
import type { OutboxItem } from '../audit/outbox.js';
import { apiKeySchema, type ApiKeyDocument } from './api-key.schema.js';

/** The only code that touches the api_keys collection. */
@Injectable()
export class ApiKeysRepository {
  private readonly keys: Model<ApiKeyDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.keys = connection.model<ApiKeyDocument>('ApiKey', apiKeySchema);
  }

  async insert(key: ApiKeyDocument): Promise<void> {
    await this.keys.create(key);
  }

  findById(id: string): Promise<ApiKeyDocument | null> {
    return this.keys.findById(id).lean<ApiKeyDocument>().exec();
  }

  async list(query: ListQuery): Promise<{ items: ApiKeyDocument[]; total: number }> {
    const filter =
      query.filter['revoked'] === undefined ? {} : { revokedAt: { $exists: Boolean(query.filter['revoked']) } };
    const sort: Record<string, SortOrder> = {
      [query.sortField === 'id' ? '_id' : query.sortField]: query.sortOrder === 'ASC' ? 1 : -1,
    };
    const [items, total] = await Promise.all([
      query.limit === 0
        ? []
        : this.keys.find(filter).sort(sort).skip(query.skip).limit(query.limit).lean<ApiKeyDocument[]>().exec(),
      this.keys.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  /** Revokes once, with its audit event in the same update; returns the key, or null when unknown or already revoked. */
  revoke(id: string, by: string, at: Date, event: OutboxItem): Promise<ApiKeyDocument | null> {
    return this.keys
      .findOneAndUpdate(
        { _id: id, revokedAt: { $exists: false } },
        { $set: { revokedAt: at, revokedBy: by }, $push: { outbox: event } },
        { returnDocument: 'after' },
      )
      .lean<ApiKeyDocument>()
      .exec();
  }

  async removeFromOutbox(id: string, items: OutboxItem[]): Promise<void> {
    await this.keys.collection.updateOne({ _id: id } as never, { $pullAll: { outbox: items } } as never);
  }

  withOutbox(): Promise<ApiKeyDocument[]> {
    return this.keys
      .find({ 'outbox.0': { $exists: true } })
      .lean<ApiKeyDocument[]>()
      .exec();
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.keys.updateOne({ _id: id }, { $set: { lastUsedAt: at } }).exec();
  }
}
