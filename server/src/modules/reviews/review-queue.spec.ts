import { describe, expect, it } from '@jest/globals';
import type { ListQuery } from '../../common/http/list-query.js';
import { type NamingEvent, TrailFeed } from '../audit/trail-feed.js';
import { ReviewQueue, type QueueRow, type QueueRowSource } from './review-queue.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7);

/** Requests in memory, as the repository gives their rows. */
class Requests implements QueueRowSource {
  readonly rows = new Map<string, QueueRow>();
  passes = 0;

  add(id: string, fields: Partial<QueueRow>): void {
    this.rows.set(id, { id, ruleset: 'enrolment', status: 'open', dueAt: NOW, submittedAt: NOW - DAY, ...fields });
  }

  async *allQueueRows(): AsyncIterable<QueueRow> {
    this.passes++;
    yield* [...this.rows.values()].map((row) => ({ ...row }));
  }

  async queueRowsOf(ids: string[]): Promise<Map<string, QueueRow | null>> {
    return new Map(ids.map((id) => [id, this.rows.has(id) ? { ...this.rows.get(id)! } : null]));
  }
}

/** A trail this process alone writes to, whose appends are told at once, as AuditService does. */
const trail = () =>
  new TrailFeed<NamingEvent & { seq: number }>({ changeMarker: async () => 0, claimedEvents: async () => [] });

const page = (sortField: string, sortOrder: 'ASC' | 'DESC' = 'ASC', skip = 0, limit = 25): ListQuery => ({
  sortField,
  sortOrder,
  skip,
  limit,
  filter: {},
});

describe('ReviewQueue', () => {
  it('filters by status and rule set, sorts by the field asked then due date and id, and pages', async () => {
    const requests = new Requests();
    requests.add('c', { dueAt: NOW + 2 * DAY });
    requests.add('a', { dueAt: NOW + 2 * DAY });
    requests.add('b', { dueAt: NOW + DAY, ruleset: 'invoices' });
    requests.add('d', { status: 'closed', outcome: 'confirmed', dueAt: NOW, decidedAt: NOW - 1 });
    const queue = new ReviewQueue(requests, trail());
    expect(await queue.select({}, page('dueAt'))).toEqual({ ids: ['d', 'b', 'a', 'c'], total: 4 });
    expect(await queue.select({ status: 'open' }, page('dueAt', 'DESC'))).toEqual({ ids: ['a', 'c', 'b'], total: 3 });
    expect(await queue.select({ ruleset: 'invoices' }, page('dueAt'))).toEqual({ ids: ['b'], total: 1 });
    // Not yet decided: first when ascending, last when descending; ties by due date, then id.
    expect((await queue.select({}, page('decidedAt'))).ids).toEqual(['b', 'a', 'c', 'd']);
    expect((await queue.select({}, page('decidedAt', 'DESC'))).ids).toEqual(['d', 'b', 'a', 'c']);
    expect(await queue.select({}, page('dueAt', 'ASC', 1, 2))).toEqual({ ids: ['b', 'a'], total: 4 });
  });

  it('counts open, overdue and decided requests from memory, and learns a change from the trail', async () => {
    const requests = new Requests();
    requests.add('late', { dueAt: NOW - DAY });
    requests.add('due', { dueAt: NOW + DAY });
    requests.add('kept', { status: 'closed', outcome: 'confirmed' });
    requests.add('changed', { status: 'closed', outcome: 'overridden' });
    const feed = trail();
    const queue = new ReviewQueue(requests, feed);
    expect(await queue.counts(new Date(NOW))).toEqual({ open: 2, overdue: 1, confirmed: 1, overridden: 1 });
    // Decided elsewhere; the audit event naming it is what tells the queue.
    requests.add('late', { status: 'closed', outcome: 'overridden', dueAt: NOW - DAY });
    expect(await queue.counts(new Date(NOW))).toEqual({ open: 2, overdue: 1, confirmed: 1, overridden: 1 });
    feed.tell([{ seq: 1, resourceType: 'review', resourceKey: 'late' }]);
    expect(await queue.counts(new Date(NOW))).toEqual({ open: 1, overdue: 0, confirmed: 1, overridden: 2 });
    expect(requests.passes).toBe(1);
  });
});
