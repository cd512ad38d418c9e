import { FreshRun } from '../../common/async/fresh-run.js';

/** What the audit trail tells its readers: events in position order, or that some could not be read. */
export type TrailNews<E> =
  | { events: readonly E[] }
  /** The trail moved further than its recent claims tell; `restored` when it is now shorter than it was. */
  | { lost: true; restored: boolean };

export interface TrailSource<E> {
  /** The trail's position hint (one small `_id` read). */
  changeMarker(): Promise<number>;
  /** The events after `after` up to the hint, from the recent claims; null when they cannot be read so. */
  changesSince(after: number): Promise<{ upTo: number; events: E[] } | null>;
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
 * This process's own appends are told as they are written.
 */
export class TrailFeed<E> implements TrailReader<E> {
  private readonly listeners: ((news: TrailNews<E>) => void)[] = [];
  /** The hint position the claims were read up to. */
  private fed = 0;
  private started = false;
  /** A caller gets a read that started after it asked: it covers every event recorded before. */
  private readonly reads = new FreshRun(() => this.read());

  constructor(private readonly source: TrailSource<E>) {}

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
    if (events.length > 0) this.emit({ events });
  }

  /** Tells every subscriber what was recorded up to now: a read that started after this call covers it. */
  catchUp(): Promise<void> {
    return this.reads.run();
  }

  private async read(): Promise<void> {
    if (!this.started) await this.start();
    const changes = await this.source.changesSince(this.fed);
    if (changes) {
      this.fed = Math.max(this.fed, changes.upTo);
      this.tell(changes.events);
    } else {
      const marker = await this.source.changeMarker();
      const restored = marker < this.fed;
      this.fed = marker;
      this.emit({ lost: true, restored });
    }
  }

  private emit(news: TrailNews<E>): void {
    for (const listener of this.listeners) listener(news);
  }
}
