import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Role } from '../../common/access/roles.js';
import { UsersRepository } from './users.repository.js';

/** What a session token is checked against on every request: the account as it is now. */
export interface SessionUser {
  roles: Role[];
  disabled: boolean;
  tokenVersion: number;
}

/** Other instances see a change within this long; this instance at once (its changes call `forget`). */
const FRESH_MS = 5_000;

/**
 * The accounts behind session tokens, cached briefly. A token carries its account's token version; disabling the
 * account, changing its roles, setting its password or signing out bumps the version, which ends every session
 * issued before. Roles come from here, not from the token, so a removed role stops working too (docs/adr/0003).
 */
@Injectable()
export class SessionUsers {
  private readonly cache = new LRUCache<string, SessionUser | false>({ max: 10_000, ttl: FRESH_MS });

  constructor(private readonly users: UsersRepository) {}

  async current(username: string): Promise<SessionUser | null> {
    const cached = this.cache.get(username);
    if (cached !== undefined) return cached || null;
    const user = await this.users.findByUsername(username);
    const found: SessionUser | false = user
      ? { roles: user.roles, disabled: user.disabled, tokenVersion: user.tokenVersion ?? 0 }
      : false;
    this.cache.set(username, found);
    return found || null;
  }

  forget(username: string): void {
    this.cache.delete(username.toLowerCase());
  }
}
