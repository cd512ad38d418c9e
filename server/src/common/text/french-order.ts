// How lists order names and match searches for French-first readers. Code-point order put « abc », « Évaluation »
// and « école » after « Zèbre », and a search for « ecole » did not find « École ».

const collator = new Intl.Collator('fr-CA', { numeric: true });

/**
 * Names as a French reader orders them: « abc, Bateau, école, Évaluation, Zèbre »; « v2 » before « v10 ». Two
 * different texts the collation calls equal (« v01 », « v1 ») keep an order, so pages never swap them.
 */
export function compareFrench(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Text as a search compares it: case and accents aside, so « ecole » and « ÉCOLE » both find « École », and
 * « oeuvre » finds « Œuvre ». Only combining marks are dropped: `\p{Diacritic}` also holds ^ and `, which folded a
 * search for « ^ » to nothing, and nothing matched everything.
 */
export function searchFold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/** Whether `text` holds the search `q` (already folded); a search of accents alone finds nothing. */
export function matchesSearch(text: string, q: string): boolean {
  return foldedMatchesSearch(searchFold(text), q);
}

/** `matchesSearch` for a text folded already (lists fold each row once, not once per search). */
export function foldedMatchesSearch(folded: string, q: string): boolean {
  return q !== '' && folded.includes(q);
}

/**
 * Values a list sorts on, in MongoDB's order of types (missing, numbers, text, dates, anything else), so a list
 * ordered in memory pages as the database would order it; text in French order, or by code point when it is not
 * words (ISO timestamps, ids). Every list ordered in memory (rule sets and prompts, reference tables, accounts,
 * API keys) compares through this one.
 */
export function compareListValues(a: unknown, b: unknown, words = true): number {
  const [ra, rb] = [typeRank(a), typeRank(b)];
  if (ra !== rb) return ra - rb;
  if (words && typeof a === 'string' && typeof b === 'string') return compareFrench(a, b);
  const [x, y] =
    a instanceof Date && b instanceof Date ? [a.getTime(), b.getTime()] : [a as number | string, b as number | string];
  return x < y ? -1 : x > y ? 1 : 0;
}

function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  return value instanceof Date ? 3 : 4;
}

/**
 * One page of `items` ordered by `read` (ties by `tie`, which is unique), for lists small enough to order in
 * memory (accounts, API keys): the database orders text by code point, French readers do not.
 */
export function pageInListOrder<T>(
  items: T[],
  read: (item: T) => unknown,
  tie: (item: T) => string,
  { sortOrder, skip, limit }: { sortOrder: 'ASC' | 'DESC'; skip: number; limit: number },
): T[] {
  const direction = sortOrder === 'ASC' ? 1 : -1;
  return [...items]
    .sort((a, b) => direction * (compareListValues(read(a), read(b)) || compareFrench(tie(a), tie(b))))
    .slice(skip, skip + limit);
}

/**
 * One page of stored documents (keyed by `_id`) that a list reads whole (accounts, API keys): those whose
 * `searched` texts hold the list's `q` filter, case and accents aside, in list order. The list's own name for the
 * key (`username`, `id`) sorts by `_id`, any other sort field by the document's field of that name.
 */
export function pageOfDocuments<T extends { _id: string }>(
  documents: T[],
  { keyName, searched }: { keyName: string; searched: (document: T) => unknown[] },
  query: { sortField: string; sortOrder: 'ASC' | 'DESC'; skip: number; limit: number; filter: Record<string, unknown> },
): { items: T[]; total: number } {
  const q = query.filter['q'];
  const folded = typeof q === 'string' && q !== '' ? searchFold(q) : undefined;
  const matching =
    folded === undefined
      ? documents
      : documents.filter((d) => searched(d).some((text) => typeof text === 'string' && matchesSearch(text, folded)));
  const field = (query.sortField === keyName ? '_id' : query.sortField) as keyof T;
  const items = pageInListOrder(
    matching,
    (d) => d[field],
    (d) => d._id,
    query,
  );
  return { items, total: matching.length };
}
