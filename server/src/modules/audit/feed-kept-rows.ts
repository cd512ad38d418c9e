import { Logger } from '@nestjs/common';
import { FreshRun } from '../../common/async/fresh-run.js';
import { type NamingEvent, type TrailReader, watchResources } from './trail-feed.js';

/** Where rows come from: one pass over every resource (to build), one `_id` lookup per key (to keep up). */
export interface KeptRowSource<R> {
  allRows(): AsyncIterable<R>;
  rowsOf(keys: string[]): Promise<Map<string, R | null>>;
}

/**
 * Rows of one kind of resource kept in memory and current through the audit trail's feed (docs/adr/0037), for
 * selections the embedded database cannot serve from an index: console lists, the review queue.
 *
 * Built by one pass over the collection on the first read (an instance that never reads never pays for it), then
 * kept current without reading it again: this instance's own changes mark their key, and the feed tells which
 * resources other instances changed (each change records an event naming its resource). Before each read, the
 * feed catches up and the marked and named keys are read again by `_id`. When the trail moved further than its
 * recent claims can tell, the collection is read once more. One sync runs at a time; a read waits for one that
 * started after it was asked, so every change that returned before it is in the rows.
 */
export class FeedKeptRows<R> {
  private readonly logger = new Logger('FeedKeptRows');
  private rows = new Map<string, R>();
  private built = false;
  /** Keys changed (by this instance, or told by the trail) since the last sync. */
  private readonly touched = new Set<string>();
  /** The trail moved further than its claims tell: only a new pass knows what changed. */
  private lost = false;
  private readonly syncs = new FreshRun(() => this.sync());
  private syncing = false;

  constructor(
    private readonly resourceType: string,
    private readonly source: KeptRowSource<R>,
    private readonly keyOf: (row: R) => string,
    private readonly feed: TrailReader<NamingEvent>,
  ) {
    watchResources(feed, resourceType, {
      changed: (key) => this.touch(key),
      lost: () => (this.lost = true),
    });
  }

  /** This instance changed the resource: read it again before the next read. */
  touch(key: string): void {
    if (this.tracking()) this.touched.add(key);
  }

  /** Before the first read nothing is kept: the first pass reads all. */
  private tracking(): boolean {
    return this.built || this.syncing;
  }

  /** The rows, current as of this call: every change committed before it is in them. Not to be changed. */
  async current(): Promise<ReadonlyMap<string, R>> {
    await this.syncs.run();
    return this.rows;
  }

  private async sync(): Promise<void> {
    this.syncing = true;
    try {
      await this.feed.catchUp(); // marks what other instances changed, or that only a pass can tell
      const touched = [...this.touched];
      this.touched.clear();
      const pass = !this.built || this.lost;
      this.lost = false;
      try {
        // What changes while the pass reads is told by the feed after it, and read again next time.
        if (pass) await this.rebuild();
        await this.reread(touched);
        this.built = true;
      } catch (err) {
        touched.forEach((key) => this.touched.add(key));
        if (pass) this.lost = true;
        throw err;
      }
    } finally {
      this.syncing = false;
    }
  }

  private async rebuild(): Promise<void> {
    const started = Date.now();
    const rows = new Map<string, R>();
    for await (const row of this.source.allRows()) rows.set(this.keyOf(row), row);
    this.rows = rows;
    this.logger.log(`${this.resourceType} rows: ${rows.size} read in ${Date.now() - started} ms`);
  }

  private async reread(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    for (const [key, row] of await this.source.rowsOf(keys)) {
      if (row === null) this.rows.delete(key);
      else this.rows.set(key, row);
    }
  }
}

/**
 * One page of the kept rows that match, in the order `compare` gives (it breaks every tie: the same page each
 * time), and how many match.
 */
export function pageOfRows<R>(
  rows: ReadonlyMap<string, R>,
  matches: (row: R) => boolean,
  compare: (a: R, b: R) => number,
  { skip, limit }: { skip: number; limit: number },
): { page: R[]; total: number } {
  const matching: R[] = [];
  for (const row of rows.values()) if (matches(row)) matching.push(row);
  matching.sort(compare);
  return { page: matching.slice(skip, skip + limit), total: matching.length };
}
