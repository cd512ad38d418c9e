import { Logger } from '@nestjs/common';
import type { AuditFilter } from './audit.repository.js';
import type { TrailReader } from './trail-feed.js';

/** What a filtered audit query reads of one event. */
export interface IndexedEvent {
  seq: number;
  id: string;
  resourceType: string;
  resourceKey?: string;
  actor: string;
  action: string;
  at: string | Date;
}

export interface AuditIndexSource {
  /**
   * The indexed fields of every event after position `after`, in storage order. On MongoDB a range of the `seq`
   * index; on FerretDB 1.24 one pass over the trail whatever `after` is.
   */
  indexedEventsAfter(after: number): AsyncIterable<IndexedEvent>;
  /** The events claimed at these recent positions (null where there is no claim). */
  claimedEvents(seqs: number[]): Promise<(IndexedEvent | null)[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FIELDS = ['resourceType', 'resourceKey', 'actor', 'action'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The fields filtered audit queries select on, for every event, in columns by position: filtering 100 000 events
 * in memory takes about a millisecond, where FerretDB 1.24 reads and decodes every event for each query (seconds;
 * docs/adr/0037). Names (types, keys, actors, actions) are interned, ids kept as 16 bytes: about 40 bytes an event.
 *
 * Built by one pass over the trail on the first filtered query (queries meanwhile wait for it), and read again
 * from where it is complete by the first query after the trail moved further than its recent claims tell. Kept current by the trail
 * feed (the claims of recent positions, read before each query and every few seconds, and this process's own
 * appends as they are written). Without an index (a pass failed, or found a position without its event) queries
 * are answered by the database as before.
 */
export class AuditIndex {
  private readonly logger = new Logger('AuditIndex');
  private capacity = 0;
  private ids = new Uint8Array(0);
  /** Ids that are not UUIDs (older trails, tests), by position. */
  private readonly otherIds = new Map<number, string>();
  private times = new Float64Array(0);
  private columns: Record<Field, Int32Array> = {
    resourceType: new Int32Array(0),
    resourceKey: new Int32Array(0),
    actor: new Int32Array(0),
    action: new Int32Array(0),
  };
  /** Interned names; 0 is "absent". */
  private readonly names = new Map<string, number>();
  private present = new Uint8Array(0);
  /** Positions 1..`complete` are all in the columns (events after it may be too). */
  private complete = 0;
  /** A pass has read the trail once: from then on, the columns are complete up to the feed's position. */
  private built = false;
  private building: Promise<void> | null = null;
  /** A position a pass found without its event (deleted by hand): passes are not tried again for it. */
  private holeAt: number | null = null;

  constructor(
    private readonly source: AuditIndexSource,
    private readonly feed: TrailReader<IndexedEvent>,
  ) {
    feed.subscribe((news) => {
      if ('events' in news) return this.add(news.events);
      // The trail moved further than the kept claims tell. The next query reads the events after what is known
      // (not now: on FerretDB that reads every event, and a busy trail would keep the database scanning).
      if (news.restored) this.clear(); // a restored database: what is known may differ
    });
  }

  /** How many positions, from the first, the columns hold without a gap. */
  get size(): number {
    return this.complete;
  }

  /** Reads the trail after what is known (all of it the first time); queries wait for it. */
  build(): Promise<void> {
    this.building ??= this.pass().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  /** Adds events as this process writes them (and as the claims tell of others'). */
  private add(events: readonly IndexedEvent[]): void {
    // Before the first query nothing is kept (an instance that only decides never queries): the first pass reads all.
    if (this.built || this.building) this.put(events);
  }

  private put(events: readonly IndexedEvent[]): void {
    for (const event of events) {
      if (event.seq < 1 || !Number.isSafeInteger(event.seq)) continue;
      this.ensure(event.seq);
      const i = event.seq;
      this.present[i] = 1;
      this.setId(i, event.id);
      this.times[i] = new Date(event.at).getTime();
      for (const field of FIELDS) this.columns[field][i] = this.intern(event[field]);
    }
    this.advance();
  }

  /**
   * One page of the events matching `filter`, as ids in position order, and how many match. While a pass is
   * reading the trail the query waits for it (it takes about as long as one query by the database, and running
   * both would double the load); null when the columns are not complete up to the feed's position even after a
   * pass (the caller asks the database).
   */
  async select(
    filter: AuditFilter,
    order: 'ASC' | 'DESC',
    skip: number,
    limit: number,
  ): Promise<{ ids: string[]; total: number } | null> {
    if (!this.built && this.holeAt === null) await this.build().catch(() => undefined);
    await this.feed.catchUp();
    // Positions the feed passed without telling (it lost them): a pass reads them (about one database query).
    if (this.complete < this.feed.position && this.holeAt !== this.complete + 1)
      await this.build().catch(() => undefined);
    if (!this.built || this.complete < this.feed.position) return null;
    const wanted = FIELDS.filter((field) => filter[field] !== undefined);
    const columns = wanted.map((field) => this.columns[field]);
    const codes = wanted.map((field) => this.names.get(filter[field]!) ?? -1);
    const from = filter.from?.getTime() ?? -Infinity;
    const to = filter.to?.getTime() ?? Infinity;
    const matching: number[] = [];
    // Plain loops: this runs once per position, 100 000 times a query at 100 000 events.
    scan: for (let seq = 1; seq <= this.complete; seq++) {
      for (let k = 0; k < columns.length; k++) if (columns[k]![seq] !== codes[k]) continue scan;
      const at = this.times[seq]!;
      if (at < from || at > to) continue;
      matching.push(seq);
    }
    if (order === 'DESC') matching.reverse();
    return { ids: matching.slice(skip, skip + limit).map((seq) => this.idAt(seq)), total: matching.length };
  }

  private async pass(): Promise<void> {
    const started = Date.now();
    // Everything up to where the feed stands must be read here; what comes after, the feed tells.
    const target = this.feed.position;
    const after = this.complete;
    let count = 0;
    for await (const event of this.source.indexedEventsAfter(after)) {
      this.put([event]);
      count++;
    }
    // An event whose position the hint already shows may still be on its way into the trail: its claim has it.
    const missing = [];
    for (let seq = this.complete + 1; seq <= target; seq++) if (!this.present[seq]) missing.push(seq);
    if (missing.length > 0 && missing.length <= 256)
      this.put((await this.source.claimedEvents(missing)).filter((e) => e !== null));
    if (this.complete < target) {
      this.holeAt = this.complete + 1;
      this.logger.warn(`audit index: position ${this.holeAt} has no event; the database answers filtered queries`);
      return;
    }
    this.built = true;
    this.logger.log(`audit index: ${count} events after position ${after} read in ${Date.now() - started} ms`);
  }

  /**
   * Moves `complete` over the positions present after it: this process's own appends are in the columns before the
   * hint shows them (a concurrent `$max` on FerretDB may even leave the hint behind for a while).
   */
  private advance(): void {
    while (this.complete + 1 < this.capacity && this.present[this.complete + 1]) this.complete++;
  }

  private clear(): void {
    this.capacity = 0;
    this.ids = new Uint8Array(0);
    this.present = new Uint8Array(0);
    this.times = new Float64Array(0);
    for (const field of FIELDS) this.columns[field] = new Int32Array(0);
    this.otherIds.clear();
    this.complete = 0;
    this.holeAt = null;
  }

  private ensure(seq: number): void {
    if (seq < this.capacity) return;
    let capacity = Math.max(1024, this.capacity * 2);
    while (capacity <= seq) capacity *= 2;
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(old: T, make: (n: number) => T, width = 1): T => {
      const next = make(capacity * width);
      next.set(old);
      return next;
    };
    this.ids = grow(this.ids, (n) => new Uint8Array(n), 16);
    this.present = grow(this.present, (n) => new Uint8Array(n));
    this.times = grow(this.times, (n) => new Float64Array(n));
    for (const field of FIELDS) this.columns[field] = grow(this.columns[field], (n) => new Int32Array(n));
    this.capacity = capacity;
  }

  private intern(name: string | undefined): number {
    if (name === undefined) return 0;
    let code = this.names.get(name);
    if (code === undefined) {
      code = this.names.size + 1;
      this.names.set(name, code);
    }
    return code;
  }

  private setId(seq: number, id: string): void {
    if (UUID.test(id)) {
      this.ids.set(Buffer.from(id.replaceAll('-', ''), 'hex'), seq * 16);
      this.otherIds.delete(seq);
    } else {
      this.otherIds.set(seq, id);
    }
  }

  private idAt(seq: number): string {
    const other = this.otherIds.get(seq);
    if (other !== undefined) return other;
    const hex = Buffer.from(this.ids.buffer, this.ids.byteOffset + seq * 16, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
