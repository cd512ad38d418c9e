import { Logger } from '@nestjs/common';
import escapeStringRegexp from 'escape-string-regexp';
import type { ListQuery } from '../../common/http/list-query.js';
import { withDerivedStatuses } from './publications.js';
import type { Publication, VersionRecord, VersionStatus } from './versioned-resource.js';

/** What a list filters and sorts on, for one resource: a few hundred bytes, whatever its versions hold. */
export interface ListRow {
  key: string;
  archived?: boolean;
  name?: string;
  pilot?: string;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
  versions: { number: number; status: VersionStatus }[];
  publications: Publication[];
}

export interface ResourceListFilter {
  pilot?: string;
  status?: string;
  q?: string;
  archived?: boolean;
}

/** Where rows come from: one pass over every resource (to build), one `_id` lookup per key (to keep up). */
export interface ListRowSource {
  allListRows(): AsyncIterable<ListRow>;
  listRowsOf(keys: string[]): Promise<Map<string, ListRow | null>>;
}

/** The audit trail seen as a change feed: every change of a governed resource records an event naming it. */
export interface ChangeFeed {
  /** A position that moves whenever any instance records an event. */
  changeMarker(): Promise<number>;
  /**
   * The resources named by the events recorded after position `after`, up to a recent position; null when that
   * stretch of the trail can no longer be read cheaply (the caller reads everything again).
   */
  changesSince(
    after: number,
  ): Promise<{ upTo: number; events: { resourceType: string; resourceKey?: string }[] } | null>;
}

const SORT_FIELDS: Record<string, (row: ListRow) => unknown> = {
  key: (row) => row.key,
  name: (row) => row.name,
  pilot: (row) => row.pilot,
  updatedAt: (row) => row.updatedAt,
  createdAt: (row) => row.createdAt,
};

/**
 * The rows console lists filter and sort, kept in memory so that a list costs the same with 10 or 10 000
 * resources (docs/adr/0037). FerretDB 1.24 serves no filter or sort from an index: reading the collection for each
 * list took seconds at 10 000 rule sets.
 *
 * Built by one pass over the collection (at start-up, or on the first list), then kept current without reading it
 * again: this instance's own changes mark their key, and the audit trail tells which resources other instances
 * changed (each change records an event naming its resource in the same request). Before each list, the marked and
 * named keys are read again by `_id`. When the trail moved further than its recent positions can tell, the
 * collection is read once more. One sync runs at a time; a list waits for one that started after it was asked.
 */
export class ListIndex {
  private readonly logger = new Logger('ListIndex');
  private rows = new Map<string, ListRow>();
  private built = false;
  /** The audit position up to which other instances' changes are in the rows. */
  private seen = 0;
  /** Keys this instance changed since the last sync. */
  private readonly touched = new Set<string>();
  /** Lists asked so far; a sync that starts after a list was asked covers every change made before it. */
  private asked = 0;
  private covered = 0;
  private syncing: Promise<void> | null = null;

  constructor(
    private readonly resourceType: string,
    private readonly source: ListRowSource,
    private readonly feed: ChangeFeed,
  ) {}

  /** This instance changed the resource: read it again before the next list. */
  touch(key: string): void {
    this.touched.add(key);
  }

  /** Builds the rows ahead of the first list (start-up); a failure is only logged, the first list tries again. */
  async warm(): Promise<void> {
    try {
      await this.current();
    } catch (err) {
      this.logger.warn(`the ${this.resourceType} list index will be built on the first list: ${String(err)}`);
    }
  }

  /** The keys of one page, in list order, and how many rows match. */
  async select(query: ListQuery, filter: ResourceListFilter): Promise<{ keys: string[]; total: number }> {
    const rows = await this.current();
    const matches = matcher(filter, new Date());
    const matching: ListRow[] = [];
    for (const row of rows.values()) if (matches(row)) matching.push(row);
    const sortKey = SORT_FIELDS[query.sortField] ?? SORT_FIELDS['key']!;
    const direction = query.sortOrder === 'ASC' ? 1 : -1;
    matching.sort(
      (a, b) => direction * compareValues(sortKey(a), sortKey(b)) || direction * compareValues(a.key, b.key),
    );
    return { keys: matching.slice(query.skip, query.skip + query.limit).map((r) => r.key), total: matching.length };
  }

