import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Role } from '../../common/access/roles.js';
import { AuditService } from '../audit/audit.service.js';
import { watchResources } from '../audit/trail-feed.js';
import { UsersRepository } from './users.repository.js';

/** What a session token is checked against on every request: the account as it is now. */
export interface SessionUser {
  roles: Role[];
  disabled: boolean;
  tokenVersion: number;
}

/**
 * How long an account is served from memory. This instance's own changes call `forget`; another instance's are
 * told by the audit trail's feed within about 2 s (every change to an account, sign-out included, is audited).
 * This delay bounds what the feed could not tell: it lost track, or the change's event is late.
 */
const FRESH_MS = 5_000;

/**
 * The accounts behind session tokens, cached briefly. A token carries its account's token version; disabling the
 * account, changing its roles, setting its password or signing out bumps the version, which ends every session
 * issued before. Roles come from here, not from the token, so a removed role stops working too (docs/adr/0003).
 */
@Injectable()
export class SessionUsers {
  private readonly cache = new LRUCache<string, SessionUser | false>({ max: 10_000, ttl: FRESH_MS });
  /**
   * Reads on their way, by username, each with whether the account was forgotten meanwhile: such a read answers
   * its request but must not cache what it read. Per account, so a burst of failed sign-ins (audited as `user`
   * events) does not keep other accounts out of the cache.
   */
  private readonly reading = new Map<string, { forgotten: boolean; readers: number }>();

  constructor(
    private readonly users: UsersRepository,
    audit: AuditService,
  ) {
    watchResources(audit.feed, 'user', {
      changed: (username) => this.forget(username),
      lost: () => {
        for (const read of this.reading.values()) read.forgotten = true;
        this.cache.clear();
      },
    });
  }

  async current(username: string): Promise<SessionUser | null> {
    const cached = this.cache.get(username);
    if (cached !== undefined) return cached || null;
    let read = this.reading.get(username);
    if (!read) this.reading.set(username, (read = { forgotten: false, readers: 0 }));
    read.readers++;
    try {
      const user = await this.users.findByUsername(username);
      const found: SessionUser | false = user
        ? { roles: user.roles, disabled: user.disabled, tokenVersion: user.tokenVersion ?? 0 }
        : false;
      // Read before a change was told: answer with it (the request was already on its way), but do not keep it.
      if (!read.forgotten) this.cache.set(username, found);
      return found || null;
    } finally {
      if (--read.readers === 0 && this.reading.get(username) === read) this.reading.delete(username);
    }
  }

  forget(username: string): void {
    const key = username.toLowerCase();
    const read = this.reading.get(key);
    if (read) read.forgotten = true;
    this.cache.delete(key);
  }
}
