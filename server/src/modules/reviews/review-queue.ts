import type { ListQuery } from '../../common/http/list-query.js';
import { FeedKeptRows, pageOfRows } from '../audit/feed-kept-rows.js';
import type { NamingEvent, TrailReader } from '../audit/trail-feed.js';

/** What the review queue filters, sorts and counts on, for one request: under a hundred bytes. */
export interface QueueRow {
  id: string;
  ruleset: string;
  status: 'open' | 'closed';
  outcome?: 'confirmed' | 'overridden';
  /** Milliseconds since the epoch. */
  dueAt: number;
  submittedAt: number;
  decidedAt?: number;
}

/** Where the rows come from: every request once, then the ones the trail names, by `_id`. */
export interface QueueRowSource {
  allQueueRows(): AsyncIterable<QueueRow>;
  queueRowsOf(ids: string[]): Promise<Map<string, QueueRow | null>>;
}

export interface QueueFilter {
  status?: 'open' | 'closed';
  ruleset?: string;
}

type SortField = 'dueAt' | 'submittedAt' | 'decidedAt';

/**
 * The review queue's rows, kept in memory and current through the audit trail (every submission and decision is
 * audited, naming the request): the queue and the /metrics counts read them instead of every request, which the
 * embedded database serves from no index (docs/adr/0043). A page's requests are then read by `_id`.
 */
export class ReviewQueue {
  private readonly kept: FeedKeptRows<QueueRow>;

  constructor(source: QueueRowSource, feed: TrailReader<NamingEvent>) {
    this.kept = new FeedKeptRows(
      'review',
      { allRows: () => source.allQueueRows(), rowsOf: (ids) => source.queueRowsOf(ids) },
      (row) => row.id,
      feed,
    );
  }

  /** This instance stored or decided the request: read it again before the next read. */
  touch(id: string): void {
    this.kept.touch(id);
  }

  /**
   * The ids of one page and how many match. Ordered by the field asked (a request without it first when
   * ascending), then by due date and id, as the database ordered them before.
   */
  async select(filter: QueueFilter, query: ListQuery): Promise<{ ids: string[]; total: number }> {
    const field = query.sortField as SortField;
    const sign = query.sortOrder === 'ASC' ? 1 : -1;
    const at = (row: QueueRow) => row[field] ?? -Infinity;
    const { page, total } = pageOfRows(
      await this.kept.current(),
      (row) => (!filter.status || row.status === filter.status) && (!filter.ruleset || row.ruleset === filter.ruleset),
      (a, b) => sign * (at(a) - at(b)) || a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      query,
    );
    return { ids: page.map((r) => r.id), total };
  }

  /** Open, overdue and closed-by-outcome counts, for /metrics. */
  async counts(now: Date): Promise<{ open: number; overdue: number; confirmed: number; overridden: number }> {
    const counts = { open: 0, overdue: 0, confirmed: 0, overridden: 0 };
    const time = now.getTime();
    for (const row of (await this.kept.current()).values()) {
      if (row.status === 'open') {
        counts.open++;
        if (row.dueAt < time) counts.overdue++;
      } else if (row.outcome) counts[row.outcome]++;
    }
    return counts;
  }
}
