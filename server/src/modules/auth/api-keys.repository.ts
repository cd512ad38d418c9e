import { Inject, Injectable } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import type { ListQuery } from '../../common/http/list-query.js';
import { pageOfDocuments } from '../../common/text/french-order.js';
import type { OutboxItem } from '../audit/outbox.js';
import type { ApiKeyDocument } from './api-key.schema.js';

/** The only code that touches the api_keys collection. */
@Injectable()
export class ApiKeysRepository {
  private readonly keys: Collection<ApiKeyDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    // Keys are found by `_id` only: no other index.
    this.keys = new TypedCollection<ApiKeyDocument>(connection, 'api_keys').collection;
  }

  async insert(key: ApiKeyDocument): Promise<void> {
    await this.keys.insertOne(key);
  }

  findById(id: string): Promise<ApiKeyDocument | null> {
    return this.keys.findOne({ _id: id });
  }

  async list(query: ListQuery): Promise<{ items: ApiKeyDocument[]; total: number }> {
    const filter =
      query.filter['revoked'] === undefined ? {} : { revokedAt: { $exists: query.filter['revoked'] === true } };
    // Keys are few: found and ordered here, names as French orders them (the database orders text by code
    // point), and found by name or scope case and accents aside (« cles » finds « Clés de test »).
    const all = await this.keys.find(filter).toArray();
    return pageOfDocuments(all, { keyName: 'id', searched: (key) => [key.name, ...key.scopes] }, query);
  }

  /** Revokes once, with its audit event in the same update; returns the key, or null when unknown or already revoked. */
  revoke(id: string, by: string, at: Date, event: OutboxItem): Promise<ApiKeyDocument | null> {
    return this.keys.findOneAndUpdate(
      { _id: id, revokedAt: { $exists: false } },
      { $set: { revokedAt: at, revokedBy: by }, $push: { outbox: event } },
      { returnDocument: 'after' },
    );
  }

  async removeFromOutbox(id: string, items: OutboxItem[]): Promise<void> {
    await this.keys.updateOne({ _id: id }, { $pullAll: { outbox: items } });
  }

  withOutbox(): Promise<ApiKeyDocument[]> {
    return this.keys.find({ 'outbox.0': { $exists: true } }).toArray();
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.keys.updateOne({ _id: id }, { $set: { lastUsedAt: at } });
  }
}
