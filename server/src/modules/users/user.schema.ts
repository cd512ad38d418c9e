import { Schema } from 'mongoose';
import type { OutboxItem } from '../audit/outbox.js';
import { ROLES, type Role } from '../../common/access/roles.js';

export interface UserDocument {
  _id: string; // the username, lowercase: unique by construction
  displayName: string;
  passwordHash: string;
  roles: Role[];
  demo: boolean;
  disabled: boolean;
  failedLoginCount: number;
  lockedUntil?: Date;
  lastLoginAt?: Date;
  /** Bumped to end every session issued before (sign-out, disabling, role or password change). */
  tokenVersion?: number;
  outbox?: OutboxItem[];
  createdAt: Date;
  updatedAt: Date;
}

export const userSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    displayName: { type: String, required: true },
    passwordHash: { type: String, required: true },
    roles: { type: [String], enum: ROLES, required: true },
    demo: { type: Boolean, default: false },
    disabled: { type: Boolean, default: false },
    failedLoginCount: { type: Number, default: 0 },
    lockedUntil: { type: Date },
    lastLoginAt: { type: Date },
    tokenVersion: { type: Number, default: 0 },
    outbox: { type: Schema.Types.Mixed },
  },
  { collection: 'users', timestamps: true, versionKey: false },
);
