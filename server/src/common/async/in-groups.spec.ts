import { describe, expect, it } from '@jest/globals';
import { inGroups } from './in-groups.js';

describe('inGroups', () => {
  it('works on every item with its index, never more than the group size at once', async () => {
    let running = 0;
    let most = 0;
    const seen: [string, number][] = [];
    await inGroups(['a', 'b', 'c', 'd', 'e'], 2, async (item, index) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push([item, index]);
      running--;
    });
    expect(most).toBe(2);
    expect(seen.sort()).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
      ['e', 4],
    ]);
  });

  it('lets other work run between groups', async () => {
    const order: string[] = [];
    const grouped = inGroups([1, 2, 3], 1, async (n) => void order.push(`item ${n}`));
    setImmediate(() => order.push('other'));
    await grouped;
    expect(order.indexOf('other')).toBeLessThan(order.indexOf('item 3'));
  });
});
