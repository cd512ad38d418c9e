import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AuditFilter } from './audit.repository.js';
import { AuditIndex, type AuditIndexSource, type IndexedEvent } from './audit-index.js';

/** A trail in memory: the events, and the claims of the last `kept` positions (older ones are forgotten). */
class Trail implements AuditIndexSource {
  readonly events: IndexedEvent[] = [];
  constructor(private readonly kept = 200) {}

  append(event: Omit<IndexedEvent, 'seq'>): IndexedEvent {
    const chained = { ...event, seq: this.events.length + 1 };
    this.events.push(chained);
    return chained;
  }

  async changeMarker(): Promise<number> {
    return this.events.length;
  }

  async changesSince(after: number): Promise<{ upTo: number; events: IndexedEvent[] } | null> {
    const upTo = this.events.length;
    if (upTo < after || upTo - after > this.kept) return null;
    return { upTo, events: this.events.slice(after) };
  }

  async *indexedEventsAfter(after: number): AsyncIterable<IndexedEvent> {
    yield* this.events.filter((e) => e.seq > after).reverse(); // storage order is not chain order
  }

  /** A restored backup: the trail is back to its first `length` events (later ones may differ). */
  restore(length: number): void {
    this.events.length = length;
  }
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
          const index = new AuditIndex(trail);
          await index.build();
          // Later events arrive both ways: some written by this process, the rest told by the claims.
          after.forEach((e, i) => {
            const chained = trail.append(e);
            if (i % 2 === 0) index.add([chained]);
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
    const index = new AuditIndex(trail);
    expect(await index.select({ actor: 'x' }, 'ASC', 0, 10)).toBeNull(); // no pass yet: the database answers
    void index.build();
    expect((await index.select({ actor: 'x' }, 'ASC', 0, 10))?.total).toBe(1);
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
});
