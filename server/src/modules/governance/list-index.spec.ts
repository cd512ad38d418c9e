import { describe, expect, it } from '@jest/globals';
import type { ListQuery } from '../../common/http/list-query.js';
import { type NamingEvent, TrailFeed } from '../audit/trail-feed.js';
import { ListIndex, type ListRow, type ListRowSource } from './list-index.js';

const row = (key: string, fields: Partial<ListRow> = {}): ListRow => ({
  key,
  archived: false,
  versions: [{ number: 1, status: 'draft' }],
  publications: [],
  ...fields,
});

/** A collection in memory whose next full pass can be held open, as a slow scan of a large one is. */
class Collection implements ListRowSource {
  readonly rows = new Map<string, ListRow>();
  /** What the held pass has read: the rows as they were when it was held. */
  private held: { rows: ListRow[]; gate: Promise<void>; reading: () => void } | null = null;
  release: () => void = () => undefined;

  /** Holds the next pass once it has read the rows as they are now; resolves when that pass is reading. */
  holdNextPass(): Promise<void> {
    return new Promise((reading) => {
      this.held = { rows: [...this.rows.values()], gate: new Promise((resolve) => (this.release = resolve)), reading };
    });
  }

  async *allListRows(): AsyncIterable<ListRow> {
    const held = this.held;
    this.held = null;
    held?.reading();
    if (held) await held.gate;
    yield* held ? held.rows : [...this.rows.values()];
  }

  async listRowsOf(keys: string[]): Promise<Map<string, ListRow | null>> {
    return new Map(keys.map((key) => [key, this.rows.get(key) ?? null]));
  }
}

/** A trail nobody else writes to. */
const quietTrail = () =>
  new TrailFeed<NamingEvent & { seq: number }>({ changeMarker: async () => 0, claimedEvents: async () => [] });

const page = (sortField = 'key', sortOrder: 'ASC' | 'DESC' = 'ASC'): ListQuery => ({
  sortField,
  sortOrder,
  skip: 0,
  limit: 25,
  filter: {},
});

describe('ListIndex', () => {
  it('lists a change made while the first pass was still reading, once the change has returned', async () => {
    const collection = new Collection();
    collection.rows.set('a', row('a'));
    const reading = collection.holdNextPass();
    const index = new ListIndex('ruleset', collection, quietTrail());
    const first = index.select(page(), {});
    await reading;
    // A create returns (stored, touched) while the pass that started before it is still reading.
    collection.rows.set('b', row('b'));
    index.touch('b');
    const second = index.select(page(), {});
    collection.release();
    expect((await first).keys).toEqual(['a']); // asked before the create returned
    expect(await second).toEqual({ keys: ['a', 'b'], total: 2 });
  });

  it('filters and sorts as the database query did: missing values first, ties by key, archived apart', async () => {
    const collection = new Collection();
    collection.rows.set('c', row('c', { name: 'Beta' }));
    collection.rows.set('a', row('a', { name: 'Beta' }));
    collection.rows.set('b', row('b'));
    collection.rows.set('z', row('z', { name: 'Alpha', archived: true }));
    const index = new ListIndex('ruleset', collection, quietTrail());
    expect((await index.select(page('name'), {})).keys).toEqual(['b', 'a', 'c']);
    expect((await index.select(page('name', 'DESC'), {})).keys).toEqual(['c', 'a', 'b']);
    expect(await index.select(page(), { archived: true })).toEqual({ keys: ['z'], total: 1 });
    expect((await index.select(page(), { q: 'BET' })).keys).toEqual(['a', 'c']);
  });

  it('finds a renamed resource by its new name, and no longer by its old one', async () => {
    const collection = new Collection();
    collection.rows.set('a', row('a', { name: 'Factures', description: 'Règles de l’été' }));
    const index = new ListIndex('ruleset', collection, quietTrail());
    expect((await index.select(page(), { q: 'ete' })).keys).toEqual(['a']);
    collection.rows.set('a', row('a', { name: 'Écoles' }));
    index.touch('a');
    expect((await index.select(page(), { q: 'ecoles' })).keys).toEqual(['a']);
    expect((await index.select(page(), { q: 'factures' })).keys).toEqual([]);
    expect((await index.select(page(), { q: 'ete' })).keys).toEqual([]);
  });

  it('orders names as French does and finds them case and accents aside', async () => {
    const collection = new Collection();
    const names = ['Zèbre', 'abc', 'Bateau', 'école', 'Évaluation', 'version 10', 'version 9'];
    names.forEach((name, i) => collection.rows.set(`k${i}`, row(`k${i}`, { name })));
    const index = new ListIndex('prompt', collection, quietTrail());
    const named = async (...args: Parameters<typeof index.select>) =>
      (await index.select(...args)).keys.map((key) => names[Number(key.slice(1))]);
    expect(await named(page('name'), {})).toEqual([
      'abc',
      'Bateau',
      'école',
      'Évaluation',
      'version 9',
      'version 10',
      'Zèbre',
    ]);
    expect(await named(page('name', 'DESC'), {})).toEqual([
      'Zèbre',
      'version 10',
      'version 9',
      'Évaluation',
      'école',
      'Bateau',
      'abc',
    ]);
    expect(await named(page(), { q: 'ecole' })).toEqual(['école']);
    expect(await named(page(), { q: 'EVALUATION' })).toEqual(['Évaluation']);
    expect(await named(page(), { q: 'zebre' })).toEqual(['Zèbre']);
    // Symbols are searched as they are (« ^ » had folded to nothing, and nothing matched everything); accents
    // alone find nothing.
    expect(await named(page(), { q: '^' })).toEqual([]);
    expect(await named(page(), { q: '\u0301' })).toEqual([]);
  });

  it('judges published and retired on the statuses the clock gives, not the stored ones', async () => {
    const collection = new Collection();
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const earlier = new Date(Date.now() - 86_400_000).toISOString();
    const publication = (version: number, effectiveFrom: string) =>
      ({ version, effectiveFrom, publishedBy: 'p', publishedAt: earlier, kind: 'publish' }) as const;
    // Version 2 is stored as published but only starts tomorrow: version 1 is still the one in force.
    collection.rows.set(
      'scheduled',
      row('scheduled', {
        versions: [
          { number: 1, status: 'published' },
          { number: 2, status: 'published' },
        ],
        publications: [publication(1, earlier), publication(2, later)],
      }),
    );
    collection.rows.set('retired', row('retired', { versions: [{ number: 1, status: 'published' }] }));
    const index = new ListIndex('ruleset', collection, quietTrail());
    expect((await index.select(page(), { status: 'published' })).keys).toEqual(['scheduled']);
    expect((await index.select(page(), { status: 'retired' })).keys).toEqual(['retired']);
  });
});
