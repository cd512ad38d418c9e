import { describe, expect, it } from '@jest/globals';
import { compareFrench, compareListValues, matchesSearch, searchFold } from './french-order.js';

describe('French order and search', () => {
  it('finds names case and accents aside, ligatures written out too', () => {
    expect(matchesSearch('École de musique', searchFold('ecole'))).toBe(true);
    expect(matchesSearch('Œuvre publique', searchFold('OEUVRE'))).toBe(true);
    expect(matchesSearch('Cæsar', searchFold('caesar'))).toBe(true);
    expect(matchesSearch('a^b', searchFold('^'))).toBe(true);
    expect(matchesSearch('abc', searchFold('^'))).toBe(false);
    expect(matchesSearch('abc', searchFold('\u0301'))).toBe(false);
  });

  it('orders as French does, keeping an order between texts the collation calls equal', () => {
    expect(['Zèbre', 'école', 'abc', 'v10', 'v9'].sort(compareFrench)).toEqual(['abc', 'école', 'v9', 'v10', 'Zèbre']);
    expect(compareFrench('v01', 'v1')).not.toBe(0);
  });

  it('orders list values as the database orders types, words in French order and other text by code point', () => {
    const may = new Date('2026-05-01T00:00:00Z');
    const april = new Date('2026-04-01T00:00:00Z');
    // As lists read them, from rows (Array#sort alone puts undefined last without asking the comparer).
    const rows = ['Zèbre', may, 10, null, 'école', 9, april, undefined].map((value) => ({ value }));
    expect(rows.sort((a, b) => compareListValues(a.value, b.value)).map((row) => row.value)).toEqual([
      null,
      undefined,
      9,
      10,
      'école',
      'Zèbre',
      april,
      may,
    ]);
    // ISO timestamps and ids are not words: « 2026-12-05T10 » after « 2026-12-05T09 », « Z » before « a ».
    expect(['b', 'Z', 'a'].sort((a, b) => compareListValues(a, b, false))).toEqual(['Z', 'a', 'b']);
    expect(['b', 'Z', 'a'].sort((a, b) => compareListValues(a, b))).toEqual(['a', 'b', 'Z']);
  });
});