  /** The rows, current as of this call: every change committed before it is in them. */
  private async current(): Promise<Map<string, ListRow>> {
    const asked = ++this.asked;
    while (this.covered < asked) {
      if (!this.syncing) {
        this.syncing = this.sync().finally(() => {
          this.syncing = null;
        });
      }
      await this.syncing;
    }
    return this.rows;
  }

  private async sync(): Promise<void> {
    const asked = this.asked;
    const touched = [...this.touched];
    this.touched.clear();
    try {
      const changes = this.built ? await this.feed.changesSince(this.seen) : null;
      if (changes) {
        const named = changes.events
          .filter((e) => e.resourceType === this.resourceType && e.resourceKey)
          .map((e) => e.resourceKey!);
        await this.reread([...new Set([...touched, ...named])]);
        this.seen = changes.upTo;
      } else {
        // Read the marker first: what lands during the pass is named by the trail after it, and read again next time.
        const marker = await this.feed.changeMarker();
        await this.rebuild();
        await this.reread(touched);
        this.seen = marker;
        this.built = true;
      }
      this.covered = Math.max(this.covered, asked);
    } catch (err) {
      touched.forEach((key) => this.touched.add(key));
      throw err;
    }
  }

  private async rebuild(): Promise<void> {
    const started = Date.now();
    const rows = new Map<string, ListRow>();
    // What changes while the pass reads is touched, or named by the trail after the marker: read again next time.
    for await (const row of this.source.allListRows()) rows.set(row.key, row);
    this.rows = rows;
    this.logger.log(`${this.resourceType} list index: ${rows.size} rows read in ${Date.now() - started} ms`);
  }

  private async reread(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    for (const [key, row] of await this.source.listRowsOf(keys)) {
      if (row === null) this.rows.delete(key);
      else this.rows.set(key, row);
    }
  }
}

/** The fields of a stored resource document that a list row is made of. */
export interface StoredListFields {
  _id: unknown;
  archived?: unknown;
  meta?: { name?: unknown; pilot?: unknown; description?: unknown };
  createdAt?: unknown;
  updatedAt?: unknown;
  versions?: VersionRecord[];
  publications?: Publication[];
}

/** The list fields of a stored resource document (versions reduced to what status filters read). */
export function listRowOf(doc: StoredListFields): ListRow {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    key: String(doc._id),
    ...(typeof doc.archived === 'boolean' && { archived: doc.archived }),
    name: text(doc.meta?.name),
    pilot: text(doc.meta?.pilot),
    description: text(doc.meta?.description),
    createdAt: text(doc.createdAt),
    updatedAt: text(doc.updatedAt),
    versions: (doc.versions ?? []).map((v) => ({ number: v.number, status: v.status })),
    publications: doc.publications ?? [],
  };
}

/** The same selection the database query made: archived or not, pilot, stored or derived status, text. */
function matcher(filter: ResourceListFilter, now: Date): (row: ListRow) => boolean {
  const archived = filter.archived ?? false;
  // Published and retired depend on the clock (a scheduled publication retires the version before it when it
  // starts): those are judged on the derived statuses, never on the stored ones.
  const derived = filter.status === 'published' || filter.status === 'retired';
  const text = filter.q ? new RegExp(escapeStringRegexp(filter.q), 'i') : null;
  return (row) => {
    if (row.archived !== archived) return false;
    if (filter.pilot && row.pilot !== filter.pilot) return false;
    if (filter.status) {
      const versions = derived
        ? withDerivedStatuses(row.versions as VersionRecord[], row.publications, now)
        : row.versions;
      if (!versions.some((v) => v.status === filter.status)) return false;
    }
    if (text && ![row.key, row.name, row.description].some((s) => s !== undefined && text.test(s))) return false;
    return true;
  };
}

/** MongoDB's order for what lists sort on: missing first, then numbers, strings, dates. */
function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown) =>
    v === undefined || v === null
      ? 0
      : typeof v === 'number'
        ? 1
        : typeof v === 'string'
          ? 2
          : v instanceof Date
            ? 3
            : 4;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const [x, y] =
    a instanceof Date && b instanceof Date ? [a.getTime(), b.getTime()] : [a as number | string, b as number | string];
  return x < y ? -1 : x > y ? 1 : 0;
}
