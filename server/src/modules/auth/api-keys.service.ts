import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { NotFoundError, UnauthenticatedError, ValidationError, namesNone } from '../../common/errors/domain-errors.js';
import type { ListPage, ListQuery } from '../../common/http/list-query.js';
import { AuditService } from '../audit/audit.service.js';
import { OutboxDrain } from '../audit/outbox-drain.js';
import { outboxItem, type OutboxItem } from '../audit/outbox.js';
import { watchResources } from '../audit/trail-feed.js';
import type { ApiKeyDocument } from './api-key.schema.js';
import type { ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from './api-keys.contract.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import type { Principal } from '../../common/access/principal.js';

/** How every API key starts, so that one sent as a bearer token is told from a session token. */
export const API_KEY_PREFIX = 'gbt_';
const KEY_FORMAT = /^gbt_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;
// Verified keys are served from memory so /evaluate never waits for the database; each is re-checked in the
// background once this old. A revocation on another instance is told by the audit trail's feed within about 2 s;
// this delay bounds it when the feed could not tell (it lost track, or the revocation's event is late).
const CACHE_MS = 10_000;
const CACHED_KEYS = 10_000;
const TOUCH_EVERY_MS = 60_000;

/** Creates, lists, revokes and checks API keys. Only a hash is stored; the secret is shown once. */
@Injectable()
export class ApiKeysService implements OnApplicationBootstrap {
  private readonly verified = new LRUCache<
    string,
    { principal: Principal & { kind: 'apiKey' }; until: number; expiresAt: number; rechecking?: boolean }
  >({ max: CACHED_KEYS });
  /**
   * Keys revoked as this instance knows (by itself, or told by the trail): a check that read a key just before
   * its revocation must not cache it again. A revoked key never comes back, so remembering the latest is enough.
   */
  private readonly revoked = new LRUCache<string, true>({ max: CACHED_KEYS });

  private readonly outbox: OutboxDrain;

  constructor(
    private readonly repository: ApiKeysRepository,
    audit: AuditService,
  ) {
    // Recorded items are taken out of the document's outbox at once: its next change does not rewrite it whole.
    this.outbox = new OutboxDrain(audit, 'API key', (key, items) => this.repository.removeFromOutbox(key, items));
    // Another instance's revocation drops the key here; when the feed lost track, every key is checked again.
    watchResources(audit.feed, 'api_key', {
      changed: (id, event) => {
        if (event.action === 'api_key.revoked') this.forget(id);
      },
      lost: () => {
        for (const entry of this.verified.values()) entry.until = 0;
      },
    });
  }

  private forget(id: string): void {
    this.revoked.set(id, true);
    for (const [key, entry] of this.verified.entries()) if (entry.principal.id === id) this.verified.delete(key);
  }

  /** Records key audit events a crashed process left in an outbox. */
  async onApplicationBootstrap(): Promise<void> {
    await this.outbox.atStartup(
      (await this.repository.withOutbox()).map((key) => [key._id, key.outbox] as [string, OutboxItem[]]),
    );
  }

  async create(request: CreateApiKeyRequest, createdBy: string): Promise<CreatedApiKey> {
    const expiresAt = request.expiresAt === undefined ? undefined : new Date(request.expiresAt);
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw new ValidationError('A key cannot be created already expired.', [
        { path: '/expiresAt', message: 'must be in the future' },
      ]);
    const id = randomBytes(8).toString('hex');
    const key = `${API_KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
    const event = outboxItem({
      actor: createdBy,
      action: 'api_key.created',
      resourceType: 'api_key',
      resourceKey: id,
      details: { name: request.name, scopes: request.scopes, ...(expiresAt && { expiresAt: expiresAt.toISOString() }) },
    });
    const document = {
      _id: id,
      name: request.name,
      scopes: [...request.scopes],
      secretHash: sha256(key),
      createdBy,
      createdAt: new Date(),
      ...(expiresAt && { expiresAt }),
      outbox: [event],
    };
    await this.outbox.written(
      id,
      [event],
      () => this.repository.insert(document),
      () => this.repository.findById(id),
    );
    await this.outbox.afterCommit(id, [event]);
    return {
      id,
      key,
      name: request.name,
      scopes: [...request.scopes],
      ...(expiresAt && { expiresAt: expiresAt.toISOString() }),
    };
  }

  async list(query: ListQuery): Promise<ListPage<ApiKeyView>> {
    const { items, total } = await this.repository.list(query);
    return { items: items.map(toView), total, skip: query.skip };
  }

  async revoke(id: string, by: string): Promise<ApiKeyView> {
    const event = outboxItem({ actor: by, action: 'api_key.revoked', resourceType: 'api_key', resourceKey: id });
    const revoked = await this.outbox.written(
      id,
      [event],
      () => this.repository.revoke(id, by, new Date(), event),
      () => this.repository.findById(id),
    );
    if (!revoked) {
      const existing = await this.repository.findById(id);
      if (!existing)
        throw new NotFoundError(`No API key with id "${id}".`, [namesNone('/id', 'api_key', 'names no API key')]);
      return toView(existing); // already revoked: revoking again changes nothing
    }
    this.forget(id);
    await this.outbox.afterCommit(id, [event]);
    return toView(revoked);
  }

  /** The principal for a presented key, or 401 when it is malformed, unknown, revoked or expired. */
  async authenticate(presented: string): Promise<Principal & { kind: 'apiKey' }> {
    const cached = this.verified.get(presented);
    if (cached) {
      // A cached key expires on time, not at its next check.
      if (cached.expiresAt <= Date.now()) {
        this.verified.delete(presented);
        return this.verify(presented);
      }
      if (cached.until <= Date.now() && !cached.rechecking) this.recheck(presented, cached);
      return cached.principal;
    }
    return this.verify(presented);
  }

  /** Re-reads a cached key after the request that noticed its age; a database that does not answer keeps the key valid. */
  private recheck(presented: string, cached: { until: number; rechecking?: boolean }): void {
    cached.rechecking = true;
    this.verify(presented)
      .then(
        () => undefined,
        (err: unknown) => {
          if (err instanceof UnauthenticatedError) this.verified.delete(presented);
          else cached.until = Date.now() + CACHE_MS;
        },
      )
      .finally(() => (cached.rechecking = false));
  }

  private async verify(presented: string): Promise<Principal & { kind: 'apiKey' }> {
    const match = KEY_FORMAT.exec(presented);
    const stored = match ? await this.repository.findById(match[1]!) : null;
    if (
      !stored ||
      stored.revokedAt ||
      this.revoked.has(stored._id) ||
      !sameHash(stored.secretHash, sha256(presented))
    ) {
      throw new UnauthenticatedError('The API key is not valid or has been revoked.', 'invalid_api_key');
    }
    // Said apart from an invalid key: whoever presents it held a working key, and needs to know to ask for a new one.
    if (stored.expiresAt && stored.expiresAt.getTime() <= Date.now())
      throw new UnauthenticatedError(
        `The API key expired at ${stored.expiresAt.toISOString()}: ask an administrator for a new one.`,
        'api_key_expired',
      );
    const principal = { kind: 'apiKey' as const, id: stored._id, name: stored.name, scopes: stored.scopes };
    this.verified.set(presented, {
      principal,
      until: Date.now() + CACHE_MS,
      expiresAt: stored.expiresAt?.getTime() ?? Infinity,
    });
    if (!stored.lastUsedAt || Date.now() - stored.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      void this.repository.touch(stored._id, new Date()).catch(() => undefined);
    }
    return principal;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function toView(key: ApiKeyDocument): ApiKeyView {
  return {
    id: key._id,
    name: key.name,
    scopes: key.scopes,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    revoked: Boolean(key.revokedAt),
    ...(key.revokedAt && { revokedAt: key.revokedAt.toISOString() }),
    ...(key.lastUsedAt && { lastUsedAt: key.lastUsedAt.toISOString() }),
    ...(key.expiresAt && {
      expiresAt: key.expiresAt.toISOString(),
      expired: key.expiresAt.getTime() <= Date.now(),
    }),
  };
}
