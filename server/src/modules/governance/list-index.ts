import type { ListQuery } from '../../common/http/list-query.js';
import { compareFrench, compareListValues, foldedMatchesSearch, searchFold } from '../../common/text/french-order.js';
import { FeedKeptRows, pageOfRows } from '../audit/feed-kept-rows.js';
import type { NamingEvent, TrailReader } from '../audit/trail-feed.js';
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
 * list took seconds at 10 000 rule sets. Kept current through the audit trail's feed (FeedKeptRows).
 */
export class ListIndex {
  private readonly kept: FeedKeptRows<ListRow>;

  constructor(resourceType: string, source: ListRowSource, feed: TrailReader<NamingEvent>) {
    this.kept = new FeedKeptRows(
      resourceType,
      { allRows: () => source.allListRows(), rowsOf: (keys) => source.listRowsOf(keys) },
      (row) => row.key,
      feed,
    );
  }

  /** This instance changed the resource: read it again before the next list. */
  touch(key: string): void {
    this.kept.touch(key);
  }

  /** The keys of one page, in list order, and how many rows match. */
  async select(query: ListQuery, filter: ResourceListFilter): Promise<{ keys: string[]; total: number }> {
    const { read, words } = SORT_FIELDS[query.sortField] ?? SORT_FIELDS['key']!;
    const direction = query.sortOrder === 'ASC' ? 1 : -1;
    const { page, total } = pageOfRows(
      await this.kept.current(),
      matcher(filter, new Date()),
      (a, b) => direction * (compareListValues(read(a), read(b), words) || compareFrench(a.key, b.key)),
      query,
    );
    return { keys: page.map((r) => r.key), total };
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
