import { Logger } from '@nestjs/common';
import type { AuditFilter } from './audit.repository.js';

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
  /** A position that moves whenever any instance records an event. */
  changeMarker(): Promise<number>;
  /** The events recorded after `after`, up to a recent position; null when that stretch is no longer kept. */
  changesSince(after: number): Promise<{ upTo: number; events: IndexedEvent[] } | null>;
  /**
   * The indexed fields of every event after position `after`, in storage order. On MongoDB a range of the `seq`
   * index; on FerretDB 1.24 one pass over the trail whatever `after` is.
   */
  indexedEventsAfter(after: number): AsyncIterable<IndexedEvent>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FIELDS = ['resourceType', 'resourceKey', 'actor', 'action'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The fields filtered audit queries select on, for every event, in columns by position: filtering 100 000 events
 * in memory takes about a millisecond, where FerretDB 1.24 reads and decodes every event for each query (seconds;
 * docs/adr/0037). Names (types, keys, actors, actions) are interned, ids kept as 16 bytes: about 40 bytes an event.
 *
 * Built by one pass over the trail in the background at start-up (queries meanwhile wait for it), and read again
 * when the trail moved further than its recent claims tell. Kept current from the claims of recent positions
 * before each query and every few seconds, and from this process's own appends as they are written. Without an
 * index (a pass failed, or found a position without its event) queries are answered by the database as before.
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
  private ready = false;
  private building: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;

  constructor(private readonly source: AuditIndexSource) {}

  /** Reads the whole trail once (in the background at start-up); queries use the database until it is done. */
  build(): Promise<void> {
    this.building ??= this.pass().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  /** Adds events as this process writes them (and as the claims tell of others'). */
  add(events: readonly IndexedEvent[]): void {
    for (const event of events) {
      if (event.seq < 1 || !Number.isSafeInteger(event.seq)) continue;
      this.ensure(event.seq);
      const i = event.seq;
      this.present[i] = 1;
      this.setId(i, event.id);
      this.times[i] = new Date(event.at).getTime();
      for (const field of FIELDS) this.columns[field][i] = this.intern(event[field]);
    }
  }

  /**
   * One page of the events matching `filter`, as ids in position order, and how many match. While a pass is
   * reading the trail the query waits for it (it takes about as long as one query by the database, and running
   * both would double the load); null when there is no index to ask (the caller asks the database).
   */
  async select(
    filter: AuditFilter,
    order: 'ASC' | 'DESC',
    skip: number,
    limit: number,
  ): Promise<{ ids: string[]; total: number } | null> {
    if (!(await this.whenReady())) return null;
    await this.catchUp();
    if (!(await this.whenReady())) return null;
    const wanted = FIELDS.map((field) => [field, filter[field]] as const).filter(([, value]) => value !== undefined);
    const codes = wanted.map(([field, value]) => [this.columns[field], this.names.get(value!) ?? -1] as const);
    const from = filter.from?.getTime() ?? -Infinity;
    const to = filter.to?.getTime() ?? Infinity;
    const matching: number[] = [];
    for (let seq = 1; seq <= this.complete; seq++) {
      if (codes.some(([column, code]) => column[seq] !== code)) continue;
      const at = this.times[seq]!;
      if (at < from || at > to) continue;
      matching.push(seq);
    }
    if (order === 'DESC') matching.reverse();
    return { ids: matching.slice(skip, skip + limit).map((seq) => this.idAt(seq)), total: matching.length };
  }

  private async whenReady(): Promise<boolean> {
    if (!this.ready && this.building) await this.building.catch(() => undefined);
    return this.ready;
  }

  /** Reads what other instances recorded since the last look (cheap: a few claims by `_id`). */
  catchUp(): Promise<void> {
    this.syncing ??= this.sync().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async sync(): Promise<void> {
    if (!this.ready) return;
    const changes = await this.source.changesSince(this.complete);
    if (!changes) {
      // The trail moved further than the kept claims tell: read the events after what is known (queries wait).
      this.ready = false;
      void this.build().catch((err: unknown) => this.logger.warn(`audit index pass failed: ${String(err)}`));
      return;
    }
    this.add(changes.events);
    this.complete = Math.max(this.complete, changes.upTo);
  }

  private async pass(): Promise<void> {
    const started = Date.now();
    // Read the marker first: what is recorded during the pass is told by the claims after it.
    const marker = await this.source.changeMarker();
    // A trail shorter than what is known was replaced (a restored database): start from nothing.
    if (marker < this.complete) this.clear();
    const after = this.complete;
    let count = 0;
    for await (const event of this.source.indexedEventsAfter(after)) {
      this.add([event]);
      count++;
    }
    for (let seq = after + 1; seq <= marker; seq++) {
      if (!this.present[seq]) {
        this.logger.warn(`audit index: position ${seq} has no event; filtered queries stay with the database`);
        return;
      }
    }
    this.complete = Math.max(this.complete, marker);
    this.ready = true;
    this.logger.log(`audit index: ${count} events after position ${after} read in ${Date.now() - started} ms`);
  }

  private clear(): void {
    this.capacity = 0;
    this.ids = new Uint8Array(0);
    this.present = new Uint8Array(0);
    this.times = new Float64Array(0);
    for (const field of FIELDS) this.columns[field] = new Int32Array(0);
    this.otherIds.clear();
    this.complete = 0;
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
