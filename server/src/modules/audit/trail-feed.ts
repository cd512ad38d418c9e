import { Logger } from '@nestjs/common';
import { FreshRun } from '../../common/async/fresh-run.js';

/** What the audit trail tells its readers: events in position order, or that some could not be read. */
export type TrailNews<E> =
  | { events: readonly E[] }
  /** The trail moved further than its recent claims tell; `restored` when it is now shorter than it was. */
  | { lost: true; restored: boolean };

/** What a reader needs of an event to know which resource changed. */
export type NamingEvent = { resourceType: string; resourceKey?: string };

export interface TrailSource<E> {
  /** The trail's position hint (one small `_id` read). */
  changeMarker(): Promise<number>;
  /** The events claimed at these positions, one `_id` lookup each (null where the claim is gone). */
  claimedEvents(seqs: number[]): Promise<(E | null)[]>;
}

/** Positions behind the hint whose claims are surely still kept (ADR 0011 keeps 256, forgotten 16 at a time). */
export const CLAIMS_REACH = 224;

/** What a reader keeping one kind of resource does with the trail's news. */
export interface ResourceWatcher<E extends NamingEvent> {
  /** The trail named this resource of the kind (another instance's change, or this one's). */
  changed(key: string, event: E): void;
  /** The feed lost track: any resource of the kind may have changed. */
  lost(): void;
}

/** Tells `watcher` what the trail says of the resources of one type: the shared filter of every cache's news. */
export function watchResources<E extends NamingEvent>(
  feed: TrailReader<E>,
  resourceType: string,
  watcher: ResourceWatcher<E>,
): void {
  feed.subscribe((news) => {
    if (!('events' in news)) return watcher.lost();
    for (const event of news.events)
      if (event.resourceType === resourceType && event.resourceKey) watcher.changed(event.resourceKey, event);
  });
}

/** What a reader of the feed uses. */
export interface TrailReader<E> {
  /** The hint position the claims were read up to: what a reader building from the database must cover. */
  readonly position: number;
  /** Tells every subscriber what was recorded up to now. */
  catchUp(): Promise<void>;
  subscribe(listener: (news: TrailNews<E>) => void): void;
}

/**
 * The audit trail as a change feed, read once for every in-memory index of this process (docs/adr/0037). Each
 * governed change records an event naming its resource, so whoever keeps something derived from the database can
 * learn what other instances changed from the claims of the trail's recent positions: a few `_id` lookups.
 * This process's own appends are told as they are written, and their positions are not read again: a single
 * instance never loses track, however fast it records (receipts are audited one by one).
 */
export class TrailFeed<E extends { seq: number }> implements TrailReader<E> {
  private readonly listeners: ((news: TrailNews<E>) => void)[] = [];
  private readonly logger = new Logger('TrailFeed');
  /** The hint position the claims were read up to. */
  private fed = 0;
  private started = false;
  /** Positions after `fed` this process told (its own appends): nothing to read for them. */
  private readonly told = new Set<number>();
  /** A caller gets a read that started after it asked: it covers every event recorded before. */
  private readonly reads = new FreshRun(() => this.read());

  constructor(
    private readonly source: TrailSource<E>,
    private readonly reach = CLAIMS_REACH,
  ) {}

  /** The hint position the claims were read up to: what a reader building from the database must cover. */
  get position(): number {
    return this.fed;
  }

  subscribe(listener: (news: TrailNews<E>) => void): void {
    this.listeners.push(listener);
  }

  /** Starts from where the trail stands now; readers build from the database after this. */
  async start(): Promise<void> {
    this.fed = await this.source.changeMarker();
    this.started = true;
  }

  /** This process's own appends, told at once. */
  tell(events: readonly E[]): void {
    if (events.length === 0) return;
    for (const event of events) if (event.seq > this.fed) this.told.add(event.seq);
    this.emit({ events });
  }

  /** Tells every subscriber what was recorded up to now: a read that started after this call covers it. */
  catchUp(): Promise<void> {
    return this.reads.run();
  }

  private async read(): Promise<void> {
    if (!this.started) await this.start();
    const upTo = await this.source.changeMarker();
    if (upTo < this.fed) return this.lose(upTo, true); // a restored database
    // Positions another instance wrote: read from their claims, which are kept only so far back.
    const unknown: number[] = [];
    for (let seq = this.fed + 1; seq <= upTo; seq++) {
      if (this.told.has(seq)) continue;
      if (seq <= upTo - this.reach) return this.lose(upTo, false);
      unknown.push(seq);
    }
    const events = unknown.length > 0 ? await this.source.claimedEvents(unknown) : [];
    if (events.some((event) => event === null)) return this.lose(upTo, false);
    this.advanceTo(upTo);
    if (events.length > 0) this.emit({ events: events as E[] });
  }

  /** Some positions up to `upTo` cannot be read from the claims: the readers read the database again. */
  private lose(upTo: number, restored: boolean): void {
    if (restored) {
      this.fed = upTo;
      this.told.clear();
    } else {
      this.advanceTo(upTo);
    }
    this.emit({ lost: true, restored });
  }

  private advanceTo(upTo: number): void {
    this.fed = Math.max(this.fed, upTo);
    for (const seq of this.told) if (seq <= this.fed) this.told.delete(seq);
  }

  private emit(news: TrailNews<E>): void {
    // One listener's fault must not keep the news from the others (the position has moved on already), nor fail
    // an append that was written.
    for (const listener of this.listeners) {
      try {
        listener(news);
      } catch (err) {
        this.logger.error(`a reader of the audit trail failed on its news: ${(err as Error).message}`);
      }
    }
  }
}
