import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';

interface Attempts {
  /** Failed attempts in the window, counting those still being checked. */
  count: number;
  /** Refused until then (ms since epoch), once `count` reached the limit. */
  until?: number;
}

export type Attempt = { refusedFor: number } | { done(succeeded: boolean): { lockedNow: boolean }; cancel(): void };

/**
 * Sign-in attempts per account *and* address. An address that fails LOGIN_MAX_FAILURES times on an account is
 * refused on it for LOGIN_LOCKOUT_SECONDS; the account stays open to its owner elsewhere, so nobody can lock
 * `admin` out with five wrong guesses. An attempt is counted before its password is checked, synchronously:
 * guesses sent in parallel cannot all pass the check while the first is still being verified (the database's
 * counter could not promise that). Per instance; the per-address rate limit bounds spraying across accounts.
 */
@Injectable()
export class LoginThrottle {
  private readonly attempts: LRUCache<string, Attempts>;
  /** Per account, the addresses refused on it and until when: what an admin's user list shows, without a scan. */
  private readonly refused = new Map<string, Map<string, number>>();
  private readonly max: number;
  private readonly lockoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.max = config.loginMaxFailures;
    this.lockoutMs = config.loginLockoutSeconds * 1000;
    this.attempts = new LRUCache({ max: 100_000, ttl: this.lockoutMs });
  }

  begin(account: string, address: string, now = Date.now()): Attempt {
    const key = `${account.toLowerCase()}\u0000${address}`;
    const entry = this.attempts.get(key) ?? { count: 0 };
    if (entry.until !== undefined && entry.until > now) return { refusedFor: Math.ceil((entry.until - now) / 1000) };
    if (entry.until !== undefined) Object.assign(entry, { count: 0, until: undefined });
    if (entry.count >= this.max) return { refusedFor: Math.ceil(this.lockoutMs / 1000) };
    entry.count++;
    this.attempts.set(key, entry);
    return {
      done: (succeeded) => {
        if (succeeded) {
          this.attempts.delete(key);
          return { lockedNow: false };
        }
        const lockedNow = entry.count >= this.max && entry.until === undefined;
        if (lockedNow) {
          entry.until = Date.now() + this.lockoutMs;
          const addresses = this.refused.get(account.toLowerCase()) ?? new Map<string, number>();
          this.refused.set(account.toLowerCase(), addresses.set(address, entry.until));
        }
        return { lockedNow };
      },
      // Neither a success nor a failure (the database did not answer): the attempt is not counted.
      cancel: () => {
        entry.count = Math.max(0, entry.count - 1);
      },
    };
  }

  /** Addresses refused on the account right now (on this instance). */
  lockedAddresses(account: string, now = Date.now()): number {
    const addresses = this.refused.get(account.toLowerCase());
    if (!addresses) return 0;
    for (const [address, until] of addresses) if (until <= now) addresses.delete(address);
    if (addresses.size === 0) this.refused.delete(account.toLowerCase());
    return addresses.size;
  }

  /** An admin's unlock: every address may try the account again. */
  clear(account: string): void {
    const prefix = `${account.toLowerCase()}\u0000`;
    for (const key of [...this.attempts.keys()]) if (key.startsWith(prefix)) this.attempts.delete(key);
    this.refused.delete(account.toLowerCase());
  }
}
