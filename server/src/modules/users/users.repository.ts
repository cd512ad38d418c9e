import { Inject, Injectable } from '@nestjs/common';
import type { Collection, Filter, UpdateFilter } from 'mongodb';
import type { Connection } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { TypedCollection } from '../../common/database/typed-collection.js';
import type { ListQuery } from '../../common/http/list-query.js';
import { pageOfDocuments } from '../../common/text/french-order.js';
import type { OutboxItem } from '../audit/outbox.js';
import type { Role } from '../../common/access/roles.js';
import type { UserDocument } from './user.schema.js';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  demo: boolean;
  outbox?: OutboxItem[];
}

/** More accounts than any pilot team has: the directory stays one bounded read. */
const PEOPLE_MAX = 10_000;

/** The only code that touches the users collection. */
@Injectable()
export class UsersRepository {
  private readonly users: Collection<UserDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    // Users are found by `_id` (the username) only: no other index.
    this.users = new TypedCollection<UserDocument>(connection, 'users').collection;
  }

  findByUsername(username: string): Promise<UserDocument | null> {
    return this.users.findOne({ _id: username.toLowerCase() });
  }

  /**
   * One page of the accounts, found by username or display name case and accents aside (« helene » finds
   * « Hélène »), and ordered as French orders names: accounts are few, so they are ordered here rather than by
   * the database, which puts « Élodie » after « Zoé ».
   */
  async list(query: ListQuery): Promise<{ items: UserDocument[]; total: number }> {
    const filter: Filter<UserDocument> = {};
    if (typeof query.filter['role'] === 'string') filter.roles = query.filter['role'] as Role;
    const all = await this.users.find(filter).toArray();
    return pageOfDocuments(all, { keyName: 'username', searched: (u) => [u._id, u.displayName] }, query);
  }

  /** The usernames of the enabled accounts holding the admin role. */
  async enabledAdmins(): Promise<string[]> {
    const admins = await this.users.find({ roles: 'admin' }, { projection: { _id: 1, disabled: 1 } }).toArray();
    return admins.filter((user) => user.disabled !== true).map((user) => user._id);
  }

  /** Applies a partial change with its audit events in the same update; false when the user is unknown. */
  async update(
    username: string,
    change: Partial<Pick<UserDocument, 'displayName' | 'roles' | 'disabled' | 'passwordHash'>>,
    unlock: boolean,
    events: OutboxItem[],
    endSessions = false,
  ): Promise<boolean> {
    const update: UpdateFilter<UserDocument> = {
      $set: { ...change, ...(unlock && { failedLoginCount: 0 }), updatedAt: new Date() },
      $push: { outbox: { $each: events } },
      ...(unlock && { $unset: { lockedUntil: 1 } }),
      ...(endSessions && { $inc: { tokenVersion: 1 } }),
    };
    const result = await this.users.updateOne({ _id: username.toLowerCase() }, update);
    return result.matchedCount === 1;
  }

  async removeFromOutbox(username: string, items: OutboxItem[]): Promise<void> {
    await this.users.updateOne({ _id: username }, { $pullAll: { outbox: items } });
  }

  withOutbox(): Promise<UserDocument[]> {
    return this.users.find({ 'outbox.0': { $exists: true } }).toArray();
  }

  /** Every account's username and display name, by username: the staff directory (a few hundred at most). */
  people(): Promise<Pick<UserDocument, '_id' | 'displayName'>[]> {
    return this.users
      .find({}, { projection: { _id: 1, displayName: 1 } })
      .sort({ _id: 1 })
      .limit(PEOPLE_MAX)
      .toArray();
  }

  count(): Promise<number> {
    return this.users.countDocuments();
  }

  /** The demonstration accounts still stored (a database first started outside production). */
  async demoUsernames(): Promise<string[]> {
    const docs = await this.users
      .find({ demo: true }, { projection: { _id: 1 } })
      .limit(50)
      .toArray();
    return docs.map((d) => String(d._id));
  }

  /** Inserts unless the username exists; returns whether it was created (seeding is idempotent). */
  async createIfAbsent(user: NewUser): Promise<boolean> {
    const now = new Date();
    const result = await this.users.updateOne(
      { _id: user.username.toLowerCase() },
      {
        $setOnInsert: {
          displayName: user.displayName,
          passwordHash: user.passwordHash,
          roles: user.roles,
          demo: user.demo,
          disabled: false,
          failedLoginCount: 0,
          tokenVersion: 0,
          outbox: user.outbox ?? [],
          createdAt: now,
          updatedAt: now,
        },
      },
      { upsert: true },
    );
    return result.upsertedCount === 1;
  }

  /** Ends every session of the user (sign-out): tokens carrying an older version are refused. */
  async endSessions(username: string): Promise<void> {
    await this.users.updateOne({ _id: username.toLowerCase() }, { $inc: { tokenVersion: 1 } });
  }

  async recordSuccess(username: string, at: Date): Promise<void> {
    await this.users.updateOne(
      { _id: username },
      { $set: { failedLoginCount: 0, lastLoginAt: at }, $unset: { lockedUntil: 1 } },
    );
  }
}
