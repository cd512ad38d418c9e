import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { AuditService } from '../audit/audit.service.js';
import { type NamingEvent, TrailFeed } from '../audit/trail-feed.js';
import type { ApiKeyDocument } from './api-key.schema.js';
import type { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { heldReads } from '../../../test/support/held-reads.js';

const ID = '0123456789abcdef';
const KEY = `gbt_${ID}_${'A'.repeat(43)}`;

/** One stored key, revoked by "another instance" when the test says, and a trail that instance appends to. */
function setUp(expiresAt?: Date) {
  const stored: ApiKeyDocument = {
    _id: ID,
    name: 'ERP',
    scopes: ['evaluate:invoices'],
    secretHash: createHash('sha256').update(KEY).digest('hex'),
    createdBy: 'admin',
    createdAt: new Date(),
    lastUsedAt: new Date(),
    ...(expiresAt && { expiresAt }),
    outbox: [],
  } as ApiKeyDocument;
  const { read, hold, reads } = heldReads(() => ({ ...stored }));
  const repository = { findById: read } as unknown as ApiKeysRepository;
  const events: (NamingEvent & { seq: number; action: string })[] = [];
  const feed = new TrailFeed<NamingEvent & { seq: number; action: string }>({
    changeMarker: async () => events.length,
    claimedEvents: async (seqs) => seqs.map((seq) => events[seq - 1] ?? null),
  });
  const service = new ApiKeysService(repository, { feed } as unknown as AuditService);
  const revokeElsewhere = () => {
    stored.revokedAt = new Date();
    events.push({ seq: events.length + 1, action: 'api_key.revoked', resourceType: 'api_key', resourceKey: ID });
  };
  return { service, feed, events, revokeElsewhere, reads, hold };
}

describe('ApiKeysService', () => {
  it('refuses a key from the instant it expires, even while its check is cached, saying it expired', async () => {
    const { service, reads } = setUp(new Date(Date.now() + 150));
    expect((await service.authenticate(KEY)).id).toBe(ID);
    await service.authenticate(KEY);
    expect(reads()).toBe(1); // served from memory until then
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(service.authenticate(KEY)).rejects.toMatchObject({
      code: 'api_key_expired',
      message: expect.stringMatching(/^The API key expired at \d{4}-.+Z: ask an administrator for a new one\.$/),
    });
  });

  it('refuses a key once the audit trail tells that another instance revoked it, without waiting for its cache', async () => {
    const { service, feed, revokeElsewhere, reads } = setUp();
    await feed.start();
    expect((await service.authenticate(KEY)).id).toBe(ID);
    await service.authenticate(KEY);
    expect(reads()).toBe(1); // served from memory

    revokeElsewhere();
    await feed.catchUp();
    await expect(service.authenticate(KEY)).rejects.toMatchObject({ code: 'invalid_api_key' });
  });

  it('does not cache a key from a check that read it just before the trail told its revocation', async () => {
    const { service, feed, revokeElsewhere, hold } = setUp();
    await feed.start();
    let release!: () => void;
    hold.next = new Promise<void>((resolve) => (release = resolve));
    const checking = service.authenticate(KEY); // reads the key while it is still valid
    revokeElsewhere();
    await feed.catchUp();
    release();
    await expect(checking).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(service.authenticate(KEY)).rejects.toMatchObject({ code: 'invalid_api_key' });
  });

  it('keeps serving a key whose other events the trail tells (created, used elsewhere)', async () => {
    const { service, feed, events, reads } = setUp();
    await feed.start();
    await service.authenticate(KEY);
    events.push({ seq: 1, action: 'api_key.created', resourceType: 'api_key', resourceKey: ID });
    await feed.catchUp();
    await service.authenticate(KEY);
    expect(reads()).toBe(1);
  });

  it('checks every cached key again when the feed lost track, answering meanwhile', async () => {
    const { service, feed, events, revokeElsewhere } = setUp();
    events.push({ seq: 1, action: 'user.created', resourceType: 'user', resourceKey: 'x' });
    await feed.start();
    await service.authenticate(KEY);
    revokeElsewhere();
    events.length = 0; // a restored database: the trail went back, its news cannot be read
    await feed.catchUp();

    expect((await service.authenticate(KEY)).id).toBe(ID); // this request is served, and starts a check
    await new Promise((resolve) => setImmediate(resolve));
    await expect(service.authenticate(KEY)).rejects.toMatchObject({ code: 'invalid_api_key' });
  });
});
