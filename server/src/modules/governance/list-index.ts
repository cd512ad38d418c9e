import { Logger } from '@nestjs/common';
import type { ListQuery } from '../../common/http/list-query.js';
import { FreshRun } from '../../common/async/fresh-run.js';
import { compareFrench, compareListValues, foldedMatchesSearch, searchFold } from '../../common/text/french-order.js';
import { type NamingEvent, type TrailReader, watchResources } from '../audit/trail-feed.js';
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

/** What each sort field reads, and whether it is words (ordered as French is) rather than a timestamp. */
const SORT_FIELDS: Record<string, { read: (row: ListRow) => unknown; words: boolean }> = {
  key: { read: (row) => row.key, words: true },
  name: { read: (row) => row.name, words: true },
  pilot: { read: (row) => row.pilot, words: true },
  updatedAt: { read: (row) => row.updatedAt, words: false },
  createdAt: { read: (row) => row.createdAt, words: false },
};

/**
 * The rows console lists filter and sort, kept in memory so that a list costs the same with 10 or 10 000
 * resources (docs/adr/0037). FerretDB 1.24 serves no filter or sort from an index: reading the collection for each
 * list took seconds at 10 000 rule sets.
 *
 * Built by one pass over the collection on the first list (an instance that only decides never pays for it), then
 * kept current without reading it
 * again: this instance's own changes mark their key, and the audit trail's feed tells which resources other
 * instances changed (each change records an event naming its resource in the same request). Before each list, the
 * feed catches up and the marked and named keys are read again by `_id`. When the trail moved further than its
 * recent claims can tell, the collection is read once more. One sync runs at a time; a list waits for one that
 * started after it was asked.
 */
export class ListIndex {
  private readonly logger = new Logger('ListIndex');
  private rows = new Map<string, ListRow>();
  private built = false;
  /** Keys changed (by this instance, or told by the trail) since the last sync. */
  private readonly touched = new Set<string>();
  /** The trail moved further than its claims tell: only a new pass knows what changed. */
  private lost = false;
  /** A list waits for a sync that started after it was asked: it covers every change made before. */
  private readonly syncs = new FreshRun(() => this.sync());
  private syncing = false;

  constructor(
    private readonly resourceType: string,
    private readonly source: ListRowSource,
    private readonly feed: TrailReader<NamingEvent>,
  ) {
    watchResources(feed, resourceType, {
      changed: (key) => this.touch(key),
      lost: () => (this.lost = true),
    });
  }

  /** This instance changed the resource: read it again before the next list. */
  touch(key: string): void {
    if (this.tracking()) this.touched.add(key);
  }

  /** Before the first list nothing is kept (an instance that only decides never lists): the first pass reads all. */
  private tracking(): boolean {
    return this.built || this.syncing;
  }

  /** The keys of one page, in list order, and how many rows match. */
  async select(query: ListQuery, filter: ResourceListFilter): Promise<{ keys: string[]; total: number }> {
    const rows = await this.current();
    const matches = matcher(filter, new Date());
    const matching: ListRow[] = [];
    for (const row of rows.values()) if (matches(row)) matching.push(row);
    const { read, words } = SORT_FIELDS[query.sortField] ?? SORT_FIELDS['key']!;
    const direction = query.sortOrder === 'ASC' ? 1 : -1;
    matching.sort((a, b) => direction * (compareListValues(read(a), read(b), words) || compareFrench(a.key, b.key)));
    return { keys: matching.slice(query.skip, query.skip + query.limit).map((r) => r.key), total: matching.length };
  }

  /** The rows, current as of this call: every change committed before it is in them. */
  private async current(): Promise<Map<string, ListRow>> {
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
    const rows = new Map<string, ListRow>();
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

/** Rows' key, name and description as a search compares them: a row is replaced, never changed, when it changes. */
const searchableText = new WeakMap<ListRow, string[]>();

/**
 * Folded once per row rather than once per row per search: folding (Unicode decomposition) every row's three texts
 * took 26–42 ms of one turn for a search among 10 000 rule sets.
 */
function searchableTextOf(row: ListRow): string[] {
  let folded = searchableText.get(row);
  if (!folded) {
    folded = [row.key, row.name, row.description].flatMap((s) => (s === undefined ? [] : [searchFold(s)]));
    searchableText.set(row, folded);
  }
  return folded;
}

/** The same selection the database query made: archived or not, pilot, stored or derived status, text. */
function matcher(filter: ResourceListFilter, now: Date): (row: ListRow) => boolean {
  const archived = filter.archived ?? false;
  // Published and retired depend on the clock (a scheduled publication retires the version before it when it
  // starts): those are judged on the derived statuses, never on the stored ones.
  const derived = filter.status === 'published' || filter.status === 'retired';
  const text = filter.q ? searchFold(filter.q) : null;
  return (row) => {
    if (row.archived !== archived) return false;
    if (filter.pilot && row.pilot !== filter.pilot) return false;
    if (filter.status) {
      const versions = derived
        ? withDerivedStatuses(row.versions as VersionRecord[], row.publications, now)
        : row.versions;
      if (!versions.some((v) => v.status === filter.status)) return false;
    }
    if (text !== null && !searchableTextOf(row).some((s) => foldedMatchesSearch(s, text))) return false;
    return true;
  };
}
