import type { OutboxItem } from '../audit/outbox.js';
import type { Role } from '../../common/access/roles.js';

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
