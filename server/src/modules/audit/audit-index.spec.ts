import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AuditFilter } from './audit.repository.js';
import { AuditIndex, type AuditIndexSource, type IndexedEvent } from './audit-index.js';
import { TrailFeed, type TrailSource } from './trail-feed.js';

/** A trail in memory: the events, and the claims of the last `kept` positions (older ones are forgotten). */
class Trail implements AuditIndexSource, TrailSource<IndexedEvent> {
  readonly events: IndexedEvent[] = [];
  /** Where the position hint stands when it lags behind the trail (a concurrent `$max` lost on FerretDB). */
  hint: number | undefined;
  constructor(private readonly kept = 200) {}

  append(event: Omit<IndexedEvent, 'seq'>): IndexedEvent {
    const chained = { ...event, seq: this.events.length + 1 };
    this.events.push(chained);
    return chained;
  }

  async changeMarker(): Promise<number> {
    return this.hint ?? this.events.length;
  }

  /** Positions whose event was deleted by hand (and whose claim is long gone). */
  readonly deleted = new Set<number>();

  /** Passes over the stored events so far. */
  passes = 0;

  async *indexedEventsAfter(after: number): AsyncIterable<IndexedEvent> {
    this.passes++;
    // Storage order is not chain order.
    yield* this.events.filter((e) => e.seq > after && !this.deleted.has(e.seq)).reverse();
  }

  async claimedEvents(seqs: number[]): Promise<(IndexedEvent | null)[]> {
    const kept = (seq: number) => seq > this.events.length - this.kept && !this.deleted.has(seq);
    return seqs.map((seq) => (kept(seq) ? (this.events[seq - 1] ?? null) : null));
  }

  /** A restored backup: the trail is back to its first `length` events (later ones may differ). */
  restore(length: number): void {
    this.events.length = length;
  }
}

/** An index as the service makes one: fed by a trail feed started before its first pass. */
async function indexOver(trail: Trail): Promise<{ index: AuditIndex; feed: TrailFeed<IndexedEvent> }> {
  const feed = new TrailFeed<IndexedEvent>(trail);
  await feed.start();
  return { index: new AuditIndex(trail, feed), feed };
}

/** What the database query answers: the same filter over every event, by position. */
function byTheDatabase(events: IndexedEvent[], filter: AuditFilter, order: 'ASC' | 'DESC') {
  const matching = events.filter(
    (e) =>
      (filter.resourceType === undefined || e.resourceType === filter.resourceType) &&
      (filter.resourceKey === undefined || e.resourceKey === filter.resourceKey) &&
      (filter.actor === undefined || e.actor === filter.actor) &&
      (filter.action === undefined || e.action === filter.action) &&
      (filter.from === undefined || new Date(e.at) >= filter.from) &&
      (filter.to === undefined || new Date(e.at) <= filter.to),
  );
  return order === 'ASC' ? matching : matching.reverse();
}

