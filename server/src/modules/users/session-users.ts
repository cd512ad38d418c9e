import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Role } from '../../common/access/roles.js';
import { AuditService } from '../audit/audit.service.js';
import { watchResources } from '../audit/trail-feed.js';
import { SharedReads } from '../../common/async/shared-reads.js';
import { UsersRepository } from './users.repository.js';

/** What a session token is checked against on every request: the account as it is now. */
export interface SessionUser {
  roles: Role[];
  disabled: boolean;
  tokenVersion: number;
  /** A demonstration account (`demo` password), refused in production. */
  demo: boolean;
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
   * Reads on their way, shared by the requests of one account: an account forgotten meanwhile (this instance's
   * change, or the trail's news) is answered from that read but not cached. Per account, so a burst of failed
   * sign-ins (audited as `user` events) does not keep other accounts out of the cache.
   */
  private readonly reads = new SharedReads<SessionUser | false>();

  constructor(
    private readonly users: UsersRepository,
    audit: AuditService,
  ) {
    watchResources(audit.feed, 'user', {
      changed: (username) => this.forget(username),
      lost: () => {
        this.reads.forgetAll();
        this.cache.clear();
      },
    });
  }

  async current(username: string): Promise<SessionUser | null> {
    const cached = this.cache.get(username);
    if (cached !== undefined) return cached || null;
    const found = await this.reads.get(username, async (stale) => {
      const user = await this.users.findByUsername(username);
      const read: SessionUser | false = user
        ? { roles: user.roles, disabled: user.disabled, tokenVersion: user.tokenVersion ?? 0, demo: !!user.demo }
        : false;
      if (!stale()) this.cache.set(username, read);
      return read;
    });
    return found || null;
  }

  forget(username: string): void {
    const key = username.toLowerCase();
    this.reads.forget(key);
    this.cache.delete(key);
  }
}
