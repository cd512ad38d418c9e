import { describe, expect, it } from '@jest/globals';
import { unstorableKeys } from './storable-keys.js';

describe('unstorableKeys', () => {
  it('names every key the database refuses, at any depth and inside lists, by its JSON Pointer', () => {
    const params = { ok: 1, $gt: 1, nested: { 'a.b': 2, list: [{ $where: 'x' }] }, mid$dle: 3, '': 4 };
    expect(unstorableKeys(params, '/event/params').map((d) => d.path)).toEqual([
      '/event/params/$gt',
      '/event/params/nested/a.b',
      '/event/params/nested/list/0/$where',
    ]);
  });

  it('finds nothing in plain values, and lists at most twenty', () => {
    expect(unstorableKeys({ montant: 12, motif: 'taxes', lignes: [1, 2] }, '')).toEqual([]);
    expect(unstorableKeys(undefined, '')).toEqual([]);
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`$k${i}`, i]));
    expect(unstorableKeys(many, '')).toHaveLength(20);
  });
});
