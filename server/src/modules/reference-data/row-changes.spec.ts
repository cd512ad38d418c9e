import { describe, expect, it } from '@jest/globals';
import { rowChanges } from './row-changes.js';

const table = {
  keyColumn: 'id',
  columns: [
    { name: 'id', type: 'string' as const },
    { name: 'n', type: 'number' as const },
  ],
  rows: [
    { id: 'a', n: 1 },
    { n: 2, id: 'b' },
    { id: 'c', n: 3 },
  ],
};

describe('what a table change shows a reviewer', () => {
  it('counts rows added, removed and changed by key; cells stored in another order are no change', async () => {
    const { changes, counts } = await rowChanges(table, [
      { id: 'b', n: 2 },
      { id: 'c', n: 30 },
      { id: 'd', n: null },
    ]);
    expect(counts).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(changes).toEqual([
      { key: 'c', before: { id: 'c', n: 3 }, after: { id: 'c', n: 30 } },
      { key: 'd', before: null, after: { id: 'd', n: null } },
      { key: 'a', before: { id: 'a', n: 1 }, after: null },
    ]);
  });

  it('shows the first 50 of 20 000 changed rows and counts them all', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ id: String(i), n: i }));
    const { changes, counts } = await rowChanges(
      { ...table, rows: many },
      many.map((r) => ({ ...r, n: -1 })),
    );
    expect(counts).toEqual({ added: 0, removed: 0, changed: 20_000 });
    expect(changes).toHaveLength(50);
  });
});