const DAY0 = Date.parse('2026-11-01T00:00:00Z');
const arbitraryEvent = fc.record({
  id: fc.oneof(
    fc.constant(null).map(() => randomUUID()),
    fc.string({ minLength: 1, maxLength: 12 }),
  ),
  resourceType: fc.constantFrom('ruleset', 'prompt', 'user'),
  resourceKey: fc.option(fc.constantFrom('factures', 'adhesion', 'chatbot', 'analyst'), { nil: undefined }),
  actor: fc.constantFrom('analyst', 'approver', 'risk'),
  action: fc.constantFrom('ruleset.created', 'ruleset.published', 'auth.login'),
  at: fc.integer({ min: 0, max: 30 }).map((d) => new Date(DAY0 + d * 86_400_000).toISOString()),
});
/** Mostly absent: a filter of every field at once would match nothing and prove little. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary, weight: 1 });
const day = fc.integer({ min: 0, max: 30 }).map((d) => new Date(DAY0 + d * 86_400_000));
const arbitraryFilter: fc.Arbitrary<AuditFilter> = fc.record({
  resourceType: sometimes(fc.constantFrom('ruleset', 'prompt', 'user', 'experiment')),
  resourceKey: sometimes(fc.constantFrom('factures', 'adhesion', 'chatbot', 'analyst', 'inconnu')),
  actor: sometimes(fc.constantFrom('analyst', 'approver', 'risk')),
  action: sometimes(fc.constantFrom('ruleset.created', 'ruleset.published', 'auth.login')),
  from: sometimes(day),
  to: sometimes(day),
});

describe('AuditIndex', () => {
  it('selects what the database query selects, page and total, for any trail and filter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 60 }),
        fc.array(arbitraryEvent, { maxLength: 30 }),
        arbitraryFilter,
        fc.constantFrom('ASC' as const, 'DESC' as const),
        fc.nat(40),
        fc.integer({ min: 1, max: 25 }),
        async (before, after, filter, order, skip, limit) => {
          const trail = new Trail();
          before.forEach((e) => trail.append(e));
          const { index, feed } = await indexOver(trail);
          await index.build();
          // Later events arrive both ways: some written by this process, the rest told by the claims.
          after.forEach((e, i) => {
            const chained = trail.append(e);
            if (i % 2 === 0) feed.tell([chained]);
          });
          const expected = byTheDatabase(trail.events, filter, order);
          expect(await index.select(filter, order, skip, limit)).toEqual({
            ids: expected.slice(skip, skip + limit).map((e) => e.id),
            total: expected.length,
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('waits for a pass under way, reads the trail again past the claims, and from nothing when it was restored shorter', async () => {
    const trail = new Trail(10);
    const event = () =>
      trail.append({ id: randomUUID(), resourceType: 'user', actor: 'x', action: 'a', at: new Date().toISOString() });
    event();
    const { index } = await indexOver(trail);
    const pass = index.build(); // under way when the query comes
    expect((await index.select({ actor: 'x' }, 'ASC', 0, 10))?.total).toBe(1);
    await pass;
    for (let i = 0; i < 20; i++) event(); // more than the 10 claims the trail keeps
    expect((await index.select({ actor: 'x' }, 'ASC', 0, 10))?.total).toBe(21);
    trail.restore(5);
    trail.append({
      id: 'après-restauration',
      resourceType: 'user',
      actor: 'y',
      action: 'a',
      at: new Date().toISOString(),
    });
    expect(await index.select({ actor: 'x' }, 'ASC', 0, 10)).toMatchObject({ total: 5 });
    expect(await index.select({ actor: 'y' }, 'ASC', 0, 10)).toEqual({ ids: ['après-restauration'], total: 1 });
  });

  it("shows this process's own appends at once, even when the position hint lags behind them", async () => {
    const trail = new Trail();
    const { index, feed } = await indexOver(trail);
    await index.build();
    trail.hint = 0;
    const mine = trail.append({
      id: randomUUID(),
      resourceType: 'ruleset',
      resourceKey: 'factures',
      actor: 'analyst',
      action: 'ruleset.created',
      at: new Date().toISOString(),
    });
    feed.tell([mine]);
    expect(await index.select({ resourceKey: 'factures' }, 'ASC', 0, 10)).toEqual({ ids: [mine.id], total: 1 });
    trail.hint = undefined; // the hint catches up: nothing is read twice, nothing is read again from the start
    const theirs = trail.append({
      id: randomUUID(),
      resourceType: 'ruleset',
      resourceKey: 'factures',
      actor: 'approver',
      action: 'ruleset.approved',
      at: new Date().toISOString(),
    });
    expect(await index.select({ resourceKey: 'factures' }, 'DESC', 0, 10)).toEqual({
      ids: [theirs.id, mine.id],
      total: 2,
    });
  });

  it('leaves filtered queries to the database when an event of the trail is missing', async () => {
    const trail = new Trail(10);
    for (let i = 0; i < 30; i++)
      trail.append({ id: randomUUID(), resourceType: 'user', actor: 'x', action: 'a', at: new Date().toISOString() });
    trail.deleted.add(7);
    const { index } = await indexOver(trail);
    expect(await index.select({ actor: 'x' }, 'ASC', 0, 10)).toBeNull();
    expect(await index.select({ actor: 'x' }, 'ASC', 0, 10)).toBeNull();
    expect(trail.passes).toBe(1); // not a read of every event for each query
  });

  it('never loses track of a trail only this process writes, however far it runs between two reads', async () => {
    const trail = new Trail(10);
    const { index, feed } = await indexOver(trail);
    let lost = 0;
    feed.subscribe((news) => void (!('events' in news) && lost++));
    await index.build();
    const mine = Array.from({ length: 50 }, () =>
      trail.append({
        id: randomUUID(),
        resourceType: 'decision',
        actor: 'api',
        action: 'decision.receipt_issued',
        at: new Date().toISOString(),
      }),
    );
    feed.tell(mine);
    expect(await index.select({ action: 'decision.receipt_issued' }, 'ASC', 0, 100)).toMatchObject({ total: 50 });
    expect(trail.passes).toBe(1); // 50 positions past the 10 kept claims, and no pass: they were all told
    expect(lost).toBe(0); // so lists do not read their collections again either
  });
});
