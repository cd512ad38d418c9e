import { describe, expect, it } from '@jest/globals';
import type { AuditService } from '../audit/audit.service.js';
import { type NamingEvent, TrailFeed } from '../audit/trail-feed.js';
import { SessionUsers } from './session-users.js';
import type { UserDocument } from './user.schema.js';
import type { UsersRepository } from './users.repository.js';
import { heldReads } from '../../../test/support/held-reads.js';

type Event = NamingEvent & { seq: number; action: string };

/** One account, changed by "another instance" when the test says, and the trail that instance appends to. */
function setUp() {
  const stored = { _id: 'analyste', roles: ['analyst'], disabled: false, tokenVersion: 3 } as unknown as UserDocument;
  const { read, hold, reads } = heldReads(() => ({ ...stored }));
  const repository = { findByUsername: read } as unknown as UsersRepository;
  const events: Event[] = [];
  const feed = new TrailFeed<Event>({
    changeMarker: async () => events.length,
    claimedEvents: async (seqs) => seqs.map((seq) => events[seq - 1] ?? null),
  });
  const sessions = new SessionUsers(repository, { feed } as unknown as AuditService);
  const elsewhere = (action: string, change: Partial<UserDocument>, resourceType = 'user') => {
    Object.assign(stored, change);
    events.push({ seq: events.length + 1, action, resourceType, resourceKey: 'analyste' });
  };
  return { sessions, feed, elsewhere, events, reads, hold };
}

describe('SessionUsers', () => {
  it('sees an account disabled on another instance once the trail tells it, without waiting for its cache', async () => {
    const { sessions, feed, elsewhere, reads } = setUp();
    await feed.start();
    expect(await sessions.current('analyste')).toMatchObject({ disabled: false });
    await sessions.current('analyste');
    expect(reads()).toBe(1); // served from memory

    elsewhere('user.disabled', { disabled: true, tokenVersion: 4 });
    await feed.catchUp();
    expect(await sessions.current('analyste')).toMatchObject({ disabled: true, tokenVersion: 4 });
  });

  it('ends sessions signed out on another instance (the new token version) once told', async () => {
    const { sessions, feed, elsewhere } = setUp();
    await feed.start();
    await sessions.current('analyste');
    elsewhere('auth.logout', { tokenVersion: 4 });
    await feed.catchUp();
    expect(await sessions.current('analyste')).toMatchObject({ tokenVersion: 4 });
  });

  it('does not keep an account read just before the trail told of its change', async () => {
    const { sessions, feed, elsewhere, hold, reads } = setUp();
    await feed.start();
    let release!: () => void;
    hold.next = new Promise<void>((resolve) => (release = resolve));
    const checking = sessions.current('analyste'); // reads the account while it is still enabled
    elsewhere('user.disabled', { disabled: true });
    await feed.catchUp();
    release();
    expect(await checking).toMatchObject({ disabled: false }); // that request was on its way already
    expect(await sessions.current('analyste')).toMatchObject({ disabled: true });
    expect(reads()).toBe(2);
  });

  it('keeps caching an account read while the trail tells of another one (a failed sign-in elsewhere)', async () => {
    const { sessions, feed, events, hold, reads } = setUp();
    await feed.start();
    let release!: () => void;
    hold.next = new Promise<void>((resolve) => (release = resolve));
    const checking = sessions.current('analyste');
    events.push({ seq: events.length + 1, action: 'auth.login_failed', resourceType: 'user', resourceKey: 'autre' });
    await feed.catchUp();
    release();
    await checking;
    await sessions.current('analyste');
    expect(reads()).toBe(1); // kept: the news was about another account
  });

  it('keeps serving from memory what the trail says of other resources, and reads every account again when it lost track', async () => {
    const { sessions, feed, elsewhere, reads } = setUp();
    await feed.start();
    await sessions.current('analyste');
    elsewhere('api_key.revoked', {}, 'api_key');
    await feed.catchUp();
    await sessions.current('analyste');
    expect(reads()).toBe(1);

    for (let i = 0; i < 300; i++) elsewhere('user.roles_changed', {}, 'ruleset'); // more than the claims kept
    elsewhere('user.roles_changed', { roles: ['analyst', 'approver'] as UserDocument['roles'] }, 'ruleset');
    await feed.catchUp();
    expect(await sessions.current('analyste')).toMatchObject({ roles: ['analyst', 'approver'] });
    expect(reads()).toBe(2);
  });
});
