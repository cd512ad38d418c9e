import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import type { Role } from './roles.js';
import { userSchema, type UserDocument } from './user.schema.js';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  demo: boolean;
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
          },
        },
        { upsert: true },
      )
      .exec();
    return result.upsertedCount === 1;
  }

  /** Counts one more failure atomically and returns the new count. */
  async recordFailure(username: string): Promise<number> {
    const user = await this.users
      .findOneAndUpdate({ _id: username }, { $inc: { failedLoginCount: 1 } }, { returnDocument: 'after' })
      .lean<UserDocument>()
      .exec();
    return user?.failedLoginCount ?? 0;
  }

  async lock(username: string, until: Date): Promise<void> {
    await this.users.updateOne({ _id: username }, { $set: { lockedUntil: until, failedLoginCount: 0 } }).exec();
  }

  async recordSuccess(username: string, at: Date): Promise<void> {
    await this.users.updateOne({ _id: username }, { $set: { failedLoginCount: 0, lastLoginAt: at }, $unset: { lockedUntil: 1 } }).exec();
  }
}
