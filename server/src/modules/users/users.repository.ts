import { Inject, Injectable } from '@nestjs/common';
import escapeStringRegexp from 'escape-string-regexp';
import type { Connection, Model, SortOrder } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import type { ListQuery } from '../../common/http/list-query.js';
import type { OutboxItem } from '../audit/outbox.js';
import type { Role } from '../../common/access/roles.js';
import { userSchema, type UserDocument } from './user.schema.js';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  demo: boolean;
  outbox?: OutboxItem[];
}

/** The only code that touches the users collection. */
@Injectable()
export class UsersRepository {
  private readonly users: Model<UserDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.users = connection.model<UserDocument>('User', userSchema);
  }

  findByUsername(username: string): Promise<UserDocument | null> {
    return this.users.findById(username.toLowerCase()).lean<UserDocument>().exec();
  }

  async list(query: ListQuery): Promise<{ items: UserDocument[]; total: number }> {
    const filter: Record<string, unknown> = {};
    if (typeof query.filter['role'] === 'string') filter['roles'] = query.filter['role'];
    if (typeof query.filter['q'] === 'string' && query.filter['q'] !== '') {
      const text = new RegExp(escapeStringRegexp(query.filter['q']), 'i');
      filter['$or'] = [{ _id: text }, { displayName: text }];
    }
    const sort: Record<string, SortOrder> = {
      [query.sortField === 'username' ? '_id' : query.sortField]: query.sortOrder === 'ASC' ? 1 : -1,
    };
    const [items, total] = await Promise.all([
      query.limit === 0
        ? []
        : this.users.find(filter).sort(sort).skip(query.skip).limit(query.limit).lean<UserDocument[]>().exec(),
      this.users.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  /** Applies a partial change with its audit events in the same update; false when the user is unknown. */
  async update(
    username: string,
    change: Partial<Pick<UserDocument, 'displayName' | 'roles' | 'disabled' | 'passwordHash'>>,
    unlock: boolean,
    events: OutboxItem[],
    endSessions = false,
  ): Promise<boolean> {
    const set: Record<string, unknown> = { ...change, ...(unlock && { failedLoginCount: 0 }) };
    const update: Record<string, unknown> = { $set: set, $push: { outbox: { $each: events } } };
    if (unlock) update['$unset'] = { lockedUntil: 1 };
    if (endSessions) update['$inc'] = { tokenVersion: 1 };
    const result = await this.users.updateOne({ _id: username.toLowerCase() }, update).exec();
    return result.matchedCount === 1;
  }

  async removeFromOutbox(username: string, items: OutboxItem[]): Promise<void> {
    await this.users.collection.updateOne({ _id: username } as never, { $pullAll: { outbox: items } } as never);
  }

  withOutbox(): Promise<UserDocument[]> {
    return this.users
      .find({ 'outbox.0': { $exists: true } })
      .lean<UserDocument[]>()
      .exec();
  }

  count(): Promise<number> {
    return this.users.countDocuments().exec();
  }

  /** Inserts unless the username exists; returns whether it was created (seeding is idempotent). */
  async createIfAbsent(user: NewUser): Promise<boolean> {
    const result = await this.users
      .updateOne(
        { _id: user.username.toLowerCase() },
        {
          $setOnInsert: {
            displayName: user.displayName,
            passwordHash: user.passwordHash,
            roles: user.roles,
            demo: user.demo,
            disabled: false,
            failedLoginCount: 0,
            outbox: user.outbox ?? [],
          },
        },
        { upsert: true },
      )
      .exec();
    return result.upsertedCount === 1;
  }

  /** Ends every session of the user (sign-out): tokens carrying an older version are refused. */
  async endSessions(username: string): Promise<void> {
    await this.users.updateOne({ _id: username.toLowerCase() }, { $inc: { tokenVersion: 1 } }).exec();
  }

  async recordSuccess(username: string, at: Date): Promise<void> {
    await this.users
      .updateOne({ _id: username }, { $set: { failedLoginCount: 0, lastLoginAt: at }, $unset: { lockedUntil: 1 } })
      .exec();
  }
}
