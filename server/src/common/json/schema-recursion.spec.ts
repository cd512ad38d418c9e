import { describe, expect, it } from '@jest/globals';
import { branchingRecursion } from './schema-recursion.js';

const node = (n: object) => ({ type: 'object', properties: { x: { $ref: '#/$defs/n' } }, $defs: { n } });

describe('branchingRecursion', () => {
  it('finds a recursion that meets the same value twice: each level would double the work', () => {
    // A review's schemas: nested 26 deep, the first held the service 7.9 s; the second 50 s at 22.
    expect(
      branchingRecursion(node({ allOf: [{ items: { $ref: '#/$defs/n' } }, { items: { $ref: '#/$defs/n' } }] })),
    ).toBe('/$defs/n/allOf/1/items/$ref');
    expect(
      branchingRecursion(node({ oneOf: [{ items: { $ref: '#/$defs/n' } }, { items: { $ref: '#/$defs/n' } }] })),
    ).toBe('/$defs/n/oneOf/1/items/$ref');
    // Every item, and some items: both apply to each one.
    expect(branchingRecursion({ items: { $ref: '#' }, contains: { $ref: '#' } })).toBe('/contains/$ref');
    // A member by name and by pattern.
    expect(branchingRecursion({ properties: { a: { $ref: '#' } }, patternProperties: { '^a': { $ref: '#' } } })).toBe(
      '/patternProperties/^a/$ref',
    );
    // One level and two levels down: Fibonacci's numbers of ways to each depth.
    expect(branchingRecursion({ anyOf: [{ items: { $ref: '#' } }, { items: { items: { $ref: '#' } } }] })).toBe(
      '/anyOf/1/items/items/$ref',
    );
    // Through another definition: the return is counted wherever it is written.
    expect(
      branchingRecursion({
        anyOf: [{ $ref: '#/$defs/a' }, { $ref: '#/$defs/b' }],
        $defs: { a: { items: { $ref: '#' } }, b: { items: { $ref: '#' } } },
      }),
    ).toBe('/$defs/b/items/$ref');
    // Itself, on the same value: no data step at all.
    expect(branchingRecursion({ type: 'object', allOf: [{ $ref: '#' }] })).toBe('/allOf/0/$ref');
  });

  it('accepts recursions that follow the data: a list, a tree, a tuple, a linked list through a definition', () => {
    expect(branchingRecursion({ type: 'array', items: { $ref: '#' } })).toBeUndefined();
    expect(
      branchingRecursion({ properties: { left: { $ref: '#' }, right: { $ref: '#' }, value: {} } }),
    ).toBeUndefined();
    expect(branchingRecursion({ prefixItems: [{ $ref: '#' }, { $ref: '#' }] })).toBeUndefined();
    expect(branchingRecursion({ items: [{ $ref: '#' }, { $ref: '#' }] })).toBeUndefined();
    expect(
      branchingRecursion({
        $ref: '#/$defs/item',
        $defs: { item: { properties: { next: { anyOf: [{ type: 'null' }, { $ref: '#/$defs/item' }] } } } },
      }),
    ).toBeUndefined();
    expect(branchingRecursion({ type: 'object', properties: { a: { type: 'string' } } })).toBeUndefined();
  });
});
