import { describe, expect, it } from '@jest/globals';
import { compareFrench, matchesSearch, searchFold } from './french-order.js';

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
});
